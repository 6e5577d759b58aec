"""Worksheet pages, downloads and the print pack, generated from worksheets/*.yml
(logic in after_the_no.worksheet_*)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from after_the_no.definitions import DefinitionError
from after_the_no.nav_sections import group_under_index
from after_the_no.worksheet_downloads import render_all
from after_the_no.worksheet_html import Download, page_markdown, worksheet_list
from after_the_no.worksheet_model import load_worksheets

# The project root, found from this file (not from mkdocs.yml, which a variant build may
# write elsewhere).
ROOT = Path(__file__).resolve().parents[2]
INDEX, MARKER = "worksheets/index.md", "<!-- worksheet-list -->"
PACK_MARKER = "<!-- print-pack -->"
sheets = []
packs = []


def on_config(config):
    global sheets
    try:
        sheets = load_worksheets(ROOT)
    except DefinitionError as error:
        raise PluginError(str(error)) from None


def on_files(files, config):
    global packs
    per_sheet, packs = render_all(sheets, config.site_name, config.site_url or "")
    for output in [o for outputs in per_sheet.values() for o in outputs] + packs:
        files.append(File.generated(config, output.path, content=output.content))
    for sheet in sheets:
        page = f"worksheets/{sheet.slug}.md"
        if files.get_file_from_path(page):
            raise PluginError(f"docs/{page} must not exist: it is generated from worksheets/{sheet.slug}.yml")
        downloads = [Download(o.path, o.label, len(o.content)) for o in per_sheet[sheet.slug]]
        # Not in nav at first (no omitted-file warning); on_nav puts them under Worksheets.
        files.append(File.generated(config, page, content=page_markdown(sheet, downloads),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav, config, files):
    index = files.get_file_from_path(INDEX)
    if index is None:
        return nav
    pages = [files.get_file_from_path(f"worksheets/{s.slug}.md").page for s in sheets]
    return group_under_index(nav, index.page, pages, [s.title for s in sheets])


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == INDEX:
        if MARKER not in markdown:
            raise PluginError(f"docs/{INDEX}: the marker {MARKER} is missing")
        markdown = markdown.replace(MARKER, worksheet_list(sheets))
    if PACK_MARKER in markdown:
        up = "../" * page.file.src_uri.count("/")
        links = "\n".join(f"- [{pack.label}, {round(len(pack.content) / 1024)} KB]({up}{pack.path})"
                          for pack in packs)
        markdown = markdown.replace(PACK_MARKER, links)
    return markdown


def on_serve(server, config, builder):
    server.watch(str(ROOT / "worksheets"))
    server.watch(str(ROOT / "after_the_no"))
    return server
