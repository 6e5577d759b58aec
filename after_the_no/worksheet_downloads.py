"""Every worksheet download (fillable PDF in A4 and US Letter, large print PDF, Word, OpenDocument,
plain text) and the print pack.

Rendering is most of the build's own work, so it starts in worker processes as soon as the
worksheets are loaded, while the staging step copies docs/; the staging step then waits for
the files, writes them and gives each link its size. Four jobs (A4 PDFs + A4 pack, Letter
PDFs + Letter pack, large print + plain text, Word and OpenDocument files) share the cores. AFTER_THE_NO_WORKERS=0 renders in the build
process itself (e.g. to profile it).

Worker processes are only an optimisation. They are started with `fork` (milliseconds, the
worksheets already in memory), and only where fork is safe: not on Windows (no fork), not
on macOS (its system libraries are not fork-safe), and not while other threads run (a lock
one of them holds would stay held in the child for ever; `mkdocs serve` rebuilds from a
thread). Anywhere else the same jobs run in-process and give the same bytes (a test checks).
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from after_the_no.worksheet_model import Worksheet

PAPERS = {"a4": "A4", "letter": "US Letter"}
LARGE_PRINT, PLAIN_TEXT = "Large print PDF, A4", "Plain text"   # also listed on /worksheets/
TEAL = "#00695c"


@dataclass(frozen=True)
class Brand:
    """What the downloads take from the site's branding: its name (mkdocs.yml `site_name`) and
    colour (`extra.brand.primary_colour`, the site's teal when unset)."""
    name: str = "After the No"
    colour: str = TEAL
    # A careers service's own lines for the print pack's cover (extra.brand); empty: none.
    organisation: str = ""
    contact: str = ""        # "Book a careers appointment: https://…"
    footer_text: str = ""

    @classmethod
    def from_settings(cls, site_name: str, brand: dict | None) -> "Brand":
        brand = brand or {}
        label = brand.get("contact_label") or "Talk to a careers adviser"
        contact = f"{label}: {brand['contact_url']}" if brand.get("contact_url") else ""
        return cls(site_name or cls.name, brand.get("primary_colour") or TEAL,
                   (brand.get("organisation") or "").strip(), contact, (brand.get("footer_text") or "").strip())

    @classmethod
    def from_config(cls, config) -> "Brand":
        return cls.from_settings(config.site_name, config.extra.get("brand"))


@dataclass(frozen=True)
class Output:
    path: str    # under the site root, e.g. downloads/feedback-log-a4.pdf
    label: str   # link text, e.g. "PDF, A4"; the size is added once the file exists


def pack_path(paper: str) -> str:
    return f"downloads/after-the-no-pack-{paper}.pdf"


def large_print_path(slug: str) -> str:
    return f"downloads/{slug}-large-print.pdf"


def text_path(slug: str) -> str:
    return f"downloads/{slug}.txt"


def planned(sheets: list[Worksheet]) -> tuple[dict[str, list[Output]], list[Output]]:
    """The outputs' paths and labels, known before anything is rendered."""
    per_sheet = {s.slug: [Output(f"downloads/{s.slug}-{paper}.pdf", f"PDF, {label}") for paper, label in PAPERS.items()]
                 + [Output(large_print_path(s.slug), LARGE_PRINT), Output(f"downloads/{s.slug}.docx", "Word"),
                    Output(f"downloads/{s.slug}.odt", "OpenDocument"), Output(text_path(s.slug), PLAIN_TEXT)]
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


def _accessible_job(sheets: list[Worksheet], brand: Brand, site_url: str) -> dict[str, bytes]:
    from after_the_no.pdf_sizes import LARGE_PRINT as LARGE
    from after_the_no.worksheet_pdf import render_pdf
    from after_the_no.worksheet_text import render_text
    return {**{large_print_path(s.slug): render_pdf(s, "a4", site_url, brand, LARGE) for s in sheets},
            **{text_path(s.slug): render_text(s, site_url, brand) for s in sheets}}


def _document_job(sheets: list[Worksheet], brand: Brand, site_url: str) -> dict[str, bytes]:
    from after_the_no.worksheet_docx import render_docx
    from after_the_no.worksheet_odt import render_odt
    return {**{f"downloads/{s.slug}.docx": render_docx(s, site_url, brand) for s in sheets},
            **{f"downloads/{s.slug}.odt": render_odt(s, site_url, brand) for s in sheets}}


def fork_is_safe() -> bool:
    """Whether worker processes may be forked from here (see the module's docstring)."""
    return ("fork" in multiprocessing.get_all_start_methods() and sys.platform not in ("win32", "darwin")
            and threading.active_count() == 1)


class Rendering:
    """Downloads being rendered; result() waits for them: {site path: bytes}.
    in_process says which way they were rendered."""

    def __init__(self, sheets: list[Worksheet], brand: Brand | str, site_url: str, workers: int | None = None):
        brand = Brand(brand) if isinstance(brand, str) else brand   # a site name alone: the teal
        if workers is None:
            workers = int(os.environ.get("AFTER_THE_NO_WORKERS", min(3, os.cpu_count() or 1)))
        jobs = [(_paper_job, (paper, sheets, brand, site_url)) for paper in PAPERS]
        jobs += [(_accessible_job, (sheets, brand, site_url)), (_document_job, (sheets, brand, site_url))]
        self._pool = None
        self.in_process = workers < 1 or not fork_is_safe()
        if self.in_process:
            self._futures = [_done(job(*args)) for job, args in jobs]
            return
        # fork: workers start in milliseconds with the worksheets already in memory. Lowest
        # priority: MkDocs reads and converts the other pages meanwhile, and should never wait
        # for a core; the workers take the other one and any idle moment. The build process
        # renders the last (smallest) job itself when it comes to wait for the files.
        self._pool = ProcessPoolExecutor(max_workers=max(1, min(workers, len(jobs) - 1)),
                                         mp_context=multiprocessing.get_context("fork"),
                                         initializer=os.nice, initargs=(19,))
        self._futures = [self._pool.submit(job, *args) for job, args in jobs[:-1]]
        self._own = jobs[-1:]

    def result(self) -> dict[str, bytes]:
        try:
            contents: dict[str, bytes] = {}
            for job, args in getattr(self, "_own", []):
                contents.update(job(*args))
            for future in self._futures:
                contents.update(future.result())
            return dict(sorted(contents.items()))
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
