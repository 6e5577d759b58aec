"""Stage -> build -> finish: everything the site generates, done outside any engine's hooks.

- stage(): copies docs/ into a staging tree, renders every download there first (so each
  link can give its file's size), writes the generated worksheet and reply pages, expands
  every marker through one registry (MARKERS), writes the brand stylesheet, and writes a
  staged mkdocs.yml with no hooks and a complete nav.
- the engine (MkDocs + Material, or Zensical) builds the staged tree; see bin/build.
- finish(): the exact HTML repairs on every page (404 included), `_headers` with the CSP
  hashes, the URL contract check, and the place for steps that need the finished file list.

`mkdocs build` on the project's own mkdocs.yml runs the same two steps from the thin hook
hooks/pipeline.py, so a plain `mkdocs build --strict` still builds the complete site.
"""
from __future__ import annotations

import html
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from after_the_no import link_kit
from after_the_no import replies as _replies
from after_the_no.branding import brand_css, check as check_brand
from after_the_no.definitions import FAST_LOADER, DefinitionError
from after_the_no.pdf_font import describe, uncovered
from after_the_no.worksheet_downloads import TEAL, Brand, Rendering, planned
from after_the_no.worksheet_html import Download, page_markdown, worksheet_list
from after_the_no.worksheet_model import Worksheet, load_worksheets

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("mkdocs", "zensical")
# The thin MkDocs hook: the project's mkdocs.yml lists it; the staged config lists no hook.
HOOK = "hooks/pipeline.py"


# The hook's staging folders, one per config file and process, kept while the process runs
# (so `mkdocs serve` restages in place), and what was staged last.
HOOK_STATE: dict[Path, "Staging"] = {}
SERVING = {"serve": False}   # set by the hook's on_startup: `mkdocs serve` is running
_STAGE_DIRS: dict[Path, Path] = {}


def stage_dir_for(config_path: Path) -> Path:
    if config_path not in _STAGE_DIRS:
        import atexit
        import tempfile
        folder = Path(tempfile.mkdtemp(prefix="after-the-no-stage-"))
        atexit.register(shutil.rmtree, folder, True)
        _STAGE_DIRS[config_path] = folder
    return _STAGE_DIRS[config_path]


class BuildError(Exception):
    """A problem in the project's files, said as `file:line: key: message` where it can be."""


# ------------------------------------------------------------------------------------ config

