"""Reply example pages, generated from replies/*.yml. The logic lives in after_the_no.replies."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from after_the_no import replies as _replies
from after_the_no.definitions import DefinitionError
from after_the_no.nav_sections import add_generated_page, grouped_under_index

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
        add_generated_page(files, config, f"replies/{reply.slug}.md", _replies.page_markdown(reply, _library),
                           f"replies/{reply.slug}.yml")
    return files


def on_nav(nav, config, files):
    return grouped_under_index(nav, files, _INDEX, [(f"replies/{r.slug}.md", r.title) for r in _library.replies])


def on_page_markdown(markdown, page, config, files):
    try:
        markdown = _replies.expand_examples(markdown, f"docs/{page.file.src_uri}", _library)
    except DefinitionError as error:
        raise PluginError(str(error)) from None
    if page.file.src_uri != _INDEX:
        return markdown
    if _MARKER not in markdown:
        raise PluginError(f"docs/{_INDEX}: the marker {_MARKER} is missing; the list of replies goes there")
    return markdown.replace(_MARKER, _replies.index_markdown(_library.replies))


def on_serve(server, config, builder):
    server.watch(str(_ROOT / "replies"))
    return server
