"""Helpers for reading the built site: links, resources, headings."""
from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from pypdf import PdfReader

SITE_HOST = "after-the-no.example.org"

# Elements whose URL the browser fetches on its own (as opposed to links a person follows).
RESOURCE_ATTRS = [("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                  ("source", "srcset"), ("audio", "src"), ("video", "src"), ("embed", "src"),
                  ("object", "data"), ("use", "href"), ("image", "href"), ("input", "src")]
FETCHED_LINK_RELS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "icon",
                     "modulepreload", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


@lru_cache(maxsize=1024)
def soup(html: str) -> BeautifulSoup:
    """The page parsed once per process and shared by every test that reads it (about 1 MB each,
    and parsing every page again took most of the HTML tests' time): read it, never change it.
    A test that takes elements out parses its own copy with BeautifulSoup(html, "html.parser")."""
    return BeautifulSoup(html, "html.parser")


def is_offhost(url: str) -> bool:
    """True when fetching url would contact another host (data: and relative URLs are local)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "") and not url.strip().startswith("//"):
        return False
    return True


def fetched_urls(page: BeautifulSoup) -> list[str]:
    urls = []
    for tag, attr in RESOURCE_ATTRS:
        for el in page.find_all(tag):
            if el.get(attr):
                urls.extend(u.split()[0] for u in el[attr].split(",")) if attr == "srcset" else urls.append(el[attr])
    for el in page.find_all("link"):
        if FETCHED_LINK_RELS & set(el.get("rel", [])):
            urls.append(el["href"])
    for el in page.find_all(style=True):
        urls.extend(a or b for a, b in CSS_URL.findall(el["style"]))
    for el in page.find_all("style"):
        urls.extend(a or b for a, b in CSS_URL.findall(el.get_text()))
    return urls


def css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


def internal_target(site_dir: Path, page_path: Path, href: str) -> tuple[Path, str] | None:
    """(file, fragment) an internal href points at, or None for an external link."""
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel", "javascript", "data", "blob"):
        return None
    if parts.scheme or parts.netloc:
        if parts.netloc != SITE_HOST:
            return None
        target = site_dir / unquote(parts.path).lstrip("/")
    elif not parts.path:
        target = page_path
    else:
        base = "/" + page_path.relative_to(site_dir).as_posix()
        target = site_dir / unquote(urljoin(base, parts.path)).lstrip("/")
    if target.is_dir() or href.split("#")[0].endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def content_headings(page: BeautifulSoup) -> list[int]:
    article = page.select_one("article.md-content__inner") or page
    return [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]


def download_text(path: Path) -> str:
    """A download's text: a PDF's pages (one line each at least), a Word or OpenDocument file's
    words with its markup left out, a plain-text file as it is."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    if path.suffix in (".docx", ".odt"):
        part = "word/document.xml" if path.suffix == ".docx" else "content.xml"
        return re.sub(r"<[^>]+>", " ", zipfile.ZipFile(BytesIO(data)).read(part).decode("utf-8"))
    return data.decode("utf-8")
