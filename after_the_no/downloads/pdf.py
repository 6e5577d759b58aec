"""A fillable, tagged PDF of a worksheet (A4 or US Letter) with one AcroForm field per question.

Field names are the question ids. A checklist is one field (its id) whose kids are the
option boxes, so a filled form reads back as `id.<option number>`. Radios and checkboxes
get no `required` flag (reportlab sets it unless told otherwise): every question is optional.

The PDF is tagged (after_the_no.pdf_tags): the title is an H1, each section an H2, each question
a Div of paragraphs (label, hint) and a Form element for its field, or a list (L/LI/LBody) of its
options, each with its own Form element, or an entries table (pdf_entries); every field's tooltip
names it in full ("Mood 3").
Borders, rules and the page footer are artifacts. Text is in the embedded Liberation Sans.
"""
from __future__ import annotations

from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.acroform import fieldFlagValues, makeFlags
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObject, PDFString

from after_the_no.font import drawable
from after_the_no.downloads.pdf_tags import BOLD, Elem, FONT, TaggedCanvas, visual
from after_the_no.downloads.pdf_entries import draw_entries
from after_the_no.downloads.pdf_layout import (BOX, BOX_FILL, BUTTON, FIELD_SPACE, GREY, LONG_HEIGHT, MARGIN, TEXT_HEIGHT,
                                               head_height, option_text, option_tooltip, option_width, question_height,
                                               text_height)
from after_the_no.downloads.sizes import STANDARD, Sizes
from after_the_no.brand import Brand
from after_the_no.i18n.interface import say
from after_the_no.worksheets.model import Field, SHORT_KINDS, Worksheet

PAGE_SIZES = {"a4": A4, "letter": LETTER}
# Beside a date box, the order people write dates in where the paper is used (the page language's words).
DATE_ORDER = {"a4": "render.pdf.date-order.a4", "letter": "render.pdf.date-order.letter"}
GAP = 14            # between two columns of short fields
RADIO_FLAGS = "noToggleToOff radio"   # not "required" (reportlab's default): every question is optional


class FieldGroup(PDFObject):
    """A form field whose kids are other fields or widgets; its name prefixes theirs.

    Used for a checklist (its boxes "1", "2", ...), a radio question (its buttons: reportlab's
    radio() fills this in as it would its own RadioGroup, which cannot have a parent) and, in
    the print pack, a whole worksheet (its questions). reportlab has no such thing for
    checkboxes or text fields, so those are made as usual, then hung under their group.
    """

    def __init__(self, form, name: str, flags: int | None = None, tooltip: str = ""):
        self.T, self.Ff, self.TU, self.V = name, flags, drawable(tooltip), None   # as RadioGroup's
        self.kids: list = []
        self.parent = None
        self._ref = form.getRef(self)

    def adopt(self, ref, doc) -> None:
        child = doc.idToObject[ref.name]
        if isinstance(child, FieldGroup):
            child.parent = self._ref
        else:
            child.dict["Parent"] = self._ref
        self.kids.append(ref)

    def format(self, doc):
        d = dict(T=PDFString(self.T), Kids=PDFArray(self.kids))
        if self.Ff is not None:   # a button field: checklist or radio question
            d.update(FT=PDFName("Btn"), Ff=self.Ff)
        if self.TU:
            d["TU"] = PDFString(self.TU)
        if self.parent is not None:
            d["Parent"] = self.parent
        return PDFDictionary(d).format(doc)


