"""The worksheet model: plain dataclasses every output is generated from, and the field kinds.

A worksheet is written once, in YAML (loaded and checked by worksheets/load.py), and every
output (HTML form, PDF, Word, the browser's saved answers) is generated from the objects
defined here. So a field's id is the name used everywhere: form control names, PDF field
names, keys of exported answers.
"""
from __future__ import annotations

from dataclasses import dataclass, field as _field

# A repeating group (`entries`): entries the person adds, each holding answers of the kinds
# whose `entry_length` is set (worksheets/schema.json's entryField lists the same kinds).
MAX_ENTRIES = 500            # an import with more is refused (the form itself sets no limit)
PAPER_ROWS = 14              # empty rows on paper: one a day for a fortnight
SCALE = ["1", "2", "3", "4", "5"]
MAX_REPEAT = 5
# Characters: a shorter list of options prints on one line in the Word and ODT files.
OPTIONS_ON_ONE_LINE = 80
NUMBER_MIN, NUMBER_MAX = 0, 9999   # a number field's default range: counts of things a person did


@dataclass(frozen=True)
class Box:
    """The answer box of a kind that is written in, in each renderer's own unit."""
    lines: int        # HTML: 1 is an <input>, more is a <textarea> of that many rows
    pdf_pt: float     # the fillable PDF field's height, in points
    paper_cm: float   # the Word and OpenDocument box's height (room to write by hand), in cm


@dataclass(frozen=True)
class Kind:
    """One field kind, written once for every renderer. Its control is the HTML form's, and also
    how the page's script reads the answer (the control's own type, docs/assets/worksheet.js):
    "line" an <input>, "lines" a <textarea>, "count" a whole number typed in a text box,
    "one" radio buttons, "many" checkboxes, "entries" a repeating group of rows (assets/entries.js).
    Which keys a kind's YAML takes is worksheets/schema.json's."""
    name: str
    control: str
    box: Box | None = None     # a written-in kind's answer box; None: its choices are ticked (entries: a table)
    input_type: str = "text"   # a "line" control's <input type>
    narrow: bool = False       # a short answer (a date, a number): a short box in the PDF
    paper_note: str = ""       # the key of the note printed after the label in the Word and OpenDocument files
    entry_length: int = 0      # characters one answer inside an entry may hold; 0: not allowed in entries


LINE, LONG = Box(1, 17, 0.9), Box(4, 46, 1.6)
KINDS = {kind.name: kind for kind in (
    Kind("text", "line", LINE, entry_length=300),
    Kind("long-text", "lines", LONG, entry_length=3000),
    Kind("scale", "one"),
    Kind("choice", "one"),
    Kind("checklist", "many"),
    Kind("date", "line", LINE, input_type="date", narrow=True, paper_note="render.office.note.date", entry_length=10),
    Kind("number", "count", LINE, narrow=True, paper_note="render.office.note.number"),
    Kind("entries", "entries"),   # drawn as a ruled table on paper, one row per entry
)}
ENTRY_KINDS = tuple(name for name, kind in KINDS.items() if kind.entry_length)
BOXES = {name: kind.box for name, kind in KINDS.items() if kind.box}
SHORT_KINDS = frozenset(kind for kind, box in BOXES.items() if box.lines == 1)  # two fit side by side on paper


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
    min: int = NUMBER_MIN  # number: the smallest and largest whole number accepted
    max: int = NUMBER_MAX
    fields: tuple["Field", ...] = ()   # entries: what each entry holds (text, long-text, date)
    item: str = ""    # entries: what one entry is called ("Application"), numbered on the page
    add: str = ""     # entries: the add button's words ("Add an application")
    rows: int = PAPER_ROWS  # entries: empty rows printed on paper

    @property
    def spec(self) -> Kind:
        """Its kind's entry in KINDS."""
        return KINDS[self.kind]

    @property
    def choices(self) -> tuple[str, ...]:
        """The values a person can pick: options, or 1-5 for a scale."""
        return tuple(SCALE) if self.kind == "scale" else self.options

    def end_label(self, n: int) -> str:
        """The words beside choice n (from 1): a scale's low and high ends, else nothing."""
        if self.kind != "scale" or n not in (1, len(self.choices)):
            return ""
        return self.low if n == 1 else self.high

    def option_texts(self) -> list[str]:
        """Each choice as printed on paper: its value, with a scale's end words beside 1 and 5."""
        return [f"{value} {end}" if (end := self.end_label(n)) else value
                for n, value in enumerate(self.choices, start=1)]


@dataclass(frozen=True)
class Section:
    """One fieldset as shown: a repeated section in YAML becomes several of these."""
    id: str
    title: str
    fields: tuple[Field, ...]
    intro: str = ""


@dataclass(frozen=True)
class Stage:
    """One step of a funnel of counts (number fields): the drop into this stage from the one
    before it, what that drop usually means, and where the guide helps with it."""
    field: str
    help: str = ""
    link: str = ""   # a guide page under docs/, e.g. situations/many-rejections.md#applications


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
    stages: tuple[Stage, ...] = ()   # number fields in funnel order; the page says where most are lost
    see_also: tuple[tuple[str, str], ...] = ()   # (text, guide page) links shown under the intro

    @property
    def fields(self) -> list[Field]:
        return [f for s in self.sections for f in s.fields]

    @property
    def field_ids(self) -> list[str]:
        return [f.id for f in self.fields]

    @property
    def has_reminders(self) -> bool:
        return any(f.reminder for f in self.fields)
