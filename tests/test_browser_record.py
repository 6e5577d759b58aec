"""The job-search record (a repeating group: add, remove with undo, move, save, CSV) and the
"My answers" summary, in Chromium. Each test loads its pages once and checks all it can there."""
from __future__ import annotations

import csv
import io
import json
from io import BytesIO
from urllib.parse import parse_qs, urlsplit

from pypdf import PdfReader

from browser_support import FRAME, axe_violations, chose_to_save
from worksheet_support import BY_SLUG, export_payload, fill, form_state, storage_key, stored

SLUG = "record"
RECORD = "job-search-record"
PAGE = f"worksheets/{RECORD}/"
GROUP = '[data-field="applications"]'
UNCHANGED = "Your answers have not changed."
MARGIN = {side: "10mm" for side in ("top", "right", "bottom", "left")}
ENTRIES = [
    {"date": "2030-01-02", "employer": "Acme", "role": "Clerk", "how": '=HYPERLINK("x")', "outcome": "Waiting"},
    {"date": "2030-01-05", "employer": "Beta, Ltd", "how": "Emailed Sam \"the manager\"", "next-step-date": "2030-01-20"},
    {"employer": "Cobalt & Co", "role": "Analyst", "outcome": "-", "next-step": "@ call them"},
]
HEADER = ["Date", "Employer", "Job or role", "How you applied or who you contacted", "What happened", "Next step",
          "Date of the next step"]
IDS = ["date", "employer", "role", "how", "outcome", "next-step", "next-step-date"]


def saved(page, area="localStorage"):
    raw = page.evaluate(f"key => {area}.getItem(key)", storage_key(RECORD))
    return json.loads(raw) if raw else None


def shown(page) -> tuple[list[str], list[dict]]:
    """The legends of the entries on screen, and their answers."""
    return (page.locator(f"{GROUP} .ws-entry-title").all_text_contents(), form_state(page)["applications"])


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.id || document.activeElement.textContent.trim()")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def download(page, selector) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.click(selector)
    return info.value.suggested_filename, open(info.value.path(), "rb").read()


