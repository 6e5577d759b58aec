"""The job-search record and "My answers" in the built site: in the nav after the worksheets,
the summary's data block generated from the definitions, and the backup wording."""
from __future__ import annotations

import json
import re

from worksheet_support import SHEETS


def test_the_record_and_the_summary_are_in_the_nav(html_pages):
    html = html_pages["worksheets/summary/"]
    links = re.findall(r'<a href="([^"]+)" class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html)
    titles = [title for _, title in links]
    start = titles.index("Interview self-assessment")
    assert titles[start:start + len(SHEETS) + 1] == [s.title for s in SHEETS] + ["My answers"], titles
    assert "job-search-record/" in html_pages["worksheets/"] and "summary/" in html_pages["worksheets/"]


def test_the_summary_page_carries_every_worksheet_from_the_definitions(html_pages):
    html = html_pages["worksheets/summary/"]
    block = re.search(r'<script type="application/json" class="summary-sheets">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert [(d["slug"], d["title"], d["version"]) for d in data] == [(s.slug, s.title, s.version) for s in SHEETS]
    assert [[f["id"] for sec in d["sections"] for f in sec["fields"]] for d in data] == [s.field_ids for s in SHEETS]
    assert 'data-module="summary"' in html and "assets/summary.js" in html and "assets/summary.css" in html


def test_backup_wording_on_every_worksheet(html_pages):
    missing = [s.slug for s in SHEETS if "Save a backup file</button>" not in html_pages[f"worksheets/{s.slug}/"]
               or "Open a backup file</label>" not in html_pages[f"worksheets/{s.slug}/"]
               or "to move them to another device" not in html_pages[f"worksheets/{s.slug}/"]]
    assert missing == []
