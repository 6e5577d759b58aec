"""A fillable, tagged PDF of a worksheet (A4 or US Letter) with one AcroForm field per question.

Field names are the question ids. A checklist is one field (its id) whose kids are the
option boxes, so a filled form reads back as `id.<option number>`. Radios and checkboxes
get no `required` flag (reportlab sets it unless told otherwise): every question is optional.

The PDF is tagged (after_the_no.pdf_tags): the title is an H1, each section an H2, each question
a Div of paragraphs (label, hint) and a Form element for its field, or a list (L/LI/LBody) of its
options, each with its own Form element; every field's tooltip names it in full ("Mood 3").
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
from after_the_no.brand import Brand
from after_the_no.worksheets.model import BOXES, Field, SHORT_KINDS, Worksheet

PAGE_SIZES = {"a4": A4, "letter": LETTER}
DATE_ORDER = {"a4": "day / month / year", "letter": "month / day / year"}  # as people write dates there
MARGIN = 42
GREY = colors.HexColor("#4a4a4a")
BOX = colors.HexColor("#6b6b6b")
BOX_FILL = colors.HexColor("#fbfbfb")
TEXT_HEIGHT, LONG_HEIGHT = BOXES["text"].pdf_pt, BOXES["long-text"].pdf_pt   # worksheet_model's rules
BUTTON = 9
GAP = 14            # between two columns of short fields
FIELD_SPACE = 7     # below each question
RADIO_FLAGS = "noToggleToOff radio"   # not "required" (reportlab's default): every question is optional


def option_text(f: Field, n: int, value: str) -> str:
    """An option as printed beside its box: a scale's ends carry their words ("1 Not well")."""
    return f"{value} {f.end_label(n)}" if f.end_label(n) else value


def option_tooltip(f: Field, n: int, value: str) -> str:
    """What a screen reader says for one option: its question, then the option ("Mood 1 Low")."""
    return drawable(f"{f.label} {option_text(f, n, value)}")


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
                 brand: Brand, parent: Elem):
        self.canvas, self.group, self.brand, self.tags, self.parent = canvas, group, brand, canvas.tags, parent
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
            c.setFont(FONT, 7.5)
            c.setFillColor(GREY)
            c.drawString(MARGIN, MARGIN - 14, visual(drawable(
                f"{self.sheet.title} · {self.brand.name} · {self.site_url}worksheets/{self.sheet.slug}/")))
            c.drawRightString(self.width - MARGIN, MARGIN - 14, f"Page {self.page}")

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


def _text_height(text: str, font: str, size: float, width: float) -> float:
    return len(simpleSplit(drawable(text), font, size, width)) * size * 1.25 if text else 0


def _head_height(f: Field, width: float) -> float:
    return _text_height(f.label, BOLD, 9.5, width) + _text_height(f.hint, FONT, 8.5, width) + 3


def _question_height(f: Field, width: float) -> float:
    h = _head_height(f, width)
    if f.kind == "entries":   # the table breaks across pages itself: its head and two rows must fit
        return h + _entries_head(f, _entry_columns(f, width)) + 2 * ENTRY_ROW + FIELD_SPACE
    if f.kind in SHORT_KINDS:
        return h + TEXT_HEIGHT + FIELD_SPACE
    if f.kind == "long-text":
        return h + LONG_HEIGHT + FIELD_SPACE
    return h + _options_rows(f, width) * 14 + FIELD_SPACE


def _option_width(f: Field, n: int, value: str) -> float:
    return BUTTON + 4 + stringWidth(drawable(option_text(f, n, value)), FONT, 9) + 14


def _options_rows(f: Field, width: float) -> int:
    rows, used = 1, 0.0
    for n, value in enumerate(f.choices, start=1):
        w = _option_width(f, n, value)
        if used and used + w > width:
            rows, used = rows + 1, 0.0
        used += w
    return rows


