"""Small, exact repairs to markup that Material writes outside any overridable block.

Each repair names the exact text it expects. If a Material upgrade changes that text, the
build fails here (rather than the fix silently doing nothing), so someone looks again.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape
from typing import NamedTuple

from after_the_no.i18n import interface


class Repair(NamedTuple):
    expected: str  # what Material writes (exact text, or a regex when regex=True); must occur
    replacement: str | Callable[[Mapping[str, str]], str]  # at least once on every page; a
    why: str                                               # callable gets the page language's words
    regex: bool = False

    def apply(self, html: str, words: Mapping[str, str]) -> tuple[str, int]:
        replacement = self.replacement(words) if callable(self.replacement) else self.replacement
        if self.regex:
            return re.subn(self.expected, replacement, html)
        return html.replace(self.expected, replacement), html.count(self.expected)


REPAIRS = [
    # The hidden drawer/search toggles carry autocomplete="off", which is not allowed on a
    # checkbox (Nu HTML checker error). They hold no user data, so dropping it changes nothing.
    Repair('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
           '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
           "autocomplete is not valid on a checkbox"),
    Repair('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
           '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
           "autocomplete is not valid on a checkbox"),
    # axe: a role="dialog" needs an accessible name.
    Repair('<div class="md-search" data-md-component="search" role="dialog">',
           lambda words: '<div class="md-search" data-md-component="search" role="dialog" '
                         f'aria-label="{escape(interface.say(words, "page.search.label"))}">',
           "the search dialog needs an accessible name"),
    # With navigation.sections, a section's label gets tabindex="" (partials/nav-item.html sets
    # it only for non-sections; the active one has class="md-nav__link md-nav__link--active" or
    # a trailing space). An empty tabindex is invalid HTML (Nu HTML checker error) and
    # browsers ignore it, so dropping the attribute keeps the behaviour exactly.
    Repair(r'(<label class="md-nav__link ?[a-z_ -]*" for="(__nav_[0-9_]+)" id="\2_label") tabindex="">',
           r"\1>",
           'an empty tabindex="" is not a valid integer', regex=True),
    # Material's bundle is a parser-blocking script at the end of <body>. Deferred, it still
    # runs once the page is parsed and before DOMContentLoaded (and before our own deferred
    # scripts, which come after it), but the first paint no longer waits for it to arrive:
    # Lighthouse mobile on the home page went from FCP 1.4 s / LCP 1.6 s / TBT 160 ms
    # (performance 0.97-0.98) to 1.05 s / 1.05 s / 38 ms (1.00).
    # (the 404 page's links are absolute: under a site_url with a path they start with it)
    Repair(r'<script src="((?:\.\./|/)*(?:[\w.~-]+/)*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>',
           r'<script defer src="\1"></script>',
           "Material's bundle should not hold up the first paint", regex=True),
]


class MarkupChanged(Exception):
    pass


# Zensical 0.0.73 writes its own copy of the theme (variant: classic). Found by building the
# same staged tree with both engines (README, "Two engines"): the toggles' autocomplete, the
# sections' empty tabindex and the parser-blocking bundle are there too, written the same
# way, except that its links on the home page start with "./" (./assets/...); its search
# dialog already has a name (aria-label="Search"), so that repair is not needed.
ZENSICAL_REPAIRS: list[Repair] = [
    *(fix for fix in REPAIRS[:4] if fix.why != "the search dialog needs an accessible name"),
    Repair(r'<script src="((?:\./|\.\./|/)*(?:[\w.~-]+/)*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>',
           r'<script defer src="\1"></script>',
           "Material's bundle should not hold up the first paint", regex=True),
]

BY_ENGINE = {"mkdocs": REPAIRS, "zensical": ZENSICAL_REPAIRS}


# A section's index page (navigation.indexes) is drawn by Material's nav-item partial without
# the `#__toc` toggle every other page gets, yet its table of contents (partials/toc.html) still
# labels that toggle once the page has headings. A label for nothing is invalid HTML (Nu: "must
# be the ID of a non-hidden form control"); without `for` it shows the same title and does the
# same nothing. Only where the toggle is missing: no other page changes, and a theme that
# draws the toggle there needs nothing from this.
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def _toc_label_without_toggle(html: str) -> str:
    if TOC_LABEL in html and 'id="__toc"' not in html:
        return html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def repair(html: str, where: str, engine: str = "mkdocs", words: Mapping[str, str] | None = None) -> str:
    """`html` with every repair for `engine` made; `words`: the page language's interface
    strings (the English catalogue when None)."""
    words = words or {}
    for fix in BY_ENGINE[engine]:
        html, count = fix.apply(html, words)
        if count == 0:
            raise MarkupChanged(f"{where}: Material's markup changed, cannot apply fix ({fix.why}); "
                                f"expected: {fix.expected}")
    return _toc_label_without_toggle(html)
