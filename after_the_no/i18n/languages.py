"""The guide's languages (locales/languages.yml), the files a translation copies, and how far
each language has got (bin/i18n status).

A translated file records the English it was translated from: locales/<code>/translated.yml maps
each file's path to the SHA-256 of its English original at that time, so a file whose English
has changed since is out of date ("fuzzy", as gettext says) until a translator updates it and runs
`bin/i18n done <code> <path>`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from after_the_no.definitions import Problem

LANGUAGES = "locales/languages.yml"
STATUSES = ("published", "draft")


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    status: str
    reviewed: str | None = None


def load_languages(root: Path) -> list[Language]:
    """Every language, English first. Raises ValueError naming the file, line and key."""
    from after_the_no.definitions import Checker, load
    doc = load(root / LANGUAGES, LANGUAGES)
    checker = Checker(doc)
    out = []
    for i, entry in enumerate(doc.data or []):
        entry = checker.mapping((i,), entry, {"code", "name", "status"}, {"reviewed"})
        if entry is None:
            continue
        if entry.get("status") not in STATUSES:
            checker.fail((i, "status"), f"is {entry.get('status')!r}: use one of {', '.join(STATUSES)}")
        out.append(Language(str(entry.get("code")), str(entry.get("name")), str(entry.get("status")), entry.get("reviewed")))
    if not out or out[0].code != "en":
        checker.fail((), "the first language is English (code: en), the source of every other")
    checker.raise_if_any()
    return out


def english_files(root: Path) -> list[Path]:
    """Every English file a translation copies: the guide pages, the worksheets, the reply
    examples with their placeholders and tone rules, the routes by place, and the URL contract
    (its descriptions make the advisers' link kit)."""
    return (sorted((root / "docs").rglob("*.md")) + sorted((root / "worksheets").glob("*.yml"))
            + sorted((root / "replies").glob("*.yml")) + [root / "places.yml"]
            + [path for path in [root / "published-urls.yml"] if path.is_file()])


def translation_of(root: Path, code: str, english: Path) -> Path:
    return root / "locales" / code / english.relative_to(root)


def translated_files(root: Path, code: str) -> list[tuple[Path, Path]]:
    """(English file, its translation) for every English file the language has translated."""
    return [(e, t) for e in english_files(root) if (t := translation_of(root, code, e)).is_file()]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record(root: Path, code: str) -> dict[str, str]:
    path = root / "locales" / code / "translated.yml"
    return (yaml.safe_load(path.read_text("utf-8")) or {}) if path.is_file() else {}


def mark_done(root: Path, code: str, rel_paths: list[str]) -> list[str]:
    """Record that each file's translation matches its English as it is now. Returns problems."""
    done, problems = record(root, code), []
    for rel in rel_paths:
        english = root / rel
        if english not in english_files(root):
            problems.append(f"{rel}: not a file the guide translates")
        elif not translation_of(root, code, english).is_file():
            problems.append(f"{rel}: locales/{code}/{rel} does not exist yet")
        else:
            done[rel] = digest(english)
    path = root / "locales" / code / "translated.yml"
    path.write_text("# English file -> SHA-256 of the English it was translated from (bin/i18n done).\n"
                    + yaml.safe_dump(dict(sorted(done.items())), sort_keys=False), "utf-8")
    return problems


@dataclass
class Progress:
    language: Language
    total: int
    translated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)      # translated from an older English
    missing: list[str] = field(default_factory=list)    # still only in English
    pages_missing: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return 100 * (len(self.translated) - len(self.fuzzy)) / self.total if self.total else 100.0


def progress(root: Path, language: Language) -> Progress:
    files, done = english_files(root), record(root, language.code)
    out = Progress(language, len(files))
    for english in files:
        rel = english.relative_to(root).as_posix()
        if not translation_of(root, language.code, english).is_file():
            out.missing.append(rel)
            if english.suffix == ".md":
                out.pages_missing.append(rel)
            continue
        out.translated.append(rel)
        if done.get(rel) != digest(english):
            out.fuzzy.append(rel)
    return out


def completeness_problems(root: Path, language: Language) -> list[Problem]:
    """A published language is complete: a page not translated is never shown in English in
    its site, and a file translated from an older English is not published as current."""
    if language.status != "published" or language.code == "en":
        return []
    state = progress(root, language)
    return ([Problem(LANGUAGES, 1, f"{language.code}.{rel}", f"published, and locales/{language.code}/{rel} "
                     "does not exist: translate it, or make the language a draft") for rel in state.missing]
            + [Problem(f"locales/{language.code}/{rel}", 1, "translated.yml", "the English has changed since this "
                       f"was translated: update it, then run bin/i18n done {language.code} {rel}") for rel in state.fuzzy])
