"""The three renderers alone: HTML form, fillable PDF, Word file (no MkDocs involved)."""
from __future__ import annotations

import dataclasses
import zipfile
from io import BytesIO
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm, Twips
from pypdf import PdfReader

from after_the_no.downloads.docx import render_docx
from after_the_no.worksheets.html import Download, form_html, format_size, page_markdown, worksheet_list
from after_the_no.worksheets.load import load_worksheet
from after_the_no.downloads.pdf import render_pdf
from worksheet_support import FIXTURES, SHEETS, SLUGS, pdf_field_names

GOOD = load_worksheet(FIXTURES / "worksheets" / "good.yml", FIXTURES)
REQUIRED_FLAG = 2  # PDF field flag bit 2: "required"


def soup(sheet):
    return BeautifulSoup(form_html(sheet), "html.parser")


def test_form_root_carries_slug_and_version():
    form = soup(GOOD).form
    assert form["class"] == ["worksheet"]
    assert (form["data-module"], form["data-worksheet"], form["data-version"]) == ("worksheet", "good", "2")


def test_controls_are_named_by_field_id_and_labelled():
    html = soup(GOOD)
    names = []
    for control in html.select("input[name], textarea[name]"):
        names.append(control["name"])
        assert html.find("label", attrs={"for": control["id"]}), control["id"]
    assert list(dict.fromkeys(names)) == GOOD.field_ids


def test_every_id_is_unique_and_prefixed():
    ids = [el["id"] for el in soup(GOOD).find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("ws-") for i in ids)


def test_text_field_markup_exactly():
    field = soup(GOOD).find(attrs={"data-field": "name"})
    assert str(field) == (
        '<div class="ws-field ws-text" data-field="name" data-kind="text"><label class="ws-label" for="ws-name">'
        'Your name</label><p class="ws-hint" id="ws-name--hint">Just your first name.</p><input '
        'aria-describedby="ws-name--hint" class="ws-input" id="ws-name" name="name" type="text"/></div>')


def test_choices_are_fieldsets_with_legends():
    html = soup(GOOD)
    for field_id, kind, values in [("mood", "radio", ["1", "2", "3", "4", "5"]), ("colour", "radio", ["Red", "Blue"]),
                                   ("pets", "checkbox", ["Cat", "Dog", "Fish"])]:
        group = html.find("fieldset", attrs={"data-field": field_id})
        assert group.legend.get_text() == {"mood": "Mood", "colour": "Colour", "pets": "Pets"}[field_id]
        assert [i["value"] for i in group.find_all("input", type=kind)] == values
    mood = html.find("fieldset", attrs={"data-field": "mood"})
    assert [label.get_text(" ", strip=True) for label in mood.find_all("label")] == ["1 Low", "2", "3", "4", "5 High"]


def test_sections_are_fieldsets_with_h2_legends_and_repeats_numbered():
    html = soup(GOOD)
    assert [fs.legend.get_text() for fs in html.select("fieldset.ws-section")] == ["First", "Visit 1", "Visit 2"]
    assert html.find("input", attrs={"name": "place-2"})["id"] == "ws-place-2"


def test_toolbar_needs_js_so_it_is_hidden():
    toolbar = soup(GOOD).select_one(".ws-toolbar")
    assert toolbar.has_attr("data-needs-js")
    assert soup(GOOD).select_one(".ws-reminders").has_attr("data-needs-js")


def test_no_placeholders_are_used():
    assert not soup(GOOD).find(attrs={"placeholder": True})


def test_text_is_escaped():
    import dataclasses
    sheet = dataclasses.replace(GOOD, title='A <b>"bold"</b> title')
    assert 'data-title="A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; title"' in form_html(sheet)


def test_page_markdown_front_matter_and_links():
    md = page_markdown(GOOD, [Download("downloads/good-a4.pdf", "PDF, A4", 14_500)])
    assert md.startswith('---\ndescription: "A small worksheet used by the tests."\ncomponent: worksheet\nhide:\n  - toc\n---\n\n# Good sheet\n')
    assert "- [PDF, A4, 14 KB](../downloads/good-a4.pdf)" in md
    assert md.count("\n# ") == 1


def test_format_size():
    assert [format_size(n) for n in (1, 511, 1024, 1535, 1536, 14_500)] == ["1 KB", "1 KB", "1 KB", "1 KB", "2 KB", "14 KB"]


def test_worksheet_list():
    assert worksheet_list([GOOD]) == "- [Good sheet](good.md) (about 5 minutes): A small worksheet used by the tests."


# PDF ------------------------------------------------------------------------------------------


def pdf_fields(sheet, paper):
    return PdfReader(BytesIO(render_pdf(sheet, paper))).get_fields()


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_field_names_are_the_ids(paper):
    fields = pdf_fields(GOOD, paper)
    assert [name for name in fields if "." not in name] == GOOD.field_ids
    assert sorted(name for name in fields if "." in name) == ["pets.1", "pets.2", "pets.3"]


