"""The thin MkDocs hook: a plain `mkdocs build` (or `mkdocs serve`) on the project's mkdocs.yml
stages the site first and finishes it after, exactly as `bin/build` does (after_the_no/build/).

on_config begins staging into a folder kept for this process (so `mkdocs serve` rewrites only
what changed) and points MkDocs at the staged docs and the complete nav. The downloads are
still rendering then, in other processes: MkDocs reads every other page meanwhile (on_files
puts the pages that link to a download last), and the first of those waits for the files,
so every size is in its page's Markdown before MkDocs writes any page. on_env makes sure
the files are there before MkDocs copies them; on_post_build finishes.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel, get_files

from after_the_no.build.config import BuildError
from after_the_no.build.finish import finish
from after_the_no.build.hook_state import HookState
from after_the_no.build.stage import Staged, Staging, begin_stage

# The project: the folder above this hook (its worksheets/, replies/, published-urls.yml),
# found from this file, not from mkdocs.yml, which a variant build may write elsewhere.
ROOT = Path(__file__).resolve().parents[1]
STATE = HookState()


def _staging(config) -> Staging:
    return STATE.stagings[Path(config.config_file_path)]


def _complete(config) -> Staged:
    try:
        return _staging(config).complete()
    except BuildError as error:
        raise PluginError(str(error)) from None


def on_startup(command, dirty):
    STATE.serving = command == "serve"


def on_config(config):
    config_path = Path(config.config_file_path)
    try:
        staging = begin_stage(STATE.stage_dir(config_path), config_path, root=ROOT)
    except BuildError as error:
        raise PluginError(str(error)) from None
    config.docs_dir = str(staging.docs)
    config.nav = staging.config["nav"]
    config.extra["default_colour"] = staging.config["extra"]["default_colour"]
    for key in ("interface", "interface_json"):   # the interface's words (after_the_no/i18n/interface.py)
        config.extra[key] = staging.config["extra"][key]
    # An edition's settings (after_the_no/edition/hooks.py): the footer's local services and
    # the redirects of omitted pages.
    config.extra["local_services_footer"] = staging.config["extra"].get("local_services_footer", "")
    for plugin in staging.config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin and "redirects" in config.plugins:
            config.plugins["redirects"].config["redirect_maps"] = plugin["redirects"]["redirect_maps"]
    STATE.stagings[config_path] = staging
    STATE.held[config_path] = []
    return config


def on_files(files, config):
    staging = _staging(config)
    # Not written yet on a first build: listed now (links to them resolve), read or copied later.
    for uri in staging.pending_pages + staging.download_paths:
        if files.get_file_from_path(uri) is None:
            files.append(File(uri, str(staging.docs), config.site_dir, config.use_directory_urls,
                              inclusion=InclusionLevel.INCLUDED))
    for uri in staging.pending_pages:  # read last, while the downloads render
        file = files.get_file_from_path(uri)
        files.remove(file)
        files.append(file)
    return files


def on_page_read_source(page, config):
    staging = _staging(config)
    if page.file.src_uri in staging.pending_pages:
        _complete(config)
        return staging.markdown(page.file.src_uri)
    return None


def on_env(env, config, files):
    staging = _staging(config)
    if staging.sizes_known:
        # The pages already have the sizes: the files are still rendering, and are copied
        # once they are done (on_post_build), so MkDocs writes every page meanwhile.
        held = STATE.held[Path(config.config_file_path)] = [files.get_file_from_path(uri)
                                                            for uri in staging.download_paths]
        for file in held:
            files.remove(file)
    else:
        _complete(config)   # the downloads are on disk before MkDocs copies the static files
    # Pages are written (and listed in the search index and sitemap) in the order MkDocs gives
    # the complete staged tree, as in a build without this hook.
    order = [f.src_uri for f in get_files(config)]
    for uri in order + [f.src_uri for f in files if f.src_uri not in set(order)]:
        file = files.get_file_from_path(uri)
        if file is not None:
            files.remove(file)
            files.append(file)
    return env


def on_post_build(config):
    staged = _complete(config)
    for file in STATE.held[Path(config.config_file_path)]:
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file.abs_src_path, file.abs_dest_path)
    try:
        finish(Path(config.site_dir), engine="mkdocs", config=staged.config, root=ROOT, serving=STATE.serving)
    except BuildError as error:
        raise PluginError(str(error)) from None


def on_build_error(error):
    STATE.close()


def on_serve(server, config, builder):
    # Watch the sources, not the staged copy MkDocs was pointed at.
    server.unwatch(config.docs_dir)
    root = ROOT
    for source in (Path(config.config_file_path).parent / "docs", root / "docs", root / "worksheets",
                   root / "replies", root / "after_the_no", root / "published-urls.yml"):
        if source.exists() and str(source) not in getattr(server, "_watched_paths", {}):
            server.watch(str(source))
    return server
