"""Accessible downloads (issue 13): the PDFs' structure, the OpenDocument files, and odd text.

The structure checks are in pdf_structure.py; here they run on every worksheet PDF (A4 and
US Letter), the print pack, and a worksheet full of awkward text. The same checks run on the
built site's files in test_html_worksheets.py.
"""
from __future__ import annotations

import dataclasses
import re
import subprocess
import zipfile
from io import BytesIO
from xml.etree import ElementTree

import pytest
from docx import Document
from odf import table, teletype, text
from odf.opendocument import load as load_odt
from pypdf import PdfReader, PdfWriter

from after_the_no.downloads import print_pack
from after_the_no.definitions import DefinitionError, parse
from after_the_no.downloads.pdf_tags import TaggedCanvas, Tags
from after_the_no.downloads.docx import render_docx
from after_the_no.brand import Brand
from after_the_no.worksheets.load import build, load_worksheet
from after_the_no.worksheets.model import Field
from after_the_no.downloads.odt import MIMETYPE, render_odt
from after_the_no.downloads.pdf import option_tooltip, render_pdf
from pdf_structure import problems, tagged_text
from worksheet_support import FIXTURES, SHEETS, SLUGS

GOOD = load_worksheet(FIXTURES / "worksheets" / "good.yml", FIXTURES)
# Markup, an ampersand, quotes, Hebrew (right to left), Greek and Cyrillic, and a character XML
# cannot hold (dropped everywhere: it is not visible text).
ODD_TITLE = 'Tom & "Jerry" <b>שלום עולם</b> Ωμέγα Жук\x01'
ODD_SHOWN = 'Tom & "Jerry" <b>שלום עולם</b> Ωμέγα Жук'
ODD = dataclasses.replace(
    GOOD, title=ODD_TITLE, intro="Bell\x07 <i>here</i> & there",
    sections=(dataclasses.replace(GOOD.sections[0], title="Über <section> 'one'", fields=(
        Field("name", "text", "Name & <em>role</em>"), Field("feel", "choice", "Feeling?", options=("Good & calm", "<so-so>", "שלום"))
    )),))


def pdf_problems(data: bytes, sheets, title) -> list[str]:
    return problems(data, sheets, title)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("sheet", [GOOD, *SHEETS], ids=["good", *SLUGS])
def test_every_worksheet_pdf_is_tagged(sheet, paper):
    assert pdf_problems(render_pdf(sheet, paper, "https://example.org/"), [sheet], sheet.title) == []


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_print_pack_is_tagged(paper):
    data = print_pack.build(paper, SHEETS, Brand(), "https://example.org/")
    assert pdf_problems(data, SHEETS, "After the No: worksheet pack") == []
    kinds = [kind for kind, _ in tagged_text(PdfReader(BytesIO(data)))]
    assert kinds[:4] == ["/H1", "/P", "/P", "/H2"] and kinds.count("/H1") == 1 + len(SHEETS)


def test_the_check_fails_when_tagging_is_removed(monkeypatch):
    untagged = TaggedCanvas.save
    monkeypatch.setattr(Tags, "begin", lambda self, elem, actual="": None)
    monkeypatch.setattr(Tags, "end", lambda self: None)
    found = pdf_problems(render_pdf(GOOD, "a4"), [GOOD], GOOD.title)
    assert any(p.startswith("text outside tagged content and artifacts") for p in found)
    assert "tagged text 'Good sheet' missing or out of order" in found
    monkeypatch.undo()
    monkeypatch.setattr(TaggedCanvas, "save", lambda self: (self.showPage(), super(TaggedCanvas, self).save()))
    assert pdf_problems(render_pdf(GOOD, "a4"), [GOOD], GOOD.title) == ["no /StructTreeRoot"]
    assert untagged is not TaggedCanvas.save


def test_every_option_tooltip_names_its_question():
    fields = PdfReader(BytesIO(render_pdf(GOOD, "a4"))).get_fields()
    assert fields["pets"]["/TU"] == "Pets"
    assert [fields[f"pets.{n}"]["/TU"] for n in (1, 2, 3)] == ["Pets Cat", "Pets Dog", "Pets Fish"]
    reader = PdfReader(BytesIO(render_pdf(GOOD, "a4")))
    radios = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])
              if a.get_object().get("/Parent") and a.get_object()["/Parent"].get("/T") == "mood"]
    assert [r["/TU"] for r in radios] == ["Mood 1 Low", "Mood 2", "Mood 3", "Mood 4", "Mood 5 High"]
    mood = next(f for f in GOOD.fields if f.id == "mood")
    assert option_tooltip(mood, 3, "3") == "Mood 3"


def test_pdf_fonts_are_liberation_sans_embedded_and_brand_reaches_it():
    data = render_pdf(GOOD, "a4", brand=Brand("Example Careers", "#00467f"))
    reader = PdfReader(BytesIO(data))
    fonts = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert fonts and all(name.endswith("+LiberationSans") or name.endswith("+LiberationSans-Bold") for name in fonts)
    assert "Example Careers" in reader.pages[-1].extract_text()
    assert b"0 .27451 .498039 rg" in b"".join(p.get_contents().get_data() for p in reader.pages)  # #00467f
    assert reader.metadata.author == "Example Careers"


