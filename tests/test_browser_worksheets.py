"""Worksheets in Chromium: autosave, export/import, clear/undo, print, reminders, keyboard, axe."""
from __future__ import annotations

import json
import re
from io import BytesIO

import pytest
from pypdf import PdfReader

from browser_support import FRAME, axe_violations, chose_to_save, show_look
from worksheet_support import BY_SLUG, SLUGS, export_payload, fill, form_state, storage_key, stored

UNCHANGED = "Your answers have not changed."
BLOCKED = "Answers will not be kept: this browser is blocking storage. Use \u201cSave a backup file\u201d to keep a copy."
STUB_PRINT = """() => { window.__prints = [];
    window.print = () => { window.__prints.push(document.querySelector('#ws-form').className); }; }"""


@pytest.fixture
def open_page(open_page, base_url):
    """These tests are about what is kept once the person chose to save on this device; the
    choice itself is tested in test_browser_privacy.py."""
    return chose_to_save(open_page, base_url)


def url(slug):
    return f"worksheets/{slug}/"


def expected_state(sheet, answers):
    """form_state() for a form showing `answers`."""
    state = {}
    for f in sheet.fields:
        value = answers.get(f.id)
        state[f.id] = (value or []) if f.kind in ("checklist", "entries") else (value or "")
    return state


def export(page):
    with page.expect_download() as info:
        page.click('[data-action="export-json"]')
    download = info.value
    return download.suggested_filename, json.loads(open(download.path(), encoding="utf-8").read())


def import_file(page, name, data: bytes):
    page.set_input_files("#ws-import-file", files=[{"name": name, "mimeType": "application/json", "buffer": data}])


def test_export_clear_import_gives_identical_answers(open_page):
    slug = "interview-self-assessment"
    sheet = BY_SLUG[slug]
    page = open_page(url(slug))
    answers = fill(page, sheet)
    name, exported = export(page)
    assert name == f"{slug}-answers.json"
    assert set(exported) == {"format_version", "worksheet", "worksheet_version", "saved", "answers"}
    assert exported["answers"] == answers
    page.click('[data-action="clear"]')
    page.click('[data-action="clear-yes"]')
    assert form_state(page) == expected_state(sheet, {})
    assert stored(page, slug)["answers"] == {}
    import_file(page, name, json.dumps(exported).encode())
    page.wait_for_function("() => document.querySelector('.ws-message').textContent.startsWith('Answers imported')")
    assert page.locator(".ws-message").text_content() == f"Answers imported from {name}."
    assert form_state(page) == expected_state(sheet, answers)
    assert stored(page, slug)["answers"] == answers
    _, again = export(page)
    assert again["answers"] == exported["answers"]


def test_export_text_is_readable(open_page):
    slug = "follow-up-plan"
    page = open_page(url(slug))
    page.fill("#ws-contact-name", "Ana <b>Ruiz</b>")
    with page.expect_download() as info:
        page.click('[data-action="export-text"]')
    assert info.value.suggested_filename == f"{slug}-answers.txt"
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith("Follow-up plan\n==============\n\nThe person\n----------\nTheir name\nAna <b>Ruiz</b>\n\n"
                           "Their role and employer\n(no answer)\n")