def _draw_question(p: _Pages, f: Field, x: float, width: float, top: float, head: float) -> None:
    """Draw label, hint and control; the control starts `head` below `top` so a row lines up."""
    c, form, tags = p.canvas, p.canvas.acroForm, p.tags
    question = tags.elem("Div", p.parent)
    p.y = top
    p.y -= p.text(f.label, BOLD, 9.5, x, width, parent=question)
    if f.hint:
        p.y -= p.text(f.hint, FONT, 8.5, x, width, GREY, parent=question)
    p.y = top - head
    label = drawable(f.label)
    box = dict(borderColor=BOX, fillColor=BOX_FILL, textColor=colors.black, borderWidth=0.75,
               forceBorder=True, tooltip=label, fontName=FONT)
    if f.kind == "entries":
        _draw_entries(p, f, x, width, question, box)
    elif f.kind in SHORT_KINDS:
        w = min(width, 150) if f.kind in ("date", "number") else width
        with tags.artifact():   # forceBorder draws the box on the page too
            form.textfield(name=f.id, x=x, y=p.y - TEXT_HEIGHT, width=w, height=TEXT_HEIGHT, fontSize=10, maxlen=0, **box)
        tags.widget(question, label)
        p.add_field(form.fields.pop())
        if f.kind == "date":
            p.y -= TEXT_HEIGHT - 5 - 8
            p.text(DATE_ORDER[p.paper], FONT, 8, x + w + 6, width - w - 6, GREY, parent=question)
            p.y += TEXT_HEIGHT - 5 - 8
        p.y -= TEXT_HEIGHT
    elif f.kind == "long-text":
        with tags.artifact():
            form.textfield(name=f.id, x=x, y=p.y - LONG_HEIGHT, width=width, height=LONG_HEIGHT, fontSize=10,
                           maxlen=0, fieldFlags="multiline", **box)
        tags.widget(question, label)
        p.add_field(form.fields.pop())
        p.y -= LONG_HEIGHT
    else:
        used = 0.0
        p.y -= 12
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
            w = _option_width(f, n, value)
            if used and used + w > width:
                used, p.y = 0.0, p.y - 14
            bx = x + used
            common = dict(x=bx, y=p.y, size=BUTTON, borderColor=BOX, fillColor=colors.white, textColor=colors.black,
                          borderWidth=0.75, forceBorder=True)
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
            c.setFont(FONT, 9)
            c.setFillColor(colors.black)
            c.drawString(bx + BUTTON + 4, p.y + 1, shown)
            tags.end()
            used += w
        p.y -= 2
    p.y -= FIELD_SPACE


ENTRY_ROW = 19          # a table row's height on paper: room to write by hand
NUMBER_COLUMN, DATE_COLUMN = 16, 58


def _entry_columns(f: Field, width: float) -> list[float]:
    """The number column, then one per sub-field: dates narrow, text sharing the rest."""
    dates = sum(s.kind == "date" for s in f.fields)
    text = (width - NUMBER_COLUMN - dates * DATE_COLUMN) / max(1, len(f.fields) - dates)
    return [NUMBER_COLUMN] + [DATE_COLUMN if s.kind == "date" else text for s in f.fields]


def _entries_head(f: Field, columns: list[float]) -> float:
    return max(_text_height(s.label, BOLD, 7.5, w - 4) for s, w in zip(f.fields, columns[1:])) + 5


def _draw_entries(p: _Pages, f: Field, x: float, width: float, question: Elem, box: dict) -> None:
    """A repeating group on paper: a ruled table (tagged Table, TR, TH, TD) of `f.rows` empty
    rows, each cell a fillable field named `<id>-<row>-<sub-field id>` ("applications-3-employer":
    a PDF field name cannot hold a dot)
    whose tooltip says which entry and question it is; the header row repeats on each new page."""
    c, form, tags = p.canvas, p.canvas.acroForm, p.tags
    columns = _entry_columns(f, width)
    table = tags.elem("Table", question)

    def header() -> None:
        height = _entries_head(f, columns)
        row, left, top = tags.elem("TR", table), x + columns[0], p.y
        tags.elem("TH", row)   # the number column has no heading text
        for s, w in zip(f.fields, columns[1:]):
            p.y = top - 1
            p.text(s.label, BOLD, 7.5, left + 2, w - 4, tag="TH", parent=row)
            left += w
        p.y = top - height
        with tags.artifact():
            c.setStrokeColor(BOX)
            c.setLineWidth(0.75)
            c.line(x, p.y, x + width, p.y)

    header()
    for n in range(1, f.rows + 1):
        if p.y - ENTRY_ROW < MARGIN + 12:
            p.need(ENTRY_ROW + 40)
            header()
        row, left = tags.elem("TR", table), x
        top = p.y
        p.y = top - 4
        p.text(str(n), FONT, 8, left + 1, columns[0] - 2, GREY, tag="TH", parent=row)
        left += columns[0]
        for s, w in zip(f.fields, columns[1:]):
            tooltip = drawable(f"{f.item} {n}: {s.label}")
            with tags.artifact():
                form.textfield(name=f"{f.id}-{n}-{s.id}", x=left, y=top - ENTRY_ROW, width=w, height=ENTRY_ROW,
                               fontSize=8, maxlen=0, **{**box, "tooltip": tooltip})
            tags.widget(tags.elem("TD", row), tooltip)
            p.add_field(form.fields.pop())
            left += w
        p.y = top - ENTRY_ROW


