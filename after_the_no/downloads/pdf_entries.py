"""An entries field (a repeating group, the job-search record) on the worksheet PDF: a ruled,
tagged table (Table, TR, TH, TD) of `f.rows` empty rows, each cell a fillable field named
`<id>-<row>-<sub-field id>` ("applications-3-employer": a PDF field name cannot hold a dot),
whose tooltip says which entry and question it is. In large print each entry is a block of
rows instead (its questions down the side), as seven columns cannot fit at 18 pt."""
from __future__ import annotations

from after_the_no.downloads.pdf_layout import (BOX, ENTRY_LABEL, ENTRY_ROW, GREY, MARGIN, entries_head, entry_block,
                                               entry_columns)
from after_the_no.downloads.pdf_tags import BOLD, Elem, FONT
from after_the_no.font import drawable
from after_the_no.i18n.interface import say
from after_the_no.worksheets.model import Field


def draw_entries(p, f: Field, x: float, width: float, question: Elem, box: dict) -> None:
    """Draw the table from the cursor of `p` (the pdf module's pages), breaking across pages;
    the header row repeats on each new page."""
    table = p.tags.elem("Table", question)
    if p.s.table_across:
        _across(p, f, x, width, table, box)
    else:
        _blocks(p, f, x, width, table, box)


def _cell(p, f: Field, n: int, sub: Field, row: Elem, box: dict, x: float, top: float, w: float, h: float) -> None:
    form, tags = p.canvas.acroForm, p.tags
    tooltip = drawable(say(p.brand.words, "render.entries.cell-tooltip", item=f.item, n=n, label=sub.label))
    with tags.artifact():   # forceBorder draws the cell's box on the page too
        form.textfield(name=f"{f.id}-{n}-{sub.id}", x=x, y=top - h, width=w, height=h,
                       fontSize=p.s.table + 0.5, maxlen=0, **{**box, "tooltip": tooltip})
    tags.widget(tags.elem("TD", row), tooltip)
    p.add_field(form.fields.pop())


def _rule(p, x: float, width: float) -> None:
    with p.tags.artifact():
        p.canvas.setStrokeColor(BOX)
        p.canvas.setLineWidth(p.s.border)
        p.canvas.line(x, p.y, x + width, p.y)


def _across(p, f: Field, x: float, width: float, table: Elem, box: dict) -> None:
    s, k, tags = p.s, p.s.k, p.tags
    columns = entry_columns(f, width, s)

    def header() -> None:
        row, left, top = tags.elem("TR", table), x + columns[0], p.y
        tags.elem("TH", row)   # the number column has no heading text
        for sub, w in zip(f.fields, columns[1:]):
            p.y = top - 1 * k
            p.text(sub.label, BOLD, s.table, left + 2 * k, w - 4 * k, tag="TH", parent=row)
            left += w
        p.y = top - entries_head(f, columns, s)
        _rule(p, x, width)

    header()
    for n in range(1, f.rows + 1):
        if p.y - ENTRY_ROW * k < MARGIN + 12:
            p.need(ENTRY_ROW * k + 40 * k)
            header()
        row, left, top = tags.elem("TR", table), x, p.y
        p.y = top - 4 * k
        p.text(str(n), FONT, s.table, left + 1 * k, columns[0] - 2 * k, GREY, tag="TH", parent=row)
        left += columns[0]
        for sub, w in zip(f.fields, columns[1:]):
            _cell(p, f, n, sub, row, box, left, top, w, ENTRY_ROW * k)
            left += w
        p.y = top - ENTRY_ROW * k


def _blocks(p, f: Field, x: float, width: float, table: Elem, box: dict) -> None:
    s, k, tags = p.s, p.s.k, p.tags
    title, heights = entry_block(f, width, s)
    label = width * ENTRY_LABEL
    for n in range(1, f.rows + 1):
        p.need(title + sum(heights))
        head = tags.elem("TR", table)
        p.y -= 2 * k
        p.text(say(p.brand.words, "render.entries.title", item=f.item, n=n), BOLD, s.table, x, width, tag="TH", parent=head)
        p.y -= title - 2 * k
        _rule(p, x, width)
        for sub, h in zip(f.fields, heights):
            row, top = tags.elem("TR", table), p.y
            p.y = top - 3 * k
            p.text(sub.label, BOLD, s.table, x, label - 4 * k, tag="TH", parent=row)
            _cell(p, f, n, sub, row, box, x + label, top, width - label, h)
            p.y = top - h
