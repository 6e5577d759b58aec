"""Loading and checking worksheet definitions: exact messages for every kind of mistake."""
from __future__ import annotations

import pytest

from after_the_no.definitions import DefinitionError, parse
from after_the_no.worksheets.load import build, load_worksheet
from after_the_no.worksheets.model import Field, Stage
from worksheet_support import BY_SLUG, FIXTURES, ROOT, SHEETS, SLUGS


BAD = {
    "unknown-kind": "worksheets/unknown-kind.yml:15: sections[0].fields[1].kind: "
                    "'dropdown' is not one of text, long-text, scale, choice, checklist, date, number, entries",
    "duplicate-id": "worksheets/duplicate-id.yml:17: sections[1].fields[0].id: "
                    "duplicate id 'name' (first used at sections[0].fields[0].id)",
    "missing-label": "worksheets/missing-label.yml:11: sections[0].fields[0].label: missing (required)",
    "unknown-key": "worksheets/unknown-key.yml:14: sections[0].fields[0].placeholder: "
                   "unknown key (allowed: add, fields, high, hint, id, item, kind, label, low, max, min, options, reminder, rows)",
    "empty-options": "worksheets/empty-options.yml:14: sections[0].fields[0].options: must not be empty",
    "broken-yaml": "worksheets/broken-yaml.yml:7: (top): broken YAML: expected ',' or ']', but got '<stream end>'",
    "repeat-clash": "worksheets/repeat-clash.yml:18: sections[1].fields[0].id: "
                    "duplicate id 'place-2' (first used at sections[0].fields[0].id)",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gives_exact_message(name):
    with pytest.raises(DefinitionError) as error:
        load_worksheet(FIXTURES / "worksheets" / f"{name}.yml", FIXTURES)
    assert str(error.value) == BAD[name]


def sheet_from(text: str, name: str = "worksheets/sample.yml"):
    return build(parse(text, name))


HEAD = "title: T\ndescription: D\nintro: I\norder: 1\nminutes: 5\nversion: 1\n"


@pytest.mark.parametrize("field, message", [
    ("{id: a, kind: choice, label: A}", "sections[0].fields[0].options: missing (required for choice)"),
    ("{id: a, kind: text, label: A, options: [x]}", "sections[0].fields[0].options: only choice and checklist fields have options"),
    ("{id: a, kind: scale, label: A, low: L}", "sections[0].fields[0].high: missing (required for scale: the words for 1 and 5)"),
    ("{id: a, kind: text, label: A, low: L}", "sections[0].fields[0].low: only scale fields have low and high"),
    ("{id: a, kind: text, label: A, reminder: R}", "sections[0].fields[0].reminder: only date fields have a reminder"),
    ("{id: a, kind: date, label: A, reminder: 'See {nobody}'}", "sections[0].fields[0].reminder: {nobody} is not the id of a field"),
    ("{id: Bad_Id, kind: text, label: A}", "sections[0].fields[0].id: 'Bad_Id' must match [a-z][a-z0-9]*(-[a-z0-9]+)*"),
    ("{id: a, kind: choice, label: A, options: [x, x]}", "sections[0].fields[0].options[1]: duplicate option 'x'"),
    ("{id: a, kind: text, label: '  '}", "sections[0].fields[0].label: must not be empty"),
    ("{id: a, kind: text, label: A, min: 1}", "sections[0].fields[0].min: only number fields have min and max"),
    ("{id: a, kind: number, label: A, max: ten}", "sections[0].fields[0].max: expected a whole number, got text"),
    ("{id: a, kind: number, label: A, min: 5, max: 5}", "sections[0].fields[0].max: 5 must be more than min (5)"),
    ("{id: a, kind: number, label: A, min: 2.5}", "sections[0].fields[0].min: expected a whole number, got a number"),
])
def test_field_rules(field, message):
    with pytest.raises(DefinitionError) as error:
        sheet_from(HEAD + f"sections:\n  - id: s\n    title: S\n    fields:\n      - {field}\n")
    assert str(error.value) == f"worksheets/sample.yml:11: {message}"


def test_every_problem_is_reported_at_once():
    with pytest.raises(DefinitionError) as error:
        sheet_from("title: T\nminutes: 99\nversion: 1\ncolour: red\nsections: []\n")
    assert str(error.value).splitlines() == [
        "worksheets/sample.yml:1: description: missing (required)",
        "worksheets/sample.yml:1: intro: missing (required)",
        "worksheets/sample.yml:1: order: missing (required)",
        "worksheets/sample.yml:2: minutes: 99 is outside 1..60",
        "worksheets/sample.yml:4: colour: unknown key (allowed: description, intro, minutes, order, sections, see_also, stages, title, version)",
        "worksheets/sample.yml:5: sections: must not be empty",
    ]


def test_file_name_must_be_a_slug():
    with pytest.raises(DefinitionError) as error:
        sheet_from(HEAD + "sections:\n  - id: s\n    title: S\n    fields:\n      - {id: a, kind: text, label: A}\n",
                   "worksheets/My Sheet.yml")
    assert str(error.value) == "worksheets/My Sheet.yml:1: (file name): 'My Sheet' must match [a-z][a-z0-9]*(-[a-z0-9]+)*"


def test_good_fixture_becomes_dataclasses():
    sheet = load_worksheet(FIXTURES / "worksheets" / "good.yml", FIXTURES)
    assert (sheet.slug, sheet.title, sheet.minutes, sheet.version) == ("good", "Good sheet", 5, 2)
    assert sheet.field_ids == ["name", "story", "mood", "colour", "pets", "when", "place-1", "place-2"]
    assert [s.title for s in sheet.sections] == ["First", "Visit 1", "Visit 2"]
    assert [s.id for s in sheet.sections] == ["first", "visit-1", "visit-2"]
    assert sheet.fields[0] == Field("name", "text", "Your name", "Just your first name.")
    assert sheet.fields[2].choices == ("1", "2", "3", "4", "5")
    assert (sheet.fields[2].low, sheet.fields[2].high) == ("Low", "High")
    assert sheet.fields[4].options == ("Cat", "Dog", "Fish")
    assert sheet.fields[5].reminder == "Call {name}"
    assert sheet.has_reminders


def test_the_worksheets_in_order():
    assert SLUGS == ["interview-self-assessment", "feedback-log", "follow-up-plan", "momentum-plan", "where-am-i-stuck",
                     "job-search-record"]


def test_feedback_log_repeats_for_three_interviews():
    sheet = SHEETS[1]
    assert [s.title for s in sheet.sections] == ["Interview 1", "Interview 2", "Interview 3"]
    assert sheet.field_ids[:11] == ["job-1", "asked-who-1", "asked-on-1", "asked-what-1", "status-1", "asked-how-1",
                                   "they-said-1", "strengths-1", "to-work-on-1", "you-replied-1", "act-on-1"]
    assert sheet.field_ids[-1] == "act-on-3"


def test_follow_up_plan_has_calendar_reminders():
    sheet = SHEETS[2]
    assert [f.id for f in sheet.fields if f.reminder] == ["check-in-first", "check-in-second", "check-in-third"]


@pytest.mark.parametrize("sheet", SHEETS, ids=SLUGS)
def test_every_kind_is_used_somewhere_and_every_field_has_a_label(sheet):
    assert all(f.label.strip() for f in sheet.fields)
    assert len(set(sheet.field_ids)) == len(sheet.field_ids)


def test_all_kinds_are_used_across_the_worksheets():
    assert {f.kind for s in SHEETS for f in s.fields} == {"text", "long-text", "scale", "choice", "checklist", "date", "number",
                                                                   "entries"}


@pytest.mark.parametrize("sheet", SHEETS, ids=SLUGS)
def test_worksheet_words_are_plain(sheet):
    import textstat
    words = [sheet.intro] + [s.intro for s in sheet.sections if s.intro]
    words += [f"{f.label} {f.hint}" for f in sheet.fields]
    grade = textstat.flesch_kincaid_grade(" ".join(w if w.rstrip().endswith((".", "?")) else w + "." for w in words))
    assert grade <= 8, f"{sheet.slug}: reading grade {grade}"


# That no sentence is copied from the source article is checked on the built site, worksheet
# pages included: tests/test_html_originality.py.



def test_the_schema_and_the_kind_table_name_the_same_kinds():
    """A kind in schema.json with no entry in the table (or the other way) stops every build."""
    from after_the_no.worksheets.load import kinds_in_schema
    from after_the_no.worksheets.model import ENTRY_KINDS, KINDS
    assert kinds_in_schema() == list(KINDS) == ["text", "long-text", "scale", "choice", "checklist", "date", "number",
                                                 "entries"]
    assert kinds_in_schema("entryField") == list(ENTRY_KINDS) == ["text", "long-text", "date"]


def test_readme_example_is_a_valid_worksheet():
    readme = (ROOT / "worksheets" / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    sheet = sheet_from(example, "worksheets/follow-up-plan.yml")
    assert sheet.field_ids == ["contact-name", "why-stay-in-touch", "how-it-went", "asked-how", "connected-where",
                               "check-in-first", "applications", "job-1", "job-2", "job-3"]


# ---------------------------------------------------------------- number fields, stages, see_also

NUMBERS = ("sections:\n  - id: s\n    title: S\n    fields:\n"
           "      - {id: sent, kind: number, label: Sent}\n"
           "      - {id: heard, kind: number, label: Heard, max: 500}\n"
           "      - {id: note, kind: text, label: Note}\n")


def test_a_number_field_has_a_range_with_defaults():
    sheet = sheet_from(HEAD + NUMBERS)
    assert [(f.kind, f.min, f.max) for f in sheet.fields] == [("number", 0, 9999), ("number", 0, 500), ("text", 0, 9999)]


def test_stages_name_number_fields_in_order_with_help_and_a_guide_link():
    sheet = sheet_from(HEAD + NUMBERS + "stages:\n  - field: sent\n"
                       "  - {field: heard, help: Look at the letter., link: situations/many-rejections.md#applications}\n")
    assert sheet.stages == (Stage("sent"), Stage("heard", "Look at the letter.", "situations/many-rejections.md#applications"))


@pytest.mark.parametrize("stages, messages", [
    ("  - field: sent\n", ["14: stages: needs at least two stages (a drop is between two counts)"]),
    ("  - field: sent\n  - {field: note, help: H, link: a.md}\n",
     ["16: stages[1].field: 'note' is not the id of a number field (number fields: heard, sent)"]),
    ("  - field: sent\n  - {field: heard}\n",
     ["16: stages[1].help: missing (required)", "16: stages[1].link: missing (required)"]),
    ("  - field: sent\n  - {field: heard, help: H, link: 'https://example.org/'}\n",
     ["16: stages[1].link: 'https://example.org/' must be a guide page under docs/, e.g. "
      "situations/many-rejections.md#applications"]),
    ("  - field: sent\n  - {field: sent, help: H, link: a.md}\n", ["16: stages[1].field: 'sent' is already a stage"]),
])
def test_bad_stages_are_reported_where_they_are(stages, messages):
    with pytest.raises(DefinitionError) as error:
        sheet_from(HEAD + NUMBERS + "stages:\n" + stages)
    assert str(error.value).splitlines() == [f"worksheets/sample.yml:{m}" for m in messages]


def test_see_also_links_must_be_guide_pages():
    sheet = sheet_from(HEAD + "see_also:\n  - {text: Many in a row, link: situations/many-rejections.md}\n" + NUMBERS)
    assert sheet.see_also == (("Many in a row", "situations/many-rejections.md"),)
    with pytest.raises(DefinitionError) as error:
        sheet_from(HEAD + "see_also:\n  - {text: Elsewhere, link: ../x.md}\n" + NUMBERS)
    assert str(error.value) == ("worksheets/sample.yml:8: see_also[0].link: '../x.md' must be a guide page under "
                                "docs/, e.g. situations/many-rejections.md#applications")


def test_a_reminder_in_a_repeated_section_names_the_field_of_its_own_copy():
    sheet = sheet_from(HEAD + "sections:\n  - id: contact\n    title: Contact\n    repeat: 2\n    fields:\n"
                       "      - {id: who, kind: text, label: Who}\n"
                       "      - {id: when, kind: date, label: When, reminder: 'Call {who} about {top}'}\n"
                       "  - id: more\n    title: More\n    fields:\n      - {id: top, kind: text, label: Top}\n")
    assert [(f.id, f.reminder) for f in sheet.fields if f.reminder] == [
        ("when-1", "Call {who-1} about {top}"), ("when-2", "Call {who-2} about {top}")]


def test_the_where_am_i_stuck_worksheet_counts_five_stages():
    sheet = BY_SLUG["where-am-i-stuck"]
    assert [s.field for s in sheet.stages] == ["applications", "replies", "first-interviews", "later-rounds", "offers"]
    assert all(s.help and s.link for s in sheet.stages[1:])
