"""The published URL contract (published-urls.yml): load it, and check a built site keeps it.

A URL is kept when its page exists, or when a redirect stub (mkdocs-redirects) leads to a
page that exists; an anchor is kept when the page finally reached has an element with that id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from after_the_no.definitions import Checker, load

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; ?url=([^"]+)"')  # mkdocs-redirects; Zensical: "0;url="


@dataclass(frozen=True)
class Entry:
    url: str
    about: str
    anchors: dict[str, str]


def load_contract(path: Path, name: str = "published-urls.yml") -> list[Entry]:
    doc = load(path, name)
    check = Checker(doc)
    entries = []
    for i, item in enumerate(check.sequence((), doc.data) or []):
        if check.mapping((i,), item, {"url", "about", "anchors"}) is None:
            continue
        url = check.text((i, "url"), item.get("url"))
        if url and not re.fullmatch(r"/([a-z0-9-]+/)*", url):
            check.fail((i, "url"), f"{url!r} must look like /, /page/ or /folder/page/")
        anchors = item.get("anchors") or {}
        if not isinstance(anchors, dict):
            check.fail((i, "anchors"), "expected a mapping of anchor: description")
            anchors = {}
        entries.append(Entry(url or "", item.get("about") or "", {str(k): str(v) for k, v in anchors.items()}))
    check.raise_if_any()
    return entries


def page_file(site_dir: Path, url: str) -> Path:
    return site_dir / url.lstrip("/") / "index.html"


def resolve(site_dir: Path, url: str, hops: int = 3) -> Path | None:
    """The HTML file a visitor finally sees at `url`, following redirect stubs."""
    path = page_file(site_dir, url)
    for _ in range(hops + 1):
        if not path.is_file():
            return None
        html = path.read_text(encoding="utf-8")
        match = REFRESH.search(html)
        if not match:
            return path
        target = match.group(1).split("#", 1)[0]
        path = (path.parent / target).resolve()
        if path.is_dir() or not path.suffix:
            path = path / "index.html"
    return None


ID = re.compile(r'\sid="([^"]*)"')


def broken(site_dir: Path, entries: list[Entry]) -> list[str]:
    """Every contracted URL or anchor the built site no longer serves, as 'url#anchor: why'."""
    problems = []
    for entry in entries:
        final = resolve(site_dir, entry.url)
        if final is None:
            problems.append(f"{entry.url}: no page")
            continue
        # Every id on the page, read once (not one search of the page per anchor).
        ids = set(ID.findall(final.read_text(encoding="utf-8")))
        for anchor in entry.anchors:
            if anchor not in ids:
                problems.append(f"{entry.url}#{anchor}: no element with this id")
    return problems