class _Loader(FAST_LOADER):
    """Reads mkdocs.yml even if it uses !ENV or !!python tags (kept as plain values); libyaml's
    parser where PyYAML has it, as the definitions use (this runs on every build)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_Loader) or {}


def _resolve(config_path: Path, value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else (config_path.parent / path).resolve()


# ----------------------------------------------------------------------------------- context

@dataclass
class Context:
    """What the markers and generated pages are made from."""
    root: Path
    config: dict
    sheets: list[Worksheet]
    library: _replies.Library
    downloads: dict[str, list[Download]]   # worksheet slug -> its downloads, sizes known
    packs: list[Download]
    pages: set[str] = field(default_factory=set)   # every staged .md file (src_uri)

    @property
    def redirects(self) -> dict[str, str]:
        for plugin in self.config.get("plugins") or []:
            if isinstance(plugin, dict) and "redirects" in plugin:
                return (plugin["redirects"] or {}).get("redirect_maps") or {}
        return {}


def _up(page: str) -> str:
    return "../" * page.count("/")


# ----------------------------------------------------------------------- the marker registry

@dataclass(frozen=True)
class Marker:
    """A marker in a docs/ page, replaced while staging. expand(context, page, markdown)
    returns the page's Markdown with every occurrence replaced; `required_on` names a page
    that must carry the marker (the list has nowhere else to go)."""
    name: str
    pattern: re.Pattern
    expand: Callable[[Context, str, str], str]
    required_on: str | None = None
    why: str = ""


def _worksheet_list(ctx: Context, page: str, markdown: str) -> str:
    if page != "worksheets/index.md":
        raise BuildError(f"docs/{page}: <!-- worksheet-list --> belongs on docs/worksheets/index.md only")
    return markdown.replace("<!-- worksheet-list -->", worksheet_list(ctx.sheets, ctx.downloads))


def _print_pack(ctx: Context, page: str, markdown: str) -> str:
    links = "\n".join(f"- [{pack.text}]({_up(page)}{pack.path})" for pack in ctx.packs)
    return markdown.replace("<!-- print-pack -->", links)


def _reply_list(ctx: Context, page: str, markdown: str) -> str:
    return markdown.replace("<!-- reply-list -->", _replies.index_markdown(ctx.library.replies))


def _reply_examples(ctx: Context, page: str, markdown: str) -> str:
    try:
        return _replies.expand_examples(markdown, f"docs/{page}", ctx.library)
    except DefinitionError as error:
        raise BuildError(str(error)) from None


def _link_kit(ctx: Context, page: str, markdown: str) -> str:
    try:
        entries = link_kit_entries(ctx.root)
    except DefinitionError as error:
        raise BuildError(str(error)) from None
    redirects = ctx.redirects

    def source_of(url):
        stem = url.strip("/")
        for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
            target = candidate if candidate in ctx.pages else redirects.get(candidate)
            if target and target in ctx.pages:
                return _up(page) + target
        raise BuildError(f"published-urls.yml: {url}: no page in docs/ builds this URL")

    return markdown.replace("<!-- link-kit -->", link_kit.render(entries, ctx.config.get("site_url") or "", source_of))


def link_kit_entries(root: Path):
    from after_the_no.url_contract import load_contract
    return load_contract(root / "published-urls.yml")


MARKERS = [
    Marker("worksheet-list", re.compile(r"<!-- worksheet-list -->"), _worksheet_list,
           required_on="worksheets/index.md", why="the list of worksheets goes there"),
    Marker("print-pack", re.compile(r"<!-- print-pack -->"), _print_pack),
    Marker("reply-list", re.compile(r"<!-- reply-list -->"), _reply_list,
           required_on="replies/index.md", why="the list of replies goes there"),
    Marker("link-kit", re.compile(r"<!-- link-kit -->"), _link_kit),
    Marker("reply-example", _replies.EXAMPLE_MARKER, _reply_examples),
]


def expand_markers(ctx: Context, page: str, markdown: str) -> str:
    """Every marker in one page's Markdown, replaced."""
    for marker in MARKERS:
        if marker.required_on == page and not marker.pattern.search(markdown):
            raise BuildError(f"docs/{page}: the marker {marker.pattern.pattern} is missing; {marker.why}")
        if marker.pattern.search(markdown):
            markdown = marker.expand(ctx, page, markdown)
    return markdown


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def escape_description(markdown: str) -> str:
    """The one place a page's description is escaped: both themes write `description:` into an
    attribute as it is, so a straight quote in it would end the attribute early."""
    match = FRONT_MATTER.match(markdown)
    if not match:
        return markdown
    meta = yaml.load(match.group(1), Loader=FAST_LOADER) or {}
    description = meta.get("description") if isinstance(meta, dict) else None
    if not description or html.escape(str(description), quote=True) == description:
        return markdown
    meta["description"] = html.escape(str(description), quote=True)
    return ("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100_000)
            + "---\n" + markdown[match.end():])


# --------------------------------------------------------------------------------- the nav

def complete_nav(nav: list, sections: dict[str, list[tuple[str, str]]]) -> list:
    """The nav with each generated page listed under its index: `Worksheets: worksheets/index.md`
    becomes `Worksheets: [worksheets/index.md, {title: worksheets/<slug>.md}, ...]`, the index
    first (Material's navigation.indexes). An index already inside a section is left alone."""
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if isinstance(target, str) and target in sections:
                item = {title: [target] + [{t: uri} for uri, t in sections[target]]}
        elif isinstance(item, str) and item in sections:
            item = {"": [item] + [{t: uri} for uri, t in sections[item]]}
        out.append(item)
    return out


# ------------------------------------------------------------------------------ staging

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


PRINT_PACK = re.compile(r"<!-- print-pack -->")


