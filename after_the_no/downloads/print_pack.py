"""The print pack: one tagged PDF (A4 or US Letter) with a cover page and every worksheet.

Drawn on one canvas by the same code as each worksheet's own PDF. Each worksheet's fields are
placed under a parent field named by its slug, so the pack stays fillable and two worksheets'
question ids can never collide (`feedback-log.job-1`). Each worksheet is a `Sect` of the
structure tree, after the cover (H1, paragraphs, and its contents as a list).

The cover lists each worksheet's first page, so it needs the page counts before it is drawn:
the build passes those of the worksheets' own PDFs (same drawing code, same pages); without
them each worksheet is drawn once on a scratch canvas to count.
"""
from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from after_the_no.font import drawable
from after_the_no.i18n.interface import say
from after_the_no.downloads.pdf_tags import BOLD, FONT, TaggedCanvas, visual
from after_the_no.brand import Brand
from after_the_no.worksheets.model import Worksheet
from after_the_no.downloads.pdf import FieldGroup, PAGE_SIZES, draw_worksheet, render_pdf_pages

MARGIN = 56


def build(paper: str, sheets: list[Worksheet], brand: Brand | str, site_url: str,
          pages: list[int] | None = None) -> bytes:
    brand = Brand(brand) if isinstance(brand, str) else brand
    if pages is None:
        pages = [render_pdf_pages(s, paper, site_url, brand)[1] for s in sheets]
    starts = [2 + sum(pages[:i]) for i in range(len(sheets))]
    out = BytesIO()
    c = TaggedCanvas(out, PAGE_SIZES[paper], say(brand.words, "render.pack.title", brand=brand.name), brand.name,
                     say(brand.words, "render.pack.subject"), brand.language)
    _cover(c, paper, brand, site_url, sheets, starts)
    c.showPage()
    for sheet, start in zip(sheets, starts):
        assert c.getPageNumber() == start, (sheet.slug, c.getPageNumber(), start)
        c.bookmarkPage(sheet.slug)
        c.addOutlineEntry(drawable(sheet.title), sheet.slug, level=0)
        group = FieldGroup(c.acroForm, sheet.slug, tooltip=sheet.title)
        c.acroForm.fields.append(group._ref)
        draw_worksheet(c, sheet, paper, site_url, group, brand, c.tags.elem("Sect"))
        c.showPage()
    c.save()
    return out.getvalue()


def _line(c: TaggedCanvas, kind: str, text: str, font: str, size: float, x: float, y: float, parent=None,
          right: bool = False) -> None:
    """One tagged line of text (a new element of `kind`, or into the element given)."""
    elem = c.tags.elem(kind, parent) if isinstance(kind, str) else kind
    text = drawable(text)
    shown = visual(text)
    c.tags.begin(elem, actual=text if shown != text else "")
    c.setFont(font, size)
    (c.drawRightString if right else c.drawString)(x, y, shown)
    c.tags.end()


def _cover(c: TaggedCanvas, paper: str, brand: Brand, site_url: str, sheets: list[Worksheet],
           starts: list[int]) -> None:
    width, height = PAGE_SIZES[paper]
    y = height - MARGIN - 30
    c.setFillColor(colors.HexColor(brand.colour))
    _line(c, "H1", brand.name, BOLD, 28, MARGIN, y)
    y -= 30
    _line(c, "P", say(brand.words, "render.pack.tagline"), FONT, 16, MARGIN, y)
    c.setFillColor(colors.black)
    if brand.organisation:
        y -= 24
        _line(c, "P", brand.organisation, BOLD, 12, MARGIN, y)
    y -= 44
    intro = drawable(say(brand.words, "render.pack.intro"))
    paragraph = c.tags.elem("P")
    c.tags.begin(paragraph)
    c.setFont(FONT, 11)
    for line in simpleSplit(intro, FONT, 11, width - 2 * MARGIN):
        c.drawString(MARGIN, y, line)
        y -= 15
    c.tags.end()
    y -= 20
    _line(c, "H2", say(brand.words, "render.pack.contents"), BOLD, 13, MARGIN, y)
    y -= 22
    contents = c.tags.elem("L")
    for sheet, page in zip(sheets, starts):
        body = c.tags.elem("LBody", c.tags.elem("LI", contents))
        _line(c, body, say(brand.words, "render.pack.entry", title=sheet.title, minutes=sheet.minutes), FONT, 11, MARGIN, y)
        _line(c, body, say(brand.words, "render.pack.page", n=page), FONT, 11, width - MARGIN, y, right=True)
        y -= 18
    bottom = MARGIN
    for text in (brand.contact, brand.footer_text):
        if text:
            bottom += 14
    y = bottom
    for text in (brand.contact, brand.footer_text):
        if text:
            _line(c, "P", text, FONT, 9, MARGIN, y)
            y -= 14
    _line(c, "P", say(brand.words, "render.pack.footer", url=site_url), FONT, 9, MARGIN, MARGIN)
