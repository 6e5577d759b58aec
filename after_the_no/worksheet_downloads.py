"""Every worksheet download (fillable PDF in A4 and US Letter, Word, OpenDocument) and the print pack.

Rendering is most of the build's own work, so it starts in worker processes as soon as the
worksheets are loaded and runs while MkDocs reads and writes the pages; the build only waits
for it at the very end (on_post_build), then writes the files. Three jobs (A4 PDFs + A4 pack,
Letter PDFs + Letter pack, Word and OpenDocument files) share the machine's cores. AFTER_THE_NO_WORKERS=0 renders in the build
process itself (e.g. to profile it).
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from after_the_no.worksheet_model import Worksheet

PAPERS = {"a4": "A4", "letter": "US Letter"}
TEAL = "#00695c"


@dataclass(frozen=True)
class Brand:
    """What the downloads take from the site's branding: its name (mkdocs.yml `site_name`) and
    colour (`extra.brand.primary_colour`, the site's teal when unset)."""
    name: str = "After the No"
    colour: str = TEAL

    @classmethod
    def from_config(cls, config) -> "Brand":
        colour = (config.extra.get("brand") or {}).get("primary_colour") or TEAL
        return cls(config.site_name or cls.name, colour)


@dataclass(frozen=True)
class Output:
    path: str    # under the site root, e.g. downloads/feedback-log-a4.pdf
    label: str   # link text, e.g. "PDF, A4"; the size is added once the file exists


def pack_path(paper: str) -> str:
    return f"downloads/after-the-no-pack-{paper}.pdf"


def planned(sheets: list[Worksheet]) -> tuple[dict[str, list[Output]], list[Output]]:
    """The outputs' paths and labels, known before anything is rendered."""
    per_sheet = {s.slug: [Output(f"downloads/{s.slug}-{paper}.pdf", f"PDF, {label}") for paper, label in PAPERS.items()]
                 + [Output(f"downloads/{s.slug}.docx", "Word"), Output(f"downloads/{s.slug}.odt", "OpenDocument")]
                 for s in sheets}
    packs = [Output(pack_path(paper), f"Print pack, PDF, {label}") for paper, label in PAPERS.items()]
    return per_sheet, packs


# Jobs import the renderers themselves: the build process never loads reportlab, and each
# worker loads it in parallel with the build.

def _paper_job(paper: str, sheets: list[Worksheet], brand: Brand, site_url: str) -> dict[str, bytes]:
    from after_the_no import print_pack
    from after_the_no.worksheet_pdf import render_pdf_pages
    pdfs, pages = {}, []
    for s in sheets:
        pdfs[f"downloads/{s.slug}-{paper}.pdf"], count = render_pdf_pages(s, paper, site_url, brand)
        pages.append(count)
    return {**pdfs, pack_path(paper): print_pack.build(paper, sheets, brand, site_url, pages)}


def _document_job(sheets: list[Worksheet], brand: Brand, site_url: str) -> dict[str, bytes]:
    from after_the_no.worksheet_docx import render_docx
    from after_the_no.worksheet_odt import render_odt
    return {**{f"downloads/{s.slug}.docx": render_docx(s, site_url, brand) for s in sheets},
            **{f"downloads/{s.slug}.odt": render_odt(s, site_url, brand) for s in sheets}}


class Rendering:
    """Downloads being rendered; result() waits for them: {site path: bytes}."""

    def __init__(self, sheets: list[Worksheet], brand: Brand | str, site_url: str):
        brand = Brand(brand) if isinstance(brand, str) else brand   # a site name alone: the teal
        workers = int(os.environ.get("AFTER_THE_NO_WORKERS", min(3, os.cpu_count() or 1)))
        jobs = [(_paper_job, (paper, sheets, brand, site_url)) for paper in PAPERS]
        jobs.append((_document_job, (sheets, brand, site_url)))
        self._pool = None
        if workers < 1:
            self._futures = [_done(job(*args)) for job, args in jobs]
            return
        # fork: workers start in milliseconds with the worksheets already in memory. Lowest
        # priority: the build process is the longer path, so it should never wait for a core;
        # the workers take the other core and any idle moment, and finish first anyway
        # (measured: 0.62 s a build against 0.74 s at equal priority, on 2 cores).
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                         initializer=os.nice, initargs=(19,))
        self._futures = [self._pool.submit(job, *args) for job, args in jobs]

    def result(self) -> dict[str, bytes]:
        try:
            contents: dict[str, bytes] = {}
            for future in self._futures:
                contents.update(future.result())
            return contents
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers (at once, if the build failed and nobody will wait for them)."""
        if self._pool:
            self._pool.shutdown(wait=False, cancel_futures=True)


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future