class Staging:
    """A staging tree being written. begin_stage() starts rendering the downloads and writes
    everything that does not need their sizes; complete() waits for the files, writes them and
    the pages that link to them (the worksheet pages, any page with the print-pack marker).
    stage() does both at once; the MkDocs hook lets MkDocs read the other pages in between."""

    def __init__(self, stage_dir: Path, config: dict, ctx: Context, rendering: Rendering, pending: dict[str, str],
                 per_sheet: dict, packs: list, staged: dict, written: set[Path], root: Path, key: str):
        self.dir, self.docs, self.config = stage_dir, stage_dir / "docs", staged
        self._ctx, self._rendering, self._per_sheet, self._packs = ctx, rendering, per_sheet, packs
        self._pending, self._written, self._root, self._key = pending, written, root, key
        self._final: dict[str, str] = {}
        self._staged: Staged | None = None
        # The sizes of an earlier build with exactly the same inputs: the pages with download
        # links can be written now; complete() checks the new files have those very sizes.
        self.sizes_known = None
        cached = read_size_cache(root, key)
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
            return Download(output.path, output.label, sizes.get(output.path))

        ctx.downloads = {slug: [download(o) for o in outputs] for slug, outputs in self._per_sheet.items()}
        ctx.packs = [download(o) for o in self._packs]
        for uri, markdown in self._pending.items():
            if uri in sheets:
                markdown = page_markdown(sheets[uri], ctx.downloads[sheets[uri].slug])
            self._final[uri] = escape_description(expand_markers(ctx, uri, markdown))
            _write(self.docs / uri, self._final[uri], self._written)

    @property
    def download_paths(self) -> list[str]:
        return [o.path for outputs in self._per_sheet.values() for o in outputs] + [o.path for o in self._packs]

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
            write_size_cache(self._root, "", {})
            raise BuildError("downloads: a file's size differs from the last build with the same inputs "
                             "(the size cache is cleared now): run the build again")
        write_size_cache(self._root, self._key, sizes)
        for path in sorted(docs.rglob("*"), reverse=True):  # what an earlier run wrote and this one did not
            if path.is_file() and path not in written:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        self._staged = Staged(self.dir, self.dir / "mkdocs.yml", self.config, docs)
        return self._staged


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
    docs_src = _resolve(config_path, config.get("docs_dir") or "docs")
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
    library = load_library(root)

    # Rendering starts first and runs in worker processes while the rest is staged.
    per_sheet, packs = planned(sheets)
    rendering = rendering or Rendering(sheets, download_brand(config), config.get("site_url") or "")
    docs = stage_dir / "docs"
    written: set[Path] = set()
    try:
        sources = {p.relative_to(docs_src).as_posix(): p for p in sorted(docs_src.rglob("*"))
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(docs_src).parts)}
        generated = {f"worksheets/{s.slug}.md": f"worksheets/{s.slug}.yml" for s in sheets}
        generated |= {f"replies/{r.slug}.md": f"replies/{r.slug}.yml" for r in library.replies}
        for uri, source in generated.items():
            if uri in sources:
                raise BuildError(f"docs/{uri} must not exist: it is generated from {source}")
        for uri, path in sources.items():
            if not uri.endswith(".md"):
                _write(docs / uri, path.read_bytes(), written)

        ctx = Context(root, config, sheets, library, {}, [],
                      {uri for uri in sources if uri.endswith(".md")} | set(generated))
        pages = {uri: path.read_text("utf-8") for uri, path in sources.items() if uri.endswith(".md")}
        pages |= {f"worksheets/{s.slug}.md": "" for s in sheets}   # written once the sizes are known
        pages |= {f"replies/{r.slug}.md": _replies.page_markdown(r, library) for r in library.replies}
        pending = {}
        for uri, markdown in pages.items():
            if uri.startswith("worksheets/") and uri in generated or PRINT_PACK.search(markdown):
                pending[uri] = markdown
            else:
                _write(docs / uri, escape_description(expand_markers(ctx, uri, markdown)), written)

        brand = (config.get("extra") or {}).get("brand") or {}
        if brand.get("primary_colour"):
            _write(docs / "assets/brand.css", brand_css(brand["primary_colour"]), written)

        staged = staged_config(config, config_path, sheets, library, engine, site_dir)
        _write(stage_dir / "mkdocs.yml", yaml.safe_dump(staged, sort_keys=False, allow_unicode=True), written)
    except BaseException:
        rendering.close()
        raise
    return Staging(stage_dir, config, ctx, rendering, pending, per_sheet, packs, staged, written, root,
                   downloads_key(root, config))


# ------------------------------------------------------------------- the download size cache
# Rendering is reproducible: the same worksheets, brand, site URL and renderer code give the
# same bytes. So the sizes of the last build's files, kept under the key of all those inputs,
# let a build write the pages with download links before its own files are ready (they are
# still rendered every build, and checked against these sizes). .cache/ is not committed.

SIZE_CACHE = ".cache/download-sizes.json"


