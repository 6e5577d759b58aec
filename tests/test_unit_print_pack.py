"""The print pack drawn alone (no MkDocs): worksheets that share question ids stay apart."""
from __future__ import annotations

import dataclasses
from io import BytesIO

from pypdf import PdfReader, PdfWriter

from after_the_no.downloads import print_pack
from after_the_no.worksheets.load import load_worksheet
from worksheet_support import FIXTURES

GOOD = load_worksheet(FIXTURES / "worksheets" / "good.yml", FIXTURES)
TWIN = dataclasses.replace(GOOD, slug="twin", title="Twin sheet")  # the very same question ids


def pack() -> PdfReader:
    return PdfReader(BytesIO(print_pack.build("a4", [GOOD, TWIN], "After the No", "https://example.org/")))


def test_each_sheet_is_a_parent_field_with_its_own_questions():
    fields = pack().get_fields()
    for slug in ("good", "twin"):
        assert fields[slug].get("/FT") is None   # a name holder only
        assert [name.split(".", 1)[1] for name in fields if name.startswith(f"{slug}.") and name.count(".") == 1] \
            == GOOD.field_ids
        assert fields[f"{slug}.mood"]["/_States_"] == ["/1", "/2", "/3", "/4", "/5"]
        assert len(fields[f"{slug}.pets"]["/Kids"]) == 3


def test_filling_one_sheet_leaves_the_other_blank():
    reader = pack()
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        writer.update_page_form_field_values(page, {"good.mood": "/3", "good.name": "Zoë"}, auto_regenerate=False)
    out = BytesIO()
    writer.write(out)
    fields = PdfReader(out).get_fields()
    assert (fields["good.mood"].get("/V"), fields["good.name"].get("/V")) == ("/3", "Zoë")
    assert (fields["twin.mood"].get("/V"), fields["twin.name"].get("/V")) == (None, "")  # as drawn


def test_cover_lists_each_sheet_with_its_first_page():
    reader = pack()
    sheet_pages = len(PdfReader(BytesIO(print_pack.build("a4", [GOOD], "After the No", ""))).pages) - 1
    cover = reader.pages[0].extract_text().splitlines()
    assert [line for line in cover if "minutes)" in line or line.startswith("page ")] == [
        f"Good sheet  ({GOOD.minutes} minutes)", "page 2", f"Twin sheet  ({GOOD.minutes} minutes)", f"page {2 + sheet_pages}"]
    assert [(o.title, reader.get_destination_page_number(o) + 1) for o in reader.outline] == [
        ("Good sheet", 2), ("Twin sheet", 2 + sheet_pages)]
