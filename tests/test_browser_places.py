"""'Where are you?' in Chromium (issue 19): choosing Northern Ireland puts its routes first on the
support pages and keeps the others one tap away; the choice is kept like answers (this tab only
unless the person chose to save) and "forget everything" removes it; an unknown stored value
is ignored; without JavaScript every place shows."""
from __future__ import annotations

from playwright.sync_api import expect

from browser_support import FRAME, axe_violations

URGENT = "support/urgent-help/"
UNFAIR = "support/unfair-treatment/"
KEY = "after-the-no:place"
PLACES = ["England", "Wales", "Scotland", "Northern Ireland", "United States", "Somewhere else"]
READY = "document.documentElement.hasAttribute('data-places-ready')"


def visible_place_names(page, block=0):
    """The place headings of one block a reader sees, in order (folded ones are not visible)."""
    return page.evaluate("""i => [...document.querySelectorAll('[data-module="places"]')[i].querySelectorAll('h3.place__name')]
        .filter(h => h.checkVisibility()).map(h => h.textContent.replace('¶', '').trim())""", block)


def all_place_names(page, block=0):
    return page.evaluate("""i => [...document.querySelectorAll('[data-module="places"]')[i].querySelectorAll('h3.place__name')]
        .map(h => h.textContent.replace('¶', '').trim())""", block)


def stored(page):
    return page.evaluate(f"() => [localStorage.getItem('{KEY}'), sessionStorage.getItem('{KEY}')]")


def test_choosing_northern_ireland_puts_its_routes_first_and_forget_everything_clears_it(open_page, base_url):
    page = open_page(URGENT, width=390)
    page.wait_for_function(READY)
    select = page.get_by_label("Where are you?")
    expect(select).to_be_visible()
    assert visible_place_names(page) == PLACES and visible_place_names(page, 1) == PLACES
    assert page.console_errors == []

    select.select_option("northern-ireland")
    expect(page.locator(".places__status")).to_have_text(
        'Showing Northern Ireland first. Kept in this tab only.')
    # Both blocks on the page: Northern Ireland first, the others folded, in their order, one tap away.
    for block in (0, 1):
        assert visible_place_names(page, block) == ["Northern Ireland"]
        assert all_place_names(page, block) == ["Northern Ireland", "England", "Wales", "Scotland", "United States",
                                                "Somewhere else"]
    first = page.locator('[data-module="places"]').first.locator("section.place").first
    expect(first).to_contain_text("0808 808 8000")
    others = page.get_by_text("Help for other places (5)").first
    others.click()
    assert visible_place_names(page) == ["Northern Ireland", "England", "Wales", "Scotland", "United States",
                                         "Somewhere else"]
    assert stored(page) == [None, "northern-ireland"]   # no save choice made: this tab only
    assert axe_violations(page, exclude=FRAME) == []

    # A link to a folded place (the table of contents, a shared #wales link) opens it.
    page.evaluate("document.querySelectorAll('details.places__others').forEach(d => d.open = false)")
    page.evaluate("location.hash = '#wales'")
    expect(page.locator("#wales")).to_be_visible()

    # Another support page in the same tab shows Northern Ireland first too.
    page.goto(base_url + UNFAIR)
    page.wait_for_function(READY)
    expect(page.get_by_label("Where are you?")).to_have_value("northern-ireland")
    assert visible_place_names(page) == ["Northern Ireland"]
    expect(page.locator("section.place").first).to_contain_text("Labour Relations Agency")

    # Forget everything lists it and removes it; the page then shows every place again.
    page.goto(base_url + "about/")
    page.get_by_role("button", name="Forget everything", exact=True).click()
    expect(page.locator(".forget-list li")).to_have_text(
        ["Where you said you are, which the support pages use to show that place's help first."])
    page.get_by_role("button", name="Yes, forget everything").click()
    assert stored(page) == [None, None]
    page.goto(base_url + URGENT)
    page.wait_for_function(READY)
    expect(page.get_by_label("Where are you?")).to_have_value("")
    assert visible_place_names(page) == PLACES
    assert page.console_errors == []


def test_saved_on_the_device_when_the_person_chose_to_save_and_every_place_again_on_request(open_page, base_url):
    page = open_page(None)
    page.add_init_script("localStorage.setItem('after-the-no:save', 'yes')")
    page.goto(base_url + URGENT)
    page.wait_for_function(READY)
    page.get_by_label("Where are you?").select_option("us")
    expect(page.locator(".places__status")).to_have_text(
        'Showing United States first. Kept on this device.')
    assert stored(page) == ["us", None]
    page.get_by_label("Where are you?").select_option("")
    expect(page.locator(".places__status")).to_have_text("Showing every place.")
    assert stored(page) == [None, None]
    assert visible_place_names(page) == PLACES


def test_an_unknown_stored_place_is_ignored_and_every_place_shows(open_page, base_url):
    page = open_page(None)
    page.add_init_script(f"sessionStorage.setItem('{KEY}', 'atlantis')")
    page.goto(base_url + URGENT)
    page.wait_for_function(READY)
    expect(page.get_by_label("Where are you?")).to_have_value("")
    assert visible_place_names(page) == PLACES
    assert page.console_errors == []


def test_without_javascript_every_place_shows_and_there_is_no_control(open_page):
    page = open_page(URGENT, width=390, js=False)
    assert visible_place_names(page) == PLACES and visible_place_names(page, 1) == PLACES
    expect(page.locator(".places__choose")).to_be_hidden()
    expect(page.locator(".places__jump")).to_be_visible()
    page.locator(".places__jump").get_by_role("link", name="Northern Ireland").click()
    expect(page.locator("#northern-ireland")).to_be_in_viewport()


def test_the_situation_pages_with_places_are_accessible_before_and_after_a_choice(open_page, base_url):
    """After a choice, here; before it (each page as loaded, at 320 and 1280 px), in the site-wide
    audit (test_browser_audit.py)."""
    problems = []
    for url in ["situations/international-students/", "situations/offer-withdrawn/"]:
        page = open_page(url, width=390)
        page.wait_for_function(READY)
        page.get_by_label("Where are you?").select_option("scotland")
        expect(page.locator("section.place").first).to_have_attribute("data-place", "scotland")
        for width in (390, 1280):   # the same choice, the window widened (one load)
            page.set_viewport_size({"width": width, "height": 900})
            problems += [f"/{url} {width}px after a choice: axe: {v}" for v in axe_violations(page, exclude=FRAME)]
        problems += [f"/{url}: console: {e}" for e in page.console_errors]
    assert not problems, "\n".join(problems)
