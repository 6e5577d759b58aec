"""The interface's own words (issue 21): locales/interface.pot and each language's interface.po
(after_the_no/i18n/interface.py), each kind of bad entry said as `file:line: key: message`, and
every key the scripts and templates use is in the template, and every key in it is used."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from after_the_no.i18n import interface
from after_the_no.i18n.translations import check_language
from conftest import ROOT

ASSETS = sorted((ROOT / "docs/assets").glob("*.js"))
TEMPLATES = sorted((ROOT / "overrides").rglob("*.html"))
# The Python renderers: every key they use is written whole as a literal, "render.<...>", or as a
# shared key in a call say(words, "reply.subject-label").
PYTHON = sorted((ROOT / "after_the_no").rglob("*.py"))
PY_KEY = re.compile(r'"(render\.[a-z0-9-]+(?:\.[a-z0-9-]+)+)"')
PY_SAY = re.compile(r'\bsay\(\s*[^,()]+,\s*"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)"')
# t("key"), tn("key", n): a script's literal key; words["key"]: a template's.
CALL = re.compile(r'\b(tn?)\(\s*"([^"]+)"')
WORDS = re.compile(r'words\["([^"]+)"\]')
LITERAL = re.compile(r'"([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)"')


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    return tmp_path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def msgid_line(path: Path, key: str) -> int:
    return line_of(path, f'msgctxt "{key}"') + 1


def test_the_spanish_catalogue_is_complete_and_the_welsh_a_clean_draft():
    assert [str(p) for p in interface.check(ROOT, "es", published=True)] == []
    assert [str(p) for p in interface.check(ROOT, "cy", published=False)] == []
    english = interface.english(ROOT)
    spanish = interface.strings(ROOT, "es")
    assert spanish.keys() == english.keys()
    assert spanish["save.prompt"] == ("¿Guardamos tus respuestas en este dispositivo? Si usas una computadora "
                                      "compartida, elige que no: así no queda nada al cerrar esta pestaña.")
    assert interface.strings(ROOT, "cy", draft=True) == english   # a draft shows English where it is empty


def test_every_kind_of_bad_entry_is_said_with_its_file_line_and_key(project):
    po = project / "locales/es/interface.po"
    text = po.read_text("utf-8")
    # A missing entry: the whole save.keep block goes.
    text = text.replace('msgctxt "save.keep"\nmsgid "Keep them"\nmsgstr "Conservarlas"\n', "")
    # A broken placeholder: {name} renamed.
    text = text.replace('msgstr "Respuestas importadas de {name}."', 'msgstr "Respuestas importadas de {nombre}."')
    # Empty, and fuzzy, in a published language.
    text = text.replace('msgstr "Cambiar"', 'msgstr ""')
    text = text.replace('msgctxt "common.undo"', '#, fuzzy\nmsgctxt "common.undo"')
    # The English changed under it, and a key the template does not have.
    text = text.replace('msgid "Remove"', 'msgid "Delete"')
    text += '\nmsgctxt "save.maybe"\nmsgid "Maybe"\nmsgstr "Quizás"\n'
    # A plural form English lacks is allowed (key.few beside key.other), with the same placeholders.
    text += ('\nmsgctxt "privacy.sheets.few"\nmsgid "Your answers to {count} worksheets: {names}."\n'
             'msgstr "Tus respuestas a {count} hojas: {names}."\n')
    text += ('\nmsgctxt "privacy.others.many"\nmsgid "{count} other notes this site kept ({keys})."\n'
             'msgstr "{count} notas más."\n')
    po.write_text(text, "utf-8")
    name = "locales/es/interface.po"
    last = len(po.read_text("utf-8").splitlines())
    pot_line = msgid_line(project / interface.TEMPLATE, "save.keep")
    expected = [
        f"{name}:{last - 1}: save.keep: missing: the template has it (locales/interface.pot:{pot_line})",
        f"{name}:{msgid_line(po, 'save.change')}: save.change: not translated (empty msgstr)",
        f"{name}:{msgid_line(po, 'import.done')}: import.done: placeholders differ from the English: {{nombre}} instead of {{name}}",
        f"{name}:{msgid_line(po, 'common.undo')}: common.undo: fuzzy: check the translation and remove the fuzzy flag",
        f"{name}:{msgid_line(po, 'entries.remove')}: entries.remove: its msgid is not the template's English: copy it again "
        f"from locales/interface.pot:{msgid_line(project / interface.TEMPLATE, 'entries.remove')}",
        f"{name}:{msgid_line(po, 'save.maybe')}: save.maybe: not in the template (locales/interface.pot): remove it "
        "(a plural form may be added only as zero, one, two, few, many of a key ending in .other)",
        f"{name}:{last - 1}: privacy.others.many: placeholders differ from the English: {{count}} instead of {{count}}, {{keys}}",
    ]
    problems = [str(p) for p in interface.check(project, "es", published=True)]
    assert sorted(problems) == sorted(expected), "\n".join(problems)
    # A draft may be empty or fuzzy; a broken placeholder is still wrong.
    draft = [str(p) for p in interface.check(project, "es", published=False)]
    assert sorted(draft) == sorted(p for p in expected if not any(word in p for word in ("not translated", "fuzzy", "missing")))
    assert interface.strings(project, "es", draft=True)["save.keep"] == "Keep them"   # the missing entry, in English
    # A draft with no catalogue yet shows English; a published language without one cannot build.
    (project / "locales/cy/interface.po").unlink()
    assert interface.check(project, "cy", published=False) == []
    assert interface.strings(project, "cy", draft=True) == interface.english(project)
    assert [str(p) for p in interface.check(project, "cy", published=True)] == [
        "locales/cy/interface.po:0: (file): missing: copy locales/interface.pot to it and translate each msgstr"]
    # The extra plural form reaches the page (enhance.js tn() picks it when the language's rules say few).
    assert interface.strings(project, "es", draft=True)["privacy.sheets.few"] == "Tus respuestas a {count} hojas: {names}."


def test_a_bad_catalogue_is_one_of_the_languages_problems_so_it_stops_the_build(project):
    """bin/i18n check and the build (i18n/tree.py build_languages) both read check_language."""
    for folder in ("docs", "worksheets", "replies"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "places.yml", project / "places.yml")
    po = project / "locales/es/interface.po"
    po.write_text(po.read_text("utf-8").replace('msgstr "Cambiar"', 'msgstr ""'), "utf-8")
    assert [str(p) for p in check_language(project, "es")] == [
        f"locales/es/interface.po:{msgid_line(po, 'save.change')}: save.change: not translated (empty msgstr)"]
    with pytest.raises(ValueError, match="save.change: no translation"):
        interface.strings(project, "es")


def test_every_key_the_scripts_templates_and_renderers_use_is_in_the_template_and_every_key_is_used():
    english = interface.english(ROOT)
    namespaces = {key.split(".")[0] for key in english} - {interface.PYTHON_PREFIX.rstrip(".")}
    problems, used = [], set()
    for path in PYTHON:
        text = path.read_text("utf-8")
        rel = path.relative_to(ROOT).as_posix()
        for key in sorted(set(PY_KEY.findall(text)) | set(PY_SAY.findall(text))):
            if key not in english:
                problems.append(f"{rel}: {key}: not in {interface.TEMPLATE}")
            used.add(key)
    assert "render.worksheet.print" in used and "reply.subject-label" in used   # the scan finds them
    for path in ASSETS + TEMPLATES:
        text = path.read_text("utf-8")
        rel = path.relative_to(ROOT).as_posix()
        keys = [(m[2], m[1] == "tn") for m in CALL.finditer(text)] if path.suffix == ".js" else \
               [(k, False) for k in WORDS.findall(text)]
        # Any other quoted key in a namespace of ours (t(cond ? "a.b" : "a.c"), a table of keys).
        keys += [(k, False) for k in LITERAL.findall(text) if k.split(".")[0] in namespaces]
        for key, plural in keys:
            forms = [k for k in english if k.startswith(key + ".")]   # a tn() key's plural forms
            found = forms if plural else [key] if key in english else []
            if not found and forms:
                continue   # tn()'s key written as a literal too: its forms are checked with the call
            if not found:
                problems.append(f"{rel}: {key}: not in {interface.TEMPLATE}")
            used.update(found)
    problems += [f"{interface.TEMPLATE}: {key}: used by no script (docs/assets/*.js), template (overrides/) "
                 "or renderer (after_the_no/)" for key in english if key not in used]
    problems += [f"{interface.TEMPLATE}: {key}: a renderer's key (render.) used by a script or template"
                 for key in used if key.startswith(interface.PYTHON_PREFIX) and any(
                     f'"{key}"' in p.read_text("utf-8") for p in ASSETS + TEMPLATES)]
    assert problems == [], "\n".join(problems)


def test_a_component_s_block_is_compact_json_of_its_own_strings_and_cannot_end_its_script():
    texts = {"places.a": "x </script> & y", "reply.b": "r", "page.x": "footer", "render.reply.b": "heading"}
    config = interface.for_config(texts)
    assert config["interface_json"]["places"] == '{"places.a":"x \\u003c/script\\u003e \\u0026 y"}'
    assert config["interface_json"]["reply"] == '{"reply.b":"r"}'   # the renderers' keys stay out of every block
    assert not any(space == interface.PYTHON_PREFIX.rstrip(".") for spaces in interface.COMPONENTS.values() for space in spaces)
    assert config["interface_json"]["link-kit"] == "{}"
    assert config["interface"] == texts


def imported(name: str) -> list[str]:
    """A module and every module of ours it imports, in turn (worksheet.js also hands entries.js its t)."""
    out, todo = [], [name]
    while todo:
        module = todo.pop()
        if module in out:
            continue
        out.append(module)
        todo += re.findall(r'from "\./([a-z0-9-]+\.js)"', (ROOT / "docs/assets" / module).read_text("utf-8"))
        todo += ["entries.js"] if module == "worksheet.js" else []
    return out


def test_each_component_s_block_holds_every_key_its_modules_use():
    english = interface.english(ROOT)
    components = {p.stem for p in ASSETS if "createAll(" in p.read_text("utf-8") and p.stem != "enhance"}
    assert components == set(interface.COMPONENTS)
    problems = []
    for component, spaces in interface.COMPONENTS.items():
        for module in imported(f"{component}.js"):
            text = (ROOT / "docs/assets" / module).read_text("utf-8")
            keys = [m[2] for m in CALL.finditer(text)] + [k for k in LITERAL.findall(text) if k.split(".")[0] in
                                                           {key.split(".")[0] for key in english}]
            if module == "enhance.js" and component in ("privacy", "places", "link-kit", "summary"):
                keys = [k for k in keys if not k.startswith("save.")]   # the save choice: worksheets and replies only
            problems += [f"docs/assets/{module}: {key}: used on {component} pages, not in interface.COMPONENTS[{component!r}]"
                         for key in keys if key.split(".")[0] not in spaces]
    assert problems == [], "\n".join(problems)


def test_the_pseudo_language_brackets_every_text_and_keeps_its_placeholders():
    pseudo = interface.pseudo(interface.english(ROOT))
    assert pseudo["import.done"] == "⟦Áñswérs ímpörtéd fröm {name}.··········⟧"   # 29 characters: 10 more
    assert all(text.startswith("⟦") and text.endswith("⟧") for text in pseudo.values())
    english = interface.english(ROOT)
    assert all(interface.placeholders(pseudo[key]) == interface.placeholders(text) for key, text in english.items())


def test_the_downloads_take_the_page_language_s_words_and_tag_from_the_staged_config():
    """download_brand: the render.* strings and the language tag go to the worker processes with
    the Brand (English en-GB; the contact line's default label is the booking button's words)."""
    from after_the_no.build.config import download_brand
    spanish = interface.strings(ROOT, "es")
    config = {"site_name": "X", "theme": {"language": "es"},
              "extra": {"brand": {"contact_url": "https://a.example/"}, **interface.for_config(spanish)}}
    brand = download_brand(config)
    assert (brand.language, brand.contact) == ("es", f"{spanish['page.talk-button']}: https://a.example/")
    assert brand.words == {key: text for key, text in spanish.items() if key.startswith("render.")}
    english = download_brand({"site_name": "X", "extra": {"brand": {"contact_url": "https://a.example/"}}})
    assert (english.language, english.contact) == ("en-GB", "Talk to a careers adviser: https://a.example/")
    assert english.words["render.pdf.page"] == "Page {n}"


def test_the_plain_text_notes_follow_the_language_s_own_word_for_ticking():
    """A hint that already says to tick (render.text.tick-word, in the hint's language) gets no
    '(tick any)'; the others do, in the page language."""
    from after_the_no.brand import Brand
    from after_the_no.downloads.text import _question
    from after_the_no.worksheets.model import Field
    spanish = {key: text for key, text in interface.strings(ROOT, "es").items() if key.startswith("render.")}

    def checklist(hint: str) -> Field:
        return Field(id="a", kind="checklist", label="Etiqueta", hint=hint, options=("x", "y"))
    assert _question(1, checklist("Marca todas las que correspondan."), spanish)[0] == "1. Etiqueta"
    assert _question(1, checklist("Piensa en la última."), spanish)[0] == "1. Etiqueta (marca las que quieras)"
    assert _question(1, checklist("Tick all that apply."), Brand().words)[0] == "1. Etiqueta"
    assert _question(1, checklist("Think of the last one."), {})[0] == "1. Etiqueta (tick any)"


def test_the_blocked_storage_message_names_the_backup_button_as_the_page_shows_it():
    """worksheet.blocked (a script's message) names the button the build writes (render.worksheet.export-json)."""
    for texts in (interface.english(ROOT), interface.strings(ROOT, "es")):
        assert texts["render.worksheet.export-json"] in texts["worksheet.blocked"]
