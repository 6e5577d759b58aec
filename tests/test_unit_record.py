"""The repeating field kind (`entries`): exact build errors, and its table in every download;
the "My answers" page's data, generated from the definitions."""
from __future__ import annotations

import json
import re
from io import BytesIO

import pytest
from docx import Document
from odf import table, teletype
from odf.opendocument import load as load_odt
from pypdf import PdfReader

from after_the_no.definitions import DefinitionError, parse
from after_the_no.downloads.docx import render_docx
from after_the_no.downloads.odt import render_odt
from after_the_no.downloads.pdf import render_pdf
from after_the_no.worksheets.html import form_html
from after_the_no.worksheets.load import build
from after_the_no.worksheets.summary import sheets_json, summary_html
from pdf_structure import tagged_text
from worksheet_support import BY_SLUG, SHEETS

RECORD = BY_SLUG["job-search-record"]
GROUP = RECORD.fields[-1]
HEAD = "title: T\ndescription: D\nintro: I\norder: 1\nminutes: 5\nversion: 1\nsections:\n  - id: s\n    title: S\n"


def errors(body: str, repeat: bool = False) -> list[str]:
    text = HEAD + ("    repeat: 2\n" if repeat else "") + "    fields:\n" + body
    with pytest.raises(DefinitionError) as error:
        build(parse(text, "worksheets/sample.yml"))
    return str(error.value).splitlines()


GOOD_GROUP = ("      - id: apps\n        kind: entries\n        label: Apps\n        item: App\n        add: Add an app\n"
              "        fields:\n")


@pytest.mark.parametrize("body, expected", [
    (GOOD_GROUP + "          - {id: when, kind: date, label: When}\n          - {id: who, kind: entries, label: Who}\n",
     ["worksheets/sample.yml:18: sections[0].fields[0].fields[1].kind: "
      "'entries' is not one of text, long-text, date (the kinds an entry can hold)"]),
    (GOOD_GROUP + "          - {id: when, kind: date, label: When}\n          - {id: when, kind: text, label: Again}\n",
     ["worksheets/sample.yml:18: sections[0].fields[0].fields[1].id: duplicate id 'when' in this entry (first used at fields[0])"]),
    ("      - id: apps\n        kind: entries\n        label: Apps\n",
     ["worksheets/sample.yml:11: sections[0].fields[0].add: missing (required for entries)",
      "worksheets/sample.yml:11: sections[0].fields[0].fields: missing (required for entries)",
      "worksheets/sample.yml:11: sections[0].fields[0].item: missing (required for entries)"]),
    (GOOD_GROUP + "          - {id: when, kind: date, label: When, reminder: Call}\n        rows: 0\n",
     ["worksheets/sample.yml:17: sections[0].fields[0].fields[0].reminder: a field inside entries cannot have a reminder",
      "worksheets/sample.yml:18: sections[0].fields[0].rows: 0 is outside 1..40"]),
    ("      - {id: note, kind: text, label: Note, item: X, rows: 3}\n",
     ["worksheets/sample.yml:11: sections[0].fields[0].item: only entries fields have fields, item, add and rows",
      "worksheets/sample.yml:11: sections[0].fields[0].rows: only entries fields have fields, item, add and rows"]),
    (GOOD_GROUP + "          []\n",
     ["worksheets/sample.yml:16: sections[0].fields[0].fields: must not be empty"]),
])
def test_a_broken_repeating_group_stops_the_build_with_file_line_key_message(body, expected):
    assert errors(body) == expected


def test_a_repeating_group_cannot_be_in_a_repeated_section():
    assert errors(GOOD_GROUP + "          - {id: when, kind: date, label: When}\n", repeat=True) == [
        "worksheets/sample.yml:13: sections[0].fields[0].kind: an entries field cannot be in a repeated section (it repeats already)"]