def test_pdf_field_types_and_flags():
    fields = pdf_fields(GOOD, "a4")
    assert fields["name"]["/FT"] == "/Tx" and fields["story"]["/FT"] == "/Tx"
    assert fields["story"]["/Ff"] & 4096  # multiline
    assert not fields["name"].get("/Ff", 0) & 4096
    assert fields["mood"]["/FT"] == "/Btn" and fields["mood"]["/Ff"] & 32768  # a radio group
    assert fields["mood"]["/_States_"] == ["/1", "/2", "/3", "/4", "/5"]
    assert fields["colour"]["/_States_"] == ["/option-1", "/option-2"]
    assert fields["pets"]["/Ff"] == 0 and len(fields["pets"]["/Kids"]) == 3
    assert fields["pets.1"]["/_States_"] == ["/Off", "/Yes"] and fields["pets.1"]["/TU"] == "Pets Cat"
    for name, field in fields.items():
        assert not field.get("/Ff", 0) & REQUIRED_FLAG, f"{name} is marked required"


def test_pdf_has_page_size_and_title():
    reader = PdfReader(BytesIO(render_pdf(GOOD, "letter")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    reader = PdfReader(BytesIO(render_pdf(GOOD, "a4")))
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (595, 842)
    assert reader.metadata.title == "Good sheet"
    text = reader.pages[0].extract_text()
    for words in ("Good sheet", "Intro text.", "Section intro.", "Your name", "Just your first name.", "Visit 2", "1 Low", "5 High"):
        assert words in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("sheet", SHEETS, ids=SLUGS)
def test_real_worksheet_pdf_fits_two_pages_with_every_field(sheet, paper):
    reader = PdfReader(BytesIO(render_pdf(sheet, paper)))
    assert len(reader.pages) <= 2
    assert [name for name in reader.get_fields() if "." not in name] == pdf_field_names(sheet)


# DOCX -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("sheet", [GOOD, *SHEETS], ids=["good", *SLUGS])
def test_docx_has_every_question(sheet):
    doc = Document(BytesIO(render_docx(sheet)))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == sheet.title
    for section in sheet.sections:
        assert section.title in paragraphs
    for f in sheet.fields:
        assert any(p.startswith(f.label) for p in paragraphs), f.label
        if f.hint:
            assert f.hint in paragraphs
    boxes = sum(1 for f in sheet.fields if f.kind in ("text", "long-text", "date", "number", "entries"))
    assert len(doc.tables) == boxes
    assert doc.core_properties.title == sheet.title


def test_docx_headings_and_answer_boxes():
    doc = Document(BytesIO(render_docx(GOOD)))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", GOOD.title)] + [("Heading 2", s.title) for s in GOOD.sections]
    boxes = [f.kind for f in GOOD.fields if f.kind in ("text", "long-text", "date")]
    rows = [(len(t.rows), len(t.columns), t.style.name, t.rows[0].height, t.rows[0].height_rule) for t in doc.tables]
    heights = {"text": Cm(0.9), "date": Cm(0.9), "long-text": Cm(1.6)}
    assert rows == [(1, 1, "Table Grid", Twips(round(heights[kind] / Twips(1))), WD_ROW_HEIGHT_RULE.AT_LEAST)
                    for kind in boxes]
    assert (doc.core_properties.subject, doc.core_properties.author) == (GOOD.description, "After the No")


def test_docx_bytes_are_reproducible():
    assert render_docx(GOOD, "https://example.org/") == render_docx(GOOD, "https://example.org/")


def test_docx_parts_are_well_formed_xml():
    with zipfile.ZipFile(BytesIO(render_docx(GOOD))) as package:
        names = package.namelist()
        assert names[0] == "[Content_Types].xml"
        for name in names:
            ElementTree.fromstring(package.read(name))  # raises on malformed XML


def test_docx_keeps_markup_as_text_and_drops_what_xml_cannot_hold():
    odd = dataclasses.replace(GOOD, title="<b>Tom & Jerry</b>\x01", intro="Bell\x07 here")
    doc = Document(BytesIO(render_docx(odd)))
    assert [p.text for p in doc.paragraphs[:2]] == ["<b>Tom & Jerry</b>", "Bell here"]
    assert doc.core_properties.title == "<b>Tom & Jerry</b>"


def test_docx_options_are_boxes():
    text = "\n".join(p.text for p in Document(BytesIO(render_docx(GOOD))).paragraphs)
    assert "☐ Red    ☐ Blue" in text
    assert "☐ Cat    ☐ Dog    ☐ Fish" in text
    assert "☐ 1 Low    ☐ 2    ☐ 3    ☐ 4    ☐ 5 High" in text


def test_pdf_date_hint_follows_the_paper():
    assert "day / month / year" in PdfReader(BytesIO(render_pdf(GOOD, "a4"))).pages[0].extract_text()
    assert "month / day / year" in PdfReader(BytesIO(render_pdf(GOOD, "letter"))).pages[0].extract_text()
