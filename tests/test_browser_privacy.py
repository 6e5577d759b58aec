"""The save choice and forget-everything in Chromium (issue 14): saving on the device is the
person's choice, for the whole site; not saving keeps answers for the tab only; one control on
/about/#privacy forgets everything, with an undo."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from browser_support import FRAME, axe_violations, show_look
from worksheet_support import export_payload, storage_key

MOMENTUM = "worksheets/momentum-plan/"
FOLLOW_UP = "worksheets/follow-up-plan/"
REPLY = "replies/thank-you-for-feedback/"
ABOUT = "about/"
SAVING = "Saving on this device"
NOT_SAVING = "Not saving: your answers go when you close this tab"
ASKING = "Not saved on this device yet: choose below. Until then your answers stay in this tab only."
ASK = "Keep your answers on this device? On a shared computer, choose not to: then nothing stays after you close this tab."
EARLIER = "This browser has answers this site saved before you could choose. Keep saving on this device?"
SAVE, DONT = "Save my answers on this device", "Don’t save — I’m on a shared computer"
OURS = "area => Object.keys(window[area]).filter(k => k.startsWith('after-the-no:')).sort()"


def ours(page, area="localStorage"):
    return page.evaluate(OURS, area)


def everything(page):
    return page.evaluate("""() => Object.fromEntries(['localStorage', 'sessionStorage'].map(area =>
        [area, Object.fromEntries(Object.keys(window[area]).filter(k => k.startsWith('after-the-no:'))
                                  .map(k => [k, window[area].getItem(k)]))]))""")


def axe_when_still(page):
    """axe once no transition runs: Material's header title fades as a click scrolls the page, and
    axe would measure its colour halfway."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return axe_violations(page, exclude=FRAME)


def status(page):
    return page.locator(".save-status").first.text_content()


def test_first_typing_asks_and_the_choice_holds_across_pages(open_page, base_url):
    page = open_page(MOMENTUM)
    assert status(page) == NOT_SAVING
    expect(page.get_by_role("button", name=SAVE)).to_be_hidden()
    page.fill("#ws-main-goal", "Three applications")
    assert status(page) == ASKING
    assert page.locator(".save-ask-text").text_content() == ASK
    assert ours(page) == [] and ours(page, "sessionStorage") == [storage_key("momentum-plan")]
    page.get_by_role("button", name=SAVE).click()
    assert status(page) == SAVING
    expect(page.get_by_role("button", name=SAVE)).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Change"
    assert ours(page) == ["after-the-no:save", storage_key("momentum-plan")]
    assert ours(page, "sessionStorage") == []
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", storage_key("momentum-plan")))["answers"] == \
        {"main-goal": "Three applications"}
    # The choice holds on every page: a reply page and another worksheet neither ask nor forget.
    page.goto(base_url + REPLY)
    assert status(page) == SAVING
    page.get_by_label("Interviewer's name", exact=True).fill("Sam")
    expect(page.get_by_role("button", name=SAVE)).to_be_hidden()
    assert json.loads(page.evaluate("localStorage.getItem('after-the-no:reply-fields')")) == {"interviewer_name": "Sam"}
    page.goto(base_url + FOLLOW_UP)
    page.fill("#ws-contact-name", "Ana")
    assert status(page) == SAVING
    expect(page.get_by_role("button", name=SAVE)).to_be_hidden()
    assert page.console_errors == [] and page.offhost_requests == []


def test_not_saving_leaves_local_storage_empty_and_a_reload_loses_nothing(open_page, base_url):
    page = open_page(MOMENTUM)
    page.fill("#ws-main-goal", "Three applications")
    page.get_by_role("button", name=DONT).click()
    assert status(page) == NOT_SAVING
    page.fill("#ws-main-goal", "Four applications")
    page.reload()
    assert page.input_value("#ws-main-goal") == "Four applications"
    assert ours(page) == ["after-the-no:save"]
    assert page.evaluate("localStorage.getItem('after-the-no:save')") == "no"
    assert ours(page, "sessionStorage") == [storage_key("momentum-plan")]
    # A reply page in the same tab: not saving, and nothing asked again.
    page.goto(base_url + REPLY)
    assert status(page) == NOT_SAVING
    page.get_by_label("Interviewer's name", exact=True).fill("Sam")
    expect(page.get_by_role("button", name=SAVE)).to_be_hidden()
    assert ours(page) == ["after-the-no:save"]
    # Another tab (a new session) has none of it.
    other = page.context.new_page()
    other.goto(base_url + MOMENTUM)
    assert other.input_value("#ws-main-goal") == ""
    assert page.console_errors == []


