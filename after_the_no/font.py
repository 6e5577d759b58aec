"""The font every PDF embeds: Liberation Sans 2 (SIL Open Font License 1.1, see fonts/LICENSE-OFL.txt).

It has the same widths as Helvetica, which the PDFs used before, so pages break where they did.
It covers Latin, Greek, Cyrillic and Hebrew. A worksheet text with a character it lacks would
print as an empty box, so the worksheet check stops the build instead (`uncovered`); fontTools
reads the font's character map, so the check never loads reportlab. `unhinted` gives the bytes
the PDFs embed.
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
    """The code points the font has a glyph for (fontTools reads its best Unicode cmap)."""
    from fontTools.ttLib import TTFont   # here: only the build's checks need it, once
    with TTFont(path, lazy=True) as font:
        return frozenset(code for code, glyph in font.getBestCmap().items() if glyph != ".notdef")


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


def unhinted(path) -> bytes:
    """The font without its TrueType hinting (the instructions in each glyph and the tables they
    use): the same outlines and metrics, and embedded subsets about a third smaller. Readers
    draw PDF text unhinted at almost every size anyway. Done in memory, for embedding only.
    Hand-written rather than fontTools (glyph.removeHinting(), then save): that gives the same PDF
    bytes but takes 0.56 s of CPU a font where this takes 0.015 s, in each worker of every build."""
    data = path.read_bytes()
    count = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag] = data[offset:offset + length]
    long_loca = struct.unpack(">h", tables[b"head"][50:52])[0] == 1
    loca = (struct.unpack(f">{len(tables[b'loca']) // 4}I", tables[b"loca"]) if long_loca
            else [2 * x for x in struct.unpack(f">{len(tables[b'loca']) // 2}H", tables[b"loca"])])
    glyf, offsets = [], [0]
    for start, end in zip(loca, loca[1:]):
        glyph = tables[b"glyf"][start:end]
        if len(glyph) >= 10:
            contours = struct.unpack(">h", glyph[:2])[0]
            if contours >= 0:
                at = 10 + 2 * contours
                length = struct.unpack(">H", glyph[at:at + 2])[0]
                glyph = glyph[:at] + b"\0\0" + glyph[at + 2 + length:]
            else:   # composite: clear WE_HAVE_INSTRUCTIONS, drop what follows the last component
                at, more, out = 10, True, bytearray(glyph)
                while more:
                    flags = struct.unpack(">H", glyph[at:at + 2])[0]
                    struct.pack_into(">H", out, at, flags & ~0x0100)
                    at += 4 + (4 if flags & 0x0001 else 2)
                    at += 2 if flags & 0x0008 else 4 if flags & 0x0040 else 8 if flags & 0x0080 else 0
                    more = bool(flags & 0x0020)
                glyph = bytes(out[:at])
        glyph += b"\0" * (-len(glyph) % 4)
        glyf.append(glyph)
        offsets.append(offsets[-1] + len(glyph))
    tables[b"glyf"] = b"".join(glyf)
    tables[b"loca"] = struct.pack(f">{len(offsets)}I", *offsets)
    head = bytearray(tables[b"head"])
    struct.pack_into(">h", head, 50, 1)   # long offsets in loca
    tables[b"head"] = bytes(head)
    for tag in (b"cvt ", b"fpgm", b"prep", b"hdmx", b"LTSH", b"VDMX", b"gasp"):
        tables.pop(tag, None)
    tags = sorted(tables)
    out = bytearray(struct.pack(">IHHHH", 0x00010000, len(tags), 0, 0, 0))
    offset = 12 + 16 * len(tags)
    body = bytearray()
    for tag in tags:
        table = tables[tag] + b"\0" * (-len(tables[tag]) % 4)
        checksum = sum(struct.unpack(f">{len(table) // 4}I", table)) & 0xFFFFFFFF
        out += struct.pack(">4sIII", tag, checksum, offset + len(body), len(tables[tag]))
        body += table
    return bytes(out + body)
