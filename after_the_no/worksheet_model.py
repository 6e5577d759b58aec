"""Worksheet definitions: load worksheets/<slug>.yml, check every rule, return plain dataclasses.

A worksheet is written once, in YAML, and every output (HTML form, PDF, Word, the browser's
saved answers) is generated from the objects made here. So the ids checked here are the
names used everywhere: form control names, PDF field names, keys of exported answers.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field as _field
from pathlib import Path

from after_the_no.definitions import Checker, DefinitionError, Document, format_key, load, load_all
from after_the_no.pdf_font import describe, uncovered

KINDS = ["text", "long-text", "scale", "choice", "checklist", "date"]
OPTION_KINDS = {"choice", "checklist"}
SCALE = ["1", "2", "3", "4", "5"]
MAX_REPEAT = 5
PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")

__all__ = ["Field", "Section", "Worksheet", "build", "load_worksheet", "load_worksheets", "DefinitionError"]


@dataclass(frozen=True)
class Field:
    id: str
    kind: str
    label: str
    hint: str = ""
    options: tuple[str, ...] = ()
    low: str = ""     # scale: what 1 means
    high: str = ""    # scale: what 5 means
    reminder: str = ""  # date: calendar reminder title; {field-id} is replaced by that answer

    @property
    def choices(self) -> tuple[str, ...]:
        """The values a person can pick: options, or 1-5 for a scale."""
        return tuple(SCALE) if self.kind == "scale" else self.options


@dataclass(frozen=True)
class Section:
    """One fieldset as shown: a repeated section in YAML becomes several of these."""
    id: str
    title: str
    fields: tuple[Field, ...]
    intro: str = ""


@dataclass(frozen=True)
class Worksheet:
    slug: str
    title: str
    description: str
    intro: str
    minutes: int
    version: int
    order: int
    sections: tuple[Section, ...] = _field(default_factory=tuple)

    @property
    def fields(self) -> list[Field]:
        return [f for s in self.sections for f in s.fields]

    @property
    def field_ids(self) -> list[str]:
        return [f.id for f in self.fields]

    @property
    def has_reminders(self) -> bool:
        return any(f.reminder for f in self.fields)


def _shown(check: Checker, path: tuple, value) -> str | None:
    """check.text, and the text must be drawable in the PDFs' font (else it would print as boxes)."""
    text = check.text(path, value)
    if text is not None and (missing := uncovered(text)):
        check.fail(path, f"the PDF font (Liberation Sans: Latin, Greek, Cyrillic, Hebrew) has no {describe(missing)}")
        return None
    return text


TOP_REQUIRED = {"title", "description", "intro", "order", "minutes", "version", "sections"}
SECTION_REQUIRED, SECTION_OPTIONAL = {"id", "title", "fields"}, {"intro", "repeat"}
FIELD_REQUIRED, FIELD_OPTIONAL = {"id", "kind", "label"}, {"hint", "options", "low", "high", "reminder"}