def test_choosing_not_to_save_offers_to_delete_what_was_saved(open_page):
    page = open_page(MOMENTUM)
    page.fill("#ws-main-goal", "Three applications")
    page.get_by_role("button", name=SAVE).click()
    page.get_by_role("button", name="Change").click()
    assert page.locator(".save-ask-text").text_content() == ASK
    page.get_by_role("button", name=DONT).click()
    offer = page.locator(".save-ask", has_text="Answers saved earlier")
    expect(offer).to_have_text("Answers saved earlier are still on this device. Delete them? This tab keeps its copy "
                               "until you close it.Delete saved answers Keep them")
    assert page.evaluate("document.activeElement.textContent") == "Delete saved answers"
    page.get_by_role("button", name="Delete saved answers").click()
    expect(offer).to_be_hidden()
    assert ours(page) == ["after-the-no:save"]
    page.reload()
    assert page.input_value("#ws-main-goal") == "Three applications"  # this tab's copy
    assert status(page) == NOT_SAVING
    # Back to saving: this tab's answers go to the device again.
    page.get_by_role("button", name="Change").click()
    page.get_by_role("button", name=SAVE).click()
    assert ours(page) == ["after-the-no:save", storage_key("momentum-plan")] and ours(page, "sessionStorage") == []
    assert page.console_errors == []


def test_answers_saved_by_an_earlier_version_are_kept_and_asked_about_once(open_page, base_url):
    page = open_page(None)
    page.goto(base_url)
    seeded = export_payload("momentum-plan", {"main-goal": "Saved last month"})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key("momentum-plan"), json.dumps(seeded)])
    page.goto(base_url + MOMENTUM)
    assert page.input_value("#ws-main-goal") == "Saved last month"
    assert status(page) == SAVING
    assert page.locator(".save-ask-text").text_content() == EARLIER
    page.fill("#ws-main-goal", "Saved last month, and today")
    assert json.loads(page.evaluate("k => localStorage.getItem(k)", storage_key("momentum-plan")))["answers"] == \
        {"main-goal": "Saved last month, and today"}
    page.get_by_role("button", name=SAVE).click()
    page.reload()
    expect(page.get_by_role("button", name=SAVE)).to_be_hidden()
    assert page.input_value("#ws-main-goal") == "Saved last month, and today"
    assert page.console_errors == []


def test_blocked_storage_asks_nothing_and_says_so(open_page, base_url):
    page = open_page(None)
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('blocked', 'SecurityError'); };")
    page.goto(base_url + MOMENTUM)
    page.fill("#ws-main-goal", "Three applications")
    expect(page.get_by_role("button", name=SAVE)).to_be_hidden()
    expect(page.get_by_role("button", name="Change")).to_be_hidden()
    assert status(page) == "Answers will not be kept: this browser is blocking storage. Use “Save a backup file” to keep a copy."
    assert page.console_errors == []


def fill_two_worksheets_and_a_reply(page, base_url):
    page.goto(base_url + MOMENTUM)
    page.fill("#ws-main-goal", "Three applications")
    page.get_by_role("button", name=SAVE).click()
    page.goto(base_url + FOLLOW_UP)
    page.fill("#ws-contact-name", "Ana")
    page.goto(base_url + REPLY)
    page.get_by_label("Interviewer's name", exact=True).fill("Sam")
    page.evaluate("sessionStorage.setItem('after-the-no:worksheet:feedback-log', '{}')")  # a tab's copy too


