"""Translations checked against their English originals (after_the_no/i18n): the Spanish
edition as it stands, each kind of bad translation said as `file:line: key: message`, and
bin/i18n status (issue 21)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from after_the_no.i18n.languages import completeness_problems, load_languages, mark_done, progress
from after_the_no.i18n.translations import check_language
from conftest import ROOT, edit
from tools import i18n


@pytest.fixture
def project(tmp_path) -> Path:
    """The English sources and the translations, copied, so a test can break one."""
    for folder in ("docs", "worksheets", "replies", "locales"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "places.yml", tmp_path / "places.yml")
    return tmp_path


def test_the_spanish_edition_matches_the_english_and_is_complete():
    spanish = next(language for language in load_languages(ROOT) if language.code == "es")
    problems = check_language(ROOT, "es") + completeness_problems(ROOT, spanish)
    assert [str(p) for p in problems] == [], "\n".join(map(str, problems))


def test_every_kind_of_bad_translation_is_said_with_its_file_line_and_key(project):
    es = project / "locales/es"
    edit(es / "replies/thank-you-for-feedback.yml", "{company}", "la empresa")   # drops a placeholder
    edit(es / "replies/thank-you-for-feedback.yml", "order: 3", "order: 4")      # changes a fixed value
    options = es / "worksheets/feedback-log.yml"
    text = options.read_text("utf-8")
    edit(options, "          - Por teléfono\n", "")   # one option fewer than the English
    page = es / "docs/support/urgent-help.md"
    edit(page, "{#right-now}", "")                    # a published anchor lost
    edit(page, "<!-- places: money -->", "")          # a build marker lost
    edit(es / "docs/reflect.md", "(respond.md", "(reconnect.md")   # a link inside the guide changed
    problems = [str(p) for p in check_language(project, "es")]
    line = lambda path, needle: next(i for i, l in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in l)  # noqa: E731
    reply = "locales/es/replies/thank-you-for-feedback.yml"
    body_line = line(es / "replies/thank-you-for-feedback.yml", "body: |")
    expected = [
        f"{reply}:{body_line}: body: placeholders ['{{interviewer_name}}', '{{your_name}}']; the English has "
        "['{company}', '{interviewer_name}', '{your_name}']",
        f"{reply}:1: order: is 4; must stay 3 as in replies/thank-you-for-feedback.yml",
    ]
    for wanted in expected:
        assert wanted in problems, "\n".join(problems)
    assert any(p.startswith("locales/es/worksheets/feedback-log.yml:") and ".options: 3 items; worksheets/feedback-log.yml has 4" in p
               for p in problems), "\n".join(problems)
    assert "Por teléfono" in text
    urgent = "locales/es/docs/support/urgent-help.md"
    assert any(p.startswith(f"{urgent}:") and ": heading: " in p and "no {#anchor}" in p for p in problems), "\n".join(problems)
    assert f"{urgent}:1: #right-now: missing: the English page has this anchor (a published address may link to it)" in problems
    assert any(p.startswith(f"{urgent}:") and ": markers: " in p and "<!-- places: money -->" in p for p in problems), "\n".join(problems)
    assert any(p.startswith("locales/es/docs/reflect.md:") and "link respond.md" in p for p in problems), "\n".join(problems)


def test_a_route_may_cite_a_source_of_its_own_language_but_drop_none(project):
    places = project / "locales/es/places.yml"
    edit(places, "source: [eeoc, eeoc-spanish]", "source: [eeoc-spanish, made-up]")
    problems = [str(p) for p in check_language(project, "es")]
    assert any("routes.rights[0].source: drops ['eeoc']" in p for p in problems), "\n".join(problems)
    assert any("routes.rights[0].source: cites ['made-up']: not an entry" in p for p in problems), "\n".join(problems)


def test_status_counts_translated_current_out_of_date_and_english_only(project, capsys):
    languages = {language.code: language for language in load_languages(project)}
    spanish = progress(project, languages["es"])
    assert (spanish.share, spanish.fuzzy, spanish.missing) == (100.0, [], [])
    welsh = progress(project, languages["cy"])
    pages = sorted(p.relative_to(project).as_posix() for p in (project / "docs").rglob("*.md"))
    assert (languages["cy"].status, welsh.share, welsh.pages_missing) == ("draft", 0.0, pages)
    assert completeness_problems(project, languages["cy"]) == []   # a draft may be incomplete
    # The English changes: the Spanish copy is out of date until a translator updates it.
    edit(project / "docs/reflect.md", "# ", "# Reflect again: ", )
    spanish = progress(project, languages["es"])
    assert spanish.fuzzy == ["docs/reflect.md"] and spanish.share == 100 * (len(spanish.translated) - 1) / spanish.total
    assert [str(p) for p in completeness_problems(project, languages["es"])] == [
        "locales/es/docs/reflect.md:1: translated.yml: the English has changed since this was translated: update it, "
        "then run bin/i18n done es docs/reflect.md"]
    assert mark_done(project, "es", ["docs/reflect.md"]) == []
    assert progress(project, languages["es"]).fuzzy == []


def test_an_unknown_language_says_which_exist(capsys):
    assert i18n.main(["check", "fr"]) == 2
    assert capsys.readouterr().out == "unknown language fr: the languages are en, es, cy (locales/languages.yml)\n"


def test_a_comment_in_the_front_matter_is_not_a_heading():
    from after_the_no.i18n.translations import markdown_problems
    english = "---\n# why this key is here\nhide:\n  - toc\n---\n\n# Title {#title}\n\n## Part {#part}\n"
    spanish = "---\nhide:\n  - toc\n---\n\n# Título {#title}\n\n## Parte {#part}\n"
    assert markdown_problems(english, spanish, "es.md") == []
    assert [str(p) for p in markdown_problems(english, spanish.replace("{#part}", "{#parte}"), "es.md")] == \
        ["es.md:1: #part: missing: the English page has this anchor (a published address may link to it)"]


def test_a_translated_url_contract_keeps_every_address_and_anchor(project):
    """locales/<code>/published-urls.yml translates the link kit's descriptions only."""
    shutil.copy(ROOT / "published-urls.yml", project / "published-urls.yml")
    spanish = project / "locales/es/published-urls.yml"
    edit(spanish, "- url: /reflect/", "- url: /reflexiona/")
    edit(spanish, "    ask-for-feedback:", "    pide-comentarios:")
    found = [str(p) for p in check_language(project, "es") if "published-urls" in p.file]
    assert [line for line in found if "translated.yml" not in line] == [
        "locales/es/published-urls.yml:18: [1].anchors.ask-for-feedback: missing: published-urls.yml has it",
        "locales/es/published-urls.yml:19: [1].anchors.pide-comentarios: not in published-urls.yml: a translation "
        "changes words, not keys",
        "locales/es/published-urls.yml:16: [1].url: is '/reflexiona/'; must stay '/reflect/' as in published-urls.yml"], \
        "\n".join(found)
