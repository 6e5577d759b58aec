"""Add the print pack (A4 and US Letter) built from the worksheet PDFs, and link it where
a page has the `<!-- print-pack -->` marker. Runs after the worksheets hook (see mkdocs.yml)."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from after_the_no import print_pack
from after_the_no.worksheet_model import load_worksheets

ROOT = Path(__file__).resolve().parents[2]
MARKER = "<!-- print-pack -->"
PAPERS = {"a4": "A4", "letter": "US Letter"}
sizes: dict[str, int] = {}


def pack_path(paper):
    return f"downloads/after-the-no-pack-{paper}.pdf"


def on_files(files, config):
    sheets = load_worksheets(ROOT)  # the worksheets hook already reported any problem
    for paper in PAPERS:
        items = []
        for sheet in sheets:
            pdf = files.get_file_from_path(f"downloads/{sheet.slug}-{paper}.pdf")
            if pdf is None:
                raise PluginError(f"print pack: no PDF for worksheet {sheet.slug!r} ({paper})")
            items.append(print_pack.PackItem(sheet.slug, sheet.title, sheet.minutes, pdf.content_bytes))
        content = print_pack.build(paper, items, config.site_name, config.site_url or "")
        sizes[paper] = len(content)
        files.append(File.generated(config, pack_path(paper), content=content))
    return files


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    up = "../" * page.file.src_uri.count("/")
    links = "\n".join(f"- [Print pack, PDF, {label}, {round(sizes[paper] / 1024)} KB]({up}{pack_path(paper)})"
                      for paper, label in PAPERS.items())
    return markdown.replace(MARKER, links)