BAD_IMPORTS = {
    "not-json": (b"this is not json {", f"This file is not a worksheet export: it is not JSON. {UNCHANGED}"),
    "not-an-object": (b"[1, 2]", f"This file is not a worksheet export. {UNCHANGED}"),
    "other-worksheet": (json.dumps(export_payload("feedback-log", {"job-1": "x"})).encode(),
                        f"This file holds answers for another worksheet (\u201cfeedback-log\u201d). {UNCHANGED}"),
    "unknown-format": (json.dumps(export_payload("momentum-plan", {}, format_version=2)).encode(),
                       f"This file was made in a format this site does not know (format_version 2). {UNCHANGED}"),
    "too-big": (json.dumps(export_payload("momentum-plan", {"main-goal": "x" * (1024 * 1024)})).encode(),
                f"This file is too big to be a worksheet export (over 1 MB). {UNCHANGED}"),
    "proto-key": (b'{"format_version": 1, "worksheet": "momentum-plan", "answers": {"__proto__": {"x": "1"}}}',
                  f"This file contains a name that is not allowed (\u201c__proto__\u201d). {UNCHANGED}"),
    "constructor-key": (json.dumps(export_payload("momentum-plan", {"main-goal": "x"}, extra={"constructor": 1})).encode(),
                        f"This file contains a name that is not allowed (\u201cconstructor\u201d). {UNCHANGED}"),
    "prototype-key": (json.dumps(export_payload("momentum-plan", {"prototype": "x"})).encode(),
                      f"This file contains a name that is not allowed (\u201cprototype\u201d). {UNCHANGED}"),
    "number-value": (json.dumps(export_payload("momentum-plan", {"main-goal": 3})).encode(),
                     f"This file has an answer that is not text (\u201cmain-goal\u201d). {UNCHANGED}"),
    "list-of-numbers": (json.dumps(export_payload("momentum-plan", {"practice-skills": [1]})).encode(),
                        f"This file has an answer that is not text (\u201cpractice-skills\u201d). {UNCHANGED}"),
    "no-answers": (json.dumps(export_payload("momentum-plan", None)).encode(), f"This file is not a worksheet export. {UNCHANGED}"),
}


def test_bad_import_changes_nothing_and_says_why(open_page):
    """Every kind of bad file, one after another on one filled worksheet: each says why, and
    nothing changes. (The rules themselves: tests/js/worksheet.test.js.)"""
    slug = "momentum-plan"
    sheet = BY_SLUG[slug]
    page = open_page(url(slug))
    answers = fill(page, sheet)
    before = stored(page, slug)
    problems = []
    for case in sorted(BAD_IMPORTS):
        data, message = BAD_IMPORTS[case]
        page.evaluate("() => { document.querySelector('.ws-message').textContent = ''; }")
        import_file(page, f"{case}.json", data)
        page.wait_for_function("() => document.querySelector('.ws-message').textContent !== ''")
        shown = page.locator(".ws-message").text_content()
        if shown != message:
            problems.append(f"{case}: says {shown!r}, expected {message!r}")
        if page.locator(".ws-message").get_attribute("role") != "alert" or not page.locator(".ws-message").is_visible():
            problems.append(f"{case}: the message is not a visible alert")
        if form_state(page) != expected_state(sheet, answers) or stored(page, slug) != before:
            problems.append(f"{case}: the answers changed")
        if not page.evaluate("() => ({}).x === undefined && Object.prototype.x === undefined"):
            problems.append(f"{case}: Object.prototype was changed")
    assert problems == [], "\n".join(problems)
    assert page.console_errors == []


def test_markup_in_imported_values_is_shown_as_text(open_page):
    slug = "momentum-plan"
    page = open_page(url(slug))
    evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    data = export_payload(slug, {"main-goal": evil, "old-question": evil})
    import_file(page, "markup.json", json.dumps(data).encode())
    page.wait_for_function("() => document.querySelector('.ws-message').textContent !== ''")
    assert page.input_value("#ws-main-goal") == evil
    assert page.locator(".ws-orphans dd").text_content() == evil
    assert page.locator("#ws-form img, #ws-form script").count() == 0
    assert page.evaluate("() => window.__pwned") is None


def test_clear_asks_first_then_undo_restores(open_page):
    slug = "feedback-log"
    sheet = BY_SLUG[slug]
    page = open_page(url(slug))
    answers = fill(page, sheet)
    page.click('[data-action="clear"]')
    assert page.locator(".ws-confirm").is_visible()
    assert page.evaluate("() => document.activeElement.dataset.action") == "clear-yes"
    page.click('[data-action="clear-no"]')
    assert not page.locator(".ws-confirm").is_visible()
    assert page.evaluate("() => document.activeElement.dataset.action") == "clear"
    assert form_state(page) == expected_state(sheet, answers)
    page.click('[data-action="clear"]')
    page.click('[data-action="clear-yes"]')
    assert form_state(page) == expected_state(sheet, {})
    assert page.locator(".ws-message").text_content() == "Your answers have been cleared. Undo"
    assert page.evaluate("() => document.activeElement.textContent") == "Undo"
    page.click('.ws-message [data-action="undo"]')
    assert form_state(page) == expected_state(sheet, answers)
    assert stored(page, slug)["answers"] == answers
    assert page.locator(".ws-message").text_content() == "Your answers are back."