class _Pages:
    """A worksheet being drawn on a canvas, with a cursor `y` that starts a new page when the
    next block does not fit. Its fields go under `group` if given (the print pack), else at the
    top level of the form."""

    def __init__(self, canvas: TaggedCanvas, sheet: Worksheet, paper: str, site_url: str, group: FieldGroup | None,
                 brand: Brand, parent: Elem, sizes: Sizes = STANDARD):
        self.canvas, self.group, self.brand, self.tags, self.parent = canvas, group, brand, canvas.tags, parent
        self.s = sizes
        self.accent = colors.HexColor(brand.colour)
        self.width, self.height = PAGE_SIZES[paper]
        self.sheet, self.paper, self.site_url, self.page = sheet, paper, site_url, 1
        self.inner = self.width - 2 * MARGIN
        self.y = self.height - MARGIN

    def add_field(self, ref) -> None:
        if self.group is None:
            self.canvas.acroForm.fields.append(ref)
        else:
            self.group.adopt(ref, self.canvas._doc)

    def need(self, height: float) -> None:
        if self.y - height < MARGIN + 12:
            self.footer()
            self.canvas.showPage()
            self.page += 1
            self.y = self.height - MARGIN

    def footer(self) -> None:
        c = self.canvas
        with self.tags.artifact("Pagination"):
            c.setFont(FONT, self.s.footer)
            c.setFillColor(GREY)
            line = drawable(f"{self.sheet.title} · {self.brand.name} · {self.site_url}worksheets/{self.sheet.slug}/")
            fits = stringWidth(line, FONT, self.s.footer) <= self.inner - 5 * self.s.footer   # not in large print
            c.drawString(MARGIN, MARGIN - 14, visual(line if fits else drawable(self.sheet.title)))
            c.drawRightString(self.width - MARGIN, MARGIN - 14, drawable(say(self.brand.words, "render.pdf.page", n=self.page)))

    def text(self, text: str, font: str, size: float, x: float, width: float, color=colors.black, leading=None,
             tag: str | Elem = "P", parent: Elem | None = None) -> float:
        """Draw wrapped text from the cursor down, tagged as `tag` (a new element of that kind
        under `parent`, or an element given); return the height used."""
        leading = leading or size * 1.25
        text = drawable(text)
        lines = simpleSplit(text, font, size, width)
        elem = tag if isinstance(tag, Elem) else self.tags.elem(tag, parent or self.parent)
        shown = [visual(line) for line in lines]
        self.tags.begin(elem, actual=text if shown != lines else "")
        self.canvas.setFont(font, size)
        self.canvas.setFillColor(color)
        for n, line in enumerate(shown):
            self.canvas.drawString(x, self.y - size - n * leading, line)
        self.tags.end()
        return len(lines) * leading


def _draw_question(p: _Pages, f: Field, x: float, width: float, top: float, head: float) -> None:
    """Draw label, hint and control; the control starts `head` below `top` so a row lines up."""
    c, form, tags, s, k = p.canvas, p.canvas.acroForm, p.tags, p.s, p.s.k
    question = tags.elem("Div", p.parent)
    p.y = top
    p.y -= p.text(f.label, BOLD, s.label, x, width, parent=question)
    if f.hint:
        p.y -= p.text(f.hint, FONT, s.small, x, width, GREY, parent=question)
    p.y = top - head
    label = drawable(f.label)
    box = dict(borderColor=BOX, fillColor=BOX_FILL, textColor=colors.black, borderWidth=s.border,
               forceBorder=True, tooltip=label, fontName=FONT)
    if f.spec.control == "entries":
        draw_entries(p, f, x, width, question, box)
    elif f.kind in SHORT_KINDS:
        w, height = min(width, 150 * k) if f.spec.narrow else width, TEXT_HEIGHT * k
        with tags.artifact():   # forceBorder draws the box on the page too
            form.textfield(name=f.id, x=x, y=p.y - height, width=w, height=height, fontSize=s.body, maxlen=0, **box)
        tags.widget(question, label)
        p.add_field(form.fields.pop())
        if f.kind == "date":
            p.y -= height - 5 * k - s.note
            p.text(say(p.brand.words, DATE_ORDER[p.paper]), FONT, s.note, x + w + 6 * k, width - w - 6 * k, GREY, parent=question)
            p.y += height - 5 * k - s.note
        p.y -= height
    elif f.kind == "long-text":
        with tags.artifact():
            form.textfield(name=f.id, x=x, y=p.y - LONG_HEIGHT * k, width=width, height=LONG_HEIGHT * k,
                           fontSize=s.body, maxlen=0, fieldFlags="multiline", **box)
        tags.widget(question, label)
        p.add_field(form.fields.pop())
        p.y -= LONG_HEIGHT * k
    else:
        used = 0.0
        p.y -= 12 * k
        if f.kind == "checklist":
            group = FieldGroup(form, f.id, flags=0, tooltip=label)
        else:
            group = FieldGroup(form, f.id, flags=makeFlags(RADIO_FLAGS, fieldFlagValues), tooltip=label)
            # radio() adds its buttons to the group registered under their name: this one, put
            # there afresh for each question (so a second worksheet's "mood" gets its own group).
            form._radios[f.id] = group
        p.add_field(group._ref)
        options = tags.elem("L", question)
        for n, value in enumerate(f.choices, start=1):
            w = option_width(f, n, value, s)
            if used and used + w > width:
                used, p.y = 0.0, p.y - 14 * k
            bx = x + used
            common = dict(x=bx, y=p.y, size=BUTTON * k, borderColor=BOX, fillColor=colors.white, textColor=colors.black,
                          borderWidth=s.border, forceBorder=True)
            tooltip = option_tooltip(f, n, value)
            with tags.artifact():
                if f.kind == "checklist":
                    form.checkbox(name=str(n), tooltip=tooltip, buttonStyle="check", fieldFlags="", **common)
                    group.adopt(form.fields.pop(), c._doc)
                else:
                    form.radio(name=f.id, value=f"option-{n}" if f.kind == "choice" else value,
                               buttonStyle="circle", shape="circle", fieldFlags=RADIO_FLAGS, **common)
            body = tags.elem("LBody", tags.elem("LI", options))
            tags.widget(body, tooltip)
            text = drawable(option_text(f, n, value))
            shown = visual(text)
            tags.begin(body, actual=text if shown != text else "")
            c.setFont(FONT, s.option)
            c.setFillColor(colors.black)
            c.drawString(bx + BUTTON * k + 4 * k, p.y + 1 * k, shown)
            tags.end()
            used += w
        p.y -= 2 * k
    p.y -= FIELD_SPACE * k