def _rows(fields: tuple[Field, ...]) -> list[list[Field]]:
    """Pairs of neighbouring short questions share a row, so a blank sheet fits on two pages."""
    rows: list[list[Field]] = []
    for f in fields:
        if f.kind in SHORT_KINDS and rows and len(rows[-1]) == 1 and rows[-1][0].kind in SHORT_KINDS:
            rows[-1].append(f)
        else:
            rows.append([f])
    return rows


def render_pdf(sheet: Worksheet, paper: str, site_url: str = "", brand: Brand = Brand()) -> bytes:
    """The blank fillable worksheet as PDF bytes; paper is 'a4' or 'letter'."""
    return render_pdf_pages(sheet, paper, site_url, brand)[0]


def render_pdf_pages(sheet: Worksheet, paper: str, site_url: str = "", brand: Brand = Brand()) -> tuple[bytes, int]:
    """The PDF bytes and its number of pages (which the print pack's contents list needs)."""
    out = BytesIO()
    canvas = TaggedCanvas(out, PAGE_SIZES[paper], sheet.title, brand.name, sheet.description)
    draw_worksheet(canvas, sheet, paper, site_url, brand=brand)
    pages = canvas.getPageNumber()
    canvas.save()
    return out.getvalue(), pages


def draw_worksheet(canvas: TaggedCanvas, sheet: Worksheet, paper: str, site_url: str,
                   group: FieldGroup | None = None, brand: Brand = Brand(), parent: Elem | None = None) -> None:
    """Draw the worksheet from the top of the canvas's current (empty) page; its last page is
    left open. Its fields go under `group` if given, else at the top level of the form; its
    structure goes under `parent` (default: the document)."""
    p = _Pages(canvas, sheet, paper, site_url, group, brand, parent or canvas.tags.root)
    p.y -= p.text(sheet.title, BOLD, 18, MARGIN, p.inner, p.accent, tag="H1") + 4
    p.y -= p.text(sheet.intro, FONT, 10, MARGIN, p.inner) + 2
    p.y -= p.text(f"About {sheet.minutes} minutes. Fill it in on a computer, or print it and write.",
                  FONT, 8.5, MARGIN, p.inner, GREY) + 6
    for section in sheet.sections:
        first = _rows(section.fields)[0]
        head = 22 + _text_height(section.intro, FONT, 9, p.inner)
        p.need(head + max(_question_height(f, p.inner) for f in first))  # never strand a heading
        p.y -= 6
        p.text(section.title, BOLD, 12.5, MARGIN, p.inner, p.accent, tag="H2")
        p.y -= 16
        with p.tags.artifact():
            p.canvas.setStrokeColor(p.accent)
            p.canvas.setLineWidth(0.6)
            p.canvas.line(MARGIN, p.y, MARGIN + p.inner, p.y)
        p.y -= 4
        if section.intro:
            p.y -= p.text(section.intro, FONT, 9, MARGIN, p.inner, GREY) + 2
        for row in _rows(section.fields):
            width = (p.inner - GAP) / 2 if len(row) == 2 else p.inner
            head = max(_head_height(f, width) for f in row)
            p.need(head + max(_question_height(f, width) - _head_height(f, width) for f in row))
            top, bottoms = p.y, []
            for n, f in enumerate(row):
                _draw_question(p, f, MARGIN + n * (width + GAP), width, top, head)
                bottoms.append(p.y)
            p.y = min(bottoms)
    p.footer()
