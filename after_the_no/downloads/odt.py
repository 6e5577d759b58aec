"""An OpenDocument Text (.odt) copy of a worksheet, as the Word file: the same questions, real
headings (so a reader's navigator lists the sections), and bordered boxes to type or write in.

Written directly as ODF 1.3 XML, like the Word file: a zip whose first entry is `mimetype`,
stored uncompressed, then the manifest and three XML parts. Reproducible bytes: fixed zip
timestamps, no dates in the metadata. Tests read the files back with odfpy.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from after_the_no.brand import Brand
from after_the_no.i18n.interface import say
from after_the_no.downloads.office import DEFLATED, STORED, zip_package
from after_the_no.font import clean
from after_the_no.worksheets.model import BOXES, Field, OPTIONS_ON_ONE_LINE, Worksheet

MIMETYPE = "application/vnd.oasis.opendocument.text"
BOX = "\u2610"  # ☐
BOX_HEIGHT = {kind: f"{box.paper_cm}cm" for kind, box in BOXES.items()}   # the model's kind table
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3"')
XML = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _x(text: str) -> str:
    """Text as XML character data: what XML cannot hold is dropped, markup stays text."""
    return escape(clean(text), {'"': "&quot;"})


def render_odt(sheet: Worksheet, site_url: str = "", brand: Brand = Brand()) -> bytes:
    body = [_heading(sheet.title, 1), _p(sheet.intro),
            _p(say(brand.words, "render.office.lead", minutes=sheet.minutes, url=f"{site_url}worksheets/{sheet.slug}/"),
               "Small")]
    boxes, styles = 0, ""
    for section in sheet.sections:
        body.append(_heading(section.title, 2))
        if section.intro:
            body.append(_p(section.intro, "Small"))
        for f in section.fields:
            if f.kind in BOX_HEIGHT or f.spec.control == "entries":
                boxes += 1
            if f.spec.control == "entries":
                styles += _entry_column(f, boxes)
            body.extend(_question(f, boxes, brand.words))
    parts = {
        "content.xml": _content("".join(body), styles),
        "styles.xml": _styles(brand.colour, brand.language),
        "meta.xml": (XML + f"<office:document-meta {NS}><office:meta>"
                     f"<dc:title>{_x(sheet.title)}</dc:title><dc:description>{_x(sheet.description)}</dc:description>"
                     f"<meta:initial-creator>{_x(brand.name)}</meta:initial-creator><dc:language>{_x(brand.language)}</dc:language>"
                     "</office:meta></office:document-meta>"),
    }
    manifest = (XML + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="{MIMETYPE}"/>'
                + "".join(f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>'
                          for name in parts)
                + "</manifest:manifest>")
    return zip_package([("mimetype", MIMETYPE, STORED), ("META-INF/manifest.xml", manifest, DEFLATED),
                        *((name, xml, DEFLATED) for name, xml in parts.items())])


def _heading(text: str, level: int) -> str:
    return f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{_x(text)}</text:h>'


def _p(text: str, style: str = "Standard") -> str:
    return f'<text:p text:style-name="{style}">{_x(text)}</text:p>'


def _question(f: Field, number: int, words: dict) -> list[str]:
    extra = "  " + _x(say(words, f.spec.paper_note)) if f.spec.paper_note else ""
    out = [f'<text:p text:style-name="Question">{_x(f.label)}'
           + (f'<text:span text:style-name="SmallText">{extra}</text:span>' if extra else "") + "</text:p>"]
    if f.hint:
        out.append(_p(f.hint, "Hint"))
    if f.spec.control == "entries":
        out.append(_entries_table(f, number))
        return out
    if f.kind in BOX_HEIGHT:
        row = "LongRow" if f.spec.box.lines > 1 else "ShortRow"
        out.append(f'<table:table table:name="Answer{number}" table:style-name="Box">'
                   '<table:table-column table:style-name="BoxColumn"/>'
                   f'<table:table-row table:style-name="{row}"><table:table-cell table:style-name="BoxCell" '
                   'office:value-type="string"><text:p text:style-name="Standard"/></table:table-cell>'
                   "</table:table-row></table:table>")
        return out
    words = [f"{BOX} {text}" for text in f.option_texts()]
    if sum(len(w) for w in words) < OPTIONS_ON_ONE_LINE:
        out.append(f'<text:p text:style-name="Standard">'
                   + '<text:s text:c="4"/>'.join(_x(w) for w in words) + "</text:p>")
    else:
        out.extend(_p(w, "Option") for w in words)
    return out


def _entry_column(f: Field, number: int) -> str:
    """The width of a repeating group's text columns: 17 cm less the number and date columns, shared."""
    dates = sum(s.spec.narrow for s in f.fields)
    width = (17 - 0.7 - 2.1 * dates) / max(1, len(f.fields) - dates)
    return (f'<style:style style:name="EntryColumn{number}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{width:.2f}cm"/></style:style>')