def test_forget_everything_asks_lists_what_goes_and_undo_restores_it_all(open_page, base_url):
    page = open_page(None)
    fill_two_worksheets_and_a_reply(page, base_url)
    page.goto(base_url + ABOUT)
    before = everything(page)
    assert sorted(before["localStorage"]) == ["after-the-no:reply-fields", "after-the-no:save",
                                              storage_key("follow-up-plan"), storage_key("momentum-plan")]
    assert list(before["sessionStorage"]) == [storage_key("feedback-log")]
    ask = page.get_by_role("button", name="Forget everything", exact=True)
    ask.click()
    expect(ask).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".forget-lead")).to_have_text("This deletes everything this site keeps in this browser:")
    assert page.locator(".forget-list li").all_text_contents() == [
        "Your answers to 3 worksheets: Feedback log, Follow up plan, Momentum plan.",
        "The names and details you typed into the reply examples.",
        "Your choice about saving answers on this device.",
    ]
    page.get_by_role("button", name="No, keep it").click()
    assert everything(page) == before
    ask.click()
    page.get_by_role("button", name="Yes, forget everything").click()
    expect(page.locator(".forget-message")).to_have_text(
        "Everything this site kept in this browser is deleted. You can undo this until you leave this page.")
    assert everything(page) == {"localStorage": {}, "sessionStorage": {}}
    undo = page.get_by_role("button", name="Undo")
    assert page.evaluate("document.activeElement.textContent") == "Undo"
    undo.click()
    expect(page.locator(".forget-message")).to_have_text("Everything is back as it was.")
    assert everything(page) == before
    expect(undo).to_be_hidden()
    # And it really is gone after a forget: the worksheet is blank, and asks again.
    ask.click()
    page.get_by_role("button", name="Yes, forget everything").click()
    expect(undo).to_be_visible()
    page.goto(base_url + MOMENTUM)
    assert page.input_value("#ws-main-goal") == ""
    page.fill("#ws-main-goal", "x")
    expect(page.get_by_role("button", name=SAVE)).to_be_visible()
    assert page.console_errors == [] and page.offhost_requests == []


def test_forget_everything_with_nothing_stored_says_so(open_page):
    page = open_page(ABOUT)
    page.get_by_role("button", name="Forget everything", exact=True).click()
    expect(page.locator(".forget-lead")).to_have_text(
        "This site keeps nothing in this browser at the moment, so there is nothing to forget.")
    expect(page.get_by_role("button", name="Yes, forget everything")).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "No, keep it"


# What axe sees each state in: a phone in the light palette, a desktop in the dark one.
LOOKS = {"390 light": (390, "default"), "1280 dark": (1280, "slate")}


def axe_in_both_looks(page, state: str) -> list[str]:
    """axe on the page as it is now at 390 px light, then at 1280 px dark: the person switches
    with Material's own toggle, on the same load (the choice stays for the next page)."""
    problems = []
    for look, (width, scheme) in LOOKS.items():
        show_look(page, width, scheme)
        problems += [f"/{page.url.split('/', 3)[3]} {state} [{look}] axe: {v}" for v in axe_when_still(page)]
    return problems


def test_axe_on_the_new_controls(open_page, base_url):
    page = open_page(MOMENTUM, width=390)
    page.fill("#ws-main-goal", "Three applications")
    page.get_by_role("button", name=SAVE).click()
    page.get_by_role("button", name="Change").click()
    page.get_by_role("button", name=DONT).click()  # the offer to delete is open now
    problems = axe_in_both_looks(page, "the offer to delete open")
    page.goto(base_url + REPLY)
    page.get_by_role("button", name="Change").click()
    problems += axe_in_both_looks(page, "the choice open again")
    page.goto(base_url + ABOUT)
    page.get_by_role("button", name="Forget everything", exact=True).click()
    problems += axe_in_both_looks(page, "asked to forget everything")
    page.get_by_role("button", name="Yes, forget everything").click()
    expect(page.get_by_role("button", name="Undo")).to_be_visible()
    problems += axe_in_both_looks(page, "forgotten, with the undo")
    expect(page.get_by_role("button", name="Undo")).to_be_visible()
    assert problems == [], "\n".join(problems)
    assert page.console_errors == []
