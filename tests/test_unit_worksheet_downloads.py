"""Downloads are planned before they are rendered: the plan and the result must name the same
files, whether rendering runs in worker processes or in the build process."""
from __future__ import annotations

import pytest

from after_the_no.worksheet_downloads import Rendering, planned
from after_the_no.worksheet_model import load_worksheets
from conftest import ROOT


@pytest.mark.parametrize("workers", ["0", "2"])
def test_rendered_files_are_exactly_the_planned_ones(monkeypatch, workers):
    monkeypatch.setenv("AFTER_THE_NO_WORKERS", workers)
    sheets = load_worksheets(ROOT)
    per_sheet, packs = planned(sheets)
    contents = Rendering(sheets, "After the No", "https://example.org/").result()
    expected = {o.path for outputs in per_sheet.values() for o in outputs} | {p.path for p in packs}
    assert set(contents) == expected
    assert len(expected) == 4 * len(sheets) + 2
    assert all(contents[path][:5] == b"%PDF-" for path in expected if path.endswith(".pdf"))
    assert all(contents[path][:2] == b"PK" for path in expected if path.endswith((".docx", ".odt")))
    assert sum(path.endswith(".odt") for path in expected) == len(sheets)
