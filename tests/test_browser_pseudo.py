"""The pseudo-language's longer words (tests/test_html_pseudo.py) still fit: reflow and the
WCAG 1.4.12 text-spacing overrides at 320 px, on the pages with the most controls."""
from __future__ import annotations

import pytest

from audit_checks import ADD_STYLE, CUT_OFF, OVERFLOWS, TEXT_SPACING
from conftest import READY, serve
from test_html_pseudo import pseudo_site


@pytest.mark.parametrize("path", ["worksheets/job-search-record/", "replies/thank-you-for-feedback/", "", "about/"])
def test_the_longer_words_still_fit_at_320_px_with_text_spacing(browser, path):
    url, server = serve(pseudo_site())
    context = browser.new_context(viewport={"width": 320, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        page.goto(url + path)
        page.wait_for_function(READY, timeout=5000)
        problems = [f"/{path} 320 reflow: {p}" for p in page.evaluate(OVERFLOWS)]
        assert page.evaluate(ADD_STYLE, TEXT_SPACING), "the text-spacing overrides did not apply"
        problems += [f"/{path} 320 text spacing: {p}" for p in page.evaluate(CUT_OFF) + page.evaluate(OVERFLOWS)]
        assert problems == [], "\n".join(problems)
    finally:
        context.close()
        server.shutdown()


def test_a_worksheet_with_the_longer_words_prints_within_the_page_width(browser):
    """Printed (A4's 794 CSS px less Material's print margins): nothing sticks out."""
    url, server = serve(pseudo_site())
    context = browser.new_context(viewport={"width": 794, "height": 1123}, service_workers="block")
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(url + "worksheets/job-search-record/")
        page.wait_for_function(READY, timeout=5000)
        problems = [f"/worksheets/job-search-record/ print: {p}" for p in page.evaluate(OVERFLOWS)]
        assert problems == [], "\n".join(problems)
    finally:
        context.close()
        server.shutdown()
