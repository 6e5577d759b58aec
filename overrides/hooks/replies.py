"""Reply example pages, generated from replies/*.yml. The logic lives in after_the_no.replies."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Section

from after_the_no import replies as _replies
from after_the_no.definitions import DefinitionError

_ROOT = Path(__file__).resolve().parents[2]
_INDEX, _MARKER = "replies/index.md", "<!-- reply-list -->"
_library: _replies.Library | None = None


def on_config(config):
    global _library
    try:
        _library = _replies.load_library(_ROOT / "replies", _ROOT)
    except DefinitionError as error:
        raise PluginError(str(error)) from None


def on_files(files, config):
    for reply in _library.replies:
        page = f"replies/{reply.slug}.md"
        if files.get_file_from_path(page):
            raise PluginError(f"docs/{page} must not exist: it is generated from replies/{reply.slug}.yml")
        # Not in nav at first (no omitted-file warning); on_nav puts them under Reply examples.
        files.append(File.generated(config, page, content=_replies.page_markdown(reply, _library),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav, config, files):
    index = files.get_file_from_path(_INDEX)
    if index is None or index.page not in nav.items:
        return nav  # the index is already inside a section of the nav: leave the nav as written
    pages = [files.get_file_from_path(f"replies/{r.slug}.md").page for r in _library.replies]
    for page, reply in zip(pages, _library.replies):
        page.title = reply.title
    section = Section(index.page.title or "Reply examples", [index.page, *pages])
    for child in section.children:
        child.parent = section
    nav.items[nav.items.index(index.page)] = section
    at = nav.pages.index(index.page) + 1
    nav.pages[at:at] = pages
    for before, after in zip(nav.pages, nav.pages[1:]):
        before.next_page, after.previous_page = after, before
    return nav


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != _INDEX:
        return markdown
    if _MARKER not in markdown:
        raise PluginError(f"docs/{_INDEX}: the marker {_MARKER} is missing; the list of replies goes there")
    return markdown.replace(_MARKER, _replies.index_markdown(_library.replies))


def on_serve(server, config, builder):
    server.watch(str(_ROOT / "replies"))
    return server
