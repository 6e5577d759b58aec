"""The print pack: a cover page then every worksheet, fillable, in A4 and US Letter."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from after_the_no.worksheets.load import load_worksheets
from conftest import ROOT
from site_support import soup
from worksheet_support import pdf_field_names

SIZES = {"a4": (595, 842), "letter": (612, 792)}


@pytest.mark.parametrize("paper", SIZES)
def test_pack_is_a_cover_then_every_worksheet(site_dir, paper):
    pack = PdfReader(site_dir / f"downloads/after-the-no-pack-{paper}.pdf")
    sheets = load_worksheets(ROOT)
    sheet_pages = [len(PdfReader(site_dir / f"downloads/{s.slug}-{paper}.pdf").pages) for s in sheets]
    assert len(pack.pages) == 1 + sum(sheet_pages)
    cover = pack.pages[0].extract_text().splitlines()
    assert "Worksheets for after a job rejection" in cover
    starts = [2 + sum(sheet_pages[:i]) for i in range(len(sheets))]
    # The contents list (drawn after the worksheets, once their first pages are known).
    contents = cover[cover.index("In this pack") + 1:]
    assert [line for line in contents if line.startswith("page ") or "minutes)" in line] == [
        line for s, start in zip(sheets, starts) for line in (f"{s.title}  ({s.minutes} minutes)", f"page {start}")]
    assert [(o.title, pack.get_destination_page_number(o) + 1) for o in pack.outline] == [
        (s.title, start) for s, start in zip(sheets, starts)]
    for number, page in enumerate(pack.pages):
        assert [round(float(v)) for v in page.mediabox[2:]] == list(SIZES[paper]), number


@pytest.mark.parametrize("paper", SIZES)
def test_pack_fields_are_every_question_under_its_worksheet(site_dir, paper):
    fields = PdfReader(site_dir / f"downloads/after-the-no-pack-{paper}.pdf").get_fields()
    expected = set()
    for sheet in load_worksheets(ROOT):
        expected.add(sheet.slug)
        expected |= {f"{sheet.slug}.{name}" for name in pdf_field_names(sheet)}
    top_level = {name for name in fields if name.count(".") <= 1}
    assert top_level == expected


@pytest.mark.engines
@pytest.mark.parametrize("url", ["advisers/", "worksheets/"])
def test_pack_is_linked_with_its_size(html_pages, site_dir, url):
    links = soup(html_pages[url]).select("article a[href*='after-the-no-pack-']")
    assert len(links) == 2
    for link, paper, label in zip(links, ["a4", "letter"], ["A4", "US Letter"]):
        size = (site_dir / f"downloads/after-the-no-pack-{paper}.pdf").stat().st_size
        assert link.get_text() == f"Print pack, PDF, {label}, {round(size / 1024)} KB"
