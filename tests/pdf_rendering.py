"""Looks at what a PDF's form controls look like on paper, in two independent renderers.

Each page with widgets is rendered once per renderer and state (poppler's `pdftoppm`, MuPDF's
`mutool draw`), in grey at `DPI`, and for every widget its rectangle is read from the file and
the ink around it is checked against what its kind promises:

- a radio button: a ring centred in the box (the ink's bounding box centred within 10 % of the
  box and spanning at least 60 % of it; ink all round at the ring's radius; the box's corners
  empty), an empty middle when off and a dot in the middle when on;
- a checkbox: a square outline on the box's edges (corners inked), empty inside when off and a
  mark inside when on;
- a text field: an outlined box of its rectangle's size, empty inside.

The on state is a scratch copy in which every radio and checkbox shows its on appearance (its
/AS set to the state its /AP offers besides /Off); nothing is regenerated, so what is drawn is
exactly what the file carries. `problems` names the file, page, renderer, state and field of
every widget that does not look right.
"""
from __future__ import annotations

import functools
import subprocess
from dataclasses import dataclass
from io import BytesIO
from math import cos, radians, sin
from pathlib import Path

from PIL import Image
import pikepdf
from pypdf import PdfReader

DPI = 144
RENDERERS = ("pdftoppm", "mutool")
STATES = ("off", "on")
INK = 160           # a grey level below this is ink (the boxes' border is #6b6b6b = 107)
# A thin ring that falls across two pixels leaves each of them only half grey (about 180): along
# the ring, any clearly grey pixel is its ink (the paper is 255).
RING_INK = 215
RADIO_FLAG = 1 << 15
# A grey level -> 255 if it is ink, else 0: a lookup table PIL applies in C (a function given to
# Image.point is called 256 times on every call, and the check makes tens of thousands of them).
INK_TABLE = [255 if v < INK else 0 for v in range(256)]


@dataclass(frozen=True)
class Widget:
    page: int           # 0-based
    name: str           # the full field name; a radio button's adds "=<its on state>"
    kind: str           # "radio", "checkbox" or "text"
    rect: tuple[float, float, float, float]


def _inherited(annot, key):
    node = annot
    while node is not None:
        if key in node:
            return node[key]
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return None


def _full_name(annot) -> str:
    parts, node = [], annot
    while node is not None:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node.get("/Parent")
        node = node.get_object() if node is not None else None
    return ".".join(reversed(parts))


def _on_state(annot) -> str | None:
    states = [str(k) for k in annot.get("/AP", {}).get("/N", {}) if k != "/Off"]
    return states[0] if states else None


@functools.lru_cache(maxsize=64)
def widgets_in(data: bytes) -> tuple[Widget, ...]:
    """widgets() of a PDF given as bytes, read once however often it is asked for."""
    return tuple(widgets(PdfReader(BytesIO(data))))


def widgets(reader: PdfReader) -> list[Widget]:
    out = []
    for number, page in enumerate(reader.pages):
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            field_type, flags = _inherited(annot, "/FT"), int(_inherited(annot, "/Ff") or 0)
            name = _full_name(annot)
            if field_type == "/Tx":
                kind = "text"
            elif field_type == "/Btn" and flags & RADIO_FLAG:
                kind, name = "radio", f"{name}={(_on_state(annot) or '?').lstrip('/')}"
            elif field_type == "/Btn":
                kind = "checkbox"
            else:
                kind = str(field_type)
            out.append(Widget(number, name, kind, tuple(float(v) for v in annot["/Rect"])))
    return out


def switched_on(data: bytes) -> bytes:
    """A scratch copy with every radio button and checkbox showing its on appearance."""
    with pikepdf.open(BytesIO(data)) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") != "/Widget" or "/AP" not in annot:
                    continue
                states = [key for key in annot.AP.N.keys() if key != "/Off"] if isinstance(annot.AP.N, pikepdf.Dictionary) else []
                if states:
                    annot.AS = pikepdf.Name(states[0])
        out = BytesIO()
        pdf.save(out)
    return out.getvalue()


def _commands(renderer: str, pdf: Path, first: int, last: int, prefix: Path) -> list[str]:
    if renderer == "pdftoppm":
        return ["pdftoppm", "-gray", "-r", str(DPI), "-f", str(first), "-l", str(last), str(pdf), str(prefix)]
    return ["mutool", "draw", "-q", "-c", "gray", "-r", str(DPI), "-o", f"{prefix}-%d.pgm", str(pdf), f"{first}-{last}"]


