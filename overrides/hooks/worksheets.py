"""Worksheet pages and downloads, generated from worksheets/*.yml (logic in after_the_no.worksheet_*)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Section

from after_the_no.definitions import DefinitionError
from after_the_no.worksheet_docx import render_docx
from after_the_no.worksheet_html import Download, page_markdown, worksheet_list
from after_the_no.worksheet_model import load_worksheets
from after_the_no.worksheet_pdf import render_pdf

ROOT = Path(__file__).resolve().parents[2]

INDEX, MARKER = "worksheets/index.md", "<!-- worksheet-list -->"
sheets = []


def on_config(config):
    global sheets
    try:
        sheets = load_worksheets(ROOT)  # beside this hook, also for derived configs written elsewhere
    except DefinitionError as error:
        raise PluginError(str(error)) from None
    if not sheets:
        raise PluginError(f"no worksheets found: expected {ROOT / 'worksheets'}/*.yml")


def on_files(files, config):
    site_url = config.site_url or ""
    for sheet in sheets:
        outputs = [(f"downloads/{sheet.slug}-a4.pdf", "PDF, A4", render_pdf(sheet, "a4", site_url)),
                   (f"downloads/{sheet.slug}-letter.pdf", "PDF, US Letter", render_pdf(sheet, "letter", site_url)),
                   (f"downloads/{sheet.slug}.docx", "Word", render_docx(sheet, site_url))]
        for path, _, content in outputs:
            files.append(File.generated(config, path, content=content))
        page = f"worksheets/{sheet.slug}.md"
        if files.get_file_from_path(page):
            raise PluginError(f"docs/{page} must not exist: it is generated from worksheets/{sheet.slug}.yml")
        downloads = [Download(path, label, len(content)) for path, label, content in outputs]
        # Not in nav at first (no omitted-file warning); on_nav puts them under Worksheets.
        files.append(File.generated(config, page, content=page_markdown(sheet, downloads),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav, config, files):
    index = files.get_file_from_path(INDEX)
    if index is None or index.page not in nav.items:
        return nav  # the index is already inside a section of the nav: leave the nav as written
    pages = [files.get_file_from_path(f"worksheets/{s.slug}.md").page for s in sheets]
    for page, sheet in zip(pages, sheets):
        page.title = sheet.title
    section = Section(index.page.title or "Worksheets", [index.page, *pages])
    for child in section.children:
        child.parent = section
    nav.items[nav.items.index(index.page)] = section
    at = nav.pages.index(index.page) + 1
    nav.pages[at:at] = pages
    for before, after in zip(nav.pages, nav.pages[1:]):
        before.next_page, after.previous_page = after, before
    return nav


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == INDEX:
        if MARKER not in markdown:
            raise PluginError(f"docs/{INDEX}: the marker {MARKER} is missing")
        return markdown.replace(MARKER, worksheet_list(sheets))
    return markdown


def on_serve(server, config, builder):
    server.watch(str(ROOT / "worksheets"))
    server.watch(str(ROOT / "after_the_no"))
    return server
