"""Reply examples in Chromium: the personaliser, copy, mailto, download, tone check, axe, no-JS."""
from __future__ import annotations

import json
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from after_the_no import replies
from browser_support import FRAME, axe_violations, chose_to_save, show_look
from conftest import WIDTHS
from reply_support import LONG_VALUES, SLUGS, TONE_SAMPLES, library

PAGE = "replies/thank-you-for-feedback/"
CLIPBOARD = {"permissions": ["clipboard-read", "clipboard-write"]}


@pytest.fixture
def open_page(open_page, base_url):
    """These tests are about what is kept once the person chose to save on this device; the
    choice itself is tested in test_browser_privacy.py."""
    return chose_to_save(open_page, base_url)


def reply(slug: str = "thank-you-for-feedback") -> replies.Reply:
    return {r.slug: r for r in library().replies}[slug]


def expected(template: str, values: dict[str, str]) -> str:
    return replies.fill(template, values, library().placeholders)


def preview_body(page) -> str:
    return page.locator(".reply-preview-body").text_content()


def fill_details(page, values: dict[str, str]) -> None:
    labels = library().placeholders
    for name, value in values.items():
        page.get_by_label(labels[name].label, exact=True).fill(value)


def assert_clean(page) -> None:
    assert page.console_errors == []
    assert page.offhost_requests == []


def test_typing_fills_the_preview(open_page):
    page = open_page(PAGE)
    values = {"interviewer_name": "Ms Okafor", "company": "Acme"}
    fill_details(page, values)
    body = expected(reply().message.body, values)
    assert preview_body(page) == body
    assert page.locator(".reply-preview-subject-text").text_content() == "Thank you for your feedback"
    assert page.locator(".reply-missing").text_content() == "Still to fill in: Your name."
    assert page.locator(".reply-preview .reply-slot--filled").all_text_contents() == ["Ms Okafor", "Acme"]
    assert page.locator(".reply-preview .reply-slot--empty").all_text_contents() == ["[Your name]"]
    assert page.locator(".reply-body-box").input_value() == body
    assert page.locator(".reply-static").is_hidden()
    assert_clean(page)


def test_markup_typed_as_a_name_shows_as_text(open_page):
    page = open_page(PAGE)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    name = '<img src=x onerror="alert(1)"><b>Sam</b>'
    fill_details(page, {"interviewer_name": name})
    assert preview_body(page).startswith(f"Dear {name},\n")
    assert page.locator(".reply-preview img, .reply-preview b").count() == 0
    assert dialogs == []
    assert_clean(page)


def test_details_are_remembered_on_the_device_for_the_next_example(open_page):
    page = open_page(PAGE)
    fill_details(page, {"interviewer_name": "Zoë", "company": "Acme", "your_name": "Alex"})
    assert json.loads(page.evaluate("localStorage.getItem('after-the-no:reply-fields')")) == \
        {"interviewer_name": "Zoë", "company": "Acme", "your_name": "Alex"}
    page.goto(page.url.replace("thank-you-for-feedback", "ask-feedback-after-call"))
    assert page.get_by_label("Interviewer's name", exact=True).input_value() == "Zoë"
    assert page.get_by_label("Your name", exact=True).input_value() == "Alex"
    assert preview_body(page) == expected(reply("ask-feedback-after-call").message.body,
                                          {"interviewer_name": "Zoë", "your_name": "Alex"})
    page.get_by_role("button", name="Forget my details").click()
    expect(page.locator(".reply-status")).to_have_text("Your details are cleared from this device.")
    assert page.evaluate("localStorage.getItem('after-the-no:reply-fields')") is None
    assert page.get_by_label("Interviewer's name", exact=True).input_value() == ""
    assert_clean(page)


def test_copy_puts_exactly_the_preview_on_the_clipboard(open_page):
    page = open_page(PAGE, **CLIPBOARD)
    fill_details(page, {"interviewer_name": "Ms Okafor", "company": "Acme & Sons", "your_name": "Alex"})
    page.get_by_role("button", name="Copy message").click()
    expect(page.locator(".reply-status")).to_have_text("Message copied. Paste it into your email or message.")
    body = expected(reply().message.body, {"interviewer_name": "Ms Okafor", "company": "Acme & Sons",
                                           "your_name": "Alex"})
    assert page.evaluate("navigator.clipboard.readText()") == preview_body(page) == body
    page.get_by_role("button", name="Copy subject").click()
    expect(page.locator(".reply-status")).to_have_text("Subject copied. Paste it into the subject line.")
    assert page.evaluate("navigator.clipboard.readText()") == "Thank you for your feedback"
    assert_clean(page)