def test_the_record_definition():
    assert (GROUP.kind, GROUP.item, GROUP.add, GROUP.rows) == ("entries", "Application", "Add an application", 14)
    assert [(s.id, s.kind) for s in GROUP.fields] == [
        ("date", "date"), ("employer", "text"), ("role", "text"), ("how", "text"), ("outcome", "text"),
        ("next-step", "text"), ("next-step-date", "date")]


def test_html_plain_form_and_paper_table():
    html = form_html(RECORD)
    assert re.findall(r'<legend class="ws-entry-title">([^<]*)</legend>', html) == ["Application 1", "Application 2", "Application 3"]
    assert 'name="applications.2.employer"' in html and 'id="ws-applications--2--employer"' in html
    assert re.findall(r'<tr><th scope="row">(\d+)</th>', html) == [str(n) for n in range(1, 15)]
    subs = json.loads(re.search(r'data-fields="([^"]*)"', html).group(1).replace("&quot;", '"'))
    assert subs[1] == {"id": "employer", "kind": "text", "label": "Employer", "max": 300}
    assert 'data-max-entries="500"' in html


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pdf_ruled_table_with_named_cells(paper):
    reader = PdfReader(BytesIO(render_pdf(RECORD, paper)))
    assert len(reader.pages) == 1
    fields = reader.get_fields()
    assert fields["applications-14-next-step-date"]["/TU"] == "Application 14: Date of the next step"
    tags = tagged_text(reader)
    heads = [t for kind, t in tags if kind == "/TH"]
    assert heads[:7] == [s.label for s in GROUP.fields] and heads[7:] == [str(n) for n in range(1, 15)]
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    kinds = []

    def walk(elem):
        elem = elem.get_object()
        if "/S" in elem:
            kinds.append(str(elem["/S"]))
        kids = elem.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and "/S" in kid:
                walk(kid)
    walk(root["/K"][0] if isinstance(root["/K"], list) else root["/K"])
    assert (kinds.count("/Table"), kinds.count("/TR"), kinds.count("/TD")) == (1, 15, 14 * 7)


def test_word_and_odt_ruled_tables():
    doc = Document(BytesIO(render_docx(RECORD)))
    grid = doc.tables[-1]
    assert [c.text for c in grid.rows[0].cells] == [""] + [s.label for s in GROUP.fields]
    assert [r.cells[0].text for r in grid.rows[1:]] == [str(n) for n in range(1, 15)]
    assert grid.rows[0]._tr.trPr.xml.count("w:tblHeader") == 1
    odt = load_odt(BytesIO(render_odt(RECORD)))
    sheet = odt.getElementsByType(table.Table)[-1]
    header = sheet.getElementsByType(table.TableHeaderRows)[0]
    assert [teletype.extractText(c) for c in header.getElementsByType(table.TableCell)] == [""] + [s.label for s in GROUP.fields]
    assert len(sheet.getElementsByType(table.TableRow)) == 15


def test_the_summary_page_data_comes_from_the_definitions():
    data = json.loads(sheets_json(SHEETS))
    assert [d["slug"] for d in data] == [s.slug for s in SHEETS]
    record = data[-1]
    assert (record["title"], record["version"]) == (RECORD.title, RECORD.version)
    assert record["sections"][1]["fields"][0] == {
        "id": "applications", "kind": "entries", "label": GROUP.label, "item": "Application",
        "fields": [{"id": s.id, "kind": s.kind, "label": s.label} for s in GROUP.fields]}
    assert "</" not in summary_html(SHEETS, "Site").split('class="summary-sheets">')[1].split("</script>")[0]


def test_plain_text_ruled_blocks_with_the_column_names():
    from after_the_no.downloads.text import WIDTH, render_text
    lines = render_text(RECORD).decode("utf-8").split("\n")
    rule = "   " + "-" * (WIDTH - 3)
    start = lines.index(rule)
    block = ["   Application {n}"] + [f"   {s.label}:" for s in GROUP.fields] + [rule]
    expected = [rule] + [line.format(n=n) for n in range(1, GROUP.rows + 1) for line in block]
    assert lines[start:start + len(expected)] == expected
    assert lines[start + len(expected)] == ""
