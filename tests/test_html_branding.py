"""A careers service's branding (mkdocs.yml extra.brand) shows everywhere it should, and the
default build shows none of it."""
from __future__ import annotations

from pathlib import Path

import pytest
from after_the_no.brand import DEFAULT_COLOUR, brand_css, check, contrast_with_white
from after_the_no.build.config import BuildError
from after_the_no.build.stage import begin_stage
from conftest import ROOT
from site_support import soup
from tools.derived_config import write_variant
from variant_support import BRAND, SITE_NAME

SAMPLE = BRAND
# The four steps in the careers service's edition (variant_support: "Move forward" is renamed).
STEP_PAGES = ["reflect/", "respond/", "reconnect/", "next-steps/"]


@pytest.fixture(scope="module")
def branded_site(variant_site) -> Path:
    return variant_site


def read(site: Path, url: str):
    return soup((site / url / "index.html").read_text("utf-8"))


@pytest.mark.parametrize("url", ["", *STEP_PAGES, "about/"])
def test_branded_footer_shows_organisation_text_and_contact(branded_site, url):
    footer = read(branded_site, url).select_one("footer .md-copyright")
    assert footer.select_one(".brand-footer").get_text(strip=True) == SAMPLE["footer_text"]
    assert SAMPLE["organisation"] in footer.get_text()
    link = footer.select_one("a.brand-contact-footer")
    assert (link["href"], link.get_text(strip=True)) == (SAMPLE["contact_url"], SAMPLE["contact_label"])


@pytest.mark.parametrize("url", STEP_PAGES)
def test_every_step_page_has_the_contact_link(branded_site, url):
    link = read(branded_site, url).select_one("article .brand-contact a")
    assert (link["href"], link.get_text(strip=True)) == (SAMPLE["contact_url"], SAMPLE["contact_label"])


def test_logo_and_colour_are_used(branded_site):
    page = read(branded_site, "reflect/")
    assert page.select_one(".md-header .md-logo img")["src"] == "../assets/favicon.svg"
    assert page.find("link", href="../assets/brand.css") is not None
    assert (branded_site / "assets/brand.css").read_text("utf-8") == brand_css("#00467f")
    assert "--md-primary-fg-color: #00467f;" in brand_css("#00467f")


def test_default_build_shows_no_branding(html_pages, site_dir):
    for url, html in html_pages.items():
        page = soup(html)
        assert page.select(".brand-footer, .brand-contact, .brand-contact-footer") == [], url
        assert page.select_one(".md-header .md-logo img") is None, url
        assert "brand.css" not in html, url
    assert not (site_dir / "assets/brand.css").exists()


def branded_config(tmp_path: Path, brand: dict) -> Path:
    return write_variant(tmp_path / "mkdocs.yml", lambda config: config["extra"].update(brand=brand))


def test_bad_branding_stops_the_build_with_clear_messages(tmp_path):
    """Staging (what both engines and the MkDocs hook run first) refuses, with every problem."""
    bad = {"primary_colour": "#ffeb3b", "contact_url": "careers.example.ac.uk", "logo": "nope.png",
           "colour": "red"}
    with pytest.raises(BuildError) as refused:
        begin_stage(tmp_path / "stage", branded_config(tmp_path, bad))
    assert str(refused.value).splitlines() == check(bad, ROOT / "docs")
    assert not (tmp_path / "stage").exists()   # refused before anything was written


def test_branding_messages():
    assert check({"primary_colour": "#ffeb3b", "contact_url": "careers.example.ac.uk", "logo": "nope.png",
                  "colour": "red"}, ROOT / "docs") == [
        "mkdocs.yml: extra.brand.colour: unknown setting (allowed: contact_label, contact_url, "
        "embed_origins, footer_text, logo, organisation, primary_colour)",
        "mkdocs.yml: extra.brand.primary_colour: #ffeb3b is too light: white text on it has contrast 1.22:1, "
        "it needs at least 4.5:1",
        "mkdocs.yml: extra.brand.contact_url: 'careers.example.ac.uk' must start with https://, http:// or mailto:",
        "mkdocs.yml: extra.brand.logo: 'nope.png' is not a file under docs/",
    ]
    assert round(contrast_with_white("#00467f"), 2) == 9.62
    assert check(SAMPLE, ROOT / "docs") == []