def downloads_key(root: Path, config: dict) -> str:
    import hashlib
    import importlib.metadata
    import platform
    digest = hashlib.sha256()
    brand = download_brand(config)
    for part in (brand.name, brand.colour, brand.organisation, brand.contact, brand.footer_text,
                 config.get("site_url") or "", platform.python_version(),
                 importlib.metadata.version("reportlab")):
        digest.update(part.encode("utf-8") + b"\0")
    package = Path(__file__).resolve().parent
    for path in sorted([*(root / "worksheets").glob("*.yml"), *package.rglob("*.py"), *(package / "fonts").glob("*")]):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read_size_cache(root: Path, key: str) -> dict[str, int] | None:
    try:
        data = json.loads((root / SIZE_CACHE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("sizes") if isinstance(data, dict) and data.get("key") == key else None


def write_size_cache(root: Path, key: str, sizes: dict[str, int]) -> None:
    import os
    path = root / SIZE_CACHE
    try:
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps({"key": key, "sizes": sizes}, sort_keys=True), "utf-8")
        os.replace(temporary, path)
    except OSError:
        pass   # a read-only checkout builds as well, only without the head start


def download_brand(config: dict) -> Brand:
    """What the downloads take from the brand (mkdocs.yml site_name and extra.brand)."""
    return Brand.from_settings(config.get("site_name") or "", (config.get("extra") or {}).get("brand"))


def load_library(root: Path = ROOT) -> _replies.Library:
    try:
        return _replies.load_library(root / "replies", root)
    except DefinitionError as error:
        raise BuildError(str(error)) from None


def staged_config(config: dict, config_path: Path, sheets: list[Worksheet], library: _replies.Library,
                  engine: str, site_dir: Path | None) -> dict:
    staged = dict(config)
    staged.pop("hooks", None)
    staged["docs_dir"] = "docs"
    theme = dict(staged.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(_resolve(config_path, theme["custom_dir"]))
    staged["theme"] = theme
    staged["nav"] = complete_nav(config.get("nav") or [], {
        "worksheets/index.md": [(f"worksheets/{s.slug}.md", s.title) for s in sheets],
        "replies/index.md": [(f"replies/{r.slug}.md", r.title) for r in library.replies],
    })
    if site_dir is not None:
        staged["site_dir"] = str(site_dir)
    if engine == "zensical":
        # Zensical's default look is its "modern" variant; the site is designed on Material's.
        theme["variant"] = "classic"
    return staged


# ------------------------------------------------------------------------------- finishing

def finish(site_dir: Path, *, engine: str = "mkdocs", config: dict | None = None, root: Path = ROOT,
           serving: bool = False) -> None:
    """Repair every page, write `_headers`, check the URL contract, run AFTER_FINISH; raise
    BuildError if not kept. serving: `mkdocs serve` is rebuilding on change."""
    from after_the_no import deploy_headers, html_fixes
    from after_the_no.url_contract import broken, load_contract

    config = config or {}
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect stub: no theme markup to repair
        try:
            repaired = html_fixes.repair(html, page.relative_to(site_dir).as_posix(), engine)
        except html_fixes.MarkupChanged as error:
            problems.append(str(error))
            continue
        if repaired != html:
            page.write_text(repaired, "utf-8")
    if problems:
        raise BuildError("\n".join(problems))
    (site_dir / "_headers").write_text(deploy_headers.render(site_dir), "utf-8")
    # The contract is about the web site's URLs; a copy with page.html URLs (the offline
    # bundle, use_directory_urls: false) has other URLs by design.
    if config.get("use_directory_urls", True):
        try:
            contract = load_contract(root / "published-urls.yml")
        except DefinitionError as error:
            raise BuildError(str(error)) from None
        missing = broken(site_dir, contract)
        if missing:
            raise BuildError("published-urls.yml: the built site no longer serves:\n" + "\n".join(missing))
    for step in AFTER_FINISH:
        step(site_dir, config, serving)


# Steps that need the finished file list (e.g. the offline cache's manifest and service
# worker): each is called as step(site_dir, config, serving) once the site is repaired and
# checked; config is the staged mkdocs.yml as a dict (site_name, extra.brand, extra.classic_scripts
# for the file:// offline bundle, ...).
def offline_cache_step(site_dir: Path, config: dict, serving: bool) -> None:
    """The web app manifest and service worker (issue 14, after_the_no/offline_cache.py, from
    the privacy branch) from the finished file list: not in the file:// offline bundle, where
    service workers cannot run, and no worker under `mkdocs serve` (a cached copy would hide
    each edit until the second reload). Both engines get it."""
    from after_the_no import offline_cache
    extra = config.get("extra") or {}
    if extra.get("classic_scripts"):
        return
    colour = (extra.get("brand") or {}).get("primary_colour") or ""
    files = offline_cache.render(site_dir, config.get("site_name") or "", config.get("site_description") or "",
                                 colour, _search_languages(config))
    for name, text in files.items():
        if not (serving and name == offline_cache.WORKER):
            (site_dir / name).write_text(text, encoding="utf-8")


def _search_languages(config: dict) -> tuple[str, ...]:
    """The languages the search plugin indexes (its `lang`, else the theme's language): the
    offline copy keeps only their stemmers."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict):
            options = plugin.get("search") or plugin.get("material/search")
            if isinstance(options, dict) and options.get("lang"):
                lang = options["lang"]
                return (lang,) if isinstance(lang, str) else tuple(lang)
    return ((config.get("theme") or {}).get("language") or "en",)


AFTER_FINISH: list[Callable[[Path, dict, bool], None]] = [offline_cache_step]