def test_storage_blocked_is_said_and_the_form_still_works(open_page, base_url):
    page = open_page(None)
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('blocked', 'SecurityError'); };")
    page.goto(base_url + url("momentum-plan"))
    assert page.locator(".ws-status").text_content() == BLOCKED
    page.fill("#ws-main-goal", "Three applications")
    assert page.locator(".ws-status").text_content() == BLOCKED
    assert page.input_value("#ws-main-goal") == "Three applications"
    assert page.console_errors == []


def test_storage_full_is_said(open_page):
    page = open_page(url("momentum-plan"))
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); }; }""")
    page.fill("#ws-main-goal", "Three applications")
    assert page.locator(".ws-status").text_content() == BLOCKED


def test_answers_to_removed_questions_are_kept(open_page):
    slug = "follow-up-plan"
    page = open_page(url(slug))
    seeded = export_payload(slug, {"old-question": "An answer from version 0", "contact-name": "Ana",
                                   "connected-where": ["LinkedIn", "A network that was removed"]}, worksheet_version=0)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [storage_key(slug), json.dumps(seeded)])
    page.reload()
    assert page.input_value("#ws-contact-name") == "Ana"
    assert page.is_checked("#ws-connected-where--1")
    assert page.locator(".ws-orphans dt").all_text_contents() == ["old-question"]
    page.fill("#ws-contact-role", "Team lead")  # a change saves the whole set again
    data = stored(page, slug)
    assert data["worksheet_version"] == BY_SLUG[slug].version
    assert data["answers"] == {"old-question": "An answer from version 0", "contact-name": "Ana",
                               "contact-role": "Team lead", "connected-where": ["LinkedIn", "A network that was removed"]}
    _, exported = export(page)
    assert exported["answers"] == data["answers"]
    assert page.input_value("#ws-why-stay-in-touch") == ""  # new questions start empty


def test_calendar_reminders(open_page):
    slug = "follow-up-plan"
    page = open_page(url(slug))
    page.click('[data-action="ics"]')
    assert page.locator(".ws-message").text_content() == "Add at least one check-in date first."
    page.fill("#ws-contact-name", "Ana Ruiz; team lead, Acme \\ Co and a very long name that goes on and on for a while")
    page.fill("#ws-check-in-first", "2030-01-15")
    page.fill("#ws-check-in-third", "2030-12-31")
    with page.expect_download() as info:
        page.click('[data-action="ics"]')
    assert info.value.suggested_filename == f"{slug}-reminders.ics"
    raw = open(info.value.path(), "rb").read()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.decode().split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = raw.decode().replace("\r\n ", "").split("\r\n")[:-1]
    assert unfolded[:5] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//After the No//Worksheets//EN",
                            "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    assert unfolded[-1] == "END:VCALENDAR"
    events = [line for line in unfolded if line.startswith(("UID", "DTSTART", "DTEND", "SUMMARY"))]
    summary = "SUMMARY:Check in with Ana Ruiz\\; team lead\\, Acme \\\\ Co and a very long name that goes on and on for a while"
    assert events == [
        "UID:follow-up-plan-check-in-first-2030-01-15@after-the-no", "DTSTART;VALUE=DATE:20300115",
        "DTEND;VALUE=DATE:20300116", summary,
        "UID:follow-up-plan-check-in-third-2030-12-31@after-the-no", "DTSTART;VALUE=DATE:20301231",
        "DTEND;VALUE=DATE:20310101", summary,
    ]
    assert unfolded.count("BEGIN:VEVENT") == 2 and unfolded.count("END:VEVENT") == 2
    assert sum(bool(re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", line)) for line in unfolded) == 2


def test_print_blank_leaves_answers_alone(open_page):
    slug = "interview-self-assessment"
    sheet = BY_SLUG[slug]
    page = open_page(url(slug))
    page.evaluate(STUB_PRINT)
    answers = fill(page, sheet)
    before = stored(page, slug)
    page.click('[data-action="print-blank"]')
    assert page.evaluate("() => window.__prints") == ["worksheet ws-js ws-blank"]
    text = pdf_text(page.pdf(format="A4", margin=MARGIN))
    assert "answer-to-redo" not in text and "First line for" not in text
    assert "Which answer would you give in a different way now?" in text
    assert form_state(page) == expected_state(sheet, answers) and stored(page, slug)["answers"] == before["answers"]
    page.click('[data-action="print"]')
    assert page.evaluate("() => window.__prints") == ["worksheet ws-js ws-blank", "worksheet ws-js"]


def test_print_shows_long_answers_in_full(open_page):
    page = open_page(url("follow-up-plan"))
    long_answer = "\n".join(f"Line {n} of a long answer that keeps going." for n in range(1, 31))
    page.fill("#ws-first-message", long_answer)
    text = pdf_text(page.pdf(format="A4", margin=MARGIN))
    for n in (1, 15, 30):
        assert f"Line {n} of a long answer that keeps going." in text
    assert "Print my answers" not in text and "Download calendar reminders" not in text


# A browser's print dialog adds about 10 mm of margin on each side; count pages as it would.
MARGIN = {side: "10mm" for side in ("top", "right", "bottom", "left")}


def pdf_text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def test_keyboard_alone_completes_a_worksheet(open_page):
    slug = "interview-self-assessment"
    sheet = BY_SLUG[slug]
    page = open_page(url(slug), locale="en-US")
    done, last = set(), None
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            return { name: e.name || '', type: e.type || '', id: e.id, inForm: !!e.closest('#ws-form .ws-section'),
                     after: !!(e.compareDocumentPosition(document.querySelector('#ws-form')) & 2) &&
                            !e.closest('#ws-form') }; }""")
        if info["after"] and done:
            break
        if not info["inForm"] or info["id"] == last:
            continue
        last = info["id"]
        kind = info["type"]
        if kind == "text" or kind == "textarea":
            page.keyboard.type(f"Typed for {info['name']}")
        elif kind == "date":
            page.keyboard.type("01152030")
        elif kind == "radio":
            page.keyboard.press("ArrowRight")  # moves to and picks the second choice
        elif kind == "checkbox":
            page.keyboard.press("Space")
        done.add(info["name"])
    assert done == set(sheet.field_ids)
    answers = stored(page, slug)["answers"]
    assert answers["job"] == "Typed for job"
    assert answers["interview-date"] == "2030-01-15"
    assert answers["answers-overall"] == "2"
    assert answers["example-sources"] == ["A job", "Volunteering", "Study or training", "Caring or family life", "Life outside work"]
    assert set(answers) == set(sheet.field_ids)


