"""The about page keeps its promises: a contact route that never asks for personal details in
public (the careers service's own in a branded build), and what it says about sources and formats."""
from __future__ import annotations

from after_the_no.brand import PROJECT_ISSUES_URL
from site_support import soup


def section(html: str, anchor: str):
    heading = soup(html).find(id=anchor)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(sibling)
    return parts


def test_the_default_build_has_a_contact_route_that_asks_for_no_personal_details(html_pages):
    parts = section(html_pages["about/"], "contact")
    text = " ".join(p.get_text(" ", strip=True) for p in parts)
    assert [a["href"] for p in parts for a in p.find_all("a", href=True)] == [PROJECT_ISSUES_URL]
    assert "That list is public, so anyone can read it." in text
    assert ("Please do not put your name, your contact details or anything about your health or a disability "
            "there.") in text
    assert "you never need to tell us why you need something" in text


def test_every_page_footer_links_to_the_contact_section(html_pages):
    missing = [url for url, html in html_pages.items()
               if not [a for a in soup(html).select("footer .md-copyright a") if a["href"].endswith("#contact")
                       and a.get_text(strip=True) == "Contact us"]]
    assert missing == []


def test_the_about_page_sends_people_to_contact_and_to_the_worksheets_for_other_formats(html_pages):
    page = soup(html_pages["about/"])
    text = page.select_one("article").get_text(" ", strip=True)
    assert "contact link in the footer" not in text and "on request" not in text
    docs = " ".join(p.get_text(" ", strip=True) for p in section(html_pages["about/"], "accessible-documents"))
    assert "The worksheets page lists every format each worksheet comes in, such as large print or plain text." in docs
    links = [a["href"] for p in section(html_pages["about/"], "accessible-documents") for a in p.find_all("a", href=True)]
    assert links == ["../worksheets/", "#contact"]


def test_the_sources_sentence_says_some_are_not_the_organisations_own(html_pages):
    text = " ".join(p.get_text(" ", strip=True) for p in section(html_pages["about/"], "general-information"))
    assert "Most come from the organisation's own website, or from the regulator or government body in charge of it." in text
    assert "sources.yml says which those are, and the page that uses one says so in its own words." in text
