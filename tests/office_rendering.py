"""Looks at the Word and OpenDocument downloads as LibreOffice lays them out on paper.

`convert` turns every .docx and .odt into PDF with LibreOffice headless, in one run. `problems`
reads each result back: its text lines (poppler's `pdftotext -bbox-layout`) and the boxes its
table borders draw (MuPDF's `mutool trace`: four lines around a rectangle), merges them in
reading order (page, then top to bottom), and checks that the worksheet's title, every section,
every question, every hint and every option (with its ☐) and every answer box are there in the
worksheet's order, that the page count is within one of the PDF worksheet's on the same paper,
and that no text or line lies outside the page.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from difflib import SequenceMatcher
from pathlib import Path
from xml.etree import ElementTree

from after_the_no.worksheets.model import BOXES, Worksheet

BOX = "[box]"          # an answer box in the reading-order text
XHTML = "{http://www.w3.org/1999/xhtml}"


def convert(files: dict[str, bytes], scratch: Path) -> dict[str, Path]:
    """{file name: its PDF as LibreOffice lays it out}. The copies are named by format too
    (x.docx and x.odt would both become x.pdf)."""
    given, out = scratch / "office", scratch / "office-pdf"
    given.mkdir()
    for name, data in files.items():
        stem, ext = name.rsplit(".", 1)
        (given / f"{stem}-{ext}.{ext}").write_bytes(data)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is not installed (bin/test installs libreoffice-writer-nogui)"
    result = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{scratch}/profile",
                             "--convert-to", "pdf", "--outdir", str(out), *sorted(map(str, given.iterdir()))],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    converted = {}
    for name in files:
        stem, ext = name.rsplit(".", 1)
        pdf = out / f"{stem}-{ext}.pdf"
        assert pdf.exists(), f"LibreOffice made no PDF of {name}: {result.stdout} {result.stderr}"
        converted[name] = pdf
    return converted


def _norm(text: str) -> str:
    return " ".join(text.split())


def expected(sheet: Worksheet) -> list[str]:
    """What a reader must meet, in order."""
    out = [sheet.title]
    for section in sheet.sections:
        out.append(section.title)
        for f in section.fields:
            out.append(f.label)
            if f.hint:
                out.append(f.hint)
            out += [BOX] if f.kind in BOXES else [f"☐ {text}" for text in f.option_texts()]
    return [_norm(piece) for piece in out]


def _lines(pdf: Path) -> tuple[list[tuple[float, float]], list[tuple[int, float, float, float, float, str]]]:
    """The page sizes, and every text line: (page, top, left, right, bottom, text)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(xml)
    sizes, lines = [], []
    for number, page in enumerate(root.iter(f"{XHTML}page")):
        sizes.append((float(page.get("width")), float(page.get("height"))))
        for line in page.iter(f"{XHTML}line"):
            words = [w.text or "" for w in line.iter(f"{XHTML}word")]
            lines.append((number, float(line.get("yMin")), float(line.get("xMin")), float(line.get("xMax")),
                          float(line.get("yMax")), " ".join(words)))
    return sizes, lines


def _strokes(pdf: Path) -> list[tuple[int, float, float, float, float]]:
    """Every straight stroked line: (page, x0, y0, x1, y1), y measured down from the page's top."""
    trace = subprocess.run(["mutool", "trace", str(pdf)], capture_output=True, text=True, check=True).stdout
    out = []
    for number, page in enumerate(re.split(r"<page number=", trace)[1:]):
        for transform, body in re.findall(r'<stroke_path [^>]*transform="([^"]+)">(.*?)</stroke_path>', page, re.S):
            a, b, c, d, e, f = (float(v) for v in transform.split())
            points = [(float(x), float(y)) for x, y in re.findall(r'<(?:moveto|lineto) x="([-\d.]+)" y="([-\d.]+)"/>', body)]
            points = [(a * x + c * y + e, b * x + d * y + f) for x, y in points]
            out += [(number, *p, *q) for p, q in zip(points, points[1:])]
    return out