def test_toolbar_and_confirm_work_by_keyboard(open_page):
    page = open_page(url("momentum-plan"))
    fill(page, BY_SLUG["momentum-plan"])
    page.focus('[data-action="clear"]')
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.dataset.action") == "clear-yes"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.textContent") == "Undo"
    page.keyboard.press("Enter")
    assert page.input_value("#ws-main-goal") == "main-goal <b>answer</b> & more"


def test_without_javascript_the_form_is_complete(open_page):
    page = open_page(url("follow-up-plan"), js=False)
    assert not page.locator(".ws-toolbar").is_visible()
    assert not page.locator(".ws-reminders").is_visible()
    assert page.locator("#ws-form textarea").first.is_visible()
    page.fill("#ws-contact-name", "Ana")
    page.keyboard.press("Enter")  # implicit submission must not happen
    assert page.input_value("#ws-contact-name") == "Ana"


def print_pages(page, state: str) -> dict[str, int]:
    """Pages per print of the page as it is now, on A4 and US Letter: "<paper> <state>" -> pages."""
    return {f"{paper} {state}": page_count(page.pdf(format=paper, margin=MARGIN)) for paper in ("A4", "Letter")}


@pytest.mark.parametrize("slug", SLUGS)
def test_each_worksheet_fills_prints_reloads_and_passes_axe(open_page, slug, record_property, capsys):
    """Each worksheet through the states a fresh load does not show, on three loads (every page as
    loaded is in the site-wide audit, test_browser_audit.py):
    - without JavaScript, printed blank: at most two pages on A4 and on Letter;
    - at 390 px, light: the status says where answers are kept; printed blank, two pages at most;
      filled in, three at most; with the answers and the clear prompt open, no axe violation;
    - at 1280 px, with the dark palette chosen (Material's toggle) and reloaded: every answer is back
      and stored as its format says; with the clear prompt open, no axe violation."""
    sheet = BY_SLUG[slug]
    problems = []
    page = open_page(url(slug), js=False)
    counts = print_pages(page, "blank, no JS")
    page = open_page(url(slug), width=390)
    if page.locator(".ws-status").text_content() != "Saving on this device":
        problems.append(f".ws-status says {page.locator('.ws-status').text_content()!r} before typing")
    counts |= print_pages(page, "blank")
    answers = fill(page, sheet)
    if page.locator(".ws-status").text_content() != "Saving on this device":
        problems.append(f".ws-status says {page.locator('.ws-status').text_content()!r} once filled")
    counts |= print_pages(page, "filled")
    page.click('[data-action="clear"]')  # the confirm step is part of the page too
    problems += [f"[390 light, filled, clear prompt open] axe: {v}" for v in axe_violations(page, exclude=FRAME)]
    show_look(page, 1280, "slate")   # Material's toggle: dark, and kept
    page.reload()
    if page.locator("body").get_attribute("data-md-color-scheme") != "slate":
        problems.append("reloaded after choosing the dark palette: the page is not in it")
    if form_state(page) != expected_state(sheet, answers):
        problems.append(f"reloaded: the form shows {form_state(page)}, expected {expected_state(sheet, answers)}")
    data = stored(page, slug) or {}
    if data.get("answers") != answers:
        problems.append(f"reloaded: stored answers {data.get('answers')}, expected {answers}")
    kept_as = (data.get("format_version"), data.get("worksheet"), data.get("worksheet_version"))
    if kept_as != (1, slug, sheet.version):
        problems.append(f"stored as {kept_as}, expected {(1, slug, sheet.version)}")
    page.click('[data-action="clear"]')
    problems += [f"[1280 dark, filled, clear prompt open] axe: {v}" for v in axe_violations(page, exclude=FRAME)]
    problems += [f"console: {e}" for e in page.console_errors] + [f"other host: {u}" for u in page.offhost_requests]
    for name, count in counts.items():
        record_property(name, count)
    with capsys.disabled():
        print(f"\n{slug}: {counts}")
    limits = {name: 3 if "filled" in name else 2 for name in counts}
    problems += [f"printed {name}: {count} pages, at most {limits[name]}" for name, count in counts.items() if count > limits[name]]
    assert problems == [], f"/{url(slug)}:\n" + "\n".join(problems)


