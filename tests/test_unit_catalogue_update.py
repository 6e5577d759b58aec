"""bin/i18n extract (after_the_no/i18n/catalogue_update.py): the keys the code uses against the
template, and each language's catalogue brought up to the template as msgmerge would."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from after_the_no.i18n import interface
from after_the_no.i18n.catalogue_update import extract_problems, update
from conftest import ROOT, edit


@pytest.fixture
def project(tmp_path) -> Path:
    for rel in ("locales/interface.pot", "locales/es/interface.po", "locales/cy/interface.po"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    for folder in ("docs/assets", "overrides", "after_the_no"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__", "_guide"))
    return tmp_path


def test_every_key_the_code_asks_for_is_in_the_template_and_every_template_key_is_used():
    problems = [str(p) for p in extract_problems(ROOT)]
    assert problems == [], "\n".join(problems)


def test_an_unchanged_catalogue_is_written_back_byte_for_byte(project):
    for code in ("es", "cy"):
        path = project / interface.catalogue_name(code)
        before = path.read_text("utf-8")
        assert (update(project, code).added, update(project, code).fuzzy) == ([], [])
        assert path.read_text("utf-8") == before


def test_new_changed_and_removed_english_reach_each_catalogue(project):
    pot, es = project / interface.TEMPLATE, project / interface.catalogue_name("es")
    edit(pot, 'msgid "Saving on this device"', 'msgid "Your answers are saved on this device"')
    edit(pot, 'msgctxt "save.status.no"', 'msgctxt "save.status.off"')   # a key renamed: one new, one gone
    done = update(project, "es")
    assert (done.added, done.fuzzy, done.removed) == (["save.status.off"], ["save.status.yes"], ["save.status.no"])
    text = es.read_text("utf-8")
    assert ('#, fuzzy\n#| msgid "Saving on this device"\nmsgctxt "save.status.yes"\n'
            'msgid "Your answers are saved on this device"\nmsgstr "Se guarda en este dispositivo"\n') in text
    assert 'msgctxt "save.status.off"\nmsgid "Not saving: your answers go when you close this tab"\nmsgstr ""\n' in text
    assert 'msgctxt "save.status.no"' not in text
    found = [str(p).split(": ", 1)[1] for p in interface.check(project, "es", published=True)]
    assert found == ["save.status.yes: fuzzy: check the translation and remove the fuzzy flag",
                     "save.status.off: not translated (empty msgstr)"]


def test_a_key_the_code_asks_for_and_one_nothing_uses_are_named_with_file_and_line(project):
    script = project / "docs/assets/worksheet.js"
    lines = script.read_text("utf-8").count("\n")
    script.write_text(script.read_text("utf-8") + 'const probe = () => t("worksheet.no-such-key");\n', "utf-8")
    edit(project / interface.TEMPLATE, 'msgctxt "save.status.no"', 'msgctxt "save.status.unused"')
    def line_of(rel: str, needle: str) -> int:
        return (project / rel).read_text("utf-8").split(needle)[0].count("\n") + 1
    problems = [str(p) for p in extract_problems(project)]
    unused = line_of(interface.TEMPLATE, 'msgctxt "save.status.unused"') + 1   # the msgid line, as Babel and check() give it
    assert problems == [
        f"docs/assets/enhance.js:{line_of('docs/assets/enhance.js', 'save.status.no')}: save.status.no: not in "
        "locales/interface.pot: add it with its English",   # the key renamed in the template only
        f"docs/assets/worksheet.js:{lines + 1}: worksheet.no-such-key: not in locales/interface.pot: add it with its English",
        f"locales/interface.pot:{unused}: save.status.unused: "
        "nothing uses it: remove it"], "\n".join(problems)
