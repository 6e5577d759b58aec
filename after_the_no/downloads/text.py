"""A plain-text copy of a worksheet: for a screen reader, a braille display, or any text editor.

UTF-8, lines of at most 72 characters, no tabs and no markup. Headings are underlined, each
question is numbered, a choice says "choose one" or "tick any", and a written answer gets an
"Answer:" line with room below it, so the file can be filled in where it is read. An entries
field (the job-search record) is a ruled list of numbered entries, each with its column names.
"""
from __future__ import annotations

import textwrap

from after_the_no.brand import Brand
from after_the_no.i18n.interface import say
from after_the_no.worksheets.model import BOXES, Field, Worksheet

WIDTH = 72
NOTES = {"date": "render.text.note.date", "number": "render.text.note.number", "checklist": "render.text.note.tick",
         "choice": "render.text.note.choose", "scale": "render.text.note.choose"}


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def _heading(text: str, rule: str) -> list[str]:
    lines = _wrap(text)
    return [*lines, rule * min(WIDTH, max(len(line) for line in lines)), ""]


def _question(number: int, f: Field, words: dict) -> list[str]:
    # The hint may say it already: it has the language's word for ticking (render.text.tick-word).
    said = say(words, "render.text.tick-word").lower() in f.hint.lower()
    note = "" if said or f.kind not in NOTES else " " + say(words, NOTES[f.kind])
    out = _wrap(f"{number}. {f.label}{note}")
    if f.hint:
        out += _wrap(f.hint, "   ")
    if f.spec.control == "entries":   # 72 characters hold no table: one ruled block per entry
        rule = "   " + "-" * (WIDTH - 3)
        out += [rule]
        for n in range(1, f.rows + 1):
            out += ["   " + say(words, "render.entries.title", item=f.item, n=n), *[line for sub in f.fields for line in _wrap(f"{sub.label}:", "   ")], rule]
        out += [""]
    elif f.kind in BOXES:
        out += ["   " + say(words, "render.text.answer"), *[""] * BOXES[f.kind].lines]
    else:
        out += [line for text in f.option_texts() for line in _wrap(f"[ ] {text}", "   ")] + [""]
    return out


def render_text(sheet: Worksheet, site_url: str = "", brand: Brand = Brand()) -> bytes:
    lines = [*_heading(sheet.title, "="), *_wrap(sheet.intro), "",
             *_wrap(say(brand.words, "render.text.lead", minutes=sheet.minutes, url=f"{site_url}worksheets/{sheet.slug}/")), ""]
    number = 0
    for section in sheet.sections:
        lines += _heading(section.title, "-")
        if section.intro:
            lines += [*_wrap(section.intro), ""]
        for f in section.fields:
            number += 1
            lines += _question(number, f, brand.words)
    lines += [*_wrap(say(brand.words, "render.text.footer", brand=brand.name)), ""]
    return "\n".join(lines).encode("utf-8")
