"""Load worksheets/<slug>.yml: worksheets/schema.json checks the structure, this module the rules
that compare two places in a file (an entries field's own ids, and none in a repeated section
among them) and the font; every problem as `file:line: key.path: message`."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from after_the_no import schema
from after_the_no.definitions import Checker, DefinitionError, Document, format_key, load, load_all
from after_the_no.font import describe, uncovered
from after_the_no.worksheets.model import (ENTRY_KINDS, KINDS, NUMBER_MAX, NUMBER_MIN, PAPER_ROWS, Field, Section,
                                           Stage, Worksheet)

# The structural rules: worksheets/ beside the package in a checkout; in an installed wheel the
# guide's tree, worksheets/ included, is inside the package (after_the_no/_guide/).
_IN_CHECKOUT = Path(__file__).resolve().parents[2] / "worksheets" / "schema.json"
SCHEMA = _IN_CHECKOUT if _IN_CHECKOUT.is_file() else Path(__file__).resolve().parents[1] / "_guide" / "worksheets" / "schema.json"
PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")
SHOWN = ("title", "intro")                                   # printed in the PDFs: the font must have them
SECTION_SHOWN, FIELD_SHOWN = ("title", "intro"), ("label", "hint", "low", "high", "item", "add")
ENTRY_SHOWN = ("label", "hint")                             # an entries field's own fields: its table's columns


def kinds_in_schema(definition: str = "field") -> list[str]:
    return schema.load_schema(SCHEMA)[0]["$defs"][definition]["properties"]["kind"]["enum"]


def build(doc: Document) -> Worksheet:
    """Check a parsed worksheet file and turn it into a Worksheet; raise DefinitionError listing every problem."""
    if set(kinds_in_schema()) != set(KINDS):   # a kind added to one and not the other
        raise RuntimeError(f"worksheets/schema.json kinds {kinds_in_schema()} != worksheets/model.py KINDS {list(KINDS)}")
    if set(kinds_in_schema("entryField")) != set(ENTRY_KINDS):
        raise RuntimeError(f"worksheets/schema.json entryField kinds {kinds_in_schema('entryField')} != "
                           f"worksheets/model.py ENTRY_KINDS {list(ENTRY_KINDS)}")
    check = Checker(doc)
    check.slug(("(file name)",), Path(doc.name).stem)
    check.problems += schema.problems(doc, SCHEMA)
    if check.problems:
        check.raise_if_any()
    data = doc.data
    _check_font(check, data)
    sections, own_ids, seen = [], {}, {}   # own_ids: a repeated section's own field ids, which its reminders may name

    def claim(name: str, path: tuple) -> None:   # sections and fields share one namespace of ids
        if name in seen:
            check.fail(path, f"duplicate id {name!r} (first used at {format_key(seen[name])})")
        else:
            seen[name] = path

    for s, raw in enumerate(data["sections"]):
        where = ("sections", s)
        fields = [(i, _field(check, where + ("fields", i), f)) for i, f in enumerate(raw["fields"])]
        repeat = raw.get("repeat")
        # A repeated section becomes "Title 1", "Title 2", ... with every id suffixed -1, -2, ...
        copies = [(f"-{n}", f" {n}") for n in range(1, repeat + 1)] if repeat else [("", "")]
        own_ids[s] = {f.id for _, f in fields} if repeat else set()
        if repeat:
            for i, f in fields:
                if f.kind == "entries":
                    check.fail(where + ("fields", i, "kind"), "an entries field cannot be in a repeated section "
                                                              "(it repeats already)")
        for suffix, number in copies:
            claim(raw["id"] + suffix, where + ("id",))
            kept = []
            for i, f in fields:
                claim(f.id + suffix, where + ("fields", i, "id"))
                kept.append(_suffixed(f, suffix, own_ids[s]))
            sections.append(Section(raw["id"] + suffix, raw["title"] + number, tuple(kept), raw.get("intro") or ""))
    for s, raw in enumerate(data["sections"]):
        for i, raw_field in enumerate(raw["fields"]):
            for name in PLACEHOLDER.findall(raw_field.get("reminder", "")):
                if name not in seen and name not in own_ids[s]:
                    check.fail(("sections", s, "fields", i, "reminder"), f"{{{name}}} is not the id of a field")
    stages = _stages(check, data["stages"], sections) if "stages" in data else ()
    see_also = tuple((item["text"].strip(), item["link"]) for item in data.get("see_also", []))
    check.raise_if_any()
    return Worksheet(Path(doc.name).stem, data["title"], data["description"].strip(), data["intro"].strip(),
                     data["minutes"], data["version"], data["order"], tuple(sections), stages, see_also)


def _check_font(check: Checker, data: dict) -> None:
    """Every text the PDFs print must be drawable in their font (else it would print as boxes)."""
    texts = [((key,), data[key]) for key in SHOWN]
    for s, section in enumerate(data["sections"]):
        texts += [(("sections", s, key), section[key]) for key in SECTION_SHOWN if key in section]
        for i, f in enumerate(section["fields"]):
            at = ("sections", s, "fields", i)
            texts += [(at + (key,), f[key]) for key in FIELD_SHOWN if key in f]
            texts += [(at + ("options", o), option) for o, option in enumerate(f.get("options", []))]
            texts += [(at + ("fields", e, key), sub[key]) for e, sub in enumerate(f.get("fields", []))
                      for key in ENTRY_SHOWN if key in sub]
    for path, text in texts:
        if missing := uncovered(text):
            check.fail(path, f"the PDF font (Liberation Sans: Latin, Greek, Cyrillic, Hebrew) has no {describe(missing)}")


def _field(check: Checker, where: tuple, raw: dict) -> Field:
    low, high = raw.get("min", NUMBER_MIN), raw.get("max", NUMBER_MAX)
    if low >= high:
        check.fail(where + ("max",), f"{high} must be more than min ({low})")
    return Field(raw["id"], raw["kind"], raw["label"].strip(), raw.get("hint", "").strip(), tuple(raw.get("options", ())),
                 raw.get("low", ""), raw.get("high", ""), raw.get("reminder", ""), low, high,
                 **(_entries(check, where, raw) if raw["kind"] == "entries" else {}))


def _entries(check: Checker, where: tuple, raw: dict) -> dict:
    """An entries field's own fields (the schema has checked each; their ids must differ),
    the name of one entry, the add button's words and the rows on paper."""
    subs: list[Field] = []
    seen: dict[str, int] = {}
    for i, sub in enumerate(raw["fields"]):
        if sub["id"] in seen:
            check.fail(where + ("fields", i, "id"),
                       f"duplicate id {sub['id']!r} in this entry (first used at fields[{seen[sub['id']]}])")
            continue
        seen[sub["id"]] = i
        subs.append(Field(sub["id"], sub["kind"], sub["label"].strip(), sub.get("hint", "").strip()))
    return {"fields": tuple(subs), "item": raw["item"].strip(), "add": raw["add"].strip(),
            "rows": raw.get("rows", PAPER_ROWS)}


