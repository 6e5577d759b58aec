"""Finish: repair every built page, write `_headers`, check the URL contract, then run each
step in AFTER_FINISH (the steps that need the finished file list)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from after_the_no.build import headers, html_fixes, offline_cache
from after_the_no.build.config import ROOT, BuildError, search_languages
from after_the_no.build.url_contract import broken, load_contract
from after_the_no.definitions import DefinitionError
from after_the_no.edition import hooks as edition
from after_the_no.i18n import interface


def finish(site_dir: Path, *, engine: str = "mkdocs", config: dict | None = None, root: Path = ROOT,
           serving: bool = False) -> None:
    """Repair every page, write `_headers`, check the URL contract, run AFTER_FINISH; raise
    BuildError if not kept. serving: `mkdocs serve` is rebuilding on change."""
    config = config or {}
    problems = []
    words = interface.words(config)   # the tree's language (each language's tree is finished on its own)
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect stub: no theme markup to repair
        try:
            repaired = html_fixes.repair(html, page.relative_to(site_dir).as_posix(), engine, words)
        except html_fixes.MarkupChanged as error:
            problems.append(str(error))
            continue
        if repaired != html:
            page.write_text(repaired, "utf-8")
    if problems:
        raise BuildError("\n".join(problems))
    (site_dir / "_headers").write_text(headers.render(site_dir, edition.frame_ancestors(config)), "utf-8")
    # The contract is about the web site's URLs; a copy with page.html URLs (the offline
    # bundle, use_directory_urls: false) has other URLs by design.
    if config.get("use_directory_urls", True):
        try:
            contract = edition.contract(config, load_contract(root / "published-urls.yml"))
        except DefinitionError as error:
            raise BuildError(str(error)) from None
        missing = broken(site_dir, contract)
        if missing:
            raise BuildError("published-urls.yml: the built site no longer serves:\n" + "\n".join(missing))
    for step in AFTER_FINISH:
        step(site_dir, config, serving)


def offline_cache_step(site_dir: Path, config: dict, serving: bool) -> None:
    """The web app manifest and service worker (build/offline_cache.py) from the finished file
    list: not in the file:// offline bundle, where service workers cannot run, and no worker
    under `mkdocs serve` (a cached copy would hide each edit until the second reload). Both
    engines get it."""
    extra = config.get("extra") or {}
    if extra.get("classic_scripts"):
        return
    colour = (extra.get("brand") or {}).get("primary_colour") or ""
    files = offline_cache.render(site_dir, config.get("site_name") or "", config.get("site_description") or "",
                                 colour, search_languages(config))
    for name, text in files.items():
        if not (serving and name == offline_cache.WORKER):
            (site_dir / name).write_text(text, encoding="utf-8")


# Steps that need the finished file list (e.g. the offline cache's manifest and service
# worker): each is called as step(site_dir, config, serving) once the site is repaired and
# checked; config is the staged mkdocs.yml as a dict (site_name, extra.brand,
# extra.classic_scripts for the file:// offline bundle, ...); serving is true under `mkdocs serve`.
AFTER_FINISH: list[Callable[[Path, dict, bool], None]] = [offline_cache_step]
