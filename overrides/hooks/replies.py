"""Reply example pages, generated from replies/*.yml. The logic lives in after_the_no.replies."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from after_the_no import replies as _replies
from after_the_no.definitions import DefinitionError
from after_the_no.nav_sections import group_under_index

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
    if index is None:
        return nav
    pages = [files.get_file_from_path(f"replies/{r.slug}.md").page for r in _library.replies]
    return group_under_index(nav, index.page, pages, [r.title for r in _library.replies])


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != _INDEX:
        return markdown
    if _MARKER not in markdown:
        raise PluginError(f"docs/{_INDEX}: the marker {_MARKER} is missing; the list of replies goes there")
    return markdown.replace(_MARKER, _replies.index_markdown(_library.replies))


def on_serve(server, config, builder):
    server.watch(str(_ROOT / "replies"))
    return server