def _stages(check: Checker, items: list, sections: list[Section]) -> tuple[Stage, ...]:
    """stages: number fields in funnel order; each after the first says what a drop into it
    means (help) and links to the guide's help for it."""
    numbers = {f.id for s in sections for f in s.fields if f.kind == "number"}
    stages: list[Stage] = []
    for i, raw in enumerate(items):
        at, name = ("stages", i), raw["field"]
        for key in ("help", "link") if i else ():
            if key not in raw:
                check.fail(at + (key,), "missing (required)")
        if name not in numbers:
            check.fail(at + ("field",), f"{name!r} is not the id of a number field"
                       + (f" (number fields: {', '.join(sorted(numbers))})" if numbers else ""))
        elif name in [s.field for s in stages]:
            check.fail(at + ("field",), f"{name!r} is already a stage")
        stages.append(Stage(name, raw.get("help", "").strip(), raw.get("link", "")))
    return tuple(stages)


def _suffixed(f: Field, suffix: str, own: set[str]) -> Field:
    """A field of one copy of a repeated section; a reminder naming a field of the same
    section names that copy's field ({who} in copy 2 becomes {who-2})."""
    if not suffix:
        return f
    reminder = PLACEHOLDER.sub(lambda m: f"{{{m.group(1)}{suffix}}}" if m.group(1) in own else m.group(0), f.reminder)
    return replace(f, id=f.id + suffix, reminder=reminder)


def load_worksheet(path: Path, relative_to: Path) -> Worksheet:
    return build(load(path, path.relative_to(relative_to).as_posix()))


def load_worksheets(root: Path) -> list[Worksheet]:
    """Every worksheets/*.yml under the project root, in their `order`."""
    sheets = load_all(root / "worksheets", "*.yml", build, relative_to=root)
    return sorted(sheets, key=lambda s: (s.order, s.slug))


__all__ = ["build", "load_worksheet", "load_worksheets", "DefinitionError"]