def _entries_table(f: Field, number: int) -> str:
    """A repeating group on paper: a ruled table, the sub-fields' labels as its header row
    (repeated on each page) and `f.rows` empty rows numbered down the side."""
    def cell(text: str = "", style: str = "Standard") -> str:
        inner = f'<text:p text:style-name="{style}">{_x(text)}</text:p>' if text else f'<text:p text:style-name="{style}"/>'
        return f'<table:table-cell table:style-name="BoxCell" office:value-type="string">{inner}</table:table-cell>'

    columns = "".join(f'<table:table-column table:style-name="{"DateColumn" if s.spec.narrow else f"EntryColumn{number}"}"/>'
                      for s in f.fields)
    head = cell() + "".join(cell(s.label, "TableHead") for s in f.fields)
    rows = "".join(f'<table:table-row table:style-name="EntryRow">{cell(str(n), "Small")}'
                   + "".join(cell() for _ in f.fields) + "</table:table-row>" for n in range(1, f.rows + 1))
    return (f'<table:table table:name="Entries{number}" table:style-name="Box">'
            f'<table:table-column table:style-name="NumberColumn"/>{columns}'
            f"<table:table-header-rows><table:table-row>{head}</table:table-row></table:table-header-rows>"
            f"{rows}</table:table>")


def _content(body: str, styles: str = "") -> str:
    return (XML + f"<office:document-content {NS}><office:automatic-styles>"
            '<style:style style:name="Box" style:family="table"><style:table-properties style:width="17cm" '
            'table:align="left" fo:margin-bottom="0.1cm"/></style:style>'
            '<style:style style:name="BoxColumn" style:family="table-column">'
            '<style:table-column-properties style:column-width="17cm"/></style:style>'
            '<style:style style:name="ShortRow" style:family="table-row">'
            f'<style:table-row-properties style:min-row-height="{BOX_HEIGHT["text"]}"/></style:style>'
            '<style:style style:name="LongRow" style:family="table-row">'
            f'<style:table-row-properties style:min-row-height="{BOX_HEIGHT["long-text"]}"/></style:style>'
            '<style:style style:name="BoxCell" style:family="table-cell">'
            '<style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>'
            # A repeating group's table (17 cm): the number, two dates of 2.1 cm, the rest shared.
            '<style:style style:name="NumberColumn" style:family="table-column">'
            '<style:table-column-properties style:column-width="0.7cm"/></style:style>'
            '<style:style style:name="DateColumn" style:family="table-column">'
            '<style:table-column-properties style:column-width="2.1cm"/></style:style>'
            '<style:style style:name="EntryRow" style:family="table-row">'
            '<style:table-row-properties style:min-row-height="0.8cm"/></style:style>'
            '<style:style style:name="TableHead" style:family="paragraph" style:parent-style-name="Small">'
            '<style:text-properties fo:font-weight="bold"/></style:style>'
            f"{styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>")


def _styles(colour: str, language: str = "en-GB") -> str:
    code, _, country = language.partition("-")   # fo:language and fo:country (none for a language alone)
    place = f' fo:country="{_x(country)}"' if country else ""
    heading = ('<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" style:family="paragraph" '
               'style:parent-style-name="Standard" style:next-style-name="Standard" style:default-outline-level="{n}">'
               '<style:paragraph-properties fo:margin-top="{top}" fo:margin-bottom="0.14cm" fo:keep-with-next="always"/>'
               '<style:text-properties fo:font-size="{size}" fo:font-weight="bold" fo:color="{colour}"/></style:style>')
    return (XML + f"<office:document-styles {NS}><office:styles>"
            '<style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" '
            'style:font-name="Liberation Sans" fo:font-family="\'Liberation Sans\', Arial, sans-serif" '
            f'fo:language="{_x(code)}"{place}/></style:default-style>'
            '<style:style style:name="Standard" style:family="paragraph" style:class="text">'
            '<style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>'
            + heading.format(n=1, top="0cm", size="16pt", colour=colour)
            + heading.format(n=2, top="0.5cm", size="13pt", colour=colour)
            + '<style:style style:name="Question" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:paragraph-properties fo:margin-top="0.18cm" fo:margin-bottom="0.07cm" fo:keep-with-next="always"/>'
            '<style:text-properties fo:font-weight="bold"/></style:style>'
            '<style:style style:name="Hint" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:paragraph-properties fo:margin-bottom="0.07cm" fo:keep-with-next="always"/>'
            '<style:text-properties fo:font-size="9pt" fo:color="#4a4a4a"/></style:style>'
            '<style:style style:name="Small" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:text-properties fo:font-size="9pt" fo:color="#4a4a4a"/></style:style>'
            '<style:style style:name="Option" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:paragraph-properties fo:margin-bottom="0cm"/></style:style>'
            '<style:style style:name="SmallText" style:family="text">'
            '<style:text-properties fo:font-size="9pt" fo:color="#4a4a4a"/></style:style>'
            "</office:styles><office:automatic-styles>"
            '<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" '
            'fo:page-height="29.7cm" fo:margin-top="1.8cm" fo:margin-bottom="1.8cm" fo:margin-left="2cm" '
            'fo:margin-right="2cm"/></style:page-layout></office:automatic-styles>'
            '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="Page"/>'
            "</office:master-styles></office:document-styles>")