def test_add_remove_undo_move_reload_and_csv(open_page, base_url):
    page = chose_to_save(open_page, base_url)(PAGE, width=390)
    assert page.locator(f"{GROUP} .ws-entry").count() == 0
    assert page.locator(f"{GROUP} .ws-entry-none").text_content() == "Nothing here yet."
    problems = []
    for n, entry in enumerate(ENTRIES, start=1):
        page.click(f'{GROUP} [data-entry-action="add"]')
        if focused(page) != f"ws-applications--{n}--date":
            problems.append(f"after add {n}: focus on {focused(page)}")
        if page.locator(f"{GROUP} .ws-entry-message").text_content() != f"Application {n} added.":
            problems.append(f"after add {n}: message {page.locator(f'{GROUP} .ws-entry-message').text_content()!r}")
        for sub, value in entry.items():
            page.fill(f"#ws-applications--{n}--{sub}", value)
    assert problems == []
    assert shown(page) == (["Application 1", "Application 2", "Application 3"], ENTRIES)
    assert saved(page)["answers"]["applications"] == ENTRIES

    page.click(f'#ws-applications--2 [data-entry-action="remove"]')
    assert page.locator(f"{GROUP} .ws-entry-message").text_content() == "Application 2 removed. Undo"
    assert page.locator(f"{GROUP} .ws-entry-message").get_attribute("role") == "status"
    assert focused(page) == "Undo"
    assert shown(page) == (["Application 1", "Application 2"], [ENTRIES[0], ENTRIES[2]])
    assert saved(page)["answers"]["applications"] == [ENTRIES[0], ENTRIES[2]]
    assert axe_violations(page, exclude=FRAME) == []   # the state with an entry removed and the undo offered
    page.keyboard.press("Enter")        # undo, from the keyboard
    assert focused(page) == "ws-applications--2--date"
    assert page.locator(f"{GROUP} .ws-entry-message").text_content() == "Application 2 is back."
    assert shown(page) == (["Application 1", "Application 2", "Application 3"], ENTRIES)

    page.click('#ws-applications--3 [data-entry-action="up"]')
    assert focused(page) == "Move up application 2"
    assert page.locator(f"{GROUP} .ws-entry-message").text_content() == "Application moved to number 2 of 3."
    assert shown(page)[1] == [ENTRIES[0], ENTRIES[2], ENTRIES[1]]
    page.click('#ws-applications--2 [data-entry-action="down"]')
    assert shown(page)[1] == ENTRIES and saved(page)["answers"]["applications"] == ENTRIES
    # The first entry cannot move up, the last cannot move down: those buttons are not there.
    assert [page.locator(f"#ws-applications--{n} .ws-entry-actions button").all_text_contents() for n in (1, 2, 3)] == [
        ["Move down application 1", "Remove application 1"],
        ["Move up application 2", "Move down application 2", "Remove application 2"],
        ["Move up application 3", "Remove application 3"]]
    assert axe_violations(page, exclude=FRAME) == []

    page.reload()
    page.wait_for_load_state("load")
    assert shown(page) == (["Application 1", "Application 2", "Application 3"], ENTRIES)

    _, backup = download(page, '[data-action="export-json"]')
    assert json.loads(backup)["answers"] == {"applications": ENTRIES}
    _, text = download(page, '[data-action="export-text"]')
    assert ("Jobs you applied for and people you contacted\nApplication 1\n  Date: 2 January 2030\n  Employer: Acme\n"
            "  Job or role: Clerk\n  How you applied or who you contacted: =HYPERLINK(\"x\")\n  What happened: Waiting\n"
            "Application 2\n") in text.decode("utf-8")
    name, data = download(page, f'{GROUP} [data-entry-action="csv"]')
    assert name == f"{RECORD}-applications.csv"
    assert data == ("\ufeff" + "\r\n".join([
        ",".join(f'"{h}"' for h in HEADER),
        '"2030-01-02","Acme","Clerk","\'=HYPERLINK(""x"")","Waiting","",""',
        '"2030-01-05","Beta, Ltd","","Emailed Sam ""the manager""","","","2030-01-20"',
        '"","Cobalt & Co","Analyst","","\'-","\'@ call them",""']) + "\r\n").encode("utf-8")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADER
    assert [dict(zip(IDS, row)) for row in rows[1:]] == [
        {**{i: "" for i in IDS}, **e, **{k: "'" + v for k, v in e.items() if v[:1] in "=+-@"}} for e in ENTRIES]
    assert rows[1][3] == "'=HYPERLINK(\"x\")"   # text in a spreadsheet, never a formula
    assert "made on this device" in page.locator(f"#ws-applications--csv").text_content()

    # On paper: the entries in a ruled table, then empty rows up to a fortnight's 14.
    text = " ".join(pdf_text(page.pdf(format="A4", margin=MARGIN)).split())   # cells wrap their words
    for value in ("Acme", "Cobalt & Co", "Emailed Sam \"the manager\"", "Date of the next", "12 13 14"):
        assert value in text, f"{value!r} is not in the printed record"
    assert page.locator(".ws-paper tbody tr").count() == 14
    assert page.locator(".ws-paper tbody tr:nth-child(3) td").all_text_contents()[1] == "Cobalt & Co"
    assert page.console_errors == [] and page.offhost_requests == []


