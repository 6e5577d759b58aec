"""Every page in Chromium: no other host contacted, no console error, zero axe violations,
at phone and desktop widths in light and dark; and every page reads without JavaScript."""
from __future__ import annotations

import pytest

from browser_support import axe_violations
from conftest import WIDTHS


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_is_clean_and_accessible(open_page, html_pages, base_url, width, scheme):
    page = open_page(None, width=width, scheme=scheme)
    problems = []
    for url in html_pages:
        page.console_errors.clear()
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
        expected = "slate" if scheme == "dark" else "default"
        actual = page.locator("body").get_attribute("data-md-color-scheme")
        if actual != expected:
            problems.append(f"/{url}: colour scheme {actual}, expected {expected}")
        problems += [f"/{url}: console: {e}" for e in page.console_errors]
        problems += [f"/{url}: axe: {v}" for v in axe_violations(page)]
    problems += [f"off-host request: {u}" for u in page.offhost_requests]
    assert problems == []


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_page_reads_and_navigates_without_javascript(open_page, html_pages, base_url, width):
    page = open_page(None, width=width, js=False)
    problems = []
    for url in html_pages:
        page.goto(base_url + url)
        h1 = page.locator("article h1")
        if not h1.is_visible():
            problems.append(f"/{url}: h1 not visible")
        text = page.locator("article").inner_text()
        if len(text.split()) < 20:
            problems.append(f"/{url}: only {len(text.split())} words visible")
    # Navigation without JS: the primary nav (a CSS-only drawer on a phone) leads to the steps.
    for title, url in [("Reflect on your interview", "reflect/"), ("Move forward", "move-forward/")]:
        page.goto(base_url)
        if width < 1220:
            page.locator("header label[for='__drawer']").click()
            page.locator("nav.md-nav--primary label", has_text="The four steps").first.click()
            page.wait_for_timeout(400)  # the CSS slide-in
        page.locator("nav.md-nav--primary a", has_text=title).first.click()
        if page.url != base_url + url:
            problems.append(f"nav link {title!r} led to {page.url}")
    assert problems == []


# --- "Which kind of no?": the home chooser and the situation pages ----------------------------

SITUATIONS = ["situations/", "situations/automated-rejection/", "situations/final-round/", "situations/no-reply/",
              "situations/internal-candidate/", "situations/graduate-schemes/",
              "situations/through-a-recruiter/", "situations/offer-withdrawn/", "situations/many-rejections/",
              "situations/changing-career/", "situations/international-students/"]
# Where each card of the home chooser leads, in order: the textbook cases to the steps, the rest
# to their situation page.
CHOOSER = ["respond/#after-a-phone-call", "reflect/#how-to-ask", "situations/no-reply/",
           "situations/automated-rejection/", "situations/final-round/", "situations/internal-candidate/",
           "situations/graduate-schemes/", "situations/through-a-recruiter/", "situations/offer-withdrawn/",
           "situations/many-rejections/", "situations/changing-career/", "situations/international-students/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_home_and_situations_pages_are_clean_and_accessible(open_page, base_url, width, scheme):
    # The same checks as for every page above, on just these pages, so they can be run alone.
    page = open_page(None, width=width, scheme=scheme)
    problems = []
    for url in ["", *SITUATIONS]:
        page.console_errors.clear()
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
        problems += [f"/{url}: console: {e}" for e in page.console_errors]
        problems += [f"/{url}: axe: {v}" for v in axe_violations(page)]
    problems += [f"off-host request: {u}" for u in page.offhost_requests]
    assert problems == []


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_home_and_situations_pages_read_without_javascript(open_page, base_url, width):
    page = open_page(None, width=width, js=False)
    problems = []
    for url in ["", *SITUATIONS]:
        page.goto(base_url + url)
        words = len(page.locator("article").inner_text().split())
        if words < 200:
            problems.append(f"/{url}: only {words} words visible")
    assert problems == []


def test_home_chooser_leads_to_each_situation_in_one_tap_without_javascript(open_page, base_url):
    page = open_page("", width=390, js=False)
    cards = page.locator(".chooser li")
    assert cards.count() == len(CHOOSER)
    # The old "Where to start" anchors now name the cards that fit them.
    assert [page.locator(f"#{anchor}").inner_text() for anchor in ("after-a-call", "after-an-email", "after-silence")] \
        == ["They called you", "They emailed you", "You heard nothing"]
    reached = []
    for i in range(len(CHOOSER)):
        page.goto(base_url)
        card = page.locator(".chooser li").nth(i)
        card.scroll_into_view_if_needed()
        box = card.bounding_box()
        # A tap near the card's bottom-right corner, away from the link's own text: the whole
        # card is the link's target.
        with page.expect_navigation(timeout=5000):  # fails fast when a tap misses the link
            page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)
        reached.append(page.url.removeprefix(base_url))
    assert reached == CHOOSER


def test_home_chooser_starts_on_the_first_screen_of_a_phone_before_the_four_steps_figure(open_page):
    page = open_page("", width=390)
    first = page.locator(".chooser li").first.bounding_box()
    figure = page.locator("figure.path-figure").bounding_box()
    height = 844   # a 390 x 844 phone (iPhone 12 to 15); the test window is taller
    assert (first["y"] + first["height"] <= height, first["y"] < figure["y"]) == (True, True), (first, figure, height)


def test_home_chooser_cards_are_large_targets_and_fit_a_320px_screen(open_page):
    page = open_page("", width=320)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    sizes = page.eval_on_selector_all(
        ".chooser li", "cards => cards.map(c => [c.getBoundingClientRect().width, c.getBoundingClientRect().height])")
    assert len(sizes) == len(CHOOSER)
    assert [s for s in sizes if s[0] < 24 or s[1] < 24 or s[0] > 320] == []
    # Every point of a card belongs to its link (the ::after overlay), so no tap falls between.
    misses = page.eval_on_selector_all(".chooser li", """cards => cards.flatMap((card, i) => {
        card.scrollIntoView({block: "center"});
        const r = card.getBoundingClientRect(), link = card.querySelector("a");
        return [[r.left + 4, r.top + 4], [r.right - 4, r.bottom - 4], [r.left + r.width / 2, r.bottom - 4]]
          .filter(([x, y]) => !link.contains(document.elementFromPoint(x, y))).map(p => `card ${i}: ${p}`);
    })""")
    assert misses == []


SUPPORT_PAGES = ["support/", "support/unfair-treatment/", "support/adjustments/", "support/your-data/",
                 "support/urgent-help/"]


@pytest.mark.parametrize("url", SUPPORT_PAGES)
def test_support_page_is_accessible_and_reads_without_javascript(open_page, base_url, url):
    """The support pages alone, for a quick check while writing them (the tests above cover them too)."""
    problems = []
    for width in WIDTHS.values():
        for scheme in ["light", "dark"]:
            page = open_page(url, width=width, scheme=scheme)
            page.wait_for_load_state("networkidle")
            problems += [f"{width}px {scheme}: axe: {v}" for v in axe_violations(page)]
            problems += [f"{width}px {scheme}: console: {e}" for e in page.console_errors]
        page = open_page(url, width=width, js=False)
        if not page.locator("article h1").is_visible():
            problems.append(f"{width}px no JS: h1 not visible")
        link = page.locator(".md-copyright a", has_text="Get urgent help now")
        target = link.evaluate("a => a.href")
        if target != base_url + "support/urgent-help/":
            problems.append(f"{width}px: footer urgent-help link leads to {target}")
        if not link.is_visible():
            problems.append(f"{width}px no JS: footer urgent-help link not visible")
    assert problems == []
