"""worksheets/schema.json (for editors) and the loader (for the build) accept and reject the
same documents: each real worksheet, and each of them broken in one way the schema can say.

Some rules need to compare two places in a file, which JSON Schema cannot: ids unique across
sections, a reminder's {placeholder} naming a field, a stage naming a number field, min below
max. Those are the loader's alone (LOADER_ONLY) and the test shows the schema lets them pass,
so the list stays honest."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import fastjsonschema
import pytest
import yaml

from after_the_no.definitions import DefinitionError
from after_the_no.worksheets.load import load_worksheet
from conftest import ROOT

SCHEMA = fastjsonschema.compile(json.loads((ROOT / "worksheets/schema.json").read_text("utf-8")))
REAL = sorted((ROOT / "worksheets").glob("*.yml"))


def base() -> dict:
    return yaml.safe_load((ROOT / "worksheets/momentum-plan.yml").read_text("utf-8"))


def fields(doc):
    return [f for s in doc["sections"] for f in s["fields"]]


def first(doc, kind):
    return next(f for f in fields(doc) if f["kind"] == kind)


def with_kind(kind):
    """A base document whose first field is of this kind (with what that kind needs)."""
    def make(doc):
        f = doc["sections"][0]["fields"][0]
        for key in ("options", "low", "high", "reminder", "min", "max"):
            f.pop(key, None)
        f["kind"] = kind
        if kind in ("choice", "checklist"):
            f["options"] = ["Yes", "No"]
        if kind == "scale":
            f.update(low="Not at all", high="Very")
        return f
    return make


def _set(path, value):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _drop(path):
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


def _field(kind, **values):
    def change(doc):
        with_kind(kind)(doc).update(values)
    return change


def _field_without(kind, key):
    def change(doc):
        with_kind(kind)(doc).pop(key, None)
    return change


# Each: (name, change to a good document). Every one is rejected by both.
BROKEN = [
    ("no title", _drop(["title"])),
    ("no sections", _drop(["sections"])),
    ("unknown top-level key", _set(["colour"], "red")),
    ("empty title", _set(["title"], "")),
    ("blank intro", _set(["intro"], "   ")),
    ("title not text", _set(["title"], 3)),
    ("minutes 0", _set(["minutes"], 0)),
    ("minutes 61", _set(["minutes"], 61)),
    ("minutes as text", _set(["minutes"], "ten")),
    ("minutes true", _set(["minutes"], True)),
    ("order 1001", _set(["order"], 1001)),
    ("version 0", _set(["version"], 0)),
    ("sections empty", _set(["sections"], [])),
    ("sections not a list", _set(["sections"], {"id": "x"})),
    ("section without id", _drop(["sections", 0, "id"])),
    ("section id with capitals", _set(["sections", 0, "id"], "Next-Steps")),
    ("section id with underscore", _set(["sections", 0, "id"], "next_steps")),
    ("section unknown key", _set(["sections", 0, "note"], "x")),
    ("section repeat 1", _set(["sections", 0, "repeat"], 1)),
    ("section repeat 6", _set(["sections", 0, "repeat"], 6)),
    ("section with no fields", _set(["sections", 0, "fields"], [])),
    ("field without label", _drop(["sections", 0, "fields", 0, "label"])),
    ("field without kind", _drop(["sections", 0, "fields", 0, "kind"])),
    ("field of an unknown kind", _set(["sections", 0, "fields", 0, "kind"], "dropdown")),
    ("field unknown key", _set(["sections", 0, "fields", 0, "colour"], "red")),
    ("field id starting with a digit", _set(["sections", 0, "fields", 0, "id"], "1st")),
    ("empty hint", _set(["sections", 0, "fields", 0, "hint"], "")),
    ("choice without options", _field_without("choice", "options")),
    ("choice with no options", _field("choice", options=[])),
    ("choice with a repeated option", _field("choice", options=["Yes", "Yes"])),
    ("choice with an empty option", _field("choice", options=["Yes", ""])),
    ("text with options", _field("text", options=["Yes"])),
    ("scale without low", _field_without("scale", "low")),
    ("scale without high", _field_without("scale", "high")),
    ("text with low", _field("text", low="Not at all")),
    ("text with a reminder", _field("text", reminder="Call")),
    ("date with an empty reminder", _field("date", reminder="")),
    ("text with min", _field("text", min=1)),
    ("number with max as text", _field("number", max="ten")),
    ("number with min 1.5", _field("number", min=1.5)),
    ("one stage only", _set(["stages"], [{"field": "x"}])),
    ("see_also empty", _set(["see_also"], [])),
    ("see_also without text", _set(["see_also"], [{"link": "reflect.md"}])),
    ("see_also link not a guide page", _set(["see_also"], [{"text": "Reflect", "link": "https://example.org/"}])),
    ("see_also link with capitals", _set(["see_also"], [{"text": "Reflect", "link": "Reflect.md"}])),
    ("see_also unknown key", _set(["see_also"], [{"text": "Reflect", "link": "reflect.md", "why": "x"}])),
]

# Still good after the change: both accept.
STILL_GOOD = [
    ("no optional keys", lambda doc: [doc.pop(k, None) for k in ("stages", "see_also")]),
    ("a repeated section", _set(["sections", 0, "repeat"], 3)),
    ("a scale", with_kind("scale")),
    ("a checklist", with_kind("checklist")),
    ("a number with a range", _field("number", min=1, max=20)),
    ("a date with a reminder", _field("date", reminder="Follow up")),
    ("see_also to an anchor", _set(["see_also"], [{"text": "Reflect", "link": "reflect.md#notes"}])),
]

# Rules only the loader can check: the schema accepts these, the loader does not.
LOADER_ONLY = [
    ("two fields with one id", lambda doc: doc["sections"][0]["fields"].append(
        dict(doc["sections"][0]["fields"][0]))),
    ("a reminder naming no field", _field("date", reminder="Call {nobody}")),
    ("a number's min above its max", _field("number", min=5, max=2)),
    ("a stage naming a text field", lambda doc: doc.update(stages=[{"field": first(doc, "long-text")["id"]},
                                                                  {"field": "x", "help": "h", "link": "reflect.md"}])),
]


def loader_accepts(doc: dict, tmp_path: Path) -> bool:
    folder = tmp_path / "worksheets"
    folder.mkdir(exist_ok=True)
    path = folder / "momentum-plan.yml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), "utf-8")
    try:
        load_worksheet(path, tmp_path)
        return True
    except DefinitionError:
        return False


def schema_accepts(doc: dict) -> bool:
    try:
        SCHEMA(doc)
        return True
    except fastjsonschema.JsonSchemaException:
        return False


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_both_accept_every_real_worksheet(path, tmp_path):
    doc = yaml.safe_load(path.read_text("utf-8"))
    assert schema_accepts(doc)
    assert load_worksheet(path, ROOT)


@pytest.mark.parametrize("name, change", BROKEN, ids=[name for name, _ in BROKEN])
def test_both_reject_the_same_broken_document(name, change, tmp_path):
    doc = copy.deepcopy(base())
    change(doc)
    assert (schema_accepts(doc), loader_accepts(doc, tmp_path)) == (False, False)


@pytest.mark.parametrize("name, change", STILL_GOOD, ids=[name for name, _ in STILL_GOOD])
def test_both_accept_the_same_changed_document(name, change, tmp_path):
    doc = copy.deepcopy(base())
    change(doc)
    assert (schema_accepts(doc), loader_accepts(doc, tmp_path)) == (True, True)


@pytest.mark.parametrize("name, change", LOADER_ONLY, ids=[name for name, _ in LOADER_ONLY])
def test_rules_only_the_loader_checks(name, change, tmp_path):
    doc = copy.deepcopy(base())
    change(doc)
    assert (schema_accepts(doc), loader_accepts(doc, tmp_path)) == (True, False)