def build(doc: Document) -> Worksheet:
    """Check a parsed worksheet file and turn it into a Worksheet; raise DefinitionError listing every problem."""
    check = Checker(doc)
    slug = Path(doc.name).stem
    check.slug(("(file name)",), slug)
    data = check.mapping((), doc.data, TOP_REQUIRED)
    if data is None:
        check.raise_if_any()
    for key in ("title", "description", "intro"):
        if key in data:
            (check.text if key == "description" else functools.partial(_shown, check))((key,), data[key])
    if "minutes" in data:
        check.integer(("minutes",), data["minutes"], 1, 60)
    if "order" in data:
        check.integer(("order",), data["order"], 1, 1000)
    if "version" in data:
        check.integer(("version",), data["version"], 1, 10_000)
    sections: list[Section] = []
    seen: dict[str, tuple] = {}  # id -> key path of its first use; sections and fields share one namespace

    def claim(name: str, path: tuple) -> None:
        if name in seen:
            check.fail(path, f"duplicate id {name!r} (first used at {format_key(seen[name])})")
        else:
            seen[name] = path

    for s, raw in enumerate(check.sequence(("sections",), data.get("sections")) or []):
        where = ("sections", s)
        if check.mapping(where, raw, SECTION_REQUIRED, SECTION_OPTIONAL) is None:
            continue
        section_id = check.slug(where + ("id",), raw["id"]) if "id" in raw else None
        title = _shown(check, where + ("title",), raw["title"]) if "title" in raw else None
        intro = _shown(check, where + ("intro",), raw["intro"]) if "intro" in raw else ""
        repeat = check.integer(where + ("repeat",), raw["repeat"], 2, MAX_REPEAT) if "repeat" in raw else None
        fields = [(i, f) for i, raw_field in enumerate(check.sequence(where + ("fields",), raw.get("fields")) or [])
                  if (f := _field_from(check, where + ("fields", i), raw_field)) is not None]
        # A repeated section becomes "Title 1", "Title 2", ... with every id suffixed -1, -2, ...
        copies = [(f"-{n}", f" {n}") for n in range(1, repeat + 1)] if repeat else [("", "")]
        for suffix, number in copies:
            if section_id:
                claim(section_id + suffix, where + ("id",))
            kept = []
            for i, f in fields:
                claim(f.id + suffix, where + ("fields", i, "id"))
                kept.append(_suffixed(f, suffix))
            if section_id and title:
                sections.append(Section(section_id + suffix, title + number, tuple(kept), intro or ""))
    all_ids = set(seen)
    for s, raw in enumerate(data.get("sections") or []):
        for i, raw_field in enumerate((raw.get("fields") or []) if isinstance(raw, dict) else []):
            if isinstance(raw_field, dict) and isinstance(raw_field.get("reminder"), str):
                for name in PLACEHOLDER.findall(raw_field["reminder"]):
                    if name not in all_ids:
                        check.fail(("sections", s, "fields", i, "reminder"), f"{{{name}}} is not the id of a field")
    check.raise_if_any()
    return Worksheet(slug, data["title"], data["description"].strip(), data["intro"].strip(),
                     data["minutes"], data["version"], data["order"], tuple(sections))


def _field_from(check: Checker, where: tuple, raw) -> Field | None:
    if check.mapping(where, raw, FIELD_REQUIRED, FIELD_OPTIONAL) is None:
        return None
    before = len(check.problems)
    field_id = check.slug(where + ("id",), raw["id"]) if "id" in raw else None
    kind = check.one_of(where + ("kind",), raw["kind"], KINDS) if "kind" in raw else None
    label = _shown(check, where + ("label",), raw["label"]) if "label" in raw else None
    hint = _shown(check, where + ("hint",), raw["hint"]) if "hint" in raw else ""
    options: list[str] = []
    if kind in OPTION_KINDS:
        if "options" not in raw:
            check.fail(where + ("options",), f"missing (required for {kind})")
        else:
            for o, option in enumerate(check.sequence(where + ("options",), raw["options"]) or []):
                if _shown(check, where + ("options", o), option) is not None:
                    if option in options:
                        check.fail(where + ("options", o), f"duplicate option {option!r}")
                    options.append(option)
    elif "options" in raw and kind:
        check.fail(where + ("options",), "only choice and checklist fields have options")
    ends = {}
    for end in ("low", "high"):
        if kind == "scale":
            if end not in raw:
                check.fail(where + (end,), "missing (required for scale: the words for 1 and 5)")
            else:
                ends[end] = _shown(check, where + (end,), raw[end])
        elif end in raw and kind:
            check.fail(where + (end,), "only scale fields have low and high")
    reminder = ""
    if "reminder" in raw:
        if kind and kind != "date":
            check.fail(where + ("reminder",), "only date fields have a reminder")
        else:
            reminder = check.text(where + ("reminder",), raw["reminder"]) or ""
    if len(check.problems) > before or None in (field_id, kind, label):
        return None
    return Field(field_id, kind, label.strip(), (hint or "").strip(), tuple(options),
                 ends.get("low") or "", ends.get("high") or "", reminder)


def _suffixed(f: Field, suffix: str) -> Field:
    if not suffix:
        return f
    return Field(f.id + suffix, f.kind, f.label, f.hint, f.options, f.low, f.high, f.reminder)


def load_worksheet(path: Path, relative_to: Path) -> Worksheet:
    return build(load(path, path.relative_to(relative_to).as_posix()))


def load_worksheets(root: Path) -> list[Worksheet]:
    """Every worksheets/*.yml under the project root, in their `order`."""
    sheets = load_all(root / "worksheets", "*.yml", build, relative_to=root)
    return sorted(sheets, key=lambda s: (s.order, s.slug))
