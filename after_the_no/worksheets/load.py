"""Load worksheets/<slug>.yml and check every rule, returning the model's dataclasses; every
problem is said as `file:line: key.path: message`."""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

from after_the_no.definitions import Checker, Document, format_key, load, load_all
from after_the_no.font import describe, uncovered
from after_the_no.worksheets.model import (ENTRY_KINDS, KINDS, MAX_REPEAT, NUMBER_MAX, NUMBER_MIN, OPTION_KINDS,
                                           PAPER_ROWS, Field, Section, Stage, Worksheet)

LINK = re.compile(r"[a-z0-9-]+(/[a-z0-9-]+)*\.md(#[a-z0-9-]+)?")  # a guide page under docs/
PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")


def _shown(check: Checker, path: tuple, value) -> str | None:
    """check.text, and the text must be drawable in the PDFs' font (else it would print as boxes)."""
    text = check.text(path, value)
    if text is not None and (missing := uncovered(text)):
        check.fail(path, f"the PDF font (Liberation Sans: Latin, Greek, Cyrillic, Hebrew) has no {describe(missing)}")
        return None
    return text


TOP_REQUIRED = {"title", "description", "intro", "order", "minutes", "version", "sections"}
TOP_OPTIONAL = {"stages", "see_also"}
SECTION_REQUIRED, SECTION_OPTIONAL = {"id", "title", "fields"}, {"intro", "repeat"}
FIELD_REQUIRED, FIELD_OPTIONAL = {"id", "kind", "label"}, {"hint", "options", "low", "high", "reminder", "min", "max",
                                                            "fields", "item", "add", "rows"}
ENTRIES_REQUIRED = {"fields", "item", "add"}   # and allowed only on an entries field


def build(doc: Document) -> Worksheet:
    """Check a parsed worksheet file and turn it into a Worksheet; raise DefinitionError listing every problem."""
    check = Checker(doc)
    slug = Path(doc.name).stem
    check.slug(("(file name)",), slug)
    data = check.mapping((), doc.data, TOP_REQUIRED, TOP_OPTIONAL)
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
    own_ids: dict[int, set[str]] = {}  # a repeated section's own field ids, which its reminders may name
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
        if repeat:
            for i, f in fields:
                if f.kind == "entries":
                    check.fail(where + ("fields", i, "kind"), "an entries field cannot be in a repeated section "
                                                              "(it repeats already)")
        own = {f.id for _, f in fields} if repeat else set()
        own_ids[s] = own
        for suffix, number in copies:
            if section_id:
                claim(section_id + suffix, where + ("id",))
            kept = []
            for i, f in fields:
                claim(f.id + suffix, where + ("fields", i, "id"))
                kept.append(_suffixed(f, suffix, own))
            if section_id and title:
                sections.append(Section(section_id + suffix, title + number, tuple(kept), intro or ""))
    all_ids = set(seen)
    for s, raw in enumerate(data.get("sections") or []):
        for i, raw_field in enumerate((raw.get("fields") or []) if isinstance(raw, dict) else []):
            if isinstance(raw_field, dict) and isinstance(raw_field.get("reminder"), str):
                for name in PLACEHOLDER.findall(raw_field["reminder"]):
                    if name not in all_ids and name not in own_ids.get(s, set()):
                        check.fail(("sections", s, "fields", i, "reminder"), f"{{{name}}} is not the id of a field")
    stages = _stages(check, data, sections) if "stages" in data else ()
    see_also = _see_also(check, data["see_also"]) if "see_also" in data else ()
    check.raise_if_any()
    return Worksheet(slug, data["title"], data["description"].strip(), data["intro"].strip(),
                     data["minutes"], data["version"], data["order"], tuple(sections), stages, see_also)


def _see_also(check: Checker, raw) -> tuple[tuple[str, str], ...]:
    links = []
    for i, item in enumerate(check.sequence(("see_also",), raw) or []):
        at = ("see_also", i)
        if check.mapping(at, item, {"text", "link"}) is None or not {"text", "link"} <= set(item):
            continue
        text, link = check.text(at + ("text",), item["text"]), check.text(at + ("link",), item["link"])
        if link and not LINK.fullmatch(link):
            check.fail(at + ("link",), f"{link!r} must be a guide page under docs/, e.g. worksheets/momentum-plan.md")
        elif text and link:
            links.append((text.strip(), link))
    return tuple(links)


