"""The pseudo-language's longer words (tests/test_html_pseudo.py) still fit: reflow and the
WCAG 1.4.12 text-spacing overrides at 320 px, on the pages with the most controls."""
from __future__ import annotations

from audit_checks import ADD_STYLE, CUT_OFF, OVERFLOWS, REMOVE_STYLES, TEXT_SPACING
from conftest import READY, serve
from test_html_pseudo import pseudo_site


# The pages with the most controls; the worksheet is also printed.
PAGES = ["worksheets/job-search-record/", "replies/thank-you-for-feedback/", "", "about/"]
PRINTED = "worksheets/job-search-record/"


def test_the_longer_words_still_fit_at_320_px_with_text_spacing_and_in_print(browser):
    """At 320 px, reflow and the text-spacing overrides on each page; the worksheet then printed
    (A4's 794 CSS px less Material's print margins) on the same load: nothing sticks out."""
    url, server = serve(pseudo_site())
    context = browser.new_context(viewport={"width": 320, "height": 900}, service_workers="block")
    problems = []
    try:
        page = context.new_page()
        for path in PAGES:
            page.set_viewport_size({"width": 320, "height": 900})
            page.goto(url + path)
            page.wait_for_function(READY, timeout=5000)
            problems += [f"/{path} 320 reflow: {p}" for p in page.evaluate(OVERFLOWS)]
            if not page.evaluate(ADD_STYLE, TEXT_SPACING):
                problems.append(f"/{path}: the text-spacing overrides did not apply")
            problems += [f"/{path} 320 text spacing: {p}" for p in page.evaluate(CUT_OFF) + page.evaluate(OVERFLOWS)]
            if path == PRINTED:
                page.evaluate(REMOVE_STYLES)
                page.set_viewport_size({"width": 794, "height": 1123})
                page.emulate_media(media="print")
                problems += [f"/{path} print: {p}" for p in page.evaluate(OVERFLOWS)]
                page.emulate_media(media="screen")
    finally:
        context.close()
        server.shutdown()
    assert problems == [], "\n".join(problems)