@pytest.mark.parametrize("refuse", [
    "navigator.clipboard.writeText = () => Promise.reject(new DOMException('No', 'NotAllowedError'));",
    "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});",
], ids=["refused", "missing"])
def test_when_the_clipboard_is_refused_the_text_is_selected_with_instructions(open_page, base_url, refuse):
    page = open_page(None)
    page.add_init_script(refuse)
    page.goto(base_url + PAGE)
    fill_details(page, {"interviewer_name": "Sam"})
    page.get_by_role("button", name="Copy message").click()
    expect(page.locator(".reply-status")).to_have_text(
        "Your browser did not let this page copy. The message is selected: press Ctrl+C (or Cmd+C on a Mac) "
        "to copy it. On a phone, tap and hold it, then choose Copy.")
    selected = page.evaluate("""() => { const box = document.activeElement;
        return [box.matches('textarea.reply-body-box'), box.value.slice(box.selectionStart, box.selectionEnd)]; }""")
    assert selected == [True, preview_body(page)]
    assert page.locator("details.reply-edit").get_attribute("open") == ""
    assert_clean(page)


def test_open_in_email_keeps_every_character(open_page):
    page = open_page("replies/future-roles/")
    values = {"interviewer_name": "Zoë Ångström", "company": "Smith & Jones? #1", "new_role": "Café lead",
              "role": "barista 50%+", "your_name": "José"}
    fill_details(page, values)
    href = page.get_by_role("link", name="Open in email").get_attribute("href")
    assert href.startswith("mailto:?subject=")
    query = href[len("mailto:?"):]
    assert "\n" not in query and " " not in query and "%0D%0A" in query
    fields = dict(part.split("=", 1) for part in query.split("&"))
    assert list(fields) == ["subject", "body"]
    assert unquote(fields["subject"]) == "The Café lead job at Smith & Jones? #1"
    assert unquote(fields["body"]) == expected(reply("future-roles").message.body, values).replace("\n", "\r\n")
    assert_clean(page)


def test_download_saves_subject_and_body_as_text(open_page, tmp_path):
    page = open_page(PAGE)
    fill_details(page, {"interviewer_name": "Zoë"})
    with page.expect_download() as info:
        page.get_by_role("button", name="Download .txt").click()
    download = info.value
    assert download.suggested_filename == "thank-you-for-feedback.txt"
    download.save_as(tmp_path / "reply.txt")
    assert (tmp_path / "reply.txt").read_text("utf-8") == \
        "Subject: Thank you for your feedback\n\n" + expected(reply().message.body, {"interviewer_name": "Zoë"}) + "\n"
    expect(page.locator(".reply-status")).to_have_text("Downloaded thank-you-for-feedback.txt.")
    assert_clean(page)


def test_your_own_wording_wins_until_reset(open_page):
    page = open_page(PAGE, **CLIPBOARD)
    page.get_by_text("Change the wording").click()
    page.locator(".reply-body-box").fill("Dear Sam,\n\nThank you.\n\nAlex")
    page.locator(".reply-subject-box").fill("Thanks, Sam")
    fill_details(page, {"interviewer_name": "Someone else"})
    assert preview_body(page) == "Dear Sam,\n\nThank you.\n\nAlex"
    assert page.locator(".reply-preview-subject-text").text_content() == "Thanks, Sam"
    expect(page.locator(".reply-edited-note")).to_be_visible()
    page.get_by_role("button", name="Copy message").click()
    expect(page.locator(".reply-status")).to_have_text("Message copied. Paste it into your email or message.")
    assert page.evaluate("navigator.clipboard.readText()") == "Dear Sam,\n\nThank you.\n\nAlex"
    page.get_by_role("button", name="Reset to example").click()
    expect(page.locator(".reply-status")).to_have_text("Back to the example wording, with your details.")
    assert preview_body(page) == expected(reply().message.body, {"interviewer_name": "Someone else"})
    expect(page.locator(".reply-edited-note")).to_be_hidden()
    assert_clean(page)


def test_the_shorter_version_can_be_chosen(open_page):
    page = open_page(PAGE)
    fill_details(page, {"interviewer_name": "Sam", "company": "Acme", "your_name": "Alex"})
    page.get_by_label("The shorter version").check()
    values = {"interviewer_name": "Sam", "company": "Acme", "your_name": "Alex"}
    assert preview_body(page) == expected(reply().short.body, values)
    assert page.locator(".reply-body-box").input_value() == expected(reply().short.body, values)
    assert_clean(page)


