"""The site's navigation in Chromium: the primary navigation without JavaScript, and the home
page's "Which kind of no?" chooser. Every page's own checks (axe, no JavaScript, reflow, CSP...)
are in the site-wide audit, test_browser_audit.py."""
from __future__ import annotations

import pytest

from conftest import WIDTHS


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_primary_navigation_works_without_javascript(open_page, base_url, width):
    # Every page reads without JS: test_browser_audit.py ("390 no JS").
    page = open_page(None, width=width, js=False)
    problems = []
    # Navigation without JS: the primary nav (a CSS-only drawer on a phone) leads to the steps.
    # From the home page to the first step, then from there to the last step.
    page.goto(base_url)
    for title, url in [("Reflect on your interview", "reflect/"), ("Move forward", "move-forward/")]:
        if width < 1220:
            page.locator("header label[for='__drawer']").click()
            page.wait_for_timeout(400)  # the CSS slide-in
            section = page.locator("nav.md-nav--primary label", has_text="The four steps").first
            if not page.locator("#" + section.get_attribute("for")).is_checked():   # open on its own pages
                section.click()
                page.wait_for_timeout(400)
        page.locator("nav.md-nav--primary a", has_text=title).first.click()
        if page.url != base_url + url:
            problems.append(f"nav link {title!r} led to {page.url}")
    assert problems == []


# --- "Which kind of no?": the home chooser and the situation pages ----------------------------

# Where each card of the home chooser leads, in order: the textbook cases to the steps, the rest
# to their situation page.
CHOOSER = ["respond/#after-a-phone-call", "reflect/#how-to-ask", "situations/no-reply/",
           "situations/automated-rejection/", "situations/final-round/", "situations/internal-candidate/",
           "situations/graduate-schemes/", "situations/through-a-recruiter/", "situations/offer-withdrawn/",
           "situations/many-rejections/", "situations/changing-career/", "situations/international-students/"]


def test_home_chooser_leads_to_each_situation_in_one_tap_without_javascript(open_page, base_url):
    page = open_page("", width=390, js=False)
    cards = page.locator(".chooser li")
    assert cards.count() == len(CHOOSER)
    # The old "Where to start" anchors now name the cards that fit them.
    assert [page.locator(f"#{anchor}").inner_text() for anchor in ("after-a-call", "after-an-email", "after-silence")] \
        == ["They called you", "They emailed you", "You heard nothing"]
    # Where a tap near each card's bottom-right corner, away from the link's own text, lands:
    # the whole card is its link's target. (One load: the hit test is the browser's own, the
    # same as a tap's; one real tap below shows it navigates.)
    reached = page.eval_on_selector_all(".chooser li", """cards => cards.map((card) => {
        card.scrollIntoView({block: "center"});
        const r = card.getBoundingClientRect();
        const hit = document.elementFromPoint(r.right - 8, r.bottom - 8)?.closest("a");
        return hit && card.contains(hit) ? hit.href : `missed: ${hit ? hit.href : "nothing"}`;
    })""")
    assert [url.removeprefix(base_url) for url in reached] == CHOOSER
    card = page.locator(".chooser li").nth(4)
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    with page.expect_navigation(timeout=5000):  # fails fast when a tap misses the link
        page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)
    assert page.url == base_url + CHOOSER[4]


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
