"""Every fact the built site states about the world has a source in sources.yml.

Fails when a `facts` string is not on a page its entry names, or when a page shows a phone or
text number, a time limit in a sentence about the law, or a known organisation that no entry for
that page lists in its `facts`. The about page gives the date of the newest check.
"""
from __future__ import annotations

from functools import lru_cache

import pytest
from bs4 import BeautifulSoup

from after_the_no.sources import (find_numbers, find_organisations, find_time_limits, human_date,
                                  load_sources, newest_check, normalise, uncovered)
from conftest import ROOT
from site_support import soup

# The organisations whose names on a page need a source: the one list of them. Add a name here
# when a page starts to name a new organisation, agency or scheme.
ORGANISATIONS = [
    "Acas", "Equality Advisory and Support Service", "EASS", "Citizens Advice",
    "Equality and Human Rights Commission", "EEOC", "Equal Employment Opportunity Commission",
    "Access to Work", "Disability Confident", "ADA", "Americans with Disabilities Act",
    "Job Accommodation Network", "JAN", "ICO", "Information Commissioner's Office",
    "Samaritans", "SHOUT", "Shout", "NHS 111", "988 Suicide & Crisis Lifeline", "Find A Helpline",
    "Department of Labor", "National Careers Service", "Careers Wales", "Skills Development Scotland",
    "CareerOneStop", "American Job Center",
    "Labour Relations Agency", "Equality Commission for Northern Ireland", "Citizens Advice Scotland",
    "Advice NI", "Lifeline", "NHS 24", "NHS 111 Wales", "UKCISA", "Fair Credit Reporting Act", "FCRA",
    "Employment Rights Act 2025",
]

SOURCES = load_sources(ROOT / "sources.yml")


@lru_cache(maxsize=None)
def page_text(html: str) -> str:
    """The article and the footer as a reader sees them, one block a line (once per page: each
    page is read for every sources.yml entry that names it)."""
    soup = BeautifulSoup(html, "html.parser")
    parts = []
    for root in soup.select("article.md-content__inner, .md-copyright"):
        for element in root.select("script, style, a.headerlink"):
            element.decompose()
        parts.append(root.get_text("\n"))
    return normalise_lines("\n".join(parts))


def normalise_lines(text: str) -> str:
    return "\n".join(line for line in (normalise(line) for line in text.split("\n")) if line)


def facts_for(url: str) -> list[str]:
    return [fact for source in SOURCES if url in source.pages for fact in source.facts]


def test_every_fact_is_on_each_page_that_its_entry_names(html_pages):
    problems = []
    for source in SOURCES:
        for url in source.pages:
            if url not in html_pages:
                problems.append(f"sources.yml:{source.line}: /{url} is not a built page")
                continue
            flat = " ".join(page_text(html_pages[url]).split("\n"))
            problems += [f"sources.yml:{source.line}: {fact!r} is not on /{url}"
                         for fact in source.facts if fact not in flat]
    assert problems == []


def test_every_number_time_limit_and_organisation_on_a_page_has_a_source(html_pages):
    problems = []
    for url, html in html_pages.items():
        text = page_text(html)
        for kind, found in [("number", find_numbers(text)), ("time limit", find_time_limits(text)),
                            ("organisation", find_organisations(text, ORGANISATIONS))]:
            problems += [f"/{url}: {kind} {item!r} is in the facts of no sources.yml entry for this page"
                         for item in uncovered(found, facts_for(url))]
    assert problems == []


def test_the_support_pages_find_what_they_state():
    """The finders see this site's real facts (a finder that found nothing would pass the test above)."""
    assert "116 123" in find_numbers("Samaritans: call 116 123, free.")
    assert "1-800-669-4000" in find_numbers("You can start by calling 1-800-669-4000.")


@pytest.mark.parametrize("url", ["support/unfair-treatment/", "support/adjustments/", "support/your-data/"])
def test_pages_about_the_law_say_they_are_not_legal_advice(html_pages, url):
    assert "general information, not legal advice" in page_text(html_pages[url])


def test_the_about_page_gives_the_newest_check_date(html_pages):
    text = page_text(html_pages["about/"])
    assert "It is not legal advice." in text
    assert f"The facts were last checked on {human_date(newest_check(SOURCES))}." in text


# --- freshness: every guide, situation and support page says when its facts were checked -------

def test_every_dated_page_ends_with_when_it_was_checked_and_when_it_is_due(html_pages):
    from after_the_no.freshness import due, is_dated
    from after_the_no.definitions import FRONT_MATTER
    import yaml
    problems, seen = [], 0
    for md in sorted((ROOT / "docs").rglob("*.md")):
        page = md.relative_to(ROOT / "docs").as_posix()
        if not is_dated(page):
            continue
        url = page[: -len("index.md")] if page.endswith("index.md") else page[: -len(".md")] + "/"
        meta = yaml.safe_load(FRONT_MATTER.match(md.read_text("utf-8")).group(1))
        dates = [s.checked for s in SOURCES if url in s.pages] + ([meta["reviewed"]] if "reviewed" in meta else [])
        want = (f"Page last checked: {human_date(max(dates))}. Next check due: {human_date(due(max(dates)))}.")
        lines = [p.get_text() for p in soup(html_pages[url]).select("article.md-content__inner p.facts-checked")]
        seen += 1
        if lines != [want]:
            problems.append(f"/{url}: {lines!r}, expected [{want!r}]")
    assert seen >= 19 and problems == []


def test_the_freshness_line_has_exact_dates_on_two_known_pages(html_pages):
    def line(url):
        return soup(html_pages[url]).select_one("p.facts-checked").get_text()
    # reconnect/ cites only sources checked on 2026-12-01 (support/your-data/, which did, now shows
    # the rights routes, checked 2026-12-03); reflect/ has reviewed: 2026-12-03.
    assert line("reconnect/") == "Page last checked: 1 December 2026. Next check due: 1 June 2027."
    assert line("reflect/") == "Page last checked: 3 December 2026. Next check due: 3 June 2027."
    others = [url for url in ("", "about/", "advisers/", "worksheets/", "replies/", "replies/connection-note/")
              if "facts-checked" in html_pages[url]]
    assert others == []
