"""Routes by place on the built pages (places.yml through <!-- places: ... -->): every place keeps
its emergency number and a crisis line on /support/urgent-help/, and every page with the marker
shows every place under its own heading before any choice (so without JavaScript too)."""
from __future__ import annotations

from bs4 import BeautifulSoup

from after_the_no.places import PLACES

URGENT = "support/urgent-help/"
# place -> what its "In an emergency" and "Talk to someone now" lines must say, exactly.
EMERGENCY = {"england": "999", "wales": "999", "scotland": "999", "northern-ireland": "999", "us": "911",
             "elsewhere": "your local emergency number"}
CRISIS = {
    "england": ["116 123", "85258"],
    "wales": ["116 123", "0808 164 0123", "85258"],
    "scotland": ["116 123", "85258"],
    "northern-ireland": ["0808 808 8000", "116 123", "85258"],
    "us": ["988", "press 2", "AYUDA"],
    "elsewhere": ["Find A Helpline"],
}
NAMES = ["England", "Wales", "Scotland", "Northern Ireland", "United States", "Somewhere else"]
PAGES = {  # page -> the first block's topics, the headings' ids in page order
    URGENT: [*PLACES, *(f"money-{p}" for p in PLACES)],
    "support/unfair-treatment/": list(PLACES),
    "situations/offer-withdrawn/": list(PLACES),
    "situations/international-students/": list(PLACES),
    "support/": list(PLACES),
    # Their own headings already hold #us and #elsewhere, so the block's ids take the topic.
    "support/adjustments/": [f"rights-{p}" for p in PLACES],
    "support/your-data/": [f"rights-{p}" for p in PLACES],
    "situations/": list(PLACES),
    "situations/automated-rejection/": list(PLACES),
    "situations/changing-career/": list(PLACES),
    "situations/final-round/": list(PLACES),
    "situations/graduate-schemes/": list(PLACES),
    "situations/internal-candidate/": list(PLACES),
    "situations/many-rejections/": list(PLACES),
    "situations/no-reply/": list(PLACES),
    "situations/through-a-recruiter/": list(PLACES),
}


def topic_lines(section, topic: str) -> list[str]:
    """The routes for one topic in one place's section, as a reader sees them."""
    return [" ".join(li.get_text(" ", strip=True).split()) for li in section.select(f'[data-topic="{topic}"] li')]


def test_every_place_keeps_its_emergency_number_and_crisis_line(html_pages):
    soup = BeautifulSoup(html_pages[URGENT], "html.parser")
    block = soup.select_one('[data-module="places"]')
    problems = []
    for place in PLACES:
        section = block.select_one(f'section.place[data-place="{place}"]') if block else None
        if section is None:
            problems.append(f"/{URGENT}: no section for {place}")
            continue
        emergency, crisis = topic_lines(section, "emergency"), topic_lines(section, "crisis")
        if not any(EMERGENCY[place] in line for line in emergency):
            problems.append(f"/{URGENT}#{place}: the emergency line does not give {EMERGENCY[place]!r} (it says {emergency})")
        problems += [f"/{URGENT}#{place}: no crisis line gives {want!r} (they say {crisis})"
                     for want in CRISIS[place] if not any(want in line for line in crisis)]
    assert not problems, "\n".join(problems)


def test_every_place_is_shown_under_its_own_heading_before_any_choice(html_pages):
    problems = []
    for url, ids in PAGES.items():
        soup = BeautifulSoup(html_pages[url], "html.parser")
        headings = soup.select("section.place > h3.place__name")
        got = [h.get("id") for h in headings]
        if got != ids:
            problems.append(f"/{url}: place headings {got}, expected {ids}")
        names = [h.get_text(strip=True).rstrip("¶") for h in headings[:len(PLACES)]]
        if names != NAMES:
            problems.append(f"/{url}: place names {names}")
        if soup.select_one("details.places__others"):
            problems.append(f"/{url}: a place is folded away before any choice")
        controls = soup.select(".places__choose")
        if len(controls) != 1 or controls[0].get("hidden") is None:
            problems.append(f"/{url}: expected one 'Where are you?' control, hidden until places.js starts")
        jumps = [a["href"] for a in soup.select(".places__jump a")]
        if jumps != [f"#{i}" for i in ids[:len(PLACES)]]:
            problems.append(f"/{url}: the no-JS jump links are {jumps}")
        if f'src="{"../" * url.count("/")}assets/places.js"' not in html_pages[url]:
            problems.append(f"/{url}: places.js is not loaded")
    assert not problems, "\n".join(problems)


def test_the_urgent_help_page_keeps_its_published_uk_us_and_elsewhere_anchors(html_pages):
    soup = BeautifulSoup(html_pages[URGENT], "html.parser")
    uk = soup.find(id="uk")
    assert uk is not None and uk.find_next("h3").get("id") == "england"
    assert soup.find(id="us").get_text(strip=True).rstrip("¶") == "United States"
    assert soup.find(id="elsewhere").get_text(strip=True).rstrip("¶") == "Somewhere else"
