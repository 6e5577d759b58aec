"""The adviser link kit: every URL and anchor of the published URL contract, as Markdown.

Generated from published-urls.yml so the list on /advisers/ can never drift from the contract.
"""
from __future__ import annotations

from typing import Callable

from after_the_no.build.url_contract import Entry
from after_the_no.i18n.interface import say


def heading_id(url: str) -> str:
    return "links-" + (url.strip("/").replace("/", "-") or "home")


def render(entries: list[Entry], site_url: str, source_of: Callable[[str], str], words: dict | None = None) -> str:
    """Markdown for the link kit. source_of(url) gives the .md file that builds a URL, so the
    links are checked by MkDocs like any other link; `words`, the page language's strings."""
    site_url = site_url.rstrip("/")
    out = []
    for entry in entries:
        source = source_of(entry.url)
        out.append(f"### {entry.about.rstrip('.')} {{#{heading_id(entry.url)}}}\n")
        # The addresses are for copying, not finding: they stay out of the search index, which
        # every page loads on first visit.
        out.append('<div class="link-kit" data-module="link-kit" markdown data-search-exclude>\n')
        rows = [("", say(words or {}, "render.link-kit.whole-page"))] + list(entry.anchors.items())
        for anchor, about in rows:
            fragment = f"#{anchor}" if anchor else ""
            out.append(f"- {about} [`{site_url}{entry.url}{fragment}`]({source}{fragment}){{.link-kit__url}}")
        out.append("\n</div>\n")
    return "\n".join(out)
