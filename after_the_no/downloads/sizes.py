"""The sizes a worksheet's PDF is drawn at: standard print, and large print (18 pt text or more)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    """Every text size on a worksheet's pages, in points; boxes and spacing are multiplied by k."""
    title: float = 18
    body: float = 10       # the intro, and what is typed into a box
    small: float = 8.5     # the line under the intro, a hint
    section: float = 12.5
    section_intro: float = 9
    label: float = 9.5
    option: float = 9
    note: float = 8        # "day / month / year" beside a date
    footer: float = 7.5
    k: float = 1
    pairs: bool = True     # two short questions side by side
    border: float = 0.75
    table: float = 7.5     # an entries table's column names, row numbers and what is typed in a cell
    table_across: bool = True   # entries as one table, a row each; else a block of rows for each entry


STANDARD = Sizes()
# Large print: every text 18 pt or more, boxes and buttons twice the size, one question to a
# row, firmer borders; an entries field's columns cannot all fit at 18 pt, so each entry is a
# block of rows (its questions down the side).
LARGE_PRINT = Sizes(title=28, body=18, small=18, section=22, section_intro=18, label=18, option=18, note=18,
                    footer=18, k=2, pairs=False, border=1.5, table=18, table_across=False)
