"""Small, exact repairs to markup that Material writes outside any overridable block.

Each repair names the exact text it expects. If a Material upgrade changes that text, the
build fails here (rather than the fix silently doing nothing), so someone looks again.
"""
from __future__ import annotations

# (what Material writes, what we write instead, why)
REPAIRS = [
    # The hidden drawer/search toggles carry autocomplete="off", which is not allowed on a
    # checkbox (Nu HTML checker error). They hold no user data, so dropping it changes nothing.
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
     "autocomplete is not valid on a checkbox"),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
     "autocomplete is not valid on a checkbox"),
    # axe: a role="dialog" needs an accessible name.
    ('<div class="md-search" data-md-component="search" role="dialog">',
     '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search this guide">',
     "the search dialog needs an accessible name"),
]


class MarkupChanged(Exception):
    pass


def repair(html: str, where: str) -> str:
    for expected, replacement, why in REPAIRS:
        if expected not in html:
            raise MarkupChanged(f"{where}: Material's markup changed, cannot apply fix ({why}); "
                                f"expected: {expected}")
        html = html.replace(expected, replacement)
    return html
