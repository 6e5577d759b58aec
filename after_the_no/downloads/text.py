"""A plain-text copy of a worksheet: for a screen reader, a braille display, or any text editor.

UTF-8, lines of at most 72 characters, no tabs and no markup. Headings are underlined, each
question is numbered, a choice says "choose one" or "tick any", and a written answer gets an
"Answer:" line with room below it, so the file can be filled in where it is read. An entries
field (the job-search record) is a ruled list of numbered entries, each with its column names.
"""
from __future__ import annotations

import textwrap

from after_the_no.brand import Brand
from after_the_no.worksheets.model import BOXES, Field, Worksheet

WIDTH = 72
NOTES = {"date": " (a date)", "number": " (a number)", "checklist": " (tick any)",
         "choice": " (choose one)", "scale": " (choose one)"}


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def _heading(text: str, rule: str) -> list[str]:
    lines = _wrap(text)
    return [*lines, rule * min(WIDTH, max(len(line) for line in lines)), ""]


def _question(number: int, f: Field) -> list[str]:
    note = "" if "tick" in f.hint.lower() else NOTES.get(f.kind, "")   # the hint may say it already
    out = _wrap(f"{number}. {f.label}{note}")
    if f.hint:
        out += _wrap(f.hint, "   ")
    if f.spec.control == "entries":   # 72 characters hold no table: one ruled block per entry
        rule = "   " + "-" * (WIDTH - 3)
        out += [rule]
        for n in range(1, f.rows + 1):
            out += [f"   {f.item} {n}", *[line for sub in f.fields for line in _wrap(f"{sub.label}:", "   ")], rule]
        out += [""]
    elif f.kind in BOXES:
        out += ["   Answer:", *[""] * BOXES[f.kind].lines]
    else:
        out += [line for text in f.option_texts() for line in _wrap(f"[ ] {text}", "   ")] + [""]
    return out


def render_text(sheet: Worksheet, site_url: str = "", brand: Brand = Brand()) -> bytes:
    lines = [*_heading(sheet.title, "="), *_wrap(sheet.intro), "",
             *_wrap(f"About {sheet.minutes} minutes. To fill it in on screen: {site_url}worksheets/{sheet.slug}/"), ""]
    number = 0
    for section in sheet.sections:
        lines += _heading(section.title, "-")
        if section.intro:
            lines += [*_wrap(section.intro), ""]
        for f in section.fields:
            number += 1
            lines += _question(number, f)
    lines += [*_wrap(f"From {brand.name}. Content CC BY 4.0."), ""]
    return "\n".join(lines).encode("utf-8")
