"""Worksheet pages as Markdown with one raw-HTML form: complete and printable without JavaScript.

Every control has a visible label; hints are tied with aria-describedby; scale, choice and
checklist questions are fieldsets of radios or checkboxes. Element ids start with "ws-" so
they never meet Material's ids or heading anchors; control names are the field ids.
The toolbar and reminder button carry `data-needs-js`: CSS hides them until the page has run
JavaScript (the `js` class on <html>), so they take their place at first paint, with no shift.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape

from after_the_no.downloads.plan import large_print_path, text_path
from after_the_no.i18n.interface import fill, say, text_of
from after_the_no.worksheets.model import MAX_ENTRIES, Field, Section, Worksheet

NO_JS_ENTRIES = 3   # empty entries in the plain form (without JavaScript); the script adds more


@dataclass(frozen=True)
class Download:
    path: str      # site path, e.g. "downloads/feedback-log-a4.pdf"
    label: str     # e.g. "PDF, A4"
    size: int | None  # bytes; None while the file is still being rendered (the hook adds it)
    words: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)   # the page language's

    @property
    def text(self) -> str:
        return self.label if self.size is None else f"{self.label}, {format_size(self.size, self.words)}"


def format_size(size: int, words: Mapping[str, str] | None = None) -> str:
    """Bytes as people read them on a link: '14 KB' (1 KB = 1024 bytes, never 0 KB)."""
    return say(words or {}, "render.download.size", size=max(1, round(size / 1024)))


def control_id(field_id: str) -> str:
    return f"ws-{field_id}"


def page_markdown(sheet: Worksheet, downloads: list[Download], words: Mapping[str, str] | None = None) -> str:
    """The whole generated page worksheets/<slug>.md, in the words of `words` (the staged
    config's extra.interface; English when None)."""
    words = words or {}
    links = "\n".join(f"- [{d.text}](../{d.path})" for d in downloads)
    # The class lets print leave the links out: a printed sheet is for writing on.
    see_also = ("\n" + say(words, "render.worksheet.see-also",
                           links=", ".join(f"[{_md(text)}](../{link})" for text, link in sheet.see_also))
                + "\n{: .ws-see-also }\n" if sheet.see_also else "")
    return f"""---
description: {_yaml_string(sheet.description)}
component: worksheet
hide:
  - toc
---

# {sheet.title}

{sheet.intro}
{see_also}
{say(words, "render.worksheet.lead-time", minutes=sheet.minutes)}
{say(words, "render.worksheet.lead-files")}
{{: .ws-lead }}

{form_html(sheet, words)}
{result_markdown(sheet, words)}
## {say(words, "render.worksheet.download-heading")} {{#download}}

{links}

{say(words, "render.worksheet.download-about")}
[{say(words, "render.worksheet.download-formats")}](../about.md#accessible-documents).
"""


def form_html(sheet: Worksheet, words: Mapping[str, str] | None = None) -> str:
    words = words or {}
    parts = [
        f'<form class="worksheet" id="ws-form" data-module="worksheet" data-worksheet="{sheet.slug}"'
        f' data-version="{sheet.version}" data-title="{escape(sheet.title)}" autocomplete="off">',
        f'<p class="no-js-only ws-nojs">{_say(words, "render.worksheet.no-js")}</p>',
        _toolbar(words),
        *(_section(section, words) for section in sheet.sections),
        "</form>",
    ]
    return "\n".join(parts)


def _say(words: Mapping[str, str], key: str, **values: object) -> str:
    """A text as HTML element content (the caller escapes the values)."""
    return fill(escape(text_of(words, key), quote=False), **values)


def _toolbar(words: Mapping[str, str]) -> str:
    w = {key.split(".")[-1]: _say(words, key) for key in (
        "render.worksheet.print", "render.worksheet.print-blank", "render.worksheet.export-json",
        "render.worksheet.export-text", "render.worksheet.import", "render.worksheet.clear", "render.worksheet.backup-about",
        "render.worksheet.clear-confirm", "render.worksheet.clear-yes", "render.worksheet.clear-no")}
    return f"""<div class="ws-toolbar" data-needs-js>
<p class="ws-status" role="status"></p>
<div class="ws-actions">
<button type="button" class="md-button" data-action="print">{w["print"]}</button>
<button type="button" class="md-button" data-action="print-blank">{w["print-blank"]}</button>
<button type="button" class="md-button" data-action="export-json" aria-describedby="ws-backup-about">{w["export-json"]}</button>
<button type="button" class="md-button" data-action="export-text">{w["export-text"]}</button>
<span class="ws-import"><label class="md-button" for="ws-import-file">{w["import"]}</label>
<input type="file" id="ws-import-file" accept=".json,application/json" aria-describedby="ws-backup-about"></span>
<button type="button" class="md-button" data-action="clear">{w["clear"]}</button>
</div>
<p class="ws-backup-about" id="ws-backup-about">{w["backup-about"]}</p>
<div class="ws-confirm" hidden>
<p id="ws-confirm-text">{w["clear-confirm"]}</p>
<button type="button" class="md-button md-button--primary" data-action="clear-yes" aria-describedby="ws-confirm-text">{w["clear-yes"]}</button>
<button type="button" class="md-button" data-action="clear-no">{w["clear-no"]}</button>
</div>
<div class="ws-message" role="alert"></div>
</div>"""


def _section(section: Section, words: Mapping[str, str]) -> str:
    intro = f'<p class="ws-section-intro">{escape(section.intro)}</p>' if section.intro else ""
    reminders = ""
    if any(f.reminder for f in section.fields):
        reminders = ('<p class="ws-reminders" data-needs-js><button type="button" class="md-button" data-action="ics">'
                     f'{_say(words, "render.worksheet.reminders")}</button></p>')
    fields = "\n".join(_field(f, words) for f in section.fields)
    return (f'<fieldset class="ws-section" id="ws-{section.id}--section">\n'
            f'<legend class="ws-section-title"><h2>{escape(section.title)}</h2></legend>\n'
            f"{intro}{fields}\n{reminders}</fieldset>")


def _hint(f: Field) -> tuple[str, str]:
    """(hint paragraph, aria-describedby attribute) — both empty when the field has no hint."""
    if not f.hint:
        return "", ""
    hint_id = f"{control_id(f.id)}--hint"
    return f'<p class="ws-hint" id="{hint_id}">{escape(f.hint)}</p>', f' aria-describedby="{hint_id}"'


def _field(f: Field, words: Mapping[str, str]) -> str:
    if f.spec.control == "entries":
        return _entries(f, words)
    cid = control_id(f.id)
    hint, described = _hint(f)
    data = f'data-field="{f.id}" data-kind="{f.kind}"'
    if f.reminder:
        data += f' data-reminder="{escape(f.reminder)}"'
    control = f.spec.control
    if control == "line":
        return (f'<div class="ws-field ws-{f.kind}" {data}>'
                f'<label class="ws-label" for="{cid}">{escape(f.label)}</label>{hint}'
                f'<input class="ws-input" type="{f.spec.input_type}" id="{cid}" name="{f.id}"{described}></div>')
    if control == "count":
        # A text box that brings up the number pad, not type="number": letters typed into that
        # vanish without a word, and we want to say what is wrong (GOV.UK does the same).
        error = f"{cid}--error"
        described = f' aria-describedby="{(cid + "--hint ") if f.hint else ""}{error}"'
        return (f'<div class="ws-field ws-number" {data} data-min="{f.min}" data-max="{f.max}">'
                f'<label class="ws-label" for="{cid}">{escape(f.label)}</label>{hint}'
                f'<input class="ws-input ws-count" type="text" inputmode="numeric" id="{cid}" name="{f.id}"{described}>'
                f'<p class="ws-error" id="{error}" aria-live="polite"></p></div>')
    if control == "lines":
        return (f'<div class="ws-field ws-{f.kind}" {data}>'
                f'<label class="ws-label" for="{cid}">{escape(f.label)}</label>{hint}'
                f'<textarea class="ws-input" id="{cid}" name="{f.id}" rows="{f.spec.box.lines}"{described}></textarea></div>')
    input_type = "checkbox" if control == "many" else "radio"
    options = []
    for n, value in enumerate(f.choices, start=1):
        text = escape(value)
        if f.end_label(n):
            text += f' <span class="ws-end">{escape(f.end_label(n))}</span>'
        options.append(f'<div class="ws-option"><input type="{input_type}" id="{cid}--{n}" name="{f.id}"'
                       f' value="{escape(value)}"><label for="{cid}--{n}">{text}</label></div>')
    return (f'<fieldset class="ws-field ws-{f.kind}" {data}{described}>'
            f'<legend class="ws-label">{escape(f.label)}</legend>{hint}'
            f'<div class="ws-options">{"".join(options)}</div></fieldset>')


def _entries(f: Field, words: Mapping[str, str]) -> str:
    """A repeating group: without JavaScript a few empty entries (a plain form) and, for paper, a
    ruled table with `rows` empty rows; the script (assets/entries.js) draws the entries from the
    answers and adds, moves and removes them. Each entry is a numbered fieldset."""
    cid = control_id(f.id)
    hint, described = _hint(f)
    subs = [{"id": s.id, "kind": s.kind, "label": s.label, "max": s.spec.entry_length} for s in f.fields]
    entries = "\n".join(_entry(f, n, words) for n in range(1, NO_JS_ENTRIES + 1))
    head = "".join(f'<th scope="col">{escape(s.label)}</th>' for s in f.fields)
    empty = "".join("<td></td>" for _ in f.fields)
    rows = "".join(f'<tr><th scope="row">{n}</th>{empty}</tr>' for n in range(1, f.rows + 1))
    return (f'<fieldset class="ws-field ws-entries" data-field="{f.id}" data-kind="entries" data-item="{escape(f.item)}"'
            f' data-max-entries="{MAX_ENTRIES}" data-fields="{escape(json.dumps(subs))}"{described}>'
            f'<legend class="ws-label">{escape(f.label)}</legend>{hint}'
            f'<ol class="ws-entry-list" id="{cid}--list">\n{entries}\n</ol>'
            f'<p class="ws-entry-none" data-needs-js hidden>{_say(words, "render.entries.none")}</p>'
            f'<div class="ws-entry-message" role="status"></div>'   # next to the entries it speaks of
            f'<p class="ws-entry-tools" data-needs-js><button type="button" class="md-button md-button--primary"'
            f' data-entry-action="add">{escape(f.add)}</button> '
            f'<button type="button" class="md-button" data-entry-action="csv" aria-describedby="{cid}--csv">'
            f'{_say(words, "render.entries.csv")}</button></p>'
            f'<p class="ws-hint ws-csv-about" id="{cid}--csv" data-needs-js>'
            f'{_say(words, "render.entries.csv-about", item=escape(f.item.lower()))}</p>'
            f'<table class="ws-paper"><caption>{escape(f.label)}</caption><thead><tr><th scope="col">'
            f'<span class="ws-vh">{_say(words, "render.entries.number-column", item=escape(f.item))}</span></th>{head}</tr>'
            f'</thead><tbody>{rows}</tbody></table>'
            "</fieldset>")


def _entry(f: Field, n: int, words: Mapping[str, str]) -> str:
    cid = f"{control_id(f.id)}--{n}"
    parts = []
    for s in f.fields:
        sid, tag = f"{cid}--{s.id}", ""
        if s.spec.control == "lines":
            tag = (f'<textarea class="ws-input" id="{sid}" name="{f.id}.{n}.{s.id}" data-sub="{s.id}"'
                   f' maxlength="{s.spec.entry_length}" rows="2"></textarea>')
        elif s.spec.input_type == "date":   # a date box holds YYYY-MM-DD and takes no maxlength
            tag = f'<input class="ws-input" type="date" id="{sid}" name="{f.id}.{n}.{s.id}" data-sub="{s.id}">'
        else:
            tag = (f'<input class="ws-input" type="{s.spec.input_type}" id="{sid}" name="{f.id}.{n}.{s.id}" data-sub="{s.id}"'
                   f' maxlength="{s.spec.entry_length}">')
        parts.append(f'<div class="ws-sub ws-{s.kind}"><label class="ws-sub-label" for="{sid}">{escape(s.label)}</label>{tag}</div>')
    return (f'<li class="ws-entry-item"><fieldset class="ws-entry" id="{cid}"><legend class="ws-entry-title">'
            f'{_say(words, "render.entries.title", item=escape(f.item), n=n)}</legend><div class="ws-entry-fields">{"".join(parts)}</div></fieldset></li>')


def result_markdown(sheet: Worksheet, words: Mapping[str, str] | None = None) -> str:
    """For a worksheet of counts (`stages`): what each drop between two counts means, with a
    link to the guide's help. Read as it is on paper and without JavaScript; with it, the page
    says where this person loses the most and marks that step."""
    if not sheet.stages:
        return ""
    words = words or {}
    label = {f.id: f.label for f in sheet.fields}
    steps = "\n".join(
        f'<div class="ws-result-step" data-stage="{b.field}" markdown>\n\n'
        f'**{say(words, "render.funnel.step", first=_md(label[a.field]), second=_md(label[b.field]))}** {_md(b.help)} '
        f'[{say(words, "render.funnel.help")}](../{b.link})\n\n</div>'
        for a, b in zip(sheet.stages, sheet.stages[1:]))
    return (f'\n<div class="ws-result" data-worksheet="{sheet.slug}" data-first="{sheet.stages[0].field}" markdown>\n\n'
            f'## {say(words, "render.funnel.heading")} {{#where-you-lose-the-most}}\n\n'
            '<p class="ws-result-answer" role="status" data-needs-js></p>\n\n'
            f"{steps}\n\n</div>\n")


def _md(text: str) -> str:
    """Worksheet text as literal Markdown text: markup shows as typed, never as HTML."""
    return escape(text, quote=False).replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_") \
        .replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")


def worksheet_list(sheets: list[Worksheet], downloads: dict[str, list[Download]] | None = None,
                   words: Mapping[str, str] | None = None) -> str:
    """Markdown list for docs/worksheets/index.md (links are relative to that page); given the
    downloads, then each worksheet's large print and plain-text files with their sizes."""
    words = words or {}
    out = "\n".join(f'- [{s.title}]({s.slug}.md) {say(words, "render.worksheets.minutes", minutes=s.minutes)}: '
                     f"{s.description}" for s in sheets)
    if not downloads:
        return out
    return out + (f'\n\n**{say(words, "render.worksheets.large-print-title")}** {say(words, "render.worksheets.large-print")}'
                  "\n{: #large-print }\n\n"
                  + "\n".join(f"- {s.title}: " + ", ".join(f"[{d.text}](../{d.path})" for d in downloads[s.slug]
                                                            if d.path in (large_print_path(s.slug), text_path(s.slug)))
                               for s in sheets))


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
