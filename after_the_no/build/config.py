"""The project's config: where it is, the engines, reading mkdocs.yml, and the staged config
the engine builds from (no hooks, the complete nav)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from after_the_no.brand import DEFAULT_COLOUR, Brand
from after_the_no.definitions import FAST_LOADER
from after_the_no.edition import guide
from after_the_no.edition import hooks as edition
from after_the_no.i18n import interface

ROOT = Path(__file__).resolve().parents[2]
ENGINES = ("mkdocs", "zensical")
# The thin MkDocs hook: the project's mkdocs.yml lists it; the staged config lists no hook.
HOOK = "hooks/pipeline.py"


class BuildError(Exception):
    """A problem in the project's files, said as `file:line: key: message` where it can be."""


class _Loader(FAST_LOADER):
    """Reads mkdocs.yml even if it uses !ENV or !!python tags (kept as plain values); libyaml's
    parser where PyYAML has it, as the definitions use (this runs on every build)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_Loader) or {}


def resolve(config_path: Path, value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else (config_path.parent / path).resolve()


def download_brand(config: dict) -> Brand:
    """What the downloads take from the brand (mkdocs.yml site_name and extra.brand), and the page
    language (theme.language; English is en-GB) with its words (the staged strings' render.* keys)."""
    texts = interface.words(config)
    settings = dict((config.get("extra") or {}).get("brand") or {})
    # The contact line's label when the brand sets none: the templates' booking button's words.
    settings["contact_label"] = settings.get("contact_label") or interface.text_of(texts, "page.talk-button")
    brand = Brand.from_settings(config.get("site_name") or "", settings)
    language = (config.get("theme") or {}).get("language") or "en"
    words = {key: text for key, text in texts.items() if key.startswith(interface.PYTHON_PREFIX)}
    return replace(brand, language="en-GB" if language == "en" else language, words=words)


def redirects(config: dict) -> dict[str, str]:
    """The redirects plugin's map (old page -> new page), or nothing."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            return (plugin["redirects"] or {}).get("redirect_maps") or {}
    return {}


def search_languages(config: dict) -> tuple[str, ...]:
    """The languages the search plugin indexes (its `lang`, else the theme's language): the
    offline copy keeps only their stemmers."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict):
            options = plugin.get("search") or plugin.get("material/search")
            if isinstance(options, dict) and options.get("lang"):
                lang = options["lang"]
                return (lang,) if isinstance(lang, str) else tuple(lang)
    return ((config.get("theme") or {}).get("language") or "en",)


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


def staged_config(config: dict, config_path: Path, sections: dict[str, list[tuple[str, str]]],
                  engine: str, site_dir: Path | None) -> dict:
    """The config the engine builds from: no hooks, docs/ in the staging tree, the nav complete
    (sections: each generated index page -> its pages as (path, title))."""
    staged = dict(config)
    staged.pop("hooks", None)
    staged["docs_dir"] = "docs"
    theme = dict(staged.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(resolve(config_path, theme["custom_dir"]))
    staged["theme"] = theme
    staged["nav"] = complete_nav(config.get("nav") or [], sections)
    # The templates' fallback when extra.brand sets no colour (the theme-color meta tag).
    staged["extra"] = {**(config.get("extra") or {}), "default_colour": DEFAULT_COLOUR}
    if "interface" not in staged["extra"]:   # English; a language's tree comes with its own (i18n/tree.py)
        staged["extra"].update(interface.for_config(interface.english(guide.root())))
    if site_dir is not None:
        staged["site_dir"] = str(site_dir)
    if engine == "zensical":
        # Zensical's default look is its "modern" variant; the site is designed on Material's.
        theme["variant"] = "classic"
    return edition.staged(config, staged)   # omitted pages redirected; the footer's local services
