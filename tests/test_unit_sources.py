"""sources.yml's loader (line-numbered errors) and the finders that pick out what needs a source."""
from __future__ import annotations

import datetime

import pytest

from after_the_no.definitions import DefinitionError
from after_the_no.sources import (find_numbers, find_organisations, find_time_limits, human_date,
                                  load_sources, newest_check, uncovered)
from conftest import ROOT

GOOD = """\
- claim: Samaritans answer calls free, day or night, on 116 123.
  organisation: Samaritans
  pages: [support/urgent-help/]
  facts: ["116 123", "Samaritans"]
  source: https://www.samaritans.org/how-we-can-help/contact-samaritan/
  checked: 2026-12-01
"""


def load_text(tmp_path, text):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return load_sources(path, "sources.yml")


def errors(tmp_path, text) -> list[str]:
    with pytest.raises(DefinitionError) as error:
        load_text(tmp_path, text)
    return str(error.value).splitlines()


def test_the_project_sources_file_loads():
    sources = load_sources(ROOT / "sources.yml")
    assert len(sources) >= 20
    assert all(s.source.startswith("https://") for s in sources)


def test_a_good_entry_loads_with_its_values(tmp_path):
    [entry] = load_text(tmp_path, GOOD)
    assert entry.pages == ("support/urgent-help/",)
    assert entry.facts == ("116 123", "Samaritans")
    assert entry.checked == datetime.date(2026, 12, 1)
    assert entry.line == 1


def test_a_missing_key_is_reported_at_its_entry(tmp_path):
    text = GOOD.replace("  organisation: Samaritans\n", "")
    assert errors(tmp_path, text) == ["sources.yml:1: [0].organisation: missing (required)"]


def test_an_unknown_key_is_an_error(tmp_path):
    assert errors(tmp_path, GOOD + "  phone: 116 123\n") == [
        "sources.yml:7: [0].phone: unknown key (allowed: checked, claim, facts, id, organisation, pages, source)"]


def test_a_source_must_be_https(tmp_path):
    text = GOOD.replace("https://www.samaritans", "http://www.samaritans")
    assert errors(tmp_path, text) == [
        "sources.yml:5: [0].source: 'http://www.samaritans.org/how-we-can-help/contact-samaritan/' "
        "is not an https:// address"]


def test_a_source_must_be_an_address(tmp_path):
    assert errors(tmp_path, GOOD.replace("https://www.samaritans.org/how-we-can-help/contact-samaritan/",
                                         "the Samaritans website")) == [
        "sources.yml:5: [0].source: 'the Samaritans website' is not an https:// address"]


def test_checked_must_be_a_date(tmp_path):
    assert errors(tmp_path, GOOD.replace("2026-12-01", "1 December 2026")) == [
        "sources.yml:6: [0].checked: '1 December 2026' is not a date written YYYY-MM-DD"]


def test_pages_and_facts_must_be_lists_of_text(tmp_path):
    text = GOOD.replace("[support/urgent-help/]", "[/support/urgent-help]").replace('["116 123", "Samaritans"]', '[116123, ""]')
    assert errors(tmp_path, text) == [
        "sources.yml:3: [0].pages[0]: '/support/urgent-help' must be a built page's URL path, "
        "such as support/urgent-help/ ('' for home)",
        "sources.yml:4: [0].facts[0]: expected text, got int",
        "sources.yml:4: [0].facts[1]: expected non-empty text",
    ]


def test_newest_check_and_how_the_about_page_writes_it(tmp_path):
    older = GOOD.replace("2026-12-01", "2026-11-05")
    sources = load_text(tmp_path, GOOD + older)
    assert newest_check(sources) == datetime.date(2026, 12, 1)
    assert human_date(datetime.date(2026, 12, 1)) == "1 December 2026"


def test_finds_phone_and_text_numbers():
    text = ("Call Samaritans on 116 123, or Acas on 0300 123 1100. Text SHOUT to 85258. "
            "In the US call or text 988, or the EEOC on 1-800-669-4000. Call 999 or NHS 111.\n"
            "Chat at 988lifeline.org. Step 1 takes 10 minutes, in 2026.")
    assert find_numbers(text) == ["116 123", "0300 123 1100", "85258", "988", "1-800-669-4000", "999", "111"]


def test_finds_time_limits_only_in_sentences_about_the_law_or_a_process():
    text = ("In most cases you have 3 months minus 1 day to make a claim. "
            "File a charge within 180 calendar days, or 300 calendar days in some states. "
            "They normally have one month to respond.\n"
            "If they do not reply within two weeks, send one reminder. Take a day or two off.")
    assert find_time_limits(text) == ["3 months minus 1 day", "180 calendar days", "300 calendar days", "one month"]


def test_finds_known_organisations_by_whole_word_and_case():
    text = "The ICO and Acas can help. An icon is not the ico. Acaster is a name."
    assert find_organisations(text, ["ICO", "Acas", "EEOC"]) == ["ICO", "Acas"]


def test_uncovered_lists_what_no_fact_contains():
    assert uncovered(["116 123", "85258", "EEOC", "85258"], ["Samaritans on 116 123", "the eeoc"]) == ["85258"]
