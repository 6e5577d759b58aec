"""Each page's counterparts in the other languages, once every language is built (a rewrite of
the built files, so it holds for either engine).

Material's `extra.alternate` is a list of language homes: it puts them in every page's head as
`<link rel="alternate" hreflang>` and its script reads each home's sitemap.xml to send the reader
to the same page when they switch. So the homes are written relative (the sitemaps load from
whatever host serves the site, a careers service's, a laptop's), and here:
- the switcher's links go to the same page in each language, so it keeps the reader's place
  without JavaScript too;
- every sitemap lists each page's counterparts as `xhtml:link rel="alternate" hreflang`, with
  full addresses: how search engines (and Material's script) pair the pages.
"""
from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

SWITCH = re.compile(r'(<a href=")([^"]*)(" hreflang="([a-z-]+)" class="md-select__link">)')
URL = re.compile(r"(\s*<url>\s*<loc>)([^<]+)(</loc>(?:\s*<lastmod>[^<]*</lastmod>)?)")
XHTML = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'


def tree_of(site_dir: Path, page: Path, codes: list[str]) -> tuple[str, str]:
    """(language code, the page's URL inside its language's tree), e.g. ("es", "reflect/")."""
    rel = page.relative_to(site_dir).as_posix()
    first = rel.split("/", 1)[0]
    code = first if first in codes and first != "en" else "en"
    inside = rel[len(code) + 1:] if code != "en" else rel
    return code, inside[: -len("index.html")] if inside.endswith("index.html") else inside


def counterpart(site_dir: Path, code: str, inside: str) -> str:
    """The page's URL in language `code` from the site root ('es/reflect/'), or that language's
    home when the page is not there."""
    prefix = "" if code == "en" else f"{code}/"
    path = prefix + inside
    file = site_dir / (path + "index.html" if path.endswith("/") or not path else path)
    return path if file.is_file() else prefix


def same_page(site_dir: Path, codes: list[str], site_url: str) -> None:
    """Point every page's switcher at its counterparts, and list them in every sitemap."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text("utf-8")
        if "md-select__link" not in html:
            continue
        _, inside = tree_of(site_dir, page, codes)
        here = posixpath.dirname(page.relative_to(site_dir).as_posix()) or "."

        def relative(match: re.Match) -> str:
            path = counterpart(site_dir, match[4], inside)
            link = posixpath.relpath(path.rstrip("/") or ".", here)
            return match[1] + (link + "/" if path.endswith("/") or not path else link) + match[3]

        rewritten = SWITCH.sub(relative, html)
        if rewritten != html:
            page.write_text(rewritten, "utf-8")
    for code in codes:
        sitemap = site_dir / ("" if code == "en" else code) / "sitemap.xml"
        if sitemap.is_file():
            write_sitemap(sitemap, sitemap_with_alternates(sitemap.read_text("utf-8"), site_dir, code, codes, site_url))


def sitemap_with_alternates(xml: str, site_dir: Path, code: str, codes: list[str], site_url: str) -> str:
    base = site_url + ("" if code == "en" else f"{code}/")

    def alternates(match: re.Match) -> str:
        inside = match[2].removeprefix(base)
        links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{other}" href="{site_url}{counterpart(site_dir, other, inside)}"/>'
                        for other in codes)
        return match[1] + match[2] + match[3] + links

    if XHTML not in xml:
        xml = xml.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                          f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" {XHTML}>', 1)
    return URL.sub(alternates, xml)


def write_sitemap(path: Path, xml: str) -> None:
    path.write_text(xml, "utf-8")
    gz = path.with_name("sitemap.xml.gz")
    if gz.is_file():
        gz.write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