def test_the_tone_check_flags_gently_clears_and_never_blocks(open_page):
    page = open_page(PAGE, **CLIPBOARD)
    tone = page.locator(".reply-tone")
    assert tone.get_attribute("role") == "status"
    expect(tone).to_be_empty()
    page.get_by_text("Change the wording").click()
    text = "Dear Sam,\n\nThanks, but I think that was unfair.\n\nAlex"
    page.locator(".reply-body-box").fill(text)
    expect(tone.locator("li")).to_have_count(2)
    assert tone.locator("li").evaluate_all("items => items.map(li => li.dataset.rule)") == ["but-i", "unfair"]
    rules = {r.id: r for r in library().tone_rules}
    assert tone.locator("li").first.text_content() == \
        f"“but I”: {rules['but-i'].why} Try this: {rules['but-i'].suggest}"
    assert tone.locator(".reply-tone-intro").text_content() == (
        "A gentle check on tone. Some words may read as defensive. You can still copy or send your message as it is.")
    page.get_by_role("button", name="Copy message").click()  # never blocks
    expect(page.locator(".reply-status")).to_have_text("Message copied. Paste it into your email or message.")
    assert page.evaluate("navigator.clipboard.readText()") == text
    assert unquote(page.get_by_role("link", name="Open in email").get_attribute("href").split("body=")[1]) == \
        text.replace("\n", "\r\n")
    page.locator(".reply-body-box").fill("Dear Sam,\n\nThank you for your thoughts.\n\nAlex")
    expect(tone).to_be_empty()
    assert_clean(page)


def test_the_page_shows_the_tone_check_for_each_sample(open_page):
    # The module's tone check agrees with Python's: tests/test_unit_reply_js.py (Node).
    page = open_page(PAGE)
    page.get_by_text("Change the wording").click()
    for text, ids in TONE_SAMPLES:
        page.locator(".reply-body-box").fill(text)
        expect(page.locator(".reply-tone li")).to_have_count(len(ids))
        assert page.locator(".reply-tone li").evaluate_all("items => items.map(li => li.dataset.rule)") == ids
    assert_clean(page)