def _rows(fields: tuple[Field, ...], pairs: bool = True) -> list[list[Field]]:
    """Pairs of neighbouring short questions share a row, so a blank sheet fits on two pages."""
    rows: list[list[Field]] = []
    for f in fields:
        if pairs and f.kind in SHORT_KINDS and rows and len(rows[-1]) == 1 and rows[-1][0].kind in SHORT_KINDS:
            rows[-1].append(f)
        else:
            rows.append([f])
    return rows


def render_pdf(sheet: Worksheet, paper: str, site_url: str = "", brand: Brand = Brand(), sizes: Sizes = STANDARD) -> bytes:
    """The blank fillable worksheet as PDF bytes; paper is 'a4' or 'letter'."""
    return render_pdf_pages(sheet, paper, site_url, brand, sizes)[0]


def render_pdf_pages(sheet: Worksheet, paper: str, site_url: str = "", brand: Brand = Brand(),
                     sizes: Sizes = STANDARD) -> tuple[bytes, int]:
    """The PDF bytes and its number of pages (which the print pack's contents list needs)."""
    out = BytesIO()
    canvas = TaggedCanvas(out, PAGE_SIZES[paper], sheet.title, brand.name, sheet.description, brand.language)
    draw_worksheet(canvas, sheet, paper, site_url, brand=brand, sizes=sizes)
    pages = canvas.getPageNumber()
    canvas.save()
    return out.getvalue(), pages


def draw_worksheet(canvas: TaggedCanvas, sheet: Worksheet, paper: str, site_url: str,
                   group: FieldGroup | None = None, brand: Brand = Brand(), parent: Elem | None = None,
                   sizes: Sizes = STANDARD) -> None:
    """Draw the worksheet from the top of the canvas's current (empty) page; its last page is
    left open. Its fields go under `group` if given, else at the top level of the form; its
    structure goes under `parent` (default: the document)."""
    p, s, k = _Pages(canvas, sheet, paper, site_url, group, brand, parent or canvas.tags.root, sizes), sizes, sizes.k
    p.y -= p.text(sheet.title, BOLD, s.title, MARGIN, p.inner, p.accent, tag="H1") + 4 * k
    p.y -= p.text(sheet.intro, FONT, s.body, MARGIN, p.inner) + 2 * k
    p.y -= p.text(say(brand.words, "render.pdf.lead", minutes=sheet.minutes),
                  FONT, s.small, MARGIN, p.inner, GREY) + 6 * k
    for section in sheet.sections:
        first = _rows(section.fields, s.pairs)[0]
        head = 22 * k + text_height(section.intro, FONT, s.section_intro, p.inner)
        p.need(head + max(question_height(f, p.inner, s) for f in first))  # never strand a heading
        p.y -= 6 * k
        p.text(section.title, BOLD, s.section, MARGIN, p.inner, p.accent, tag="H2")
        p.y -= 16 * k
        with p.tags.artifact():
            p.canvas.setStrokeColor(p.accent)
            p.canvas.setLineWidth(0.6 * k)
            p.canvas.line(MARGIN, p.y, MARGIN + p.inner, p.y)
        p.y -= 4 * k
        if section.intro:
            p.y -= p.text(section.intro, FONT, s.section_intro, MARGIN, p.inner, GREY) + 2 * k
        for row in _rows(section.fields, s.pairs):
            width = (p.inner - GAP) / 2 if len(row) == 2 else p.inner
            head = max(head_height(f, width, s) for f in row)
            p.need(head + max(question_height(f, width, s) - head_height(f, width, s) for f in row))
            top, bottoms = p.y, []
            for n, f in enumerate(row):
                _draw_question(p, f, MARGIN + n * (width + GAP), width, top, head)
                bottoms.append(p.y)
            p.y = min(bottoms)
    p.footer()
