"""The language switcher and the hreflang links on every page point at the same page in each
language, not at the language's home (Material writes extra.alternate's links as they are, the
same on every page). Run on the built site once every language is in it; engine-agnostic."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

# <link rel="alternate" href="..." hreflang="es">  and  <a href="..." hreflang="es" class="md-select__link">
LINK = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang="([a-z-]+)">)')
SWITCH = re.compile(r'(<a href=")([^"]*)(" hreflang="([a-z-]+)" class="md-select__link">)')


def page_path(site_dir: Path, page: Path, codes: list[str]) -> tuple[str, str]:
    """(language code, the page's path inside its language's tree), e.g. ("es", "reflect/")."""
    rel = page.relative_to(site_dir).as_posix()
    first = rel.split("/", 1)[0]
    code = first if first in codes and first != "en" else "en"
    inside = rel[len(code) + 1:] if code != "en" else rel
    return code, inside[: -len("index.html")] if inside.endswith("index.html") else inside


def same_page(site_dir: Path, codes: list[str]) -> None:
    """Rewrite each page's alternates: hreflang links absolute (site_url), the switcher relative
    to the page, both to the same page in that language (its home if the page is not there)."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text("utf-8")
        if "md-select__link" not in html and 'rel="alternate" href' not in html:
            continue
        code, inside = page_path(site_dir, page, codes)
        here = posixpath.dirname(page.relative_to(site_dir).as_posix())

        def target(lang: str) -> str:
            prefix = "" if lang == "en" else f"{lang}/"
            path = prefix + inside
            file = site_dir / (path + "index.html" if path.endswith("/") or not path else path)
            return path if file.is_file() else prefix

        def absolute(match: re.Match) -> str:
            root = match[2] if match[4] == "en" else match[2].removesuffix(f"{match[4]}/")
            return match[1] + root + target(match[4]) + match[3]

        def relative(match: re.Match) -> str:
            path = target(match[4])
            link = posixpath.relpath(path.rstrip("/") or ".", here or ".")
            return match[1] + (link + "/" if path.endswith("/") or not path else link) + match[3]

        rewritten = SWITCH.sub(relative, LINK.sub(absolute, html))
        if rewritten != html:
            page.write_text(rewritten, "utf-8")
