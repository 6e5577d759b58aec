"""The shared YAML loader: line numbers, key paths and exact messages."""
from __future__ import annotations

import pytest

from after_the_no.definitions import Checker, DefinitionError, format_key, parse
from after_the_no.build.html_fixes import MarkupChanged, repair
from tools.cmudict_for_nltk import convert


def test_format_key():
    assert format_key(("sections", 1, "fields", 2, "kind")) == "sections[1].fields[2].kind"
    assert format_key(()) == "(top)"


def test_broken_yaml_reports_file_and_line():
    with pytest.raises(DefinitionError) as error:
        parse("title: x\nitems: [1, 2\n", "x.yml")
    assert str(error.value) == "x.yml:3: (top): broken YAML: expected ',' or ']', but got '<stream end>'"


def test_duplicate_key_is_an_error_not_a_silent_overwrite():
    with pytest.raises(DefinitionError) as error:
        parse("a: 1\nb:\n  c: 1\n  c: 2\n", "x.yml")
    assert str(error.value) == "x.yml:4: b.c: duplicate key"


def test_checker_collects_every_problem_with_lines():
    doc = parse("items:\n  - name: one\n    size: big\n  - colour: red\n", "x.yml")
    check = Checker(doc)
    for i, item in enumerate(doc.data["items"]):
        if check.mapping(("items", i), item, {"name"}, {"size"}):
            if "size" in item:
                check.integer(("items", i, "size"), item["size"], 1, 5)
    with pytest.raises(DefinitionError) as error:
        check.raise_if_any()
    assert str(error.value).splitlines() == [
        "x.yml:3: items[0].size: expected a whole number, got text",
        "x.yml:4: items[1].colour: unknown key (allowed: name, size)",
        "x.yml:4: items[1].name: missing (required)",
    ]


def test_html_fix_fails_loudly_when_material_markup_changes():
    with pytest.raises(MarkupChanged) as error:
        repair("<html></html>", "index.md")
    assert str(error.value).startswith("index.md: Material's markup changed, cannot apply fix")


def test_a_toc_label_loses_its_for_only_where_the_page_has_no_toc_toggle():
    from after_the_no.build.html_fixes import TOC_LABEL, _toc_label_without_toggle
    section_index = f'<nav>{TOC_LABEL}Table of contents</label></nav>'
    assert _toc_label_without_toggle(section_index) == '<nav><label class="md-nav__title">Table of contents</label></nav>'
    page = f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">{section_index}'
    assert _toc_label_without_toggle(page) == page


def test_cmudict_conversion_to_nltk_format():
    assert convert("a AH0\na(2) EY1\nabandon AH0 B AE1 N D AH0 N # comment\n") == (
        "A 1 AH0\nA 2 EY1\nABANDON 1 AH0 B AE1 N D AH0 N\n")
