"""The plan of every download: each file's path under the site and its link label, written
once and known before anything is rendered (the renderers' jobs and the pages both use it)."""
from __future__ import annotations

from dataclasses import dataclass

from after_the_no.worksheets.model import Worksheet

PAPERS = {"a4": "A4", "letter": "US Letter"}


@dataclass(frozen=True)
class Output:
    path: str    # under the site root, e.g. downloads/feedback-log-a4.pdf
    label: str   # link text, e.g. "PDF, A4"; the size is added once the file exists


def pdf_path(slug: str, paper: str) -> str:
    return f"downloads/{slug}-{paper}.pdf"


def docx_path(slug: str) -> str:
    return f"downloads/{slug}.docx"


def odt_path(slug: str) -> str:
    return f"downloads/{slug}.odt"


def pack_path(paper: str) -> str:
    return f"downloads/after-the-no-pack-{paper}.pdf"


def planned(sheets: list[Worksheet]) -> tuple[dict[str, list[Output]], list[Output]]:
    """The outputs' paths and labels, known before anything is rendered."""
    per_sheet = {s.slug: [Output(pdf_path(s.slug, paper), f"PDF, {label}") for paper, label in PAPERS.items()]
                 + [Output(docx_path(s.slug), "Word"), Output(odt_path(s.slug), "OpenDocument")]
                 for s in sheets}
    packs = [Output(pack_path(paper), f"Print pack, PDF, {label}") for paper, label in PAPERS.items()]
    return per_sheet, packs
