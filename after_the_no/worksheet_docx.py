"""A Word (.docx) copy of a worksheet: the same questions, with bordered boxes to type or write in."""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm, Pt, RGBColor

from after_the_no.worksheet_model import Field, Worksheet

BOX = "\u2610"  # ☐
GREY = RGBColor(0x4A, 0x4A, 0x4A)
BOX_HEIGHT = {"text": Cm(0.9), "date": Cm(0.9), "long-text": Cm(2.6)}


def render_docx(sheet: Worksheet, site_url: str = "") -> bytes:
    doc = Document()
    doc.core_properties.title = sheet.title
    doc.core_properties.subject = sheet.description
    doc.core_properties.author = "After the No"
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.8)
    doc.add_heading(sheet.title, level=1)
    doc.add_paragraph(sheet.intro)
    _small(doc.add_paragraph(), f"About {sheet.minutes} minutes. Online: {site_url}worksheets/{sheet.slug}/")
    for section in sheet.sections:
        doc.add_heading(section.title, level=2)
        if section.intro:
            _small(doc.add_paragraph(), section.intro)
        for f in section.fields:
            _question(doc, f)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _small(paragraph, text: str):
    run = paragraph.add_run(text)
    run.font.size = Pt(9)
    run.font.color.rgb = GREY
    return paragraph


def _question(doc, f: Field) -> None:
    label = doc.add_paragraph()
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.space_after = Pt(2)
    label.paragraph_format.keep_with_next = True
    label.add_run(f.label).bold = True
    if f.hint:
        hint = _small(doc.add_paragraph(), f.hint)
        hint.paragraph_format.space_after = Pt(2)
        hint.paragraph_format.keep_with_next = True
    if f.kind in BOX_HEIGHT:
        if f.kind == "date":
            _small(label, "  (date)")
        table = doc.add_table(rows=1, cols=1)
        table.style = "Table Grid"
        row = table.rows[0]
        row.height, row.height_rule = BOX_HEIGHT[f.kind], WD_ROW_HEIGHT_RULE.AT_LEAST
        return
    words = []
    for n, value in enumerate(f.choices, start=1):
        end = (f.low if n == 1 else f.high) if f.kind == "scale" and n in (1, len(f.choices)) else ""
        words.append(f"{BOX} {value}" + (f" {end}" if end else ""))
    if sum(len(w) for w in words) < 70:
        doc.add_paragraph("    ".join(words))
    else:
        for word in words:
            doc.add_paragraph(word).paragraph_format.space_after = Pt(0)