def _boxes(strokes) -> list[tuple[int, float, float, float, float]]:
    """Rectangles drawn as four lines: (page, left, top, right, bottom)."""
    found = []
    horizontal = [(p, min(x0, x1), max(x0, x1), y0) for p, x0, y0, x1, y1 in strokes if abs(y0 - y1) < 0.5 and abs(x1 - x0) > 20]
    vertical = [(p, x0, min(y0, y1), max(y0, y1)) for p, x0, y0, x1, y1 in strokes if abs(x0 - x1) < 0.5 and abs(y1 - y0) > 5]
    for page, x, top, bottom in vertical:
        for other_page, x2, top2, bottom2 in vertical:
            if other_page != page or x2 <= x + 20 or abs(top2 - top) > 1 or abs(bottom2 - bottom) > 1:
                continue
            edges = [y for p, left, right, y in horizontal if p == page and left <= x + 1 and right >= x2 - 1]
            if any(abs(y - top) < 1 for y in edges) and any(abs(y - bottom) < 1 for y in edges):
                found.append((page, x, top, x2, bottom))
    return found


def problems(name: str, pdf: Path, sheet: Worksheet, pdf_pages: int) -> list[str]:
    """What is wrong with one converted file (nothing: [])."""
    sizes, lines = _lines(pdf)
    strokes = _strokes(pdf)
    boxes = _boxes(strokes)
    # An entries field's ruled table is a grid of cells side by side (Word draws its columns the
    # table's full height, LibreOffice's own files cell by cell): the cells are not answer boxes.
    grid = [b for b in boxes if any(o != b and o[0] == b[0] and abs(o[2] - b[2]) < 1 and abs(o[4] - b[4]) < 1
                                    and o[1] < b[3] + 1 and o[3] > b[1] - 1 for o in boxes)]
    boxes = [b for b in boxes if b not in grid]
    found = []
    tables = sum(f.spec.control == "entries" for f in sheet.fields)
    if tables and not grid:
        found.append(f"{name}: no ruled table drawn, {tables} entries field(s) have one")
    if abs(len(sizes) - pdf_pages) > 1:
        found.append(f"{name}: {len(sizes)} pages, the PDF worksheet on the same paper has {pdf_pages}")
    for page, top, left, right, bottom, text in lines:
        width, height = sizes[page]
        if left < 0 or top < 0 or right > width or bottom > height:
            found.append(f"{name} page {page + 1}: text off the page: {text!r}")
    for page, x0, y0, x1, y1 in strokes:
        width, height = sizes[page]
        if min(x0, x1) < 0 or min(y0, y1) < 0 or max(x0, x1) > width or max(y0, y1) > height:
            found.append(f"{name} page {page + 1}: a line off the page at ({x0:.0f}, {y0:.0f})-({x1:.0f}, {y1:.0f})")
    items = sorted([(page, top, left, text) for page, top, left, _, _, text in lines]
                   + [(page, top, left, BOX) for page, left, top, _, _ in boxes])
    text = " ".join(_norm(item[3]) for item in items)
    # Word by word, the longest run in common: a piece some of whose words fall outside it is
    # missing or out of place (a moved option is one problem, not everything after it).
    pieces = expected(sheet)
    # (an option's box is one word with the option's first, as ☐ alone would match any box)
    want = [(n, word) for n, piece in enumerate(pieces) for word in piece.replace("☐ ", "☐").split()]
    matcher = SequenceMatcher(None, [word for _, word in want], text.replace("☐ ", "☐").split(), autojunk=False)
    matched = {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
    for n in sorted({n for i, (n, _) in enumerate(want) if i not in matched}):
        found.append(f"{name}: {pieces[n]!r} missing or out of order")
    if text.count(BOX) != expected(sheet).count(BOX):
        found.append(f"{name}: {text.count(BOX)} answer boxes drawn, {expected(sheet).count(BOX)} questions have one")
    return found