def test_pdf_bytes_are_reproducible():
    assert render_pdf(GOOD, "a4", "https://example.org/") == render_pdf(GOOD, "a4", "https://example.org/")


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_renders_with_pdftoppm_and_fills_with_pypdf(tmp_path, paper):
    path = tmp_path / "good.pdf"
    path.write_bytes(render_pdf(GOOD, paper))
    result = subprocess.run(["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""
    assert len(list(tmp_path.glob("page*.png"))) == len(PdfReader(path).pages)
    writer = PdfWriter(clone_from=PdfReader(path))
    for page in writer.pages:
        writer.update_page_form_field_values(page, {"name": "Zoë & <b>", "mood": "/4"}, auto_regenerate=False)
    out = BytesIO()
    writer.write(out)
    fields = PdfReader(out).get_fields()
    assert (fields["name"]["/V"], fields["mood"]["/V"]) == ("Zoë & <b>", "/4")


# Odd text -------------------------------------------------------------------------------------


def test_odd_text_is_the_same_text_in_the_tagged_pdf():
    data = render_pdf(ODD, "a4")
    assert pdf_problems(data, [dataclasses.replace(ODD, title=ODD_SHOWN, intro="Bell <i>here</i> & there")],
                        ODD_SHOWN) == []
    texts = tagged_text(PdfReader(BytesIO(data)))
    assert texts[0] == ("/H1", ODD_SHOWN)
    assert ("/P", "Name & <em>role</em>") in texts and ("/LBody", "שלום") in texts
    assert PdfReader(BytesIO(data)).metadata.title == ODD_SHOWN


def test_odd_text_is_the_same_text_in_word_and_opendocument():
    doc = Document(BytesIO(render_docx(ODD)))
    assert [p.text for p in doc.paragraphs[:2]] == [ODD_SHOWN, "Bell <i>here</i> & there"]
    odt = load_odt(BytesIO(render_odt(ODD)))
    headings = [teletype.extractText(h) for h in odt.getElementsByType(text.H)]
    assert headings == [ODD_SHOWN, "Über <section> 'one'"]
    paragraphs = [teletype.extractText(p) for p in odt.getElementsByType(text.P)]
    assert "Bell <i>here</i> & there" in paragraphs and "Name & <em>role</em>" in paragraphs
    assert "☐ Good & calm    ☐ <so-so>    ☐ שלום" in paragraphs


def test_text_the_pdf_font_cannot_show_stops_the_build():
    source = (FIXTURES / "worksheets" / "good.yml").read_text(encoding="utf-8")
    broken = source.replace("    intro: Section intro.", "    intro: Section intro 中文.", 1)
    assert broken != source
    line = broken.splitlines().index(next(l for l in broken.splitlines() if "中文" in l)) + 1
    with pytest.raises(DefinitionError) as error:
        build(parse(broken, "worksheets/good.yml"))
    assert str(error.value) == (
        f"worksheets/good.yml:{line}: sections[0].intro: the PDF font (Liberation Sans: Latin, Greek, "
        "Cyrillic, Hebrew) has no U+4E2D CJK UNIFIED IDEOGRAPH-4E2D ('中'), U+6587 CJK UNIFIED IDEOGRAPH-6587 ('文')")


# OpenDocument ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sheet", [GOOD, *SHEETS], ids=["good", *SLUGS])
def test_odt_has_every_question_and_real_headings(sheet):
    odt = load_odt(BytesIO(render_odt(sheet, "https://example.org/")))
    headings = [(h.getAttribute("outlinelevel"), teletype.extractText(h)) for h in odt.getElementsByType(text.H)]
    assert headings == [("1", sheet.title)] + [("2", s.title) for s in sheet.sections]
    paragraphs = [teletype.extractText(p) for p in odt.getElementsByType(text.P)]
    for f in sheet.fields:
        assert any(p.startswith(f.label) for p in paragraphs), f.label
        if f.hint:
            assert f.hint in paragraphs
    boxes = sum(1 for f in sheet.fields if f.kind in ("text", "long-text", "date", "number", "entries"))
    assert len(odt.getElementsByType(table.Table)) == boxes
    assert f"Online: https://example.org/worksheets/{sheet.slug}/" in " ".join(paragraphs)


def test_odt_package_is_valid_and_reproducible():
    data = render_odt(GOOD, "https://example.org/", Brand("Example Careers", "#00467f"))
    assert data == render_odt(GOOD, "https://example.org/", Brand("Example Careers", "#00467f"))
    with zipfile.ZipFile(BytesIO(data)) as package:
        first = package.infolist()[0]
        assert (first.filename, first.compress_type, package.read("mimetype").decode()) == (
            "mimetype", zipfile.ZIP_STORED, MIMETYPE)
        assert data[30:38] == b"mimetype"   # the name right after the first local header
        manifest = ElementTree.fromstring(package.read("META-INF/manifest.xml"))
        listed = {e.get("{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}full-path") for e in manifest}
        assert listed == {"/"} | set(package.namelist()) - {"mimetype", "META-INF/manifest.xml"}
        for name in package.namelist():
            if name.endswith(".xml"):
                ElementTree.fromstring(package.read(name))
        assert 'fo:color="#00467f"' in package.read("styles.xml").decode()
        assert "<meta:initial-creator>Example Careers</meta:initial-creator>" in package.read("meta.xml").decode()
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_odt_options_are_boxes():
    paragraphs = [teletype.extractText(p) for p in load_odt(BytesIO(render_odt(GOOD))).getElementsByType(text.P)]
    assert "☐ 1 Low    ☐ 2    ☐ 3    ☐ 4    ☐ 5 High" in paragraphs
    assert "☐ Cat    ☐ Dog    ☐ Fish" in paragraphs


def test_word_headings_take_the_brand_colour():
    with zipfile.ZipFile(BytesIO(render_docx(GOOD, brand=Brand("Example Careers", "#00467f")))) as package:
        assert package.read("word/styles.xml").decode().count('w:color w:val="00467F"') == 2
        assert "<dc:creator>Example Careers</dc:creator>" in package.read("docProps/core.xml").decode()
