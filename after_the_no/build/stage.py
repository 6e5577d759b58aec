"""Stage: load and check every definition and the brand, start rendering the downloads, and
write the staging tree the engine builds (docs/ with every generated page, the downloads, the
brand stylesheet, a staged mkdocs.yml). Only files whose bytes changed are rewritten.

stage() does it all at once (bin/build); begin_stage() and Staging.complete() are the two
halves the MkDocs hook calls, so MkDocs reads the other pages while the downloads render.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from after_the_no import freshness, replies
from after_the_no.brand import brand_css, check as check_brand, default_colour_css
from after_the_no.build import size_cache
from after_the_no.build.config import ROOT, BuildError, download_brand, read_config, resolve, staged_config
from after_the_no.build.markers import SUMMARY_PAGE, Context, final_markdown, needs_download_sizes
from after_the_no.definitions import DefinitionError, FAST_DUMPER
from after_the_no.edition import hooks as edition
from after_the_no.downloads.plan import planned
from after_the_no.downloads.render import Rendered, Rendering
from after_the_no.font import describe, uncovered
from after_the_no.i18n.interface import words
from after_the_no.worksheets.html import Download, page_markdown
from after_the_no.worksheets.load import load_worksheets


@dataclass
class Staged:
    dir: Path          # the staging tree: mkdocs.yml and docs/
    config_path: Path  # the staged config (no hooks, nav complete)
    config: dict
    docs: Path


def _write(path: Path, content: bytes | str, written: set[Path]) -> None:
    """Write only when the content differs, so `mkdocs serve` sees no change it did not make."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    written.add(path)
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


class Staging:
    """A staging tree being written. begin_stage() starts rendering the downloads and writes
    everything that does not need their sizes; complete() waits for the files, writes them and
    the pages that link to them (the worksheet pages, any page with a marker that
    needs_download_sizes). stage() does both at once; the MkDocs hook lets MkDocs read the
    other pages in between."""

    def __init__(self, stage_dir: Path, ctx: Context, rendering: Rendering, pending: dict[str, str],
                 per_sheet: dict, packs: list, staged: dict, written: set[Path], root: Path, key: str):
        self.dir, self.docs, self.config = stage_dir, stage_dir / "docs", staged
        self._ctx, self._rendering, self._per_sheet, self._packs = ctx, rendering, per_sheet, packs
        self._pending, self._written, self._root, self._key = pending, written, root, key
        self._final: dict[str, str] = {}
        self._staged: Staged | None = None
        # The sizes of an earlier build with exactly the same inputs: the pages with download
        # links can be written now; complete() checks the new files have those very sizes.
        self.sizes_known = None
        cached = size_cache.read(root, key)
        if cached is not None and set(cached) == set(self.download_paths):
            self._write_pending(cached)
            self.sizes_known = cached

    @property
    def pending_pages(self) -> list[str]:
        """The pages complete() still has to write (none when the sizes were known)."""
        return [] if self.sizes_known else list(self._pending)

    def _write_pending(self, sizes: dict[str, int]) -> None:
        ctx, sheets = self._ctx, {f"worksheets/{s.slug}.md": s for s in self._ctx.sheets}

        def download(output) -> Download:
            return Download(output.path, output.label, sizes.get(output.path), ctx.words)

        ctx.downloads = {slug: [download(o) for o in outputs] for slug, outputs in self._per_sheet.items()}
        ctx.packs = [download(o) for o in self._packs]
        for uri, markdown in self._pending.items():
            if uri in sheets:
                markdown = page_markdown(sheets[uri], ctx.downloads[sheets[uri].slug], ctx.words)
            self._final[uri] = final_markdown(ctx, uri, markdown)
            _write(self.docs / uri, self._final[uri], self._written)

    @property
    def download_paths(self) -> list[str]:
        return download_paths(self._per_sheet, self._packs)

    def markdown(self, uri: str) -> str:
        """A pending page's final Markdown (completing the stage first)."""
        self.complete()
        return self._final[uri]

    def close(self) -> None:
        self._rendering.close()

    def complete(self) -> Staged:
        if self._staged is not None:
            return self._staged
        try:
            contents = self._rendering.result()
        finally:
            self._rendering.close()
        docs, written = self.docs, self._written
        for path, content in contents.items():
            _write(docs / path, content, written)
        sizes = {path: len(content) for path, content in contents.items()}
        if self.sizes_known is None:
            self._write_pending(sizes)
        elif sizes != self.sizes_known:   # rendering is reproducible, so this means an input the key missed
            size_cache.write(self._root, "", {})
            raise BuildError("downloads: a file's size differs from the last build with the same inputs "
                             "(the size cache is cleared now): run the build again")
        size_cache.write(self._root, self._key, sizes)
        if not isinstance(self._rendering, Rendered):
            size_cache.write_files(self._root, self._key, contents)
        for path in sorted(docs.rglob("*"), reverse=True):  # what an earlier run wrote and this one did not
            if path.is_file() and path not in written:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        self._staged = Staged(self.dir, self.dir / "mkdocs.yml", self.config, docs)
        return self._staged


