"""The built site's worksheet pages and downloads, read as HTML and files."""
from __future__ import annotations

import shutil
from io import BytesIO
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from after_the_no.build.config import BuildError
from after_the_no.build.stage import begin_stage
from after_the_no.worksheets.html import format_size
from pdf_structure import problems
from worksheet_support import FIXTURES, ROOT, SHEETS, SLUGS, pdf_field_names
from tools.measures import KB, budgets


def page(html_pages, slug):
    return BeautifulSoup(html_pages[f"worksheets/{slug}/"], "html.parser")


@pytest.mark.parametrize("slug", SLUGS)
def test_page_has_one_h1_description_and_the_form(html_pages, slug):
    sheet = next(s for s in SHEETS if s.slug == slug)
    html = page(html_pages, slug)
    assert [h.get_text(strip=True).rstrip("¶") for h in html.find_all("h1")] == [sheet.title]
    assert html.find("meta", attrs={"name": "description"})["content"] == sheet.description
    form = html.select_one('form[data-module="worksheet"]')
    assert (form["data-worksheet"], form["data-version"]) == (slug, str(sheet.version))
    assert [fs.legend.get_text() for fs in form.select("fieldset.ws-section")] == [s.title for s in sheet.sections]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_control_has_a_label_and_hints_are_tied(html_pages, slug):
    html = page(html_pages, slug)
    form = html.select_one("#ws-form")
    controls = form.select("input, textarea, select, button")
    assert controls
    for control in controls:
        if control.name == "button":
            assert control.get_text(strip=True)
            continue
        assert html.find("label", attrs={"for": control["id"]}), control["id"]
    for hint in form.select(".ws-hint"):
        assert form.find(attrs={"aria-describedby": lambda ids: ids and hint["id"] in ids.split()}), hint["id"]
    for group in form.select("fieldset"):
        assert group.legend and group.legend.get_text(strip=True)


@pytest.mark.parametrize("slug", SLUGS)
def test_ids_never_collide_with_the_rest_of_the_page(html_pages, slug):
    ids = [el["id"] for el in page(html_pages, slug).find_all(id=True)]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


@pytest.mark.engines
@pytest.mark.parametrize("slug", SLUGS)
def test_download_links_resolve_and_state_their_size(html_pages, site_dir, slug):
    links = page(html_pages, slug).select("#download + ul a")
    assert [a["href"] for a in links] == [f"../../downloads/{slug}-a4.pdf", f"../../downloads/{slug}-letter.pdf",
                                         f"../../downloads/{slug}-large-print.pdf", f"../../downloads/{slug}.docx",
                                         f"../../downloads/{slug}.odt", f"../../downloads/{slug}.txt"]
    labels = ["PDF, A4, ", "PDF, US Letter, ", "Large print PDF, A4, ", "Word, ", "OpenDocument, ", "Plain text, "]
    for a, label in zip(links, labels, strict=True):
        target = site_dir / urljoin(f"worksheets/{slug}/", a["href"])
        assert target.is_file()
        assert a.get_text() == label + format_size(target.stat().st_size)


@pytest.mark.parametrize("slug", SLUGS)
def test_download_list_links_the_accessible_documents_statement(html_pages, slug):
    links = [a["href"] for a in page(html_pages, slug).select("#download ~ p a")]
    assert "../../about/#accessible-documents" in links


@pytest.mark.parametrize("slug", SLUGS)
def test_built_pdfs_are_tagged(site_dir, slug):
    sheet = next(s for s in SHEETS if s.slug == slug)
    for paper in ("a4", "letter"):
        assert problems((site_dir / f"downloads/{slug}-{paper}.pdf").read_bytes(), [sheet], sheet.title) == [], paper


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_built_print_pack_is_tagged(site_dir, paper):
    data = (site_dir / f"downloads/after-the-no-pack-{paper}.pdf").read_bytes()
    assert problems(data, SHEETS, "After the No: worksheet pack") == []


@pytest.mark.parametrize("slug", SLUGS)
def test_built_odt_files_read_back(site_dir, slug):
    from odf import teletype, text
    from odf.opendocument import load
    sheet = next(s for s in SHEETS if s.slug == slug)
    odt = load(str(site_dir / f"downloads/{slug}.odt"))
    paragraphs = [teletype.extractText(p) for p in odt.getElementsByType(text.P)]
    assert [teletype.extractText(h) for h in odt.getElementsByType(text.H)] == [sheet.title] + [s.title for s in sheet.sections]
    assert all(any(p.startswith(f.label) for p in paragraphs) for f in sheet.fields)