# ---------------------------------------------------------------- number fields and stages

STUCK = "where-am-i-stuck"
LABELS = {f.id: f.label for f in BY_SLUG[STUCK].fields}


def test_a_bad_number_says_what_is_wrong_and_keeps_the_saved_answer(open_page):
    page = open_page(url(STUCK))
    error = page.locator("#ws-applications--error")
    page.fill("#ws-applications", "forty")
    assert error.text_content() == "Not saved: use digits only, for example 12."
    assert page.get_attribute("#ws-applications", "aria-invalid") == ""
    assert page.get_attribute("#ws-applications", "aria-describedby") == "ws-applications--error"
    assert "applications" not in (stored(page, STUCK) or {"answers": {}})["answers"]
    page.fill("#ws-applications", " 40 ")
    assert error.text_content() == "" and page.get_attribute("#ws-applications", "aria-invalid") is None
    assert stored(page, STUCK)["answers"]["applications"] == "40"
    for typed, problem in [("-3", "use 0 or more."), ("100000", "use a number up to 9999."), ("4.5", "use digits only, for example 12.")]:
        page.fill("#ws-applications", typed)
        assert error.text_content() == f"Not saved: {problem} Your saved answer (40) is kept."
        assert stored(page, STUCK)["answers"]["applications"] == "40"
    page.reload()
    assert page.input_value("#ws-applications") == "40"
    assert page.console_errors == []


