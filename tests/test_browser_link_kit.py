"""The adviser link kit's copy buttons put the exact address on the clipboard."""
from __future__ import annotations

from playwright.sync_api import expect

SITE = "https://after-the-no.example.org"


def test_copy_button_copies_the_exact_address_and_print_shows_addresses_without_buttons(open_page):
    page = open_page("advisers/", permissions=["clipboard-read", "clipboard-write"])
    item = page.locator(".link-kit li").filter(has_text=f"{SITE}/reflect/#ask-for-feedback").first
    item.get_by_role("button", name=f"Copy link {SITE}/reflect/#ask-for-feedback").click()
    # The status is written when the clipboard's promise settles: wait for it.
    expect(item.get_by_role("status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE}/reflect/#ask-for-feedback"
    assert page.console_errors == []
    # Printed (same load): the addresses, and no buttons.
    page.emulate_media(media="print")
    assert page.locator(".link-kit__copy:visible").count() == 0
    assert page.locator(".link-kit a.link-kit__url").first.is_visible()


def test_refused_clipboard_selects_the_address_instead(open_page, base_url):
    page = open_page(None)
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));")
    page.goto(base_url + "advisers/")
    item = page.locator(".link-kit li").filter(has_text=f"{SITE}/respond/#example-reply").first
    item.get_by_role("button", name=f"Copy link {SITE}/respond/#example-reply").click()
    expect(item.get_by_role("status")).to_have_text("Selected: press Ctrl+C (or Cmd+C) to copy")
    assert page.evaluate("getSelection().toString()") == f"{SITE}/respond/#example-reply"


def test_without_javascript_addresses_are_plain_text_and_no_buttons(open_page):
    page = open_page("advisers/", js=False)
    assert page.locator(".link-kit button").count() == 0
    assert page.locator(".link-kit a.link-kit__url").first.inner_text() == f"{SITE}/"
