"""Put generated pages (worksheets, reply examples) in the navigation under their index page.

The pages are generated, so mkdocs.yml cannot list them without repeating every slug; instead
the index page written in the nav (`Worksheets: worksheets/index.md`) becomes a section whose
first page is that index (Material's navigation.indexes) followed by the generated pages.
"""
from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def group_under_index(nav: Navigation, index: Page, pages: list[Page], titles: list[str]) -> Navigation:
    if index not in nav.items:
        return nav  # the index already sits in a section written in mkdocs.yml: leave it be
    for page, title in zip(pages, titles):
        page.title = title
    section = Section(index.title, [index, *pages])
    for child in section.children:
        child.parent = section
    nav.items[nav.items.index(index)] = section
    at = nav.pages.index(index) + 1
    nav.pages[at:at] = pages
    # Previous/next links in the footer follow the new order.
    for before, after in zip(nav.pages, nav.pages[1:]):
        before.next_page, after.previous_page = after, before
    return nav