def download_paths(per_sheet: dict, packs: list) -> list[str]:
    """Every download the plan (downloads/plan.py) writes: each worksheet's files, then the packs."""
    return [o.path for outputs in per_sheet.values() for o in outputs] + [o.path for o in packs]


def stage(stage_dir: Path, config_path: Path = ROOT / "mkdocs.yml", *, engine: str = "mkdocs",
          site_dir: Path | None = None, root: Path = ROOT, rendering: Rendering | None = None) -> Staged:
    """Write the staging tree into stage_dir (kept between calls; only changed files are
    rewritten, stale ones removed). Raises BuildError naming every problem it finds."""
    return begin_stage(stage_dir, config_path, engine=engine, site_dir=site_dir, root=root,
                       rendering=rendering).complete()


def begin_stage(stage_dir: Path, config_path: Path = ROOT / "mkdocs.yml", *, engine: str = "mkdocs",
                site_dir: Path | None = None, root: Path = ROOT, rendering: Rendering | None = None) -> Staging:
    """Check everything, start rendering, write all that does not need the downloads' sizes."""
    config = read_config(config_path)
    docs_src = resolve(config_path, config.get("docs_dir") or "docs")
    problems = check_brand((config.get("extra") or {}).get("brand"), docs_src)
    if missing := uncovered(config.get("site_name") or ""):   # the PDFs print the site name
        problems.append(f"mkdocs.yml: site_name: the PDF font (Liberation Sans: Latin, Greek, Cyrillic, "
                        f"Hebrew) has no {describe(missing)}")
    if problems:
        raise BuildError("\n".join(problems))
    try:
        sheets = load_worksheets(root)
    except DefinitionError as error:
        raise BuildError(str(error)) from None
    library = examples = load_library(root)
    if problems := edition.check(config_path, docs_src, sheets, library):
        raise BuildError("\n".join(problems))
    sheets, library = edition.leave_out(config, sheets, library)   # extra.omit
    try:
        facts = freshness.load(root)
    except DefinitionError as error:
        raise BuildError(str(error)) from None

    # The files of an earlier build with the same inputs, or rendering, which starts first and
    # runs in worker processes while the rest is staged.
    per_sheet, packs = planned(sheets, words(config))
    key = size_cache.inputs_key(root, config)
    if rendering is None:
        kept = size_cache.read_files(root, key)
        rendering = Rendered(kept) if kept is not None and set(kept) == set(download_paths(per_sheet, packs)) else \
            Rendering(sheets, download_brand(config), config.get("site_url") or "")
    docs = stage_dir / "docs"
    written: set[Path] = set()
    try:
        sources = {p.relative_to(docs_src).as_posix(): p for p in sorted(docs_src.rglob("*"))
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(docs_src).parts)}
        sources = edition.remaining(config, sources)   # extra.omit
        generated = {f"worksheets/{s.slug}.md": f"worksheets/{s.slug}.yml" for s in sheets}
        generated |= {f"replies/{r.slug}.md": f"replies/{r.slug}.yml" for r in library.replies}
        for uri, source in generated.items():
            if uri in sources:
                raise BuildError(f"docs/{uri} must not exist: it is generated from {source}")
        for uri, path in sources.items():
            if not uri.endswith(".md"):
                data = path.read_bytes()
                _write(docs / uri, default_colour_css(data) if uri.endswith(".css") else data, written)

        ctx = Context(root, config, sheets, library, {}, [],
                      {uri for uri in sources if uri.endswith(".md")} | set(generated), sources=facts, examples=examples)
        pages = {uri: path.read_text("utf-8") for uri, path in sources.items() if uri.endswith(".md")}
        pages |= {f"worksheets/{s.slug}.md": "" for s in sheets}   # written once the sizes are known
        pages |= {f"replies/{r.slug}.md": replies.page_markdown(r, library, ctx.words) for r in library.replies}
        pending = {}
        for uri, markdown in pages.items():
            if uri.startswith("worksheets/") and uri in generated or needs_download_sizes(markdown):
                pending[uri] = markdown
            else:
                _write(docs / uri, final_markdown(ctx, uri, markdown), written)

        brand = (config.get("extra") or {}).get("brand") or {}
        if brand.get("primary_colour"):
            _write(docs / "assets/brand.css", brand_css(brand["primary_colour"]), written)

        staged = staged_config(config, config_path, {
            "worksheets/index.md": [(f"worksheets/{s.slug}.md", s.title) for s in sheets]
                                   + ([SUMMARY_PAGE] if SUMMARY_PAGE[0] in sources else []),
            "replies/index.md": [(f"replies/{r.slug}.md", r.title) for r in library.replies],
        }, engine, site_dir)
        _write(stage_dir / "mkdocs.yml", yaml.dump(staged, Dumper=FAST_DUMPER, sort_keys=False, allow_unicode=True), written)
    except BaseException:
        rendering.close()
        raise
    return Staging(stage_dir, ctx, rendering, pending, per_sheet, packs, staged, written, root, key)


def load_library(root: Path = ROOT) -> replies.Library:
    """The reply library, its problems as a BuildError."""
    try:
        return replies.load_library(root / "replies", root)
    except DefinitionError as error:
        raise BuildError(str(error)) from None
