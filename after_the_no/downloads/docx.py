"""A Word (.docx) copy of a worksheet: the same questions, with bordered boxes to type or write in.

Written as WordprocessingML directly: a zip of five small XML parts. The document is simple
(headings, paragraphs, one-cell tables), and python-docx spent ~45 ms a file loading its
template and looking styles up, which was most of the Word files' share of the build. The
bytes are reproducible: fixed zip timestamps, no revision ids. Tests read the files back with
python-docx.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from after_the_no.brand import DEFAULT_COLOUR, Brand
from after_the_no.i18n.interface import say
from after_the_no.downloads.office import DEFLATED, zip_package
from after_the_no.font import NOT_XML
from after_the_no.worksheets.model import BOXES, Field, OPTIONS_ON_ONE_LINE, Worksheet

BOX = "\u2610"  # ☐
ACCENT, GREY = DEFAULT_COLOUR.lstrip("#").upper(), "4A4A4A"   # the brand colour, as the site and the PDFs
SMALL = 18                          # half-points: 9 pt
CM = 567                            # twips in a centimetre
PAGE_WIDTH, PAGE_HEIGHT = 12240, 15840   # US Letter (python-docx's default, kept)
SIDE_MARGIN, END_MARGIN = 2 * CM, round(1.8 * CM)
BOX_HEIGHT = {kind: round(box.paper_cm * CM) for kind, box in BOXES.items()}   # the model's kind table
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml_text(text: str) -> str:
    """Text as XML character data. What XML 1.0 cannot hold at all (YAML lets U+0001 through in
    a quoted string) is dropped, or Word would refuse the whole file; line breaks are kept."""
    return escape(NOT_XML.sub("", text))


def render_docx(sheet: Worksheet, site_url: str = "", brand: Brand = Brand()) -> bytes:
    body = [_paragraph(sheet.title, style="Heading1"),
            _paragraph(sheet.intro),
            _paragraph(say(brand.words, "render.office.lead", minutes=sheet.minutes,
                           url=f"{site_url}worksheets/{sheet.slug}/"), small=True)]
    for section in sheet.sections:
        body.append(_paragraph(section.title, style="Heading2"))
        if section.intro:
            body.append(_paragraph(section.intro, small=True))
        for f in section.fields:
            body.extend(_question(f, brand.words))
    return _package(sheet, "".join(body), brand)


def _question(f: Field, words: dict) -> list[str]:
    note = say(words, f.spec.paper_note) if f.spec.paper_note else ""
    label = _run(f.label, bold=True) + (_run(f"  {note}", small=True) if note else "")
    out = [_paragraph_xml(label, before=100, after=40, keep_next=True)]
    if f.hint:
        out.append(_paragraph(f.hint, small=True, after=40, keep_next=True))
    if f.kind in BOX_HEIGHT:
        out.append(_box(BOX_HEIGHT[f.kind]))
        return out
    if f.spec.control == "entries":
        out.append(_entries_table(f))
        return out
    words = [f"{BOX} {text}" for text in f.option_texts()]
    if sum(len(w) for w in words) < OPTIONS_ON_ONE_LINE:
        out.append(_paragraph("    ".join(words), after=100))
    else:
        out.extend(_paragraph(word, after=0) for word in words)
    return out


def _run(text: str, bold: bool = False, small: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + (f'<w:color w:val="{GREY}"/><w:sz w:val="{SMALL}"/>' if small else "")
    return (f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}"
            f'<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>')


def _paragraph(text: str, style: str = "", small: bool = False, **spacing) -> str:
    return _paragraph_xml(_run(text, small=small), style=style, **spacing)


def _paragraph_xml(runs: str, style: str = "", before: int | None = None, after: int | None = None,
                   keep_next: bool = False) -> str:
    # Children of w:pPr must come in the schema's order: pStyle, keepNext, spacing.
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    props += "<w:keepNext/>" if keep_next else ""
    if before is not None or after is not None:
        props += ("<w:spacing" + (f' w:before="{before}"' if before is not None else "")
                  + (f' w:after="{after}"' if after is not None else "") + "/>")
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"


def _box(height: int) -> str:
    """A one-cell bordered table the full width of the text, at least `height` twips tall."""
    width = PAGE_WIDTH - 2 * SIDE_MARGIN
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                      for side in ("top", "left", "bottom", "right"))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{width}" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
            f'<w:tr><w:trPr><w:trHeight w:val="{height}" w:hRule="atLeast"/></w:trPr>'
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>')


def _entries_table(f: Field) -> str:
    """A repeating group on paper: a ruled table, the sub-fields' labels as its header row
    (repeated on each page, w:tblHeader) and `f.rows` empty rows numbered down the side."""
    width = PAGE_WIDTH - 2 * SIDE_MARGIN
    number, date = round(0.7 * CM), round(2.1 * CM)
    dates = sum(s.spec.narrow for s in f.fields)
    text = (width - number - dates * date) // max(1, len(f.fields) - dates)
    columns = [number] + [date if s.spec.narrow else text for s in f.fields]
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))

    def cell(w: int, runs: str = "") -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p>{runs}</w:p></w:tc>'

    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in columns)
    head = cell(number) + "".join(cell(w, _run(s.label, bold=True, small=True)) for s, w in zip(f.fields, columns[1:]))
    rows = "".join(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{round(0.8 * CM)}" w:hRule="atLeast"/></w:trPr>'
                   + cell(number, _run(str(n), small=True)) + "".join(cell(w) for w in columns[1:]) + "</w:tr>"
                   for n in range(1, f.rows + 1))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{width}" w:type="dxa"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>"
            f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>{rows}</w:tbl>')


def _package(sheet: Worksheet, body: str, brand: Brand) -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
                f'{body}<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>'
                f'<w:pgMar w:top="{END_MARGIN}" w:right="{SIDE_MARGIN}" w:bottom="{END_MARGIN}" '
                f'w:left="{SIDE_MARGIN}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
                "</w:body></w:document>")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{_xml_text(sheet.title)}</dc:title><dc:subject>{_xml_text(sheet.description)}</dc:subject>"
            f"<dc:creator>{_xml_text(brand.name)}</dc:creator></cp:coreProperties>")
    parts = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS,
             "word/_rels/document.xml.rels": DOCUMENT_RELS, "word/document.xml": document,
             "word/styles.xml": styles(brand.colour, brand.language), "docProps/core.xml": core}
    return zip_package([(name, xml, DEFLATED) for name, xml in parts.items()])


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = (
    _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_MAIN}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_MAIN}.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>")
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = (
    _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/></Relationships>')
DOCUMENT_RELS = (
    _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/></Relationships>')


def _heading(style_id: str, name: str, level: int, size: int, before: int, colour: str) -> str:
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="80"/>'
            f'<w:outlineLvl w:val="{level}"/></w:pPr>'
            f'<w:rPr><w:b/><w:bCs/><w:color w:val="{colour}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            "</w:style>")


# Normal text in Calibri 11 pt (as python-docx's template had), headings in the brand colour so
# Word's navigation pane lists the sections, and "Table Grid" for the answer boxes.
def styles(colour: str = DEFAULT_COLOUR, language: str = "en-GB") -> str:
    """The styles part with the headings in the brand colour, the text in the page language."""
    return STYLES.replace(f'w:color w:val="{ACCENT}"', f'w:color w:val="{colour.lstrip("#").upper()}"') \
        .replace('<w:lang w:val="en-GB"/>', f'<w:lang w:val="{escape(language)}"/>')


STYLES = (
    _XML + f'<w:styles xmlns:w="{W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" '
    'w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + _heading("Heading1", "heading 1", 0, 32, 0, ACCENT)
    + _heading("Heading2", "heading 2", 1, 26, 280, ACCENT)
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
    '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>'
    "</w:styles>")
