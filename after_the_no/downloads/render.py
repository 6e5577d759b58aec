"""Renders every download in the plan (downloads/plan.py), in worker processes where that is safe.

Rendering is most of the build's own work, so it starts in worker processes as soon as the
worksheets are loaded, while the staging step copies docs/; the staging step then waits for
the files, writes them and gives each link its size. Four jobs (A4 PDFs + A4 pack,
Letter PDFs + Letter pack, large print + plain text, Word and OpenDocument files) share the
machine's cores. AFTER_THE_NO_WORKERS=0 renders in the build process itself (e.g. to profile it).

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

from after_the_no.brand import Brand
from after_the_no.downloads.plan import PAPERS, docx_path, large_print_path, odt_path, pack_path, pdf_path, text_path
from after_the_no.worksheets.model import Worksheet

# Jobs import the renderers themselves: the build process never loads reportlab, and each
# worker loads it in parallel with the build.

def _paper_job(paper: str, sheets: list[Worksheet], brand: Brand, site_url: str) -> dict[str, bytes]:
    from after_the_no.downloads import print_pack
    from after_the_no.downloads.pdf import render_pdf_pages
    pdfs, pages = {}, []
    for s in sheets:
        pdfs[pdf_path(s.slug, paper)], count = render_pdf_pages(s, paper, site_url, brand)
        pages.append(count)
    return {**pdfs, pack_path(paper): print_pack.build(paper, sheets, brand, site_url, pages)}


def _accessible_job(sheets: list[Worksheet], brand: Brand, site_url: str) -> dict[str, bytes]:
    from after_the_no.downloads.pdf import render_pdf
    from after_the_no.downloads.sizes import LARGE_PRINT
    from after_the_no.downloads.text import render_text
    return {**{large_print_path(s.slug): render_pdf(s, "a4", site_url, brand, LARGE_PRINT) for s in sheets},
            **{text_path(s.slug): render_text(s, site_url, brand) for s in sheets}}


def _document_job(sheets: list[Worksheet], brand: Brand, site_url: str) -> dict[str, bytes]:
    from after_the_no.downloads.docx import render_docx
    from after_the_no.downloads.odt import render_odt
    return {**{docx_path(s.slug): render_docx(s, site_url, brand) for s in sheets},
            **{odt_path(s.slug): render_odt(s, site_url, brand) for s in sheets}}


def fork_is_safe() -> bool:
    """Whether worker processes may be forked from here (see the module's docstring)."""
    return ("fork" in multiprocessing.get_all_start_methods() and sys.platform not in ("win32", "darwin")
            and threading.active_count() == 1)


class Rendering:
    """Downloads being rendered; result() waits for them: {site path: bytes}.
    in_process says which way they were rendered."""

    def __init__(self, sheets: list[Worksheet], brand: Brand | str, site_url: str, workers: int | None = None):
        brand = Brand(brand) if isinstance(brand, str) else brand   # a site name alone: the default colour
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


class Rendered:
    """Downloads rendered by an earlier build with the same inputs (build/size_cache.py), in
    Rendering's place: result() gives them at once."""
    in_process = True

    def __init__(self, contents: dict[str, bytes]):
        self._contents = contents

    def result(self) -> dict[str, bytes]:
        return dict(sorted(self._contents.items()))

    def close(self) -> None:
        pass


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future