def test_ten_entries_reflow_at_320_and_reload_with_saving_off(open_page, base_url):
    page = open_page(None, width=320)
    page.add_init_script("try { localStorage.setItem('after-the-no:save', 'no'); } catch (e) {}")
    page.goto(base_url + PAGE)
    entries = [{"employer": f"Employer number {n} with a long name", "date": f"2030-02-{n:02d}"} for n in range(1, 11)]
    fill(page, BY_SLUG[RECORD], {"applications": entries})
    assert page.locator(".ws-status").text_content() == "Not saving: your answers go when you close this tab"
    overflow = page.evaluate("""() => [...document.querySelectorAll('body *')].filter(e => {
        const r = e.getBoundingClientRect(); return r.width && r.right > document.documentElement.clientWidth + 1; })
        .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className)""")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, overflow
    assert saved(page) is None
    assert saved(page, "sessionStorage")["answers"]["applications"] == entries
    page.reload()
    page.wait_for_load_state("load")
    assert shown(page)[1] == entries
    assert axe_violations(page, exclude=FRAME) == []
    # "My answers" in the same tab: made from this tab's answers, and says so.
    page.goto(base_url + "worksheets/summary/")
    assert page.locator(".summary-status").text_content() == \
        "Saving on this device is off, so this summary uses the answers typed in this tab only."
    assert "Employer number 10 with a long name" in page.locator(".summary-text").text_content()
    assert page.console_errors == []


BAD = {
    "not-a-list": ({"applications": {"employer": "Acme"}},
                   f"This file’s answer to “applications” should be a list of entries, and it is not. {UNCHANGED}"),
    "too-many": ({"applications": [{}] * 501},
                 f"This file has 501 entries in “applications”; a worksheet takes at most 500. {UNCHANGED}"),
    "unknown-field": ({"applications": [{"employer": "Acme"}, {"salary": "30000"}]},
                      f"Entry 2 of “applications” has an answer this worksheet does not ask for (“salary”). {UNCHANGED}"),
    "over-limit": ({"applications": [{"employer": "x" * 301}]},
                   f"Entry 1 of “applications” has an answer longer than 300 characters (“employer”). {UNCHANGED}"),
    "entry-not-object": ({"applications": ["Acme"]}, f"Entry 1 of “applications” is not a set of answers. {UNCHANGED}"),
    "bad-date": ({"applications": [{"date": "2/1/2030"}]},
                 f"Entry 1 of “applications” has a date that is not written as year-month-day, like 2030-01-15 (“date”). {UNCHANGED}"),
    "not-text": ({"applications": [{"employer": 7}]}, f"Entry 1 of “applications” has an answer that is not text (“employer”). {UNCHANGED}"),
}


def test_bad_imports_are_refused_and_change_nothing(open_page, base_url):
    page = chose_to_save(open_page, base_url)(PAGE)
    fill(page, BY_SLUG[RECORD], {"applications": ENTRIES[:1], "appointment-with": "Sam"})
    before, state = saved(page), form_state(page)
    problems = []
    for case, (answers, message) in BAD.items():
        page.evaluate("() => document.querySelector('.ws-message').replaceChildren()")
        page.set_input_files("#ws-import-file", files=[{"name": f"{case}.json", "mimeType": "application/json",
                                                         "buffer": json.dumps(export_payload(RECORD, answers)).encode()}])
        page.wait_for_function("() => document.querySelector('.ws-message').textContent !== ''")
        said = page.locator(".ws-message").text_content()
        if said != message:
            problems.append(f"{case}: said {said!r}, expected {message!r}")
        if saved(page) != before or form_state(page) != state:
            problems.append(f"{case}: the saved answers or the form changed")
    assert problems == []
    # A good file with 500 entries (the most) is taken.
    many = [{"employer": f"E{n}"} for n in range(500)]
    page.set_input_files("#ws-import-file", files=[{"name": "many.json", "mimeType": "application/json",
                                                     "buffer": json.dumps(export_payload(RECORD, {"applications": many})).encode()}])
    page.wait_for_function("() => document.querySelector('.ws-message').textContent.startsWith('Answers imported')")
    assert page.locator(f"{GROUP} .ws-entry").count() == 500 and saved(page)["answers"]["applications"] == many
    assert page.console_errors == []


