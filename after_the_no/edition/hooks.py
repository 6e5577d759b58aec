"""What an edition's settings change in the build, as a few calls from the build (after_the_no/build/):
check the settings, leave out omitted pages, place local services, redirect what was omitted,
frame-ancestors for `_headers`, and the URL contract of the pages that remain."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from after_the_no.definitions import DefinitionError
from after_the_no.edition import embedding, local_services, omissions, settings


def check(config_path: Path, docs: Path, sheets, library) -> list[str]:
    """Every problem in the edition settings of config_path, as `mkdocs.yml:line: key: message`."""
    try:
        doc = settings.read(config_path, config_path.name)
    except DefinitionError as error:
        return [str(p) for p in error.problems]
    pages = settings.GuidePages.of(docs, [s.slug for s in sheets], [r.slug for r in library.replies])
    return [str(p) for p in settings.check(doc, pages)]


def leave_out(config: dict, sheets: list, library) -> tuple[list, object]:
    """The worksheets and the reply library (for pages, lists and nav) that remain once
    extra.omit is applied."""
    gone = omissions.omitted(config)
    sheets = [s for s in sheets if f"worksheets/{s.slug}.md" not in gone]
    return sheets, dataclasses.replace(library, replies=[r for r in library.replies if f"replies/{r.slug}.md" not in gone])


def remaining(config: dict, sources: dict) -> dict:
    """The docs/ files that remain once extra.omit is applied."""
    gone = omissions.omitted(config)
    return {uri: path for uri, path in sources.items() if uri not in gone}


def page(config: dict, uri: str, markdown: str) -> str:
    """One page's Markdown: local services in place, no link to an omitted page."""
    extra = config.get("extra") or {}
    organisation = (extra.get("brand") or {}).get("organisation") or ""
    markdown = local_services.place(markdown, uri, extra.get("local_services") or [], organisation)
    return omissions.rewrite(markdown, uri, omissions.omitted(config))


def _without(nav, gone: set[str]):
    out = []
    for item in nav:
        if isinstance(item, str) and item in gone:
            continue
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if isinstance(target, str) and target in gone:
                continue
            if isinstance(target, list):
                item = {title: _without(target, gone)}
        out.append(item)
    return out


def staged(config: dict, staged_config: dict) -> dict:
    """The staged config: omitted pages out of the nav and redirected; the footer's line of
    local services (rendered here, shown by overrides/partials/copyright.html)."""
    gone = omissions.omitted(config)
    if gone:
        staged_config["nav"] = _without(staged_config.get("nav") or [], set(gone))
        plugins = []
        for plugin in staged_config.get("plugins") or []:
            if isinstance(plugin, dict) and "redirects" in plugin:
                options = dict(plugin["redirects"] or {})
                options["redirect_maps"] = {**(options.get("redirect_maps") or {}), **omissions.redirect_maps(gone)}
                plugin = {"redirects": options}
            plugins.append(plugin)
        staged_config["plugins"] = plugins
    extra = dict(staged_config.get("extra") or {})
    services = extra.get("local_services") or []
    if services:
        extra["local_services_footer"] = local_services.footer_html(
            services, (extra.get("brand") or {}).get("organisation") or "")
    staged_config["extra"] = extra
    return staged_config


def frame_ancestors(config: dict) -> str:
    return embedding.frame_ancestors(config)


def contract(config: dict, entries: list) -> list:
    """The contract an edition keeps: an omitted page's URL still leads somewhere (a redirect),
    its anchors went with it."""
    gone = omissions.omitted(config)
    return [dataclasses.replace(e, anchors={}) if omissions.page_of(e.url) in gone else e for e in entries]


def link_kit(config: dict, entries: list) -> list:
    """The adviser's link kit lists only the pages this edition has."""
    gone = omissions.omitted(config)
    return [e for e in entries if omissions.page_of(e.url) not in gone]