def test_the_page_says_which_stage_loses_the_most_and_copes_with_zeros(open_page):
    page = open_page(url(STUCK))
    answer = page.locator(".ws-result-answer")
    assert answer.text_content() == ""  # nothing typed yet: no verdict
    page.fill("#ws-applications", "40")
    assert answer.text_content() == "Fill in two numbers next to each other to see where you lose the most."
    page.fill("#ws-replies", "0")
    page.fill("#ws-first-interviews", "0")
    assert answer.text_content() == (f"Your biggest drop is from “{LABELS['applications']}” to “{LABELS['replies']}”: "
                                     "40 of 40 (100%) went no further. Its help is marked below.")
    page.fill("#ws-replies", "10")
    page.fill("#ws-first-interviews", "6")
    page.fill("#ws-later-rounds", "1")
    page.fill("#ws-offers", "1")
    assert answer.text_content() == (f"Your biggest drop is from “{LABELS['first-interviews']}” to “{LABELS['later-rounds']}”: "
                                     "5 of 6 (83%) went no further. Its help is marked below.")
    assert page.eval_on_selector_all(".ws-result-top", "els => els.map(e => e.dataset.stage)") == ["later-rounds"]
    page.fill("#ws-later-rounds", "9")
    assert answer.text_content() == (f"Check your numbers: “{LABELS['later-rounds']}” (9) is more than "
                                     f"“{LABELS['first-interviews']}” (6).")
    assert "NaN" not in page.locator("article").inner_text()
    assert page.console_errors == []


def test_an_import_with_a_bad_number_changes_nothing(open_page):
    page = open_page(url(STUCK))
    page.fill("#ws-applications", "40")
    before = stored(page, STUCK)
    import_file(page, "bad.json", json.dumps(export_payload(STUCK, {"applications": "lots"})).encode())
    page.wait_for_function("() => document.querySelector('.ws-message').textContent !== ''")
    assert page.locator(".ws-message").text_content() == \
        f"This file has an answer that is not a whole number from 0 to 9999 (“applications”). {UNCHANGED}"
    assert stored(page, STUCK) == before and page.input_value("#ws-applications") == "40"


def test_a_spanish_worksheet_asks_and_refuses_in_spanish(open_page):
    """/es/: the scripts read the page's Spanish strings (locales/es/interface.po): the save
    prompt, the status line and a refused import of an English-made answer file; a date is
    written in Spanish for paper, in a browser set to US English (enhance.js dateLocale())."""
    page = open_page("es/worksheets/feedback-log/", saving=False, locale="en-US")
    page.locator("#ws-form input[type=text]").first.fill("Acme")
    page.fill("#ws-asked-on-1", "2030-01-02")
    assert page.locator("[data-field=asked-on-1] .ws-mirror").text_content() == "2 de enero de 2030"
    assert page.locator(".save-ask-text").text_content() == (
        "¿Guardamos tus respuestas en este dispositivo? Si usas una computadora compartida, elige que no: "
        "así no queda nada al cerrar esta pestaña.")
    assert page.get_by_role("button", name="Guardar mis respuestas en este dispositivo").is_visible()
    assert page.locator(".ws-status").text_content() == (
        "Todavía no se guarda en este dispositivo: elige abajo. Mientras tanto, tus respuestas solo quedan en esta pestaña.")
    shown = {}
    for name, data in {"momentum-plan-answers.json": json.dumps(export_payload("momentum-plan", {"main-goal": "x"})).encode(),
                       "notes.json": b"not json"}.items():
        page.evaluate("() => { document.querySelector('.ws-message').textContent = ''; }")
        import_file(page, name, data)
        page.wait_for_function("() => document.querySelector('.ws-message').textContent !== ''")
        shown[name] = page.locator(".ws-message").text_content()
    assert shown == {
        "momentum-plan-answers.json": "Este archivo tiene respuestas de otra hoja de trabajo («momentum-plan»). Tus respuestas no cambiaron.",
        "notes.json": "Este archivo no es una exportación de una hoja de trabajo: no está en formato JSON. Tus respuestas no cambiaron.",
    }
    assert page.console_errors == []
