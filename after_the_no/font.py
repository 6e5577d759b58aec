"""The font every PDF embeds: Liberation Sans 2 (SIL Open Font License 1.1, see fonts/LICENSE-OFL.txt).

It has the same widths as Helvetica, which the PDFs used before, so pages break where they did.
It covers Latin, Greek, Cyrillic and Hebrew. A worksheet text with a character it lacks would
print as an empty box, so the worksheet check stops the build instead (`uncovered`). This module
reads the font's character map itself (a few lines of `struct`), so the check never loads reportlab.
"""
from __future__ import annotations

import functools
import re
import struct
import unicodedata
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONT_DIR / "LiberationSans-Regular.ttf", FONT_DIR / "LiberationSans-Bold.ttf"
# Characters XML 1.0 cannot hold (a quoted YAML string can carry them): no output shows them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SPACES = re.compile("[\t\n\r]")


def clean(text: str) -> str:
    """The text every download shows: control characters dropped, tabs and newlines as spaces."""
    return SPACES.sub(" ", NOT_XML.sub("", text))


@functools.lru_cache(maxsize=None)
def coverage(path: Path = REGULAR) -> frozenset[int]:
    """The code points the font has a glyph for (its Windows Unicode cmap, format 4 or 12)."""
    data = path.read_bytes()
    tables = {data[12 + 16 * i:16 + 16 * i]: struct.unpack(">II", data[20 + 16 * i:28 + 16 * i])
              for i in range(struct.unpack(">H", data[4:6])[0])}
    cmap = tables[b"cmap"][0]
    best = None
    for i in range(struct.unpack(">H", data[cmap + 2:cmap + 4])[0]):
        platform, encoding, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * i:cmap + 12 + 8 * i])
        if platform == 3 and encoding in (1, 10):
            fmt = struct.unpack(">H", data[cmap + offset:cmap + offset + 2])[0]
            if fmt in (4, 12) and (best is None or fmt == 12):
                best = (fmt, cmap + offset)
    if best is None:
        raise ValueError(f"{path.name}: no Unicode character map")
    fmt, at = best
    points: set[int] = set()
    if fmt == 12:
        for g in range(struct.unpack(">I", data[at + 12:at + 16])[0]):
            start, end, _ = struct.unpack(">III", data[at + 16 + 12 * g:at + 28 + 12 * g])
            points.update(range(start, end + 1))
    else:
        n = struct.unpack(">H", data[at + 6:at + 8])[0] // 2
        ends = struct.unpack(f">{n}H", data[at + 14:at + 14 + 2 * n])
        starts = struct.unpack(f">{n}H", data[at + 16 + 2 * n:at + 16 + 4 * n])
        deltas = struct.unpack(f">{n}h", data[at + 16 + 4 * n:at + 16 + 6 * n])
        range_at = at + 16 + 6 * n
        offsets = struct.unpack(f">{n}H", data[range_at:range_at + 2 * n])
        for k, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, offsets)):
            for c in range(start, end + 1):
                if c == 0xFFFF:
                    continue
                if offset == 0:
                    glyph = (c + delta) & 0xFFFF
                else:
                    where = range_at + 2 * k + offset + 2 * (c - start)
                    glyph = struct.unpack(">H", data[where:where + 2])[0]
                    glyph = (glyph + delta) & 0xFFFF if glyph else 0
                if glyph:
                    points.add(c)
    return frozenset(points)


@functools.lru_cache(maxsize=None)
def _both() -> frozenset[int]:
    return coverage(REGULAR) & coverage(BOLD)


def uncovered(text: str) -> list[str]:
    """The characters of `text` (as the downloads show it) that the PDF font cannot draw."""
    have = _both()
    out = []
    for ch in clean(text):
        if ord(ch) not in have and ch not in out and unicodedata.category(ch) != "Cf":   # Cf: invisible marks
            out.append(ch)
    return out


def drawable(text: str) -> str:
    """`clean(text)` less the invisible format characters (such as U+200F) the font has no glyph for."""
    text = clean(text)
    if text.isascii():
        return text
    have = _both()
    return "".join(ch for ch in text if ord(ch) in have or unicodedata.category(ch) != "Cf")


def describe(chars: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')} ({c!r})" for c in chars)
