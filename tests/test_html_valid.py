"""Every built HTML file passes the Nu HTML checker (vnu) with zero errors.

One JVM run checks every page (the JVM is slow to start). The checker's output is not
filtered: each error is printed with its file and line.
"""
from __future__ import annotations

import shutil

import pytest

from quality_support import VNU_JAR, format_vnu, run_vnu
from tools.measures import node_tool_missing


def test_every_page_is_valid_html(site_dir):
    if missing := node_tool_missing(VNU_JAR):
        pytest.fail(missing, pytrace=False)
    if not shutil.which("java"):
        pytest.fail("java is missing: apt-get install openjdk-17-jre-headless", pytrace=False)
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 10
    errors = [format_vnu(m, site_dir) for m in run_vnu(pages)]
    print(f"vnu checked {len(pages)} files: {len(errors)} errors")
    for error in errors:
        print(error)
    assert not errors, f"{len(errors)} HTML errors (all listed in the captured output):\n" + "\n".join(errors[:40])


def test_section_label_repair_drops_only_the_empty_tabindex():
    from after_the_no.build.html_fixes import REPAIRS
    fix = next(r for r in REPAIRS if "tabindex" in r.why)
    html = ('<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
            '<label class="md-nav__link " for="__nav_3" id="__nav_3_label" tabindex="">'
            '<label class="md-nav__link" for="__nav_3_1" id="__nav_3_1_label" tabindex="0">')
    assert fix.apply(html, {}) == (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">'
        '<label class="md-nav__link " for="__nav_3" id="__nav_3_label">'
        '<label class="md-nav__link" for="__nav_3_1" id="__nav_3_1_label" tabindex="0">', 2)
