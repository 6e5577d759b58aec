"""Each dated page's "last checked" line, its next-due date, and bin/check-sources' report.
Nothing here reads the clock: every "today" is passed in."""
from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from after_the_no import freshness
from after_the_no.build.config import BuildError
from after_the_no.build.stage import begin_stage
from after_the_no.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent
D = datetime.date

SOURCES = """\
- claim: A.
  organisation: Samaritans
  pages: [support/urgent-help/, reconnect/]
  facts: ["116 123"]
  source: https://www.samaritans.org/
  checked: 2026-12-01
- claim: B.
  organisation: ICO
  pages: [support/urgent-help/]
  facts: ["ICO"]
  source: https://ico.org.uk/
  checked: 2026-08-31
"""


def sources(tmp_path: Path, text: str = SOURCES):
    (tmp_path / "sources.yml").write_text(text, "utf-8")
    return load_sources(tmp_path / "sources.yml")


@pytest.mark.parametrize("day, due", [(D(2026, 12, 1), D(2027, 6, 1)), (D(2026, 8, 31), D(2027, 2, 28)),
                                      (D(2027, 8, 31), D(2028, 2, 29)), (D(2026, 7, 15), D(2027, 1, 15))])
def test_the_next_check_is_six_months_later(day, due):
    assert freshness.due(day) == due


def test_a_page_shows_the_newest_check_of_the_sources_it_cites(tmp_path):
    found = freshness.page_freshness("support/urgent-help.md", "# Urgent help\n", sources(tmp_path))
    assert found == freshness.Freshness(D(2026, 12, 1), D(2027, 6, 1))
    assert found.line() == ('<p class="facts-checked">Page last checked: 1 December 2026. '
                            'Next check due: 1 June 2027.</p>')


def test_a_reviewed_date_in_the_front_matter_counts_when_it_is_newer(tmp_path):
    page = "---\nreviewed: 2026-12-03\ndescription: x\n---\n# Reconnect\n"
    assert freshness.page_freshness("reconnect.md", page, sources(tmp_path)) == \
        freshness.Freshness(D(2026, 12, 3), D(2027, 6, 3))
    older = page.replace("2026-12-03", "2026-01-05")
    assert freshness.page_freshness("reconnect.md", older, sources(tmp_path)).checked == D(2026, 12, 1)
    assert freshness.page_freshness("reflect.md", page, []).checked == D(2026, 12, 3)


def test_a_dated_page_with_no_date_to_show_stops_the_build(tmp_path):
    with pytest.raises(ValueError) as error:
        freshness.page_freshness("situations/final-round.md", "# Final round\n", sources(tmp_path))
    assert str(error.value) == (
        "docs/situations/final-round.md: no source in sources.yml names /situations/final-round/ in its pages, "
        "and the page's front matter has no reviewed: date (write reviewed: YYYY-MM-DD when you check it)")
    with pytest.raises(ValueError) as error:
        freshness.page_freshness("reflect.md", "---\nreviewed: soon\n---\n# x\n", [])
    assert str(error.value) == "docs/reflect.md: reviewed: 'soon' is not a date written YYYY-MM-DD"


def test_only_the_steps_situations_and_support_pages_are_dated(tmp_path):
    dated = [page for page in ("index.md", "reflect.md", "respond.md", "reconnect.md", "move-forward.md",
                               "about.md", "advisers.md", "situations/index.md", "situations/changing-career.md",
                               "support/index.md", "support/your-data.md", "replies/index.md",
                               "replies/connection-note.md", "worksheets/index.md") if freshness.is_dated(page)]
    assert dated == ["reflect.md", "respond.md", "reconnect.md", "move-forward.md", "situations/index.md",
                     "situations/changing-career.md", "support/index.md", "support/your-data.md"]
    assert freshness.with_freshness("about.md", "# About\n", []) == "# About\n"
    assert freshness.with_freshness("support/urgent-help.md", "# Urgent help\n\nText.\n\n", sources(tmp_path)) == (
        '# Urgent help\n\nText.\n\n<p class="facts-checked">Page last checked: 1 December 2026. '
        'Next check due: 1 June 2027.</p>\n')


def test_check_sources_lists_what_is_due_and_the_pages_citing_it(tmp_path):
    found = sources(tmp_path)
    assert freshness.report(found, D(2027, 2, 27)) == "No source is due for a re-check on 2027-02-27 (2 sources)."
    assert freshness.report(found, D(2027, 2, 28)) == (
        "1 of 2 sources are due for a re-check on 2027-02-28:\n"
        "sources.yml:7: ICO: checked 2026-08-31, due 2027-02-28\n"
        "  https://ico.org.uk/\n"
        "  cited by /support/urgent-help/")
    assert [s.organisation for s, _ in freshness.due_for_check(found, D(2027, 6, 1))] == ["ICO", "Samaritans"]


def test_the_command_exits_1_when_a_source_is_due_and_0_when_none_is():
    late = subprocess.run([sys.executable, "-m", "tools.check_sources", "--today", "2100-01-01"],
                          cwd=ROOT, capture_output=True, text=True)
    assert late.returncode == 1
    assert late.stdout.startswith(f"{len(load_sources(ROOT / 'sources.yml'))} of ")
    fresh = subprocess.run([sys.executable, "-m", "tools.check_sources", "--today", "2000-01-01"],
                           cwd=ROOT, capture_output=True, text=True)
    assert (fresh.returncode, fresh.stdout.startswith("No source is due for a re-check on 2000-01-01")) == (0, True)


def test_a_source_with_no_checked_date_stops_the_build(tmp_path):
    for folder in ("worksheets", "replies", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    text = (ROOT / "sources.yml").read_text("utf-8")
    first = text.index("  checked: ")
    (tmp_path / "sources.yml").write_text(text[:first] + text[text.index("\n", first) + 1:], "utf-8")
    line = text[:first].rindex("\n- ") + 1   # the entry's first line, "- id: ..." or "- claim: ..."
    line = text[:line].count("\n") + 1
    assert text.split("\n")[line - 1].startswith("- ")
    with pytest.raises(BuildError) as error:
        begin_stage(tmp_path / "stage", tmp_path / "mkdocs.yml", root=tmp_path)
    assert str(error.value) == f"sources.yml:{line}: [0].checked: missing (required)"