def test_reply_pages_carry_the_brand(branded_site):
    page = read(branded_site, "replies/thank-you-for-feedback/")
    assert page.find("link", href="../../assets/brand.css") is not None
    assert page.select_one("footer .brand-footer").get_text(strip=True) == SAMPLE["footer_text"]
    # reply.css takes its accent from the site's primary colour, which brand.css sets.
    css = (branded_site / "assets/reply.css").read_text("utf-8")
    assert "--reply-accent: var(--md-primary-fg-color);" in css
    assert DEFAULT_COLOUR not in css


def test_the_offline_bundle_carries_the_brand(offline_bundle):
    out = offline_bundle[0]
    home = soup((out / "index.html").read_text("utf-8"))
    assert home.select_one("footer .brand-footer").get_text(strip=True) == SAMPLE["footer_text"]
    assert home.find("link", href="assets/brand.css") is not None
    assert (out / "assets/brand.css").read_text("utf-8") == brand_css("#00467f")
    reply = soup((out / "replies/thank-you-for-feedback.html").read_text("utf-8"))
    assert reply.select_one("footer a.brand-contact-footer")["href"] == SAMPLE["contact_url"]


def test_brand_colour_reaches_the_downloads(branded_site):
    import zipfile

    from pypdf import PdfReader
    pdf = PdfReader(branded_site / "downloads/follow-up-plan-a4.pdf")
    assert b"0 .27451 .498039 rg" in pdf.pages[0].get_contents().get_data()   # #00467f, the title
    with zipfile.ZipFile(branded_site / "downloads/follow-up-plan.odt") as odt:
        assert odt.read("styles.xml").decode().count('fo:color="#00467f"') == 2   # both heading levels
    with zipfile.ZipFile(branded_site / "downloads/follow-up-plan.docx") as docx:
        assert docx.read("word/styles.xml").decode().count('w:color w:val="00467F"') == 2


def test_the_brand_name_reaches_the_pdf_word_opendocument_files_and_the_pack_cover(branded_site):
    import zipfile

    from after_the_no.worksheets.load import load_worksheets
    from pypdf import PdfReader
    pdf = PdfReader(branded_site / "downloads/follow-up-plan-a4.pdf")
    assert f"Follow-up plan · {SITE_NAME} · https://after-the-no.example.org/worksheets/follow-up-plan/" \
        in pdf.pages[0].extract_text()
    assert pdf.metadata["/Author"] == SITE_NAME
    with zipfile.ZipFile(branded_site / "downloads/follow-up-plan.docx") as docx:
        assert f"<dc:creator>{SITE_NAME}</dc:creator>" in docx.read("docProps/core.xml").decode()
    with zipfile.ZipFile(branded_site / "downloads/follow-up-plan.odt") as odt:
        assert f"<meta:initial-creator>{SITE_NAME}</meta:initial-creator>" in odt.read("meta.xml").decode()
    pack = PdfReader(branded_site / "downloads/after-the-no-pack-a4.pdf")
    cover = pack.pages[0].extract_text().splitlines()
    assert cover[0] == SITE_NAME
    assert cover[2] == SAMPLE["organisation"]
    assert cover[-3:] == [f"{SAMPLE['contact_label']}: {SAMPLE['contact_url']}", SAMPLE["footer_text"],
                          "https://after-the-no.example.org/  ·  Content CC BY 4.0"]
    sheets = load_worksheets(ROOT)
    assert [line for line in cover if line.endswith("minutes)")] == [f"{s.title}  ({s.minutes} minutes)" for s in sheets]
    assert pack.metadata["/Title"] == f"{SITE_NAME}: worksheet pack"
    page = read(branded_site, "reflect/")
    assert page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == SITE_NAME


def test_the_default_downloads_name_after_the_no(site_dir):
    from pypdf import PdfReader
    assert PdfReader(site_dir / "downloads/follow-up-plan-a4.pdf").metadata["/Author"] == "After the No"
    assert PdfReader(site_dir / "downloads/after-the-no-pack-a4.pdf").pages[0].extract_text().splitlines()[0] \
        == "After the No"


def test_the_about_page_contact_is_the_services_own_and_the_footer_has_no_project_contact(branded_site):
    page = read(branded_site, "about/")
    heading = page.find(id="contact")
    text = heading.find_next_sibling("p")
    assert text.get_text(" ", strip=True) == (
        f"{SAMPLE['organisation']} looks after this copy of the guide. To tell them about a problem, or to ask for "
        f"help, use their own contact: {SAMPLE['contact_label']} .")
    assert [a["href"] for a in text.find_all("a")] == [SAMPLE["contact_url"]]
    assert "github.com" not in page.select_one("article").decode()
    assert [a for a in page.select("footer a") if a["href"].endswith("about/#contact")] == []
