"""The print pack: one PDF (A4 or US Letter) with a cover page and every worksheet.

Drawn on one canvas by the same code as each worksheet's own PDF. Each worksheet's fields are
placed under a parent field named by its slug, so the pack stays fillable and two worksheets'
question ids can never collide (`feedback-log.job-1`).
"""
from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from after_the_no.worksheet_model import Worksheet
from after_the_no.worksheet_pdf import PAGE_SIZES, FieldGroup, draw_worksheet

ACCENT = colors.HexColor("#00695c")
MARGIN = 56
CONTENTS = "contents"   # the cover's list of worksheets, drawn once their first pages are known


def build(paper: str, sheets: list[Worksheet], site_name: str, site_url: str) -> bytes:
    out = BytesIO()
    c = Canvas(out, pagesize=PAGE_SIZES[paper], invariant=True)
    c.setTitle(f"{site_name}: worksheet pack")
    c.setAuthor(site_name)
    contents_top = _cover(c, paper, site_name, site_url)
    c.doForm(CONTENTS)   # defined below, after the worksheets (reportlab allows that)
    c.showPage()
    starts = []
    for sheet in sheets:
        starts.append(c.getPageNumber())
        c.bookmarkPage(sheet.slug)
        c.addOutlineEntry(sheet.title, sheet.slug, level=0)
        group = FieldGroup(c.acroForm, sheet.slug)
        c.acroForm.fields.append(group._ref)
        draw_worksheet(c, sheet, paper, site_url, group)
        c.showPage()
    c.beginForm(CONTENTS)
    _contents(c, paper, sheets, starts, contents_top)
    c.endForm()
    c.save()
    return out.getvalue()


def _cover(c: Canvas, paper: str, site_name: str, site_url: str) -> float:
    """Draw the cover's fixed text; return where the contents list starts."""
    width, height = PAGE_SIZES[paper]
    y = height - MARGIN - 30
    c.setFillColor(ACCENT)
    c.setFont("Helvetica-Bold", 28)
    c.drawString(MARGIN, y, site_name)
    y -= 30
    c.setFont("Helvetica", 16)
    c.drawString(MARGIN, y, "Worksheets for after a job rejection")
    c.setFillColor(colors.black)
    y -= 44
    intro = ("Four short worksheets to help you learn from an interview, take feedback well, "
             "stay in touch with the interviewer and keep going. Write on them, or fill them in "
             "on a computer: this PDF is fillable.")
    c.setFont("Helvetica", 11)
    for line in simpleSplit(intro, "Helvetica", 11, width - 2 * MARGIN):
        c.drawString(MARGIN, y, line)
        y -= 15
    y -= 20
    c.setFont("Helvetica-Bold", 13)
    c.drawString(MARGIN, y, "In this pack")
    c.setFont("Helvetica", 9)
    c.drawString(MARGIN, MARGIN, f"{site_url}  ·  Content CC BY 4.0")
    return y - 22


def _contents(c: Canvas, paper: str, sheets: list[Worksheet], starts: list[int], y: float) -> None:
    width = PAGE_SIZES[paper][0]
    c.setFillColor(colors.black)
    c.setFont("Helvetica", 11)
    for sheet, page in zip(sheets, starts):
        c.drawString(MARGIN, y, f"{sheet.title}  ({sheet.minutes} minutes)")
        c.drawRightString(width - MARGIN, y, f"page {page}")
        y -= 18
