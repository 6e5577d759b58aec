"""Worksheet pages, downloads and the print pack, generated from worksheets/*.yml
(logic in after_the_no.worksheet_*)."""
from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from after_the_no.definitions import DefinitionError
from after_the_no.nav_sections import add_generated_page, grouped_under_index
from after_the_no.pdf_font import describe, uncovered
from after_the_no.worksheet_downloads import Brand, Rendering, planned
from after_the_no.worksheet_html import Download, format_size, page_markdown, worksheet_list
from after_the_no.worksheet_model import load_worksheets

# The project root, found from this file (not from mkdocs.yml, which a variant build may
# write elsewhere).
ROOT = Path(__file__).resolve().parents[2]
INDEX, MARKER = "worksheets/index.md", "<!-- worksheet-list -->"
PACK_MARKER = "<!-- print-pack -->"
state = {}


def on_config(config):
    try:
        sheets = load_worksheets(ROOT)
    except DefinitionError as error:
        raise PluginError(str(error)) from None
    if missing := uncovered(config.site_name):   # the PDFs print the site name
        raise PluginError(f"mkdocs.yml: site_name: the PDF font (Liberation Sans: Latin, Greek, Cyrillic, "
                          f"Hebrew) has no {describe(missing)}")
    # Rendering starts now and runs while MkDocs reads and writes the pages; on_post_build
    # collects it.
    state.update(sheets=sheets, planned=planned(sheets), pages_with_downloads=[],
                 rendering=Rendering(sheets, Brand.from_config(config), config.site_url or ""))


def on_files(files, config):
    per_sheet, packs = state["planned"]
    for output in [o for outputs in per_sheet.values() for o in outputs] + packs:
        # Listed now so links to it resolve; MkDocs copies an empty placeholder and
        # on_post_build writes the rendered file over it.
        files.append(File.generated(config, output.path, content=b""))
    for sheet in state["sheets"]:
        downloads = [Download(o.path, o.label, None) for o in per_sheet[sheet.slug]]
        add_generated_page(files, config, f"worksheets/{sheet.slug}.md", page_markdown(sheet, downloads),
                           f"worksheets/{sheet.slug}.yml")
    return files


def on_nav(nav, config, files):
    return grouped_under_index(nav, files, INDEX, [(f"worksheets/{s.slug}.md", s.title) for s in state["sheets"]])


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == INDEX:
        if MARKER not in markdown:
            raise PluginError(f"docs/{INDEX}: the marker {MARKER} is missing")
        markdown = markdown.replace(MARKER, worksheet_list(state["sheets"]))
    if PACK_MARKER in markdown:
        up = "../" * page.file.src_uri.count("/")
        markdown = markdown.replace(PACK_MARKER, "\n".join(
            f"- [{pack.label}]({up}{pack.path})" for pack in state["planned"][1]))
    return markdown


DOWNLOAD_LINK = re.compile(r'(href="(?:\.\./)*(downloads/[^"]+)">[^<]+)</a>')


def on_post_page(output, page, config):
    # The files are still being rendered: their sizes go into the link texts after the build.
    if DOWNLOAD_LINK.search(output):
        state["pages_with_downloads"].append(Path(page.file.abs_dest_path))
    return output


def on_post_build(config):
    contents = state["rendering"].result()
    site = Path(config.site_dir)
    for path, content in contents.items():
        (site / path).write_bytes(content)

    def add_size(match):  # "PDF, A4" -> "PDF, A4, 35 KB"
        size = len(contents[match.group(2)]) if match.group(2) in contents else None
        return match.group(0) if size is None else f"{match.group(1)}, {format_size(size)}</a>"
    for html in state["pages_with_downloads"]:
        html.write_text(DOWNLOAD_LINK.sub(add_size, html.read_text(encoding="utf-8")), encoding="utf-8")


def on_build_error(error):
    if "rendering" in state:
        state["rendering"].close()


def on_serve(server, config, builder):
    server.watch(str(ROOT / "worksheets"))
    server.watch(str(ROOT / "after_the_no"))
    return server