def _stages(check: Checker, data: dict, sections: list[Section]) -> tuple[Stage, ...]:
    """stages: a list of number fields in funnel order; each after the first says what a drop
    into it means (help) and links to the guide's help for it."""
    numbers = {f.id for s in sections for f in s.fields if f.kind == "number"}
    stages: list[Stage] = []
    items = check.sequence(("stages",), data["stages"]) or []
    if len(items) == 1:
        check.fail(("stages",), "needs at least two stages (a drop is between two counts)")
    for i, raw in enumerate(items):
        at = ("stages", i)
        needed = {"field"} if i == 0 else {"field", "help", "link"}
        if check.mapping(at, raw, needed) is None or "field" not in raw:
            continue
        name = raw["field"]
        if name not in numbers:
            check.fail(at + ("field",), f"{name!r} is not the id of a number field"
                       + (f" (number fields: {', '.join(sorted(numbers))})" if numbers else ""))
        elif name in [s.field for s in stages]:
            check.fail(at + ("field",), f"{name!r} is already a stage")
        help_text = check.text(at + ("help",), raw["help"]) if "help" in raw else ""
        link = check.text(at + ("link",), raw["link"]) if "link" in raw else ""
        if link and not LINK.fullmatch(link):
            check.fail(at + ("link",), f"{link!r} must be a guide page under docs/, e.g. "
                                       "situations/many-rejections.md#applications")
        stages.append(Stage(name, (help_text or "").strip(), link or ""))
    return tuple(stages)


def _field_from(check: Checker, where: tuple, raw, kinds: list[str] = KINDS) -> Field | None:
    if check.mapping(where, raw, FIELD_REQUIRED, FIELD_OPTIONAL) is None:
        return None
    before = len(check.problems)
    field_id = check.slug(where + ("id",), raw["id"]) if "id" in raw else None
    kind = None
    if "kind" in raw:
        kind = check.one_of(where + ("kind",), raw["kind"], kinds)
        if kind is None and kinds is ENTRY_KINDS:
            check.problems[-1] = replace(check.problems[-1], message=check.problems[-1].message
                                         + " (the kinds an entry can hold)")
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
    bounds = {}
    for end, default in (("min", NUMBER_MIN), ("max", NUMBER_MAX)):
        if end in raw and kind and kind != "number":
            check.fail(where + (end,), "only number fields have min and max")
        elif end in raw:
            bounds[end] = check.integer(where + (end,), raw[end], -10**9, 10**9)
        else:
            bounds[end] = default
    if kind == "number" and None not in bounds.values() and bounds["min"] >= bounds["max"]:
        check.fail(where + ("max",), f"{bounds['max']} must be more than min ({bounds['min']})")
    reminder = ""
    if "reminder" in raw:
        if kind and kind != "date":
            check.fail(where + ("reminder",), "only date fields have a reminder")
        else:
            reminder = check.text(where + ("reminder",), raw["reminder"]) or ""
    group = _entries(check, where, raw, kind) if kind else {}
    if len(check.problems) > before or None in (field_id, kind, label):
        return None
    return Field(field_id, kind, label.strip(), (hint or "").strip(), tuple(options),
                 ends.get("low") or "", ends.get("high") or "", reminder, bounds["min"], bounds["max"], **group)


def _entries(check: Checker, where: tuple, raw: dict, kind: str) -> dict:
    """An entries field's own keys: its sub-fields (ids unique inside it), the name of one entry,
    the add button's words and the rows on paper. Other kinds must not have them."""
    if kind != "entries":
        for key in sorted((ENTRIES_REQUIRED | {"rows"}) & set(raw)):
            check.fail(where + (key,), "only entries fields have fields, item, add and rows")
        return {}
    for key in sorted(ENTRIES_REQUIRED - set(raw)):
        check.fail(where + (key,), "missing (required for entries)")
    subs: list[Field] = []
    seen: dict[str, int] = {}
    for i, sub in enumerate(check.sequence(where + ("fields",), raw.get("fields")) or [] if "fields" in raw else []):
        f = _field_from(check, where + ("fields", i), sub, ENTRY_KINDS)
        if f is None:
            continue
        if f.id in seen:
            check.fail(where + ("fields", i, "id"), f"duplicate id {f.id!r} in this entry (first used at fields[{seen[f.id]}])")
        elif f.reminder:
            check.fail(where + ("fields", i, "reminder"), "a field inside entries cannot have a reminder")
        else:
            seen[f.id] = i
            subs.append(f)
    item = _shown(check, where + ("item",), raw["item"]) if "item" in raw else None
    add = _shown(check, where + ("add",), raw["add"]) if "add" in raw else None
    rows = check.integer(where + ("rows",), raw["rows"], 1, 40) if "rows" in raw else PAPER_ROWS
    return {"fields": tuple(subs), "item": (item or "").strip(), "add": (add or "").strip(), "rows": rows or PAPER_ROWS}


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
