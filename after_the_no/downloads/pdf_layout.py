"""The worksheet PDF's measures: its colours, margins and box heights, and how tall each
question is drawn (so a question or a row of two is never split across pages)."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from after_the_no.downloads.pdf_tags import BOLD, FONT
from after_the_no.downloads.sizes import STANDARD, Sizes
from after_the_no.font import drawable
from after_the_no.worksheets.model import BOXES, Field, SHORT_KINDS

MARGIN = 42
GREY = colors.HexColor("#4a4a4a")
BOX = colors.HexColor("#6b6b6b")
BOX_FILL = colors.HexColor("#fbfbfb")
TEXT_HEIGHT, LONG_HEIGHT = BOXES["text"].pdf_pt, BOXES["long-text"].pdf_pt   # the model's kind table
BUTTON = 9
FIELD_SPACE = 7     # below each question
ENTRY_ROW = 19      # an entries table's row: room to write by hand
NUMBER_COLUMN, DATE_COLUMN = 16, 58
ENTRY_LABEL = 0.4   # large print, one entry to a block: the share of the width its labels take


def option_text(f: Field, n: int, value: str) -> str:
    """An option as printed beside its box: a scale's ends carry their words ("1 Not well")."""
    return f"{value} {f.end_label(n)}" if f.end_label(n) else value


def option_tooltip(f: Field, n: int, value: str) -> str:
    """What a screen reader says for one option: its question, then the option ("Mood 1 Low")."""
    return drawable(f"{f.label} {option_text(f, n, value)}")


def text_height(text: str, font: str, size: float, width: float) -> float:
    return len(simpleSplit(drawable(text), font, size, width)) * size * 1.25 if text else 0


def head_height(f: Field, width: float, s: Sizes = STANDARD) -> float:
    return text_height(f.label, BOLD, s.label, width) + text_height(f.hint, FONT, s.small, width) + 3 * s.k


def question_height(f: Field, width: float, s: Sizes = STANDARD) -> float:
    h = head_height(f, width, s)
    if f.spec.control == "entries":   # the table breaks across pages itself: its head and two rows must fit
        return h + entries_start(f, width, s) + FIELD_SPACE * s.k
    if f.kind in SHORT_KINDS:
        return h + TEXT_HEIGHT * s.k + FIELD_SPACE * s.k
    if f.kind == "long-text":
        return h + LONG_HEIGHT * s.k + FIELD_SPACE * s.k
    return h + options_rows(f, width, s) * 14 * s.k + FIELD_SPACE * s.k


def option_width(f: Field, n: int, value: str, s: Sizes = STANDARD) -> float:
    return BUTTON * s.k + 4 * s.k + stringWidth(drawable(option_text(f, n, value)), FONT, s.option) + 14 * s.k


def options_rows(f: Field, width: float, s: Sizes = STANDARD) -> int:
    rows, used = 1, 0.0
    for n, value in enumerate(f.choices, start=1):
        w = option_width(f, n, value, s)
        if used and used + w > width:
            rows, used = rows + 1, 0.0
        used += w
    return rows


def entry_columns(f: Field, width: float, s: Sizes = STANDARD) -> list[float]:
    """The number column, then one per sub-field: dates narrow, text sharing the rest."""
    dates = sum(sub.spec.narrow for sub in f.fields)
    text = (width - (NUMBER_COLUMN + dates * DATE_COLUMN) * s.k) / max(1, len(f.fields) - dates)
    return [NUMBER_COLUMN * s.k] + [DATE_COLUMN * s.k if sub.spec.narrow else text for sub in f.fields]


def entries_head(f: Field, columns: list[float], s: Sizes = STANDARD) -> float:
    """The height of the table's header row (its column names, wrapped)."""
    return max(text_height(sub.label, BOLD, s.table, w - 4 * s.k) for sub, w in zip(f.fields, columns[1:])) + 5 * s.k


def entry_block(f: Field, width: float, s: Sizes = STANDARD) -> tuple[float, list[float]]:
    """Large print (one entry to a block of rows): the block's title height, and each answer's row."""
    label = width * ENTRY_LABEL - 4 * s.k
    rows = [max(ENTRY_ROW * s.k, text_height(sub.label, BOLD, s.table, label) + 6 * s.k) for sub in f.fields]
    return text_height(f"{f.item} 1", BOLD, s.table, width) + 6 * s.k, rows


def entries_start(f: Field, width: float, s: Sizes = STANDARD) -> float:
    """What must fit under the question's label: the header and two rows, or a first whole block."""
    if s.table_across:
        return entries_head(f, entry_columns(f, width, s), s) + 2 * ENTRY_ROW * s.k
    title, rows = entry_block(f, width, s)
    return title + sum(rows)
