"""Every worksheet download (fillable PDF in A4 and US Letter, Word) and the print pack.

Rendering is most of the build's own work, so it runs on every core: one worker process per
worksheet, then one per paper size for the pack. Set AFTER_THE_NO_WORKERS=1 to render in the
build process itself (e.g. to profile it).
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from after_the_no import print_pack
from after_the_no.worksheet_docx import render_docx
from after_the_no.worksheet_model import Worksheet
from after_the_no.worksheet_pdf import render_pdf

PAPERS = {"a4": "A4", "letter": "US Letter"}


@dataclass(frozen=True)
class Output:
    path: str    # under the site root, e.g. downloads/feedback-log-a4.pdf
    label: str   # e.g. "PDF, A4"
    content: bytes


def pack_path(paper: str) -> str:
    return f"downloads/after-the-no-pack-{paper}.pdf"


def _sheet_outputs(job: tuple[Worksheet, str]) -> list[Output]:
    sheet, site_url = job
    outputs = [Output(f"downloads/{sheet.slug}-{paper}.pdf", f"PDF, {label}", render_pdf(sheet, paper, site_url))
               for paper, label in PAPERS.items()]
    return outputs + [Output(f"downloads/{sheet.slug}.docx", "Word", render_docx(sheet, site_url))]


def _pack(job: tuple[str, list[print_pack.PackItem], str, str]) -> Output:
    paper, items, site_name, site_url = job
    return Output(pack_path(paper), f"Print pack, PDF, {PAPERS[paper]}",
                  print_pack.build(paper, items, site_name, site_url))


def render_all(sheets: list[Worksheet], site_name: str, site_url: str) -> tuple[dict[str, list[Output]], list[Output]]:
    """({slug: [pdf a4, pdf letter, docx]}, [pack a4, pack letter])."""
    workers = int(os.environ.get("AFTER_THE_NO_WORKERS", os.cpu_count() or 1))
    if workers <= 1 or len(sheets) <= 1:
        mapper, pool = map, None
    else:
        # fork: the workers start with everything already imported, so they start in ms.
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
        mapper = pool.map
    try:
        per_sheet = list(mapper(_sheet_outputs, [(sheet, site_url) for sheet in sheets]))
        jobs = [(paper, [print_pack.PackItem(s.slug, s.title, s.minutes, outputs[i].content)
                         for s, outputs in zip(sheets, per_sheet)], site_name, site_url)
                for i, paper in enumerate(PAPERS)]
        packs = list(mapper(_pack, jobs))
    finally:
        if pool:
            pool.shutdown()
    return {sheet.slug: outputs for sheet, outputs in zip(sheets, per_sheet)}, packs
