"""Which pages the site-wide audit checks in the states that depend on the site's shared styles
alone (test_browser_audit.py): the dark palette, forced colours, the text-spacing overrides at
1280 px, JavaScript off, and a translated tree's colours.

What a page looks like in those states is decided by its markup and the shared style sheets and
scripts: the same element, with the same classes and attributes, inside the same kind of
ancestors, looks the same on every page. So each of those states is checked on a set of pages
that between them carry every kind of element the content of any page has (its *components*):
a new kind of element anywhere in the content brings a page that has it into the sample, with
no change to the tests. The checks that read a page's own words and layout (axe on every rule,
reflow, text spacing at 320 px, the page checks, what the load did) run on every page.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import lxml.html

# The page's own content: the article, and whatever Material puts beside it in the content area.
CONTENT = "md-content"
# Attributes whose value, not just whose presence, the style sheets or scripts select on.
VALUED = ("type", "role", "dir", "lang")


def _mark(element) -> str:
    """An element as its style sees it: tag, classes, which attributes it has (and the value of
    those in VALUED)."""
    classes = ".".join(sorted(element.get("class", "").split()))
    attributes = ",".join(sorted(name if name not in VALUED else f"{name}={element.get(name)}"
                                 for name in element.attrib if name != "class"))
    return f"{element.tag}{'.' + classes if classes else ''}[{attributes}]"


def components(html: str) -> frozenset[tuple[str, ...]]:
    """Every element of the page's content area as the chain of marks from the content area down
    to it (a run of identical marks, as in nested lists, counts once)."""
    root = lxml.html.fromstring(html)
    found = root.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {CONTENT} ')]")
    if not found:
        return frozenset()
    chains: set[tuple[str, ...]] = set()

    def walk(element, chain: tuple[str, ...]) -> None:
        mark = _mark(element)
        chain = chain if chain and chain[-1] == mark else chain + (mark,)
        chains.add(chain)
        for child in element:
            if isinstance(child.tag, str):
                walk(child, chain)

    walk(found[0], ())
    return frozenset(chains)


def covering(pages: dict[str, frozenset], first: tuple[str, ...]) -> list[str]:
    """The pages in `first`, then, one at a time, the page with the most components none of the
    chosen pages has yet (ties to the first in URL order), until every component of `pages` is
    on a chosen page."""
    chosen = [page for page in first if page in pages]
    left = frozenset().union(*pages.values()) - frozenset().union(*(pages[page] for page in chosen))
    while left:
        best = max(sorted(pages), key=lambda page: len(pages[page] & left))
        chosen.append(best)
        left -= pages[best]
    return chosen


@lru_cache(maxsize=None)
def page_components(site: Path, page: str) -> frozenset:
    file = site / (page + "index.html" if page == "" or page.endswith("/") else page)
    return components(file.read_text("utf-8"))
