"""US English for a US college's own build (`extra.english: us`): the reviewed glossary in
locales/en-US/glossary.po applied to every word the guide shows, before staging, so the pages,
worksheets, replies, routes by place and every download are written from the US words.

Only words change: link targets, anchors, build markers, code, URLs, HTML tags and the YAML
keys that name things (ids, slugs, links, sources) are left exactly as they are, and a heading
whose words change keeps its published anchor. The routes by place put the United States first
(places.py reads `english` from the config). The default build stays UK English.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po
from markdown.extensions.toc import slugify

from after_the_no.definitions import DefinitionError, FAST_DUMPER, FRONT_MATTER, Problem

GLOSSARY = "locales/en-US/glossary.po"
# What is never words: a comment (build markers), a link target, an attribute list ({#anchor}),
# inline code, a URL, an HTML tag.
PROTECTED = re.compile(r"<!--.*?-->|\]\([^)]*\)|\{[^}\n]*\}|`[^`\n]*`|https?://[^\s)\"'>]+|<[^>\n]+>", re.S)
HEADING = re.compile(r"^(#{1,6}\s+)(.+?)\s*$")
# YAML keys whose values name things rather than say them: never changed.
NAMING_KEYS = re.compile(r"^\s*(?:-\s+)?(id|slug|source|sources|url|link|links|page|pages|anchor|kind|component|stages)\s*:")
# Front matter values shown to readers.
SHOWN_FRONT_MATTER = re.compile(r"^(description|title)\s*:")


@dataclass(frozen=True)
class Term:
    uk: str
    us: str
    capital: bool   # also the form with a capital first letter (a sentence's first word)


def english(config: dict) -> str:
    """"us" or "uk" (the default), from the config's extra.english."""
    return "us" if str(((config or {}).get("extra") or {}).get("english") or "uk").lower() == "us" else "uk"


def load_glossary(root: Path) -> list[Term]:
    with open(root / GLOSSARY, "rb") as f:
        catalogue = read_po(f)
    empty = [Problem(GLOSSARY, m.lineno, m.id, "no US English (msgstr is empty)") for m in catalogue if m.id and not m.string]
    if empty:
        raise DefinitionError(empty)
    terms = [Term(m.id, m.string, "no-capital" not in m.flags) for m in catalogue if m.id]
    return sorted(terms, key=lambda t: -len(t.uk))   # "CV (résumé)" before "CV"


def forms(term: Term) -> list[tuple[str, str]]:
    """(UK, US) pairs to replace: lower case, and the capitalised form unless no-capital."""
    pairs = [(term.uk, term.us)]
    if term.capital and term.uk[:1].islower():
        pairs.append((term.uk[:1].upper() + term.uk[1:], term.us[:1].upper() + term.us[1:]))
    return pairs


def _pattern(uk: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(uk) + r"(?![\w-])")


def words(text: str, terms: list[Term]) -> str:
    """Plain words in US English (no protected spans inside)."""
    for term in terms:
        for uk, us in forms(term):
            text = _pattern(uk).sub(us, text)
    return text


def prose(text: str, terms: list[Term]) -> str:
    """Text in US English, its protected spans unchanged."""
    out, last = [], 0
    for match in PROTECTED.finditer(text):
        out += [words(text[last:match.start()], terms), match.group(0)]
        last = match.end()
    return "".join(out + [words(text[last:], terms)])


def markdown(text: str, terms: list[Term]) -> str:
    """A guide page in US English: the front matter's shown values and the body; a heading
    whose words change keeps the anchor MkDocs made from its UK words."""
    match = FRONT_MATTER.match(text)
    front, body = (match[0], text[match.end():]) if match else ("", text)
    front = "\n".join(prose(line, terms) if SHOWN_FRONT_MATTER.match(line) else line for line in front.split("\n"))
    lines = []
    for line in body.split("\n"):
        heading = HEADING.match(line)
        changed = prose(line, terms)
        if heading and changed != line and "{" not in heading[2]:
            changed = f"{changed} {{#{slugify(heading[2], '-')}}}"
        lines.append(changed)
    return front + "\n".join(lines)


KEY = re.compile(r"^(\s*(?:-\s+)?[\w-]+\s*:)(.*)$")


def yaml_text(text: str, terms: list[Term]) -> str:
    """A definition file in US English, line by line: only values change (never a key), and
    never the values of keys that name things."""
    def line_in_us(line: str) -> str:
        if NAMING_KEYS.match(line):
            return line
        key = KEY.match(line)
        return key[1] + prose(key[2], terms) if key else prose(line, terms)
    return "\n".join(line_in_us(line) for line in text.split("\n"))


def stage_root(root: Path, docs: Path, into: Path) -> tuple[Path, Path]:
    """A root (worksheets, replies, routes, sources, URL contract) and a docs folder in US
    English, written under `into`; returns (root, docs)."""
    terms = load_glossary(root)
    for folder in ("worksheets", "replies"):
        (into / folder).mkdir(parents=True)
        for source in sorted((root / folder).glob("*.yml")):
            text = source.read_text("utf-8")
            (into / folder / source.name).write_text(text if source.name == "tone-rules.yml" else yaml_text(text, terms), "utf-8")
    shutil.copy(root / "worksheets/schema.json", into / "worksheets/schema.json")
    for name in ("places.yml", "sources.yml", "published-urls.yml", "advice-map.yml"):
        if (root / name).is_file():   # the URL contract's descriptions make the link kit
            (into / name).write_text(yaml_text((root / name).read_text("utf-8"), terms), "utf-8")
    out = into / "docs"
    shutil.copytree(docs, out, ignore=shutil.ignore_patterns("*.md"))
    for page in sorted(docs.rglob("*.md")):
        target = out / page.relative_to(docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown(page.read_text("utf-8"), terms), "utf-8")
    return into, out


def nav(items: list, terms: list[Term]) -> list:
    """The nav's titles in US English (the pages it names stay)."""
    out = []
    for item in items:
        if isinstance(item, dict):
            (title, target), = item.items()
            out.append({words(title, terms): nav(target, terms) if isinstance(target, list) else target})
        else:
            out.append(item)
    return out


def staged_config(config_path: Path, root: Path, into: Path) -> tuple[Path, Path]:
    """For a config that asks for US English: (a config whose docs are in US English, the US
    English root), written under `into`. Any other config: (config_path, root) unchanged."""
    import yaml

    from after_the_no.build.config import read_config, resolve
    config = read_config(config_path)
    if english(config) != "us":
        return config_path, root
    docs = resolve(config_path, config.get("docs_dir") or "docs")
    us_root, us_docs = stage_root(root, docs, into)
    config["docs_dir"] = str(us_docs)
    terms = load_glossary(root)
    config["nav"] = nav(config.get("nav") or [], terms)
    # The interface's words (templates and scripts) too: English from the catalogue, in US words.
    from after_the_no.i18n import interface
    us_words = {key: prose(text, terms) for key, text in interface.english(root).items()}
    config["extra"] = {**(config.get("extra") or {}), **interface.for_config(us_words)}
    for key in ("site_description", "copyright"):
        if isinstance(config.get(key), str):
            config[key] = prose(config[key], terms)
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str(resolve(config_path, theme["custom_dir"]))
    config["theme"] = theme
    config["hooks"] = [str(resolve(config_path, hook)) for hook in config.get("hooks") or []]
    target = into / "mkdocs.yml"
    target.write_text(yaml.dump(config, Dumper=FAST_DUMPER, sort_keys=False, allow_unicode=True), "utf-8")
    return target, us_root