def render(pdf: Path, pages: list[int], scratch: Path) -> dict[str, dict[int, Image.Image]]:
    """{renderer: {page index: grey image}} for the pages given (0-based), both renderers at once."""
    first, last = min(pages) + 1, max(pages) + 1
    running = {}
    for renderer in RENDERERS:
        prefix = scratch / f"{pdf.stem}-{renderer}"
        running[renderer] = (prefix, subprocess.Popen(_commands(renderer, pdf, first, last, prefix),
                                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    images: dict[str, dict[int, Image.Image]] = {}
    for renderer, (prefix, process) in running.items():
        _, err = process.communicate()
        assert process.returncode == 0, f"{renderer} failed on {pdf.name}: {err}"
        images[renderer] = {}
        for number in pages:
            # pdftoppm pads the page number to the width of the last page's; mutool does not
            found = sorted(scratch.glob(f"{prefix.name}-*{number + 1}.p?m"), key=lambda p: len(p.name))
            found = [p for p in found if p.stem.rsplit("-", 1)[1].lstrip("0") == str(number + 1)]
            assert found, f"{renderer} wrote no image of page {number + 1} of {pdf.name}"
            images[renderer][number] = Image.open(found[0]).convert("L")
    return images


class _Box:
    """A widget's rectangle on a rendered page, in pixels, and the ink on the page around it."""

    def __init__(self, image: Image.Image, page_box, rect):
        left, bottom, right, top = (float(v) for v in page_box)
        sx, sy = image.width / (right - left), image.height / (top - bottom)
        self.x0, self.x1 = (rect[0] - left) * sx, (rect[2] - left) * sx
        self.y0, self.y1 = (top - rect[3]) * sy, (top - rect[1]) * sy
        self.w, self.h = self.x1 - self.x0, self.y1 - self.y0
        self.cx, self.cy = (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2
        self.image, self.pixels = image, image.load()

    def mask(self, x0: float, y0: float, x1: float, y1: float) -> Image.Image:
        """The ink (255) in a region of the page, from (x0, y0) up to (x1, y1) in pixels."""
        return self.image.crop((round(x0), round(y0), round(x1), round(y1))).point(INK_TABLE)

    def ink(self, x: float, y: float, level: int = INK) -> bool:
        x, y = int(x), int(y)
        return 0 <= x < self.image.width and 0 <= y < self.image.height and self.pixels[x, y] < level

    def count(self, x0: float, y0: float, x1: float, y1: float) -> int:
        return self.mask(x0, y0, x1, y1).histogram()[255]

    def centred(self, pad: float) -> list[str]:
        """The ink around the box (pad pixels beyond it) is centred in it and spans 60 % of it."""
        bbox = self.mask(self.x0 - pad, self.y0 - pad, self.x1 + pad, self.y1 + pad).getbbox()
        if bbox is None:
            return ["no ink at all"]
        bx0, by0, bx1, by1 = bbox[0] + round(self.x0 - pad), bbox[1] + round(self.y0 - pad), \
            bbox[2] + round(self.x0 - pad), bbox[3] + round(self.y0 - pad)
        found = []
        if abs((bx0 + bx1) / 2 - self.cx) > 0.1 * self.w or abs((by0 + by1) / 2 - self.cy) > 0.1 * self.h:
            found.append(f"ink centred at ({(bx0 + bx1) / 2 - self.x0:.1f}, {(by0 + by1) / 2 - self.y0:.1f}) px "
                         f"in a {self.w:.1f} x {self.h:.1f} px box")
        if bx1 - bx0 < 0.6 * self.w or by1 - by0 < 0.6 * self.h:
            found.append(f"ink spans {bx1 - bx0} x {by1 - by0} px of a {self.w:.1f} x {self.h:.1f} px box")
        return found

    def disc(self, r: float) -> list[tuple[int, int]]:
        """The pixels whose centres are within r of the box's centre."""
        return [(x, y) for y in range(int(self.cy - r) - 1, int(self.cy + r) + 2)
                for x in range(int(self.cx - r) - 1, int(self.cx + r) + 2)
                if (x + 0.5 - self.cx) ** 2 + (y + 0.5 - self.cy) ** 2 <= r * r]

    def corners_inked(self) -> int:
        d = max(1.0, 0.1 * self.w)
        return sum(self.count(x, y, x + d, y + d) > 0 for x in (self.x0, self.x1 - d) for y in (self.y0, self.y1 - d))

    def edges(self) -> list[str]:
        """The sides of the rectangle with no line along them (ink within 2 px of fewer than 90 %
        of the points from 10 % to 90 % of the side)."""
        missing = []
        bands = {"top": (self.x0, self.y0 - 2, self.x1, self.y0 + 3), "bottom": (self.x0, self.y1 - 3, self.x1, self.y1 + 2),
                 "left": (self.x0 - 2, self.y0, self.x0 + 3, self.y1), "right": (self.x1 - 3, self.y0, self.x1 + 2, self.y1)}
        for side, band in bands.items():
            mask = self.mask(*band)
            along = mask.reduce((1, mask.height)) if side in ("top", "bottom") else mask.reduce((mask.width, 1))
            line = list(along.tobytes())   # one grey byte per pixel
            middle = line[len(line) // 10: len(line) - len(line) // 10]
            if sum(v > 0 for v in middle) < 0.9 * len(middle):
                missing.append(side)
        return missing


def look(image: Image.Image, page_box, widget: Widget, state: str) -> list[str]:
    """What is wrong with how one widget is drawn on its rendered page (nothing: [])."""
    box = _Box(image, page_box, widget.rect)
    found = []
    if widget.kind == "radio":
        found += box.centred(0.15 * min(box.w, box.h))
        half = min(box.w, box.h) / 2
        gaps = [angle for angle in range(0, 360, 30)
                if not any(box.ink(box.cx + r * half / 20 * cos(radians(angle)), box.cy - r * half / 20 * sin(radians(angle)),
                                   RING_INK) for r in range(12, 22))]
        if gaps:
            found.append(f"no ring at {', '.join(f'{a}°' for a in gaps)}")
        if box.corners_inked():
            found.append(f"{box.corners_inked()} corners inked (a ring leaves them empty)")
        middle = box.disc(0.4 * half)    # the dot's radius is 0.42 of the box's half, the ring's inside 0.83
        if state == "off" and any(box.ink(x, y) for x, y in middle):
            found.append(f"{sum(box.ink(x, y) for x, y in middle)} px of ink in the middle of an unselected button")
        if state == "on" and not all(box.ink(x, y) for x, y in box.disc(0.25 * half)):
            found.append("no dot in the middle of a selected button")
    elif widget.kind == "checkbox":
        found += box.centred(0.15 * min(box.w, box.h))
        if box.edges():
            found.append(f"no square outline: {', '.join(box.edges())} side missing")
        if box.corners_inked() < 4:
            found.append(f"only {box.corners_inked()} corners inked (a square outline inks all four)")
        inside = box.count(box.x0 + 0.25 * box.w, box.y0 + 0.25 * box.h, box.x1 - 0.25 * box.w, box.y1 - 0.25 * box.h)
        if state == "off" and inside:
            found.append(f"{inside} px of ink inside an unticked box")
        if state == "on" and inside < 0.05 * (0.5 * box.w) * (0.5 * box.h):
            found.append("no tick inside a ticked box")
    elif widget.kind == "text":
        if box.edges():
            found.append(f"no outline of its size: {', '.join(box.edges())} side missing")
        inside = box.count(box.x0 + 3, box.y0 + 3, box.x1 - 3, box.y1 - 3)
        if inside:
            found.append(f"{inside} px of ink inside an empty text field")
    else:
        found.append(f"a widget of unknown kind {widget.kind}")
    return found


def problems(files: dict[str, bytes], scratch: Path) -> list[str]:
    """Every widget of every PDF ({name: bytes}) that does not look like its kind, in either
    renderer, off or on: "<file> page <n> <renderer> <state>: <kind> <field>: <what>"."""
    found = []
    for name, data in files.items():
        reader = PdfReader(BytesIO(data))
        controls = widgets_in(data)
        if not controls:
            continue
        pages = sorted({w.page for w in controls})
        for state in STATES:
            pdf = scratch / f"{Path(name).stem}-{state}.pdf"
            pdf.write_bytes(data if state == "off" else switched_on(data))
            for renderer, images in render(pdf, pages, scratch).items():
                for w in controls:
                    for problem in look(images[w.page], reader.pages[w.page].mediabox, w, state):
                        found.append(f"{name} page {w.page + 1} {renderer} {state}: {w.kind} {w.name}: {problem}")
    return found


def count(files: dict[str, bytes]) -> dict[str, int]:
    """How many widgets of each kind the files hold (to say what a passing check looked at)."""
    out: dict[str, int] = {}
    for data in files.values():
        for w in widgets_in(data):
            out[w.kind] = out.get(w.kind, 0) + 1
    return out
