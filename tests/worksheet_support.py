"""Helpers shared by the worksheet tests: the real definitions, sample answers, and form filling."""
from __future__ import annotations

import json
from pathlib import Path

from after_the_no.worksheets.load import load_worksheets
from after_the_no.worksheets.model import Field, Worksheet

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHEETS: list[Worksheet] = load_worksheets(ROOT)
BY_SLUG = {s.slug: s for s in SHEETS}
SLUGS = [s.slug for s in SHEETS]


def storage_key(slug: str) -> str:
    return f"after-the-no:worksheet:{slug}"


def sample_answer(f: Field):
    """One answer per kind, with markup in it: it must come back as plain text, never as HTML."""
    if f.kind == "text":
        return f"{f.id} <b>answer</b> & more"
    if f.kind == "long-text":
        return f"First line for {f.id}\nSecond line <i>here</i>"
    if f.kind == "date":
        return "2030-01-15"
    if f.kind == "number":
        return "12"
    if f.kind == "scale":
        return "4"
    if f.kind == "choice":
        return f.options[-1]
    if f.kind == "entries":   # two entries, the second with only some answers
        return [{s.id: sample_answer(s) for s in f.fields}, {f.fields[-1].id: sample_answer(f.fields[-1])}]
    return [f.options[0], f.options[-1]]


def sample_answers(sheet: Worksheet) -> dict:
    return {f.id: sample_answer(f) for f in sheet.fields}


# Fills the form in one round trip (a Playwright fill or check per field costs a round trip and
# its actionability checks each): a text is set and announced as typing is (input, then change),
# a choice is clicked as a person clicks it, an entry is added with its group's add button.
FILL = """ops => {
  const find = (selector) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`fill: nothing matches ${selector}`);
    return el;
  };
  for (const [op, target, value] of ops) {
    if (op === "check") { const box = find(target); if (!box.checked) box.click(); continue; }
    if (op === "entry") {
      find(`[data-field="${target}"] [data-entry-action="add"]`).click();
      const n = document.querySelectorAll(`[data-field="${target}"] .ws-entry`).length;
      for (const [sub, text] of Object.entries(value)) ops.push(["type", `#ws-${target}--${n}--${sub}`, text]);
      continue;
    }
    const el = find(target);
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }
}"""


def fill(page, sheet: Worksheet, answers: dict | None = None) -> dict:
    """Fill the form on `page` with answers (default: sample_answers) and return them."""
    answers = sample_answers(sheet) if answers is None else answers
    ops = []
    for f in sheet.fields:
        value = answers.get(f.id)
        if value is None:
            continue
        if f.kind in ("text", "long-text", "date", "number"):
            ops.append(["type", f"#ws-{f.id}", value])
        elif f.kind == "entries":
            ops += [["entry", f.id, entry] for entry in value]
        else:
            ops += [["check", f"#ws-{f.id}--{n}", None] for n, choice in enumerate(f.choices, start=1)
                    if choice in ([value] if isinstance(value, str) else value)]
    page.evaluate(FILL, ops)
    return answers


def form_state(page) -> dict:
    """What the form shows now: {name: value or [checked values]} for every control; a
    repeating group's controls (named group.n.sub) as {group: [{sub: value}, ...]}, empty
    answers left out, as they are saved."""
    return page.evaluate("""() => {
        const out = {};
        for (const group of document.querySelectorAll('#ws-form [data-kind="entries"]')) out[group.dataset.field] = [];
        for (const el of document.querySelectorAll('#ws-form [name]')) {
            const [group, n, sub] = el.name.split('.');
            if (sub) { const list = out[group]; list[n - 1] ??= {}; if (el.value) list[n - 1][sub] = el.value; continue; }
            if (el.type === 'checkbox') (out[el.name] ??= []), el.checked && out[el.name].push(el.value);
            else if (el.type === 'radio') { out[el.name] ??= ''; if (el.checked) out[el.name] = el.value; }
            else out[el.name] = el.value;
        }
        return out;
    }""")


def stored(page, slug: str):
    raw = page.evaluate("key => localStorage.getItem(key)", storage_key(slug))
    return json.loads(raw) if raw else None


def export_payload(slug: str, answers: dict, **changes) -> dict:
    payload = {"format_version": 1, "worksheet": slug, "worksheet_version": BY_SLUG[slug].version,
               "saved": "2030-01-01T00:00:00.000Z", "answers": answers}
    payload.update(changes)
    return payload


def pdf_field_names(sheet: Worksheet) -> list[str]:
    """The PDF's top-level field names: each question's id; a repeating group's cells are
    named <id>-<row>-<sub-field id>, row by row."""
    return [name for f in sheet.fields for name in (
        [f"{f.id}-{n}-{s.id}" for n in range(1, f.rows + 1) for s in f.fields] if f.kind == "entries" else [f.id])]
