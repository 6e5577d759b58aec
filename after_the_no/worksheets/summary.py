"""The "My answers" page (/worksheets/summary/): the HTML the `<!-- answers-summary -->` marker
becomes. The summary itself is made in the browser (assets/summary.js) from the answers kept
there; it needs each worksheet's title, version, sections and labels, which the build writes
into the page as one JSON block, generated from the definitions (never written by hand).
"""
from __future__ import annotations

import json
from html import escape

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


def summary_html(sheets: list[Worksheet], site_name: str) -> str:
    """The page's one raw-HTML block (no blank line inside, so Markdown leaves it whole)."""
    return "\n".join([
        f'<div class="summary" data-module="summary" data-site="{escape(site_name)}">',
        '<p class="no-js-only summary-nojs">This browser is not running JavaScript, so it cannot gather your answers here. '
        "Each worksheet page can still be printed on its own.</p>",
        f'<script type="application/json" class="summary-sheets">{sheets_json(sheets)}</script>',
        '<div class="summary-app" data-needs-js>',
        '<p class="summary-status" role="status"></p>',
        '<fieldset class="summary-choose" hidden><legend>What to include</legend><div class="summary-list"></div></fieldset>',
        '<div class="summary-actions" hidden>',
        '<button type="button" class="md-button md-button--primary" data-action="print">Print</button>',
        '<button type="button" class="md-button" data-action="download">Download as a text file</button>',
        '<a class="md-button" data-action="mail" href="mailto:">Email it to my adviser</a>',
        "</div>",
        '<p class="summary-mail-note" hidden>This summary is too long for an email link. Download it as a text file, '
        "then attach that file to an email to your adviser.</p>",
        '<section class="summary-preview" aria-labelledby="summary-preview-title" hidden>',
        '<h2 id="summary-preview-title">Your summary</h2>',
        '<pre class="summary-text"></pre>',
        "</section>",
        "</div>",
        "</div>",
    ])
