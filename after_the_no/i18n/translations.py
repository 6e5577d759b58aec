"""A translation checked against its English original, problem by problem, each said as
`file:line: key: message` (issue 21's bad input).

Worksheets, reply examples, the tone rules, the placeholders and the routes by place are
translated as whole copies of their English YAML under locales/<code>/ (same path): the same keys,
the same list lengths, the same ids, numbers, links and sources; only the words change, and every
text keeps exactly the placeholders ({company}) its English text has. Guide pages are translated as
Markdown under locales/<code>/docs/ (same path): the same front-matter keys, the same build
markers (<!-- places: ... -->) in the same order, the same links inside the guide, and every
anchor the English page has, written on its heading ({#anchor}), so every published address
(published-urls.yml) answers in every language.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from markdown.extensions.toc import slugify

from after_the_no.definitions import FRONT_MATTER, DefinitionError, Document, Problem, format_key, load
from after_the_no.i18n import interface

# Keys whose values are the same in every language (ids, numbers, addresses, what a fact cites).
FIXED = {"id", "kind", "order", "version", "minutes", "repeat", "placeholders", "link", "page", "autocomplete",
         "in_thread", "spoken", "characters", "max", "min", "url"}
# A list a translation may extend (a route citing a source only the translation states).
EXTENDABLE = {"source"}
# In the tone rules a rule finds its words by `phrase` or by `pattern`; a language may use either.
EITHER = {"phrase", "pattern"}
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_-]*)\}")
MARKER = re.compile(r"<!--\s*([a-z][a-z-]*(?:[: ][^>]*?)?)\s*-->")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_-]+)[^}]*\}\s*$")
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
TRANSLATED_FRONT_MATTER = {"description", "title"}


def yaml_problems(english: Document, translated: Document, extra_sources: set[str] = frozenset()) -> list[Problem]:
    """Every way a translated YAML copy differs from its English original beyond the words."""
    problems: list[Problem] = []

    def fail(path: tuple, message: str) -> None:
        problems.append(Problem(translated.name, translated.line(path), format_key(path), message))

    def walk(en: Any, tr: Any, path: tuple) -> None:
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        if key in EXTENDABLE and path and path[-1] == key:   # one source or a list of them
            en, tr = ([en] if isinstance(en, str) else en), ([tr] if isinstance(tr, str) else tr)
        if isinstance(en, dict):
            if not isinstance(tr, dict):
                return fail(path, f"expected a mapping, as in {english.name}")
            en_keys, tr_keys = set(en), set(tr)
            if EITHER & en_keys and EITHER & tr_keys:   # phrase <-> pattern
                en_keys, tr_keys = en_keys - EITHER, tr_keys - EITHER
            for missing in sorted(en_keys - tr_keys):
                fail(path + (missing,), f"missing: {english.name} has it")
            for extra in sorted(tr_keys - en_keys):
                fail(path + (extra,), f"not in {english.name}: a translation changes words, not keys")
            for k in sorted(en_keys & tr_keys):
                walk(en[k], tr[k], path + (k,))
            return
        if isinstance(en, list):
            if not isinstance(tr, list):
                return fail(path, f"expected a list, as in {english.name}")
            if key in EXTENDABLE:
                lost = [item for item in en if item not in tr]
                added = [item for item in tr if item not in en and item not in extra_sources]
                if lost:
                    fail(path, f"drops {lost}: every source the English cites stays")
                if added:
                    fail(path, f"cites {added}: not an entry of sources.yml or of this language's sources.yml")
                return
            if len(en) != len(tr):
                return fail(path, f"{len(tr)} items; {english.name} has {len(en)}")
            for i, (a, b) in enumerate(zip(en, tr)):
                walk(a, b, path + (i,))
            return
        if key in FIXED or not isinstance(en, str):
            if key == "link" and isinstance(en, dict):
                return walk(en, tr, path)
            if tr != en:
                fail(path, f"is {tr!r}; must stay {en!r} as in {english.name}")
            return
        if not isinstance(tr, str) or not tr.strip():
            return fail(path, "empty: translate the text")
        if key == "pattern":
            return
        if (a := sorted(set(PLACEHOLDER.findall(en)))) != (b := sorted(set(PLACEHOLDER.findall(tr)))):
            fail(path, f"placeholders {['{' + p + '}' for p in b]}; the English has {['{' + p + '}' for p in a]}")

    walk(english.data, translated.data, ())
    return problems


def body_lines(markdown: str):
    """(line number, line) of the page's Markdown after its front matter: a YAML comment there
    (`# why`) is not a heading."""
    fm = FRONT_MATTER.match(markdown)
    skip = fm[0].count("\n") if fm else 0
    return [(n, line) for n, line in enumerate(markdown.splitlines(), start=1) if n > skip]


def english_anchors(markdown: str) -> dict[str, int]:
    """Every heading anchor of an English page (written, or made from the heading as MkDocs
    does) -> its line."""
    found = {}
    for number, line in body_lines(markdown):
        if m := HEADING.match(line):
            written = ANCHOR.search(m[2])
            text = ANCHOR.sub("", m[2]).strip()
            found[written[1] if written else slugify(text, "-")] = number
    return found


def markdown_problems(english: str, translated: str, name: str) -> list[Problem]:
    """Every way a translated guide page differs from its English page beyond the words."""
    problems: list[Problem] = []
    lines = translated.splitlines()

    def line_of(needle: str) -> int:
        return next((i for i, line in enumerate(lines, start=1) if needle in line), 1)

    en_fm, tr_fm = FRONT_MATTER.match(english), FRONT_MATTER.match(translated)
    en_meta = _front_matter(en_fm[1] if en_fm else "")
    tr_meta = _front_matter(tr_fm[1] if tr_fm else "")
    for key in sorted(set(en_meta) | set(tr_meta)):
        if key not in tr_meta:
            problems.append(Problem(name, 1, f"front matter.{key}", "missing: the English page has it"))
        elif key not in en_meta:
            problems.append(Problem(name, line_of(f"{key}:"), f"front matter.{key}", "not on the English page"))
        elif key not in TRANSLATED_FRONT_MATTER and tr_meta[key] != en_meta[key]:
            problems.append(Problem(name, line_of(f"{key}:"), f"front matter.{key}",
                                    f"is {tr_meta[key]!r}; must stay {en_meta[key]!r}"))
    en_markers, tr_markers = MARKER.findall(english), MARKER.findall(translated)
    if en_markers != tr_markers:
        first = next((i for i, (a, b) in enumerate(zip(en_markers, tr_markers)) if a != b), min(len(en_markers), len(tr_markers)))
        expected = en_markers[first] if first < len(en_markers) else "(none)"
        got = tr_markers[first] if first < len(tr_markers) else "(none)"
        problems.append(Problem(name, line_of(f"<!-- {got}") if got != "(none)" else len(lines), "markers",
                                f"<!-- {got} --> where the English page has <!-- {expected} -->: the build markers stay, in order"))
    written = {}
    for number, line in body_lines(translated):
        if m := HEADING.match(line):
            anchor = ANCHOR.search(m[2])
            if anchor is None:
                problems.append(Problem(name, number, "heading", f"{line.strip()!r}: no {{#anchor}}: write the English page's anchor on it"))
            else:
                written[anchor[1]] = number
    for anchor in english_anchors(english):
        if anchor not in written:
            problems.append(Problem(name, 1, f"#{anchor}", "missing: the English page has this anchor (a published address may link to it)"))
    own = lambda text: Counter(t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t))   # noqa: E731
    if (a := own(english)) != (b := own(translated)):
        for target in sorted((a - b) | (b - a)):
            problems.append(Problem(name, line_of(target) if target in b else 1, f"link {target}",
                                    f"{b[target]} on this page; the English page has {a[target]}: links inside the guide stay"))
    return problems


def _front_matter(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        if re.match(r"[A-Za-z_]+:", line):
            key, _, value = line.partition(":")
            out[key] = value.strip()
        elif out and line.startswith((" ", "\t")):
            last = list(out)[-1]
            out[last] += "\n" + line.strip()
    return out


def check_language(root: Path, code: str) -> list[Problem]:
    """Every problem in locales/<code>/ against the English files under root."""
    from after_the_no.i18n.languages import translated_files
    base = root / "locales" / code
    extra_sources = set()
    if (base / "sources.yml").is_file():
        extra_sources = {entry.get("id") for entry in load(base / "sources.yml", f"locales/{code}/sources.yml").data or []
                         if isinstance(entry, dict)}
    problems: list[Problem] = []
    for english, translated in translated_files(root, code):
        name = translated.relative_to(root).as_posix()
        if english.suffix == ".md":
            problems += markdown_problems(english.read_text("utf-8"), translated.read_text("utf-8"), name)
            continue
        try:
            problems += yaml_problems(load(english, english.relative_to(root).as_posix()), load(translated, name), extra_sources)
        except DefinitionError as error:
            problems += error.problems
    return problems + interface.check(root, code, published=_status(root, code) == "published")


def _status(root: Path, code: str) -> str:
    from after_the_no.i18n.languages import load_languages
    if not (root / "locales/languages.yml").is_file():
        return "draft"
    return next((language.status for language in load_languages(root) if language.code == code), "draft")
