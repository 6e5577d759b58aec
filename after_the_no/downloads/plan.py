"""The plan of every download: each file's path under the site and its link label, written
once and known before anything is rendered (the renderers' jobs and the pages both use it)."""
from __future__ import annotations

from dataclasses import dataclass

from collections.abc import Mapping

from after_the_no.i18n.interface import say
from after_the_no.worksheets.model import Worksheet

PAPERS = {"a4": "render.download.paper.a4", "letter": "render.download.paper.letter"}   # each paper's name (its key)


@dataclass(frozen=True)
class Output:
    path: str    # under the site root, e.g. downloads/feedback-log-a4.pdf
    label: str   # link text, e.g. "PDF, A4"; the size is added once the file exists


def pdf_path(slug: str, paper: str) -> str:
    return f"downloads/{slug}-{paper}.pdf"


def large_print_path(slug: str) -> str:
    return f"downloads/{slug}-large-print.pdf"


def text_path(slug: str) -> str:
    return f"downloads/{slug}.txt"


def docx_path(slug: str) -> str:
    return f"downloads/{slug}.docx"


def odt_path(slug: str) -> str:
    return f"downloads/{slug}.odt"


def pack_path(paper: str) -> str:
    return f"downloads/after-the-no-pack-{paper}.pdf"


def planned(sheets: list[Worksheet], words: Mapping[str, str] | None = None
            ) -> tuple[dict[str, list[Output]], list[Output]]:
    """The outputs' paths and labels (in the words of `words`, English when None), known before
    anything is rendered."""
    words = words or {}
    papers = {paper: say(words, key) for paper, key in PAPERS.items()}
    per_sheet = {s.slug: [Output(pdf_path(s.slug, paper), say(words, "render.download.pdf", paper=name))
                          for paper, name in papers.items()]
                 + [Output(large_print_path(s.slug), say(words, "render.download.large-print")),
                    Output(docx_path(s.slug), say(words, "render.download.docx")),
                    Output(odt_path(s.slug), say(words, "render.download.odt")),
                    Output(text_path(s.slug), say(words, "render.download.text"))]
                 for s in sheets}
    packs = [Output(pack_path(paper), say(words, "render.download.pack", paper=name)) for paper, name in papers.items()]
    return per_sheet, packs