def test_without_javascript_a_plain_form_that_prints_a_ruled_table(open_page):
    page = open_page(PAGE, js=False)
    assert page.locator(f"{GROUP} fieldset.ws-entry").count() == 3
    assert page.locator(f"{GROUP} legend.ws-entry-title").all_text_contents() == ["Application 1", "Application 2", "Application 3"]
    assert not page.locator(f'{GROUP} [data-entry-action="add"]').is_visible()
    page.fill("#ws-applications--2--employer", "Acme")
    assert page.input_value("#ws-applications--2--employer") == "Acme"
    assert not page.locator(".ws-paper").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".ws-paper").is_visible() and not page.locator(f"{GROUP} .ws-entry-list").is_visible()
    assert page.locator(".ws-paper thead th").all_text_contents() == ["Application number", *HEADER]
    assert page.locator(".ws-paper tbody th").all_text_contents() == [str(n) for n in range(1, 15)]


def test_summary_of_two_worksheets_choose_print_download_mail(open_page, base_url):
    opener = chose_to_save(open_page, base_url)
    page = opener("worksheets/summary/", scheme="dark")   # the dark scheme here, the light one on the record
    assert page.locator(".summary-status").text_content() == \
        "There is nothing here yet. Answers you type in a worksheet show up here."
    assert page.locator(".summary-choose").is_hidden() and page.locator(".summary-actions").is_hidden()
    page.goto(base_url + PAGE)
    fill(page, BY_SLUG[RECORD], {"applications": ENTRIES[:2]})
    # Two worksheets kept as their pages keep them (typing there: test_browser_worksheets.py),
    # one of them by an earlier version of its worksheet.
    momentum = export_payload("momentum-plan", {"main-goal": "Three careful applications"})
    old = export_payload("follow-up-plan", {"contact-name": "Ana", "old-question": "kept"}, worksheet_version=0)
    for slug, data in [("momentum-plan", momentum), ("follow-up-plan", old)]:
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(slug), json.dumps(data)])
    page.goto(base_url + "worksheets/summary/")
    assert page.locator(".summary-status").text_content() == ""
    labels = page.locator(".summary-pick label").all_text_contents()
    assert [label.split(" (")[0] for label in labels] == ["Follow-up plan", "Momentum plan", "Job-search record"]
    text = page.locator(".summary-text").text_content()
    for expected in ("Three careful applications", "    Employer: Beta, Ltd", "    Date: 2 January 2030",
                     "Their name: Ana", "Left out: answers to questions this worksheet no longer asks (old-question)."):
        assert expected in text, f"{expected!r} is not in the summary:\n{text}"
    assert axe_violations(page, exclude=FRAME) == []

    page.uncheck("#summary-pick-momentum-plan")
    text = page.locator(".summary-text").text_content()
    assert "Momentum plan" not in text and "Three careful applications" not in text and "Beta, Ltd" in text
    printed = pdf_text(page.pdf(format="A4", margin=MARGIN))
    assert "Three careful applications" not in printed and "Beta, Ltd" in printed and "Follow-up plan" in printed
    for chrome in ("What to include", "Email it to my adviser", "Download as a text file", "Skip to content"):
        assert chrome not in printed, f"{chrome!r} is printed"
    name, data = download(page, '[data-action="download"]')
    assert name == "my-answers.txt" and data.decode("utf-8") == page.locator(".summary-text").text_content()
    assert "Three careful applications" not in data.decode("utf-8")
    href = page.get_attribute('[data-action="mail"]', "href")
    query = parse_qs(urlsplit(href).query)
    assert query["body"] == [text.replace("\n", "\r\n")] and query["subject"] == ["My answers: After the No"]
    assert page.locator(".summary-mail-note").is_hidden()

    page.check("#summary-pick-momentum-plan")   # with everything in, still short enough?
    kept = stored(page, RECORD)   # thirty applications in the record, as its page keeps them
    kept["answers"]["applications"] = [{"employer": f"Employer {n}", "role": "A role"} for n in range(30)]
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [storage_key(RECORD), json.dumps(kept)])
    page.reload()
    assert page.locator('[data-action="mail"]').is_hidden()
    assert page.locator(".summary-mail-note").text_content() == ("This summary is too long for an email link. Download it "
                                                                 "as a text file, then attach that file to an email to your adviser.")
    assert page.console_errors == [] and page.offhost_requests == []
