"""The print pack: one PDF (A4 or US Letter) with a cover page and every worksheet.

Built from the worksheet PDFs the build already made, so a worksheet is rendered once. Each
worksheet's fields are placed under a parent field named by its slug, so the pack stays
fillable and two worksheets' question ids can never collide (`feedback-log.job-1`).
"""
from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

PAGE_SIZES = {"a4": A4, "letter": LETTER}
ACCENT = colors.HexColor("#00695c")
MARGIN = 56


@dataclass(frozen=True)
class PackItem:
    slug: str
    title: str
    minutes: int
    pdf: bytes


def cover(paper: str, site_name: str, site_url: str, items: list[PackItem], pages: list[int]) -> bytes:
    width, height = PAGE_SIZES[paper]
    out = BytesIO()
    c = Canvas(out, pagesize=(width, height), invariant=True)
    c.setTitle(f"{site_name}: worksheet pack")
    c.setAuthor(site_name)
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
    y -= 22
    c.setFont("Helvetica", 11)
    for item, page in zip(items, pages):
        c.drawString(MARGIN, y, f"{item.title}  ({item.minutes} minutes)")
        c.drawRightString(width - MARGIN, y, f"page {page}")
        y -= 18
    c.setFont("Helvetica", 9)
    c.drawString(MARGIN, MARGIN, f"{site_url}  ·  Content CC BY 4.0")
    c.showPage()
    c.save()
    return out.getvalue()


def build(paper: str, items: list[PackItem], site_name: str, site_url: str) -> bytes:
    readers = [PdfReader(BytesIO(item.pdf)) for item in items]
    starts, page = [], 2
    for reader in readers:
        starts.append(page)
        page += len(reader.pages)
    writer = PdfWriter()
    writer.append(PdfReader(BytesIO(cover(paper, site_name, site_url, items, starts))))
    groups = ArrayObject()
    for item, reader in zip(items, readers):
        first_page = len(writer.pages)
        writer.append(reader, import_outline=False)  # also appends its fields to /AcroForm /Fields
        writer.add_outline_item(title=item.title, page_number=first_page)
        form = writer._root_object["/AcroForm"]
        group = writer._add_object(DictionaryObject({
            NameObject("/T"): TextStringObject(item.slug), NameObject("/Kids"): form["/Fields"]}))
        for ref in form["/Fields"]:
            ref.get_object()[NameObject("/Parent")] = group
        groups.append(group)
        form[NameObject("/Fields")] = ArrayObject()  # the next worksheet's fields arrive alone
    writer._root_object["/AcroForm"][NameObject("/Fields")] = groups
    writer.add_metadata({"/Title": f"{site_name}: worksheet pack"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
