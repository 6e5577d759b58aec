"""Generated pages (worksheets, reply examples): added to the site, then put in the navigation
under their index page.

The pages are generated, so mkdocs.yml cannot list them without repeating every slug; instead
the index page written in the nav (`Worksheets: worksheets/index.md`) becomes a section whose
first page is that index (Material's navigation.indexes) followed by the generated pages.
Both hooks that generate pages go through here, so this is the MkDocs glue to port.
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def add_generated_page(files: Files, config, src_uri: str, markdown: str, source: str) -> None:
    """Add the page `src_uri` built from `source` (a YAML file); a hand-written docs/ file of
    the same name would silently shadow it, so that stops the build."""
    if files.get_file_from_path(src_uri):
        raise PluginError(f"docs/{src_uri} must not exist: it is generated from {source}")
    # Not in nav at first (no omitted-file warning); grouped_under_index puts it in its section.
    files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))


def grouped_under_index(nav: Navigation, files: Files, index_uri: str, pages: list[tuple[str, str]]) -> Navigation:
    """The nav with the generated pages [(src_uri, title)] in a section under `index_uri`."""
    index = files.get_file_from_path(index_uri)
    if index is None:
        return nav
    return group_under_index(nav, index.page, [files.get_file_from_path(uri).page for uri, _ in pages],
                             [title for _, title in pages])


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
