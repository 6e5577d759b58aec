"""Paper that looks right (issue 23): every control in every PDF download, rendered by poppler
and by MuPDF, off and on, looks like what it is (the checks are in pdf_rendering.py)."""
from __future__ import annotations

import pytest
from reportlab.pdfbase.acroform import AcroForm

from after_the_no.downloads import pdf_tags
from after_the_no.worksheets.load import load_worksheet
from after_the_no.downloads.pdf import render_pdf
from pdf_rendering import count, problems
from worksheet_support import FIXTURES, SHEETS

GOOD = load_worksheet(FIXTURES / "worksheets" / "good.yml", FIXTURES)


def expected_widgets(sheets, copies: int) -> dict[str, int]:
    """What the definitions promise: a radio button per option of a choice or scale, a checkbox
    per option of a checklist, a text field per other question."""
    out = {"radio": 0, "checkbox": 0, "text": 0}
    for sheet in sheets:
        for f in sheet.fields:
            kind = {"choice": "radio", "scale": "radio", "checklist": "checkbox"}.get(f.kind, "text")
            out[kind] += copies * (len(f.choices) if kind != "text" else 1)
    return out


def test_every_control_in_every_pdf_looks_like_what_it_is(site_dir, tmp_path):
    files = {p.name: p.read_bytes() for p in sorted((site_dir / "downloads").glob("*.pdf"))}
    assert len(files) == 2 * len(SHEETS) + 2, sorted(files)
    # each worksheet in A4 and Letter, and again in each paper's print pack
    assert count(files) == expected_widgets(SHEETS, 4)
    found = problems(files, tmp_path)
    assert found == [], f"{len(found)} problems:\n" + "\n".join(found)


def test_the_check_sees_a_radio_drawn_for_the_wrong_size(monkeypatch, tmp_path):
    """reportlab draws a circle for a 20 pt box whatever the box's size (pdf_tags corrects it):
    with its own drawing back, every radio of the sheet is named, in both renderers, off and on."""
    good = {"good.pdf": render_pdf(GOOD, "a4")}
    assert problems(good, tmp_path) == []
    monkeypatch.setattr(pdf_tags, "circle_arc_stream", AcroForm.circleArcStream)
    found = problems({"good.pdf": render_pdf(GOOD, "a4")}, tmp_path)
    named = {line.split(": ")[0] + ": " + line.split(": ")[1] for line in found}
    radios = [f"{f.id}={value if f.kind == 'scale' else f'option-{n}'}" for f in GOOD.fields if f.kind in ("scale", "choice")
              for n, value in enumerate(f.choices, start=1)]
    assert named == {f"good.pdf page 1 {renderer} {state}: radio {name}"
                     for renderer in ("pdftoppm", "mutool") for state in ("off", "on") for name in radios}, found
    assert sum("no dot in the middle of a selected button" in line for line in found) == 2 * len(radios)
