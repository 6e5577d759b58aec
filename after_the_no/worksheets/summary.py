"""The "My answers" page (/worksheets/summary/): the HTML the `<!-- answers-summary -->` marker
becomes. The summary itself is made in the browser (assets/summary.js) from the answers kept
there; it needs each worksheet's title, version, sections and labels, which the build writes
into the page as one JSON block, generated from the definitions (never written by hand).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape

from after_the_no.i18n.interface import say
from after_the_no.worksheets.model import Field, Worksheet


def _field(f: Field) -> dict:
    out = {"id": f.id, "kind": f.kind, "label": f.label}
    if f.kind == "entries":
        out |= {"item": f.item, "fields": [{"id": s.id, "kind": s.kind, "label": s.label} for s in f.fields]}
    return out


def sheets_json(sheets: list[Worksheet]) -> str:
    """What the summary script knows of each worksheet, as JSON safe inside a <script> element."""
    data = [{"slug": s.slug, "title": s.title, "version": s.version,
             "sections": [{"title": sec.title, "fields": [_field(f) for f in sec.fields]} for sec in s.sections]}
            for s in sheets]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def summary_html(sheets: list[Worksheet], site_name: str, words: Mapping[str, str] | None = None) -> str:
    """The page's one raw-HTML block (no blank line inside, so Markdown leaves it whole), in the
    words of `words` (the staged config's extra.interface; English when None)."""
    w = {key.rsplit(".", 1)[-1]: escape(say(words or {}, key), quote=False) for key in (
        "render.summary.no-js", "render.summary.choose", "render.summary.print", "render.summary.download",
        "render.summary.mail", "render.summary.mail-note", "render.summary.heading")}
    return "\n".join([
        f'<div class="summary" data-module="summary" data-site="{escape(site_name)}">',
        f'<p class="no-js-only summary-nojs">{w["no-js"]}</p>',
        f'<script type="application/json" class="summary-sheets">{sheets_json(sheets)}</script>',
        '<div class="summary-app" data-needs-js>',
        '<p class="summary-status" role="status"></p>',
        f'<fieldset class="summary-choose" hidden><legend>{w["choose"]}</legend><div class="summary-list"></div></fieldset>',
        '<div class="summary-actions" hidden>',
        f'<button type="button" class="md-button md-button--primary" data-action="print">{w["print"]}</button>',
        f'<button type="button" class="md-button" data-action="download">{w["download"]}</button>',
        f'<a class="md-button" data-action="mail" href="mailto:">{w["mail"]}</a>',
        "</div>",
        f'<p class="summary-mail-note" hidden>{w["mail-note"]}</p>',
        '<section class="summary-preview" aria-labelledby="summary-preview-title" hidden>',
        f'<h2 id="summary-preview-title">{w["heading"]}</h2>',
        '<pre class="summary-text"></pre>',
        "</section>",
        "</div>",
        "</div>",
    ])