def test_blocked_storage_still_works_and_says_so(open_page, base_url):
    page = open_page(None)
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});""")
    # Material's own inline script throws when storage is blocked, on every page; reply.js must add nothing.
    page.goto(base_url)
    theme_errors = list(page.console_errors)
    page.console_errors.clear()
    page.goto(base_url + PAGE)
    fill_details(page, {"interviewer_name": "Sam"})
    assert preview_body(page).startswith("Dear Sam,\n")
    assert page.locator(".reply-storage-note").text_content() == \
        "This browser is not saving your details, so you will need to type them again on the next example."
    assert page.console_errors == theme_errors
    assert page.offhost_requests == []


def test_reply_pages_read_without_javascript(open_page):
    page = open_page(PAGE, js=False)
    for width in WIDTHS.values():   # a phone, then a desktop window (one load)
        page.set_viewport_size({"width": width, "height": 900})
        assert page.locator(".reply-ui").count() == 0
        assert page.locator(".reply-static pre.reply-body").inner_text() == expected(reply().message.body, {}), width
        expect(page.locator(".reply-static .reply-subject")).to_have_text("Subject: Thank you for your feedback")
        expect(page.locator(".reply-static .reply-placeholders")).to_be_visible()
        expect(page.locator(".reply-text--short pre.reply-body")).to_be_visible()
        expect(page.locator(".reply-avoid li").first).to_be_visible()
    page.goto(page.url.replace(PAGE, "replies/"))
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        expect(page.locator(".reply-list li")).to_have_count(len(SLUGS))
        expect(page.locator(".reply-list li").last).to_be_visible()


def test_no_axe_violations_once_filled_edited_and_flagged(open_page):
    """The personaliser's states a fresh load does not show: filled, wording changed, the tone
    check's flags and the status line, at 390 px light, then at 1280 px dark (Material's toggle,
    same load). Every reply page as loaded is in the site-wide audit (test_browser_audit.py)."""
    page = open_page(PAGE, width=390)
    fill_details(page, {"interviewer_name": "Sam"})
    page.get_by_text("Change the wording").click()
    page.locator(".reply-body-box").fill("Thanks, but I think it was unfair!!")
    page.get_by_role("button", name="Download .txt").click()
    expect(page.locator(".reply-tone li")).to_have_count(3)
    problems = []
    for width, scheme in [(390, "default"), (1280, "slate")]:
        show_look(page, width, scheme)
        problems += [f"/{PAGE} [{width} {scheme}, filled, edited, tone flags and status shown] axe: {v}"
                     for v in axe_violations(page, exclude=FRAME)]
    assert problems == [], "\n".join(problems)
    assert_clean(page)


def test_the_connection_note_counts_characters_as_you_type_and_warns_once_when_over(open_page):
    page = open_page("replies/connection-note/")
    count = page.locator(".reply-count")
    note = reply("connection-note")
    expect(count).to_be_hidden()  # the full message has no limit
    page.get_by_label("The shorter version").check()
    expect(count).to_have_text(f"{len(expected(note.short.body, {}))} of 200 characters")
    assert count.get_attribute("role") is None and count.get_attribute("aria-live") is None  # no chatter
    assert page.locator(".reply-body-box").get_attribute("aria-describedby") == count.get_attribute("id")
    fill_details(page, LONG_VALUES)
    assert preview_body(page) == expected(note.short.body, LONG_VALUES)
    expect(count).to_have_text("198 of 200 characters")
    expect(page.locator(".reply-status")).to_have_text("")  # nothing announced while it fits
    page.get_by_text("Change the wording").click()
    box = page.locator(".reply-body-box")
    box.press("End")
    box.press_sequentially(" Thanks!")
    expect(count).to_have_text("206 of 200 characters: 6 too many for a free LinkedIn invitation.")
    assert "reply-count--over" in count.get_attribute("class")
    expect(page.locator(".reply-status")).to_have_text(
        "Your message is now over the 200 characters a free LinkedIn invitation allows.")
    for _ in range(6):
        box.press("Backspace")
    expect(count).to_have_text("200 of 200 characters")
    expect(page.locator(".reply-status")).to_have_text("Your message fits in 200 characters again.")
    assert "reply-count--over" not in count.get_attribute("class")
    page.get_by_label("The full message").check()
    expect(count).to_be_hidden()
    assert page.locator(".reply-body-box").get_attribute("aria-describedby") is None
    assert_clean(page)


def test_pages_without_a_limit_show_no_count(open_page):
    page = open_page(PAGE)
    page.get_by_label("The shorter version").check()
    expect(page.locator(".reply-count")).to_be_hidden()
    assert_clean(page)


def test_the_page_says_what_open_in_email_does(open_page):
    page = open_page(PAGE)
    expect(page.locator(".reply-mail-note")).to_have_text(
        "Open in email starts a new message in your email program, with the subject and text filled in. "
        "It is not a reply in the same thread.")
    expect(page.locator(".reply-thread-note")).to_be_visible()
    assert_clean(page)


def test_the_unfair_rule_links_to_where_to_get_advice(open_page):
    page = open_page(PAGE)
    page.get_by_text("Change the wording").click()
    page.locator(".reply-body-box").fill("Dear Sam,\n\nIt felt unfair.\n\nAlex")
    item = page.locator('.reply-tone li[data-rule="unfair"]')
    expect(item).to_have_count(1)
    rules = {r.id: r for r in library().tone_rules}
    assert item.text_content() == (f"“unfair”: {rules['unfair'].why} Try this: {rules['unfair'].suggest} "
                                   "If it felt unfair")
    link = item.get_by_role("link", name="If it felt unfair")
    assert link.get_attribute("href") == "../../support/unfair-treatment/"
    link.click()
    page.wait_for_url("**/support/unfair-treatment/")
    assert page.url.endswith("/support/unfair-treatment/")
    assert_clean(page)


def test_the_spoken_reply_is_said_not_sent_no_subject_no_email_and_a_text_without_subject(open_page, tmp_path):
    page = open_page("replies/return-a-missed-call/")
    values = {"your_name": "José", "interviewer_name": "Zoë", "role": "barista", "company": "Café Nord",
              "your_phone": "07700 900 123"}
    fill_details(page, values)
    spoken = reply("return-a-missed-call")
    assert preview_body(page) == expected(spoken.message.body, values)
    ui = page.locator(".reply-ui")
    assert (ui.locator(".reply-preview-subject").count(), ui.locator(".reply-subject-box").count(),
            ui.get_by_role("link", name="Open in email").count(), ui.get_by_role("button", name="Copy subject").count(),
            ui.locator(".reply-mail-note").count(), page.locator('a[href^="mailto:"]').count()) == (0, 0, 0, 0, 0, 0)
    page.get_by_text("Change the wording").click()
    assert page.get_by_label("What to say", exact=True).input_value() == expected(spoken.message.body, values)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download .txt").click()
    info.value.save_as(tmp_path / "call.txt")
    assert (tmp_path / "call.txt").read_text("utf-8") == expected(spoken.message.body, values) + "\n"
    page.get_by_label("The shorter version").check()
    assert preview_body(page) == expected(spoken.short.body, values)
    assert_clean(page)