@pytest.mark.parametrize("slug", SLUGS)
def test_built_pdfs(site_dir, slug):
    sheet = next(s for s in SHEETS if s.slug == slug)
    for paper, width in (("a4", 595), ("letter", 612)):
        reader = PdfReader(BytesIO((site_dir / f"downloads/{slug}-{paper}.pdf").read_bytes()))
        assert [n for n in reader.get_fields() if "." not in n] == pdf_field_names(sheet)
        assert 1 <= len(reader.pages) <= 2
        assert round(float(reader.pages[0].mediabox.width)) == width


def test_nothing_is_written_into_docs():
    # summary.md is written by hand ("My answers"); every worksheet page is generated.
    assert sorted(p.name for p in (ROOT / "docs" / "worksheets").iterdir()) == ["index.md", "summary.md"]
    assert not (ROOT / "docs" / "downloads").exists()


@pytest.mark.engines
def test_index_lists_every_worksheet_with_its_time(html_pages):
    html = BeautifulSoup(html_pages["worksheets/"], "html.parser")
    items = [li.get_text(" ", strip=True) for li in html.select("article ul li")]
    for sheet in SHEETS:
        assert f"{sheet.title} (about {sheet.minutes} minutes): {sheet.description}" in items
    assert [a["href"] for a in html.select("article ul li a")][:len(SLUGS)] == [f"{s}/" for s in SLUGS]
    assert "worksheet-list" not in html_pages["worksheets/"]


def test_worksheets_are_in_the_nav_in_order(html_pages):
    html = BeautifulSoup(html_pages["worksheets/"], "html.parser")
    nav = html.select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a.md-nav__link[href]")]
    positions = [hrefs.index(f"{slug}/") for slug in SLUGS]
    assert positions == sorted(positions)


def test_no_js_page_keeps_toolbar_hidden(html_pages):
    html = page(html_pages, "follow-up-plan")
    assert html.select_one(".ws-toolbar").has_attr("data-needs-js")
    assert html.select_one(".ws-reminders").has_attr("data-needs-js")


def test_a_bad_worksheet_stops_the_build(tmp_path):
    """Staging (the first step of every build) refuses a bad definition with file:line: key."""
    project = tmp_path / "project"
    (project / "worksheets").mkdir(parents=True)
    (project / "replies").symlink_to(ROOT / "replies")
    shutil.copy(FIXTURES / "worksheets" / "unknown-kind.yml", project / "worksheets" / "follow-up-plan.yml")
    with pytest.raises(BuildError) as refused:
        begin_stage(tmp_path / "stage", ROOT / "mkdocs.yml", root=project)
    assert str(refused.value) == ("worksheets/follow-up-plan.yml:15: sections[0].fields[1].kind: "
                                  "'dropdown' is not one of text, long-text, scale, choice, checklist, date, number, entries")


def test_a_site_name_the_pdf_font_cannot_show_stops_the_build(tmp_path):
    """Through the MkDocs hook, in-process: a clear PluginError (MkDocs prints it without a
    traceback), raised before anything is rendered."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError
    from tools.derived_config import write_variant
    config = load_config(str(write_variant(tmp_path / "mkdocs.yml", lambda c: c.update(site_name="就业指导 After the No"))))
    with pytest.raises(PluginError) as refused:
        config.plugins.on_config(config)
    assert str(refused.value) == (
        "mkdocs.yml: site_name: the PDF font (Liberation Sans: Latin, Greek, Cyrillic, Hebrew) has no "
        "U+5C31 CJK UNIFIED IDEOGRAPH-5C31 ('就'), U+4E1A CJK UNIFIED IDEOGRAPH-4E1A ('业'), "
        "U+6307 CJK UNIFIED IDEOGRAPH-6307 ('指'), U+5BFC CJK UNIFIED IDEOGRAPH-5BFC ('导')")


@pytest.mark.engines
def test_worksheet_code_stays_within_its_budget(site_dir):
    budget = budgets()["own_assets"]["worksheet"]["budget_kb"] * KB
    sizes = [(site_dir / "assets" / name).stat().st_size for name in ("worksheet.js", "worksheet.css")]
    assert sum(sizes) <= budget, sizes
