"""The thin MkDocs hook: a plain `mkdocs build` (or `mkdocs serve`) on the project's mkdocs.yml
stages the site first and finishes it after, exactly as `bin/build` does (after_the_no.pipeline).

on_config stages into a folder kept for this process (so `mkdocs serve` rewrites only what
changed) and points MkDocs at the staged docs and the complete nav; on_post_build finishes.
Nothing else: every page MkDocs writes comes from the staged tree.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from after_the_no import pipeline

# The project: the folder above this hook (its worksheets/, replies/, published-urls.yml),
# found from this file, not from mkdocs.yml, which a variant build may write elsewhere.
ROOT = Path(__file__).resolve().parents[1]


def on_startup(command, dirty):
    pipeline.SERVING["serve"] = command == "serve"


def on_config(config):
    config_path = Path(config.config_file_path)
    try:
        staged = pipeline.stage(pipeline.stage_dir_for(config_path), config_path, root=ROOT)
    except pipeline.BuildError as error:
        raise PluginError(str(error)) from None
    config.docs_dir = str(staged.docs)
    config.nav = staged.config["nav"]
    pipeline.HOOK_STATE[config_path] = staged
    return config


def on_post_build(config):
    staged = pipeline.HOOK_STATE.get(Path(config.config_file_path))
    try:
        pipeline.finish(Path(config.site_dir), engine="mkdocs", config=staged.config if staged else {}, root=ROOT,
                        serving=pipeline.SERVING["serve"])
    except pipeline.BuildError as error:
        raise PluginError(str(error)) from None


def on_serve(server, config, builder):
    # Watch the sources, not the staged copy MkDocs was pointed at.
    server.unwatch(config.docs_dir)
    root = ROOT
    for source in (Path(config.config_file_path).parent / "docs", root / "docs", root / "worksheets",
                   root / "replies", root / "after_the_no", root / "published-urls.yml"):
        if source.exists() and str(source) not in getattr(server, "_watched_paths", {}):
            server.watch(str(source))
    return server
