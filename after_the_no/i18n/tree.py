"""One language's own tree, staged and built by either engine like the English one: its pages,
worksheets, replies and routes from locales/<code>/, the English assets, and a config of its own
(theme.language, site_url under /<code>/, the nav in its words, the language switcher), built
into <site>/<code>/ after the English site. No engine plugin: the staged pipeline builds it.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from after_the_no.build import headers
from after_the_no.build.config import BuildError, read_config, resolve
from after_the_no.definitions import FAST_DUMPER, FRONT_MATTER
from after_the_no.edition import hooks as edition
from after_the_no.i18n import interface
from after_the_no.i18n.alternates import same_page
from after_the_no.i18n.languages import Language, completeness_problems, load_languages
from after_the_no.i18n.translations import check_language

SITE_STRINGS = "site.yml"   # locales/<code>/site.yml: the config's own words (nav sections, toggles)
H1 = re.compile(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", re.M)


def languages_to_build(root: Path, asked: list[str] | None = None) -> list[Language]:
    """The languages a build makes besides English: every published one, and the drafts asked
    for (bin/build --language cy). An unknown code stops the build, naming those that exist."""
    if not (root / "locales/languages.yml").is_file():
        return []
    languages = load_languages(root)
    by_code = {language.code: language for language in languages}
    unknown = [code for code in asked or [] if code not in by_code]
    if unknown:
        raise BuildError(f"--language {', '.join(unknown)}: no such language; the languages are "
                         f"{', '.join(by_code)} (locales/languages.yml)")
    return [language for language in languages[1:] if language.status == "published" or language.code in (asked or [])]


def alternates(here: str, shown: list[Language]) -> list[dict]:
    """Material's extra.alternate: one entry per published language, its home relative to the
    site root of the tree being built (`here`: "en" or the code): i18n/alternates.py says why."""
    def home(code: str) -> str:
        if code == here:
            return "./"
        return ("" if here == "en" else "../") + ("" if code == "en" else f"{code}/")
    return [{"name": language.name, "lang": language.code, "link": home(language.code)} for language in shown]


def published(root: Path) -> list[Language]:
    return [language for language in load_languages(root) if language.status == "published"]


def standalone_config(config_path: Path) -> dict:
    """The project's config, to be written elsewhere: its folders point back to the project
    (MkDocs resolves them from the config's folder), and no hook (the pipeline stages it)."""
    config = read_config(config_path)
    config["docs_dir"] = str(resolve(config_path, config.get("docs_dir") or "docs"))
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(resolve(config_path, theme["custom_dir"]))
    config["theme"] = theme
    config.pop("hooks", None)
    return config


def write_config(config: dict, target: Path) -> Path:
    target.write_text(yaml.dump(config, Dumper=FAST_DUMPER, sort_keys=False, allow_unicode=True), "utf-8")
    return target


def english_config(config_path: Path, root: Path, target: Path) -> Path:
    """The English site's config with the language switcher, written at target."""
    config = standalone_config(config_path)
    config["extra"] = {**(config.get("extra") or {}), "alternate": alternates("en", published(root))}
    return write_config(config, target)


# A draft language's page that is not translated yet: the English, marked as English, with a notice.
NOT_YET = ('!!! note "{name}: not yet translated"\n    This page is not translated yet, so it is shown in English.\n\n'
           '<div lang="en" markdown>\n\n{body}\n\n</div>\n')


def stage_root(root: Path, language: Language, into: Path) -> Path:
    """A root for the staging step in the language: its worksheets, replies, routes by place and
    pages, the English schema, sources (with the language's own), URL contract and assets. A
    draft language takes the English of whatever it has not translated, its pages marked so."""
    base = root / "locales" / language.code
    for folder in ("worksheets", "replies"):
        (into / folder).mkdir(parents=True)
        for english in sorted((root / folder).glob("*.yml")):
            own = base / folder / english.name
            shutil.copy(own if own.is_file() else english, into / folder / english.name)
    shutil.copy(root / "worksheets/schema.json", into / "worksheets/schema.json")
    shutil.copy(base / "places.yml" if (base / "places.yml").is_file() else root / "places.yml", into / "places.yml")
    sources = (root / "sources.yml").read_text("utf-8")
    if (base / "sources.yml").is_file():
        sources += "\n" + (base / "sources.yml").read_text("utf-8")
    (into / "sources.yml").write_text(sources, "utf-8")
    for name in ("published-urls.yml", "advice-map.yml"):   # the contract's addresses are every language's
        if (base / name).is_file() or (root / name).is_file():
            shutil.copy(base / name if (base / name).is_file() else root / name, into / name)
    shutil.copytree(root / "docs", into / "docs", ignore=shutil.ignore_patterns("*.md"))
    for english in sorted((root / "docs").rglob("*.md")):
        rel = english.relative_to(root / "docs")
        own = base / "docs" / rel
        if own.is_file():
            text = own.read_text("utf-8")
        else:
            text = english.read_text("utf-8")
            match = FRONT_MATTER.match(text)
            front, body = (match[0], text[match.end():]) if match else ("", text)
            text = front + NOT_YET.format(name=language.name, body=body.strip())
        (into / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (into / "docs" / rel).write_text(text, "utf-8")
    return into


def page_title(docs: Path, page: str) -> str:
    match = H1.search((docs / page).read_text("utf-8"))
    return match[1].strip() if match else page


def translated_nav(nav: list, docs: Path, words: dict[str, str]) -> list:
    """The nav with each title in the language: a page's title is its h1, a section's title is
    its index page's (or site.yml's words for it)."""
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
            continue
        (title, target), = item.items()
        if isinstance(target, str):
            out.append({words.get(title) or page_title(docs, target): target})
        else:
            first = target[0] if target and isinstance(target[0], str) else None
            name = words.get(title) or (page_title(docs, first) if first else title)
            out.append({name: translated_nav(target, docs, words)})
    return out


def language_config(config_path: Path, language: Language, tree: Path, shown: list[Language], root: Path) -> Path:
    """The language's mkdocs.yml, written into its tree; `shown`: the languages its switcher offers."""
    config = standalone_config(config_path)
    strings = root / "locales" / language.code / SITE_STRINGS
    words = (yaml.safe_load(strings.read_text("utf-8")) or {}) if strings.is_file() else {}
    site_url = config.get("site_url") or ""
    config["site_url"] = site_url + f"{language.code}/"
    config["docs_dir"] = str(tree / "docs")
    theme = config["theme"]
    theme["language"] = language.code
    for entry in theme.get("palette") or []:
        toggle = entry.get("toggle") or {}
        toggle["name"] = (words.get("palette") or {}).get(toggle.get("name"), toggle.get("name"))
    for key in ("site_description", "copyright"):
        if words.get(key):
            config[key] = words[key]
    config["nav"] = translated_nav(config.get("nav") or [], tree / "docs", words.get("nav") or {})
    extra = dict(config.get("extra") or {})
    extra["alternate"] = alternates(language.code, shown)
    extra["language_draft"] = language.status == "draft"
    extra.update(interface.for_config(interface.strings(root, language.code, draft=language.status == "draft")))
    config["extra"] = extra
    return write_config(config, tree / "mkdocs.yml")


def build_tree(out: Path, engine_name: str, config_path: Path, root: Path, language: Language,
               shown: list[Language]) -> None:
    """One language's tree built into `out`. Its download caches (build/size_cache.py) are kept
    beside the English ones (.cache/download-sizes-<code>.json, download-files-<code>.zip), so
    its downloads are rendered once, and its pages written while they render, as the English
    ones are."""
    from after_the_no.build.size_cache import FILES_CACHE, SIZE_CACHE
    from after_the_no.edition import engine   # the one build path (engine imports the build steps)
    caches = [(root / Path(name).with_name(f"{Path(name).stem}-{language.code}{Path(name).suffix}"), name)
              for name in (SIZE_CACHE, FILES_CACHE)]   # (this language's copy, where the build looks)
    with tempfile.TemporaryDirectory(prefix=f"after-the-no-{language.code}-") as tmp:
        tree = stage_root(root, language, Path(tmp) / "root")
        for kept, name in caches:
            if kept.is_file():
                (tree / name).parent.mkdir(exist_ok=True)
                shutil.copy(kept, tree / name)
        engine.build(out, engine_name, language_config(config_path, language, tree, shown, root), quiet=True, root=tree)
        for kept, name in caches:
            if (tree / name).is_file():
                try:
                    kept.parent.mkdir(exist_ok=True)
                    shutil.copy(tree / name, kept)
                except OSError:
                    pass   # a read-only checkout builds as well, only without the head start


def build_languages(site_dir: Path, engine_name: str, config_path: Path, root: Path,
                    asked: list[str] | None = None) -> dict[str, float]:
    """Build every language besides English into site_dir/<code>/ (the English site is built
    already), then write the one `_headers` for the whole site. Returns seconds per language."""
    times, shown = {}, published(root)
    for language in languages_to_build(root, asked):
        problems = check_language(root, language.code) + completeness_problems(root, language)
        if problems:
            raise BuildError("\n".join(map(str, problems)))
        start = time.perf_counter()
        build_tree(site_dir / language.code, engine_name, config_path, root, language, shown)
        (site_dir / language.code / "_headers").unlink(missing_ok=True)   # a host reads only the root one
        if language.status == "draft":   # never offered to search engines (its pages say noindex)
            for sitemap in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / language.code / sitemap).unlink(missing_ok=True)
        times[language.code] = time.perf_counter() - start
    if times:
        config = read_config(config_path)
        same_page(site_dir, [language.code for language in shown], config.get("site_url") or "")
        (site_dir / "_headers").write_text(headers.render(site_dir, edition.frame_ancestors(config)), "utf-8")
    return times
