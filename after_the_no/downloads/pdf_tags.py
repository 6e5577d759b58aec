"""Tagged PDF for reportlab: a structure tree, marked content, embedded fonts, PDF/UA metadata.

reportlab writes AcroForm fields with tooltips (/TU) but no structure. `TaggedCanvas` adds it:
every piece of text is drawn inside marked content (`/P <</MCID n>> BDC ... EMC`) that belongs to
a structure element (H1, H2, P, L/LI/LBody, Form), decoration is marked as an artifact, each
widget gets a `Form` element pointing at it (OBJR), and at save the catalog gets the tree, its
parent tree, `/MarkInfo`, `/Lang`, `DisplayDocTitle` and XMP metadata naming PDF/UA-1. Every
page gets `/Tabs /S` (fields in structure order). Text is drawn in Liberation Sans, embedded
(fonts/LICENSE-OFL.txt); so is the font a reader uses to show what is typed into a text field.

Right-to-left runs (Hebrew) are drawn in visual order, with the logical text as /ActualText so
that copying, searching and screen readers get it as written.
"""
from __future__ import annotations

import functools
import re
import struct
import unicodedata
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObject, PDFStream, PDFString, PDFZCompress
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile
from reportlab.pdfgen.canvas import Canvas

from after_the_no.font import BOLD as BOLD_FILE, REGULAR as REGULAR_FILE, drawable

FONT, BOLD = "LiberationSans", "LiberationSans-Bold"
FIELD_FONT = "LiSa"   # the name text fields use for it in /DA


def unhinted(path) -> bytes:
    """The font without its TrueType hinting (the instructions in each glyph and the tables they
    use): the same outlines and metrics, and embedded subsets about a third smaller. Readers
    draw PDF text unhinted at almost every size anyway. Done in memory, for embedding only."""
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


rl_config.useA85 = 0   # binary streams: ASCII85 only makes them a quarter larger
# asciiReadable off: each subset holds only the glyphs drawn.
pdfmetrics.registerFont(TTFont(FONT, BytesIO(unhinted(REGULAR_FILE)), asciiReadable=False))
pdfmetrics.registerFont(TTFont(BOLD, BytesIO(unhinted(BOLD_FILE)), asciiReadable=False))
RTL = {"R", "AL"}
MIRROR = str.maketrans("()[]{}<>", ")(][}{><")


class Raw(PDFObject):
    """A PDF token written as is (`true`)."""

    def __init__(self, text: str):
        self.text = text

    def format(self, doc):
        return self.text.encode("ascii")


def visual(line: str) -> str:
    """A left-to-right line with its right-to-left runs reversed for drawing (digits kept in order)."""
    kinds = [unicodedata.bidirectional(c) for c in line]
    if not RTL.intersection(kinds):
        return line
    out, i = [], 0
    while i < len(line):
        if kinds[i] in RTL:
            last = j = i
            while j < len(line) and kinds[j] != "L":
                if kinds[j] in RTL:
                    last = j
                j += 1
            run = line[i:last + 1][::-1].translate(MIRROR)
            out.append(re.sub(r"[0-9]+", lambda m: m.group()[::-1], run))
            i = last + 1
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


def _text_string(text: str) -> str:
    """A PDF text string for a content stream: UTF-16BE hex with its byte order mark."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


class Elem(PDFObject):
    """A structure element; kids are MCR/OBJR dictionaries or other elements."""

    def __init__(self, tags: "Tags", kind: str, parent: "Elem | None", **attrs: str):
        self.kind, self.parent, self.attrs, self.kids = kind, parent, attrs, []
        self.ref = tags.doc.Reference(self)
        if parent is not None:
            parent.kids.append(self)

    def format(self, doc):
        d = {"Type": PDFName("StructElem"), "S": PDFName(self.kind),
             "P": self.parent.ref if self.parent is not None else self.tree_ref,   # the root: the tree
             "K": PDFArray([k.ref if isinstance(k, Elem) else k for k in self.kids])}
        d.update({k: PDFString(v) for k, v in self.attrs.items()})
        return PDFDictionary(d).format(doc)


class _TreeRoot(PDFObject):
    def __init__(self, tags: "Tags"):
        self.tags = tags

    def format(self, doc):
        nums = []
        for key, value in sorted(self.tags.parents.items()):
            nums += [key, PDFArray([e.ref for e in value]) if isinstance(value, list) else value.ref]
        return PDFDictionary({"Type": PDFName("StructTreeRoot"), "K": PDFArray([self.tags.root.ref]),
                              "ParentTree": PDFDictionary({"Nums": PDFArray(nums)}),
                              "ParentTreeNextKey": self.tags.next_key}).format(doc)


class Tags:
    """The structure tree being built while a canvas draws."""

    def __init__(self, canvas: Canvas):
        self.canvas, self.doc = canvas, canvas._doc
        self.tree = _TreeRoot(self)
        self.tree_ref = self.doc.Reference(self.tree)
        self.root = Elem(self, "Document", None)
        self.root.tree_ref = self.tree_ref
        self.page: list[Elem] = []          # this page's marked content, by MCID
        self.parents: dict[int, list[Elem] | Elem] = {}
        self.next_key = 0

    def elem(self, kind: str, parent: Elem | None = None, **attrs: str) -> Elem:
        return Elem(self, kind, parent or self.root, **attrs)

    def _key(self) -> int:
        self.next_key += 1
        return self.next_key - 1

    def begin(self, elem: Elem, actual: str = "") -> None:
        mcid = len(self.page)
        self.page.append(elem)
        elem.kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": self.doc.thisPageRef(), "MCID": mcid}))
        extra = f" /ActualText {_text_string(actual)}" if actual else ""
        self.canvas._code.append(f"/{elem.kind} <</MCID {mcid}{extra}>> BDC")

    def end(self) -> None:
        self.canvas._code.append("EMC")

    def artifact(self, kind: str = "Layout") -> "_Artifact":
        return _Artifact(self.canvas, kind)

    def widget(self, parent: Elem, tooltip: str) -> None:
        """Tag the widget the form just added (the canvas's last annotation) as a Form element."""
        ref = self.canvas._annotationrefs[-1]
        widget = self.doc.idToObject[ref.name]
        key = self._key()
        widget.dict["StructParent"] = key
        widget.dict["TU"] = PDFString(tooltip)
        elem = self.elem("Form", parent, Alt=tooltip)
        elem.kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Obj": ref, "Pg": self.doc.thisPageRef()}))
        self.parents[key] = elem

    def close_page(self, page) -> None:
        page.__NoDefault__ = list(page.__NoDefault__) + ["Tabs", "StructParents"]
        page.Tabs = PDFName("S")
        if self.page:
            page.StructParents = key = self._key()
            self.parents[key] = self.page
        self.page = []

    def finish(self, title: str, lang: str, author: str, subject: str) -> None:
        catalog = self.doc.Catalog
        catalog.StructTreeRoot = self.tree_ref
        catalog.MarkInfo = PDFDictionary({"Marked": Raw("true")})
        catalog.Lang = PDFString(lang)
        catalog.ViewerPreferences = PDFDictionary({"DisplayDocTitle": Raw("true")})
        xml = lambda text: escape(drawable(text))  # noqa: E731
        xmp = ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
               '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
               '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
               'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
               "<pdfuaid:part>1</pdfuaid:part>"
               f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xml(title)}</rdf:li></rdf:Alt></dc:title>'
               f"<dc:creator><rdf:Seq><rdf:li>{xml(author)}</rdf:li></rdf:Seq></dc:creator>"
               f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{xml(subject)}</rdf:li></rdf:Alt></dc:description>'
               f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>"
               '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>')
        stream = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                           xmp.encode("utf-8"), filters=[])
        catalog.Metadata = self.doc.Reference(stream)


class _Artifact:
    def __init__(self, canvas: Canvas, kind: str):
        self.canvas, self.kind = canvas, kind

    def __enter__(self):
        self.canvas._code.append(f"/Artifact <</Type /{self.kind}>> BDC")

    def __exit__(self, *exc):
        self.canvas._code.append("EMC")


class TaggedCanvas(Canvas):
    """A reportlab canvas that builds a structure tree (`self.tags`) and writes it at save."""

    def __init__(self, out, pagesize, title: str, author: str, subject: str = "", lang: str = "en-GB"):
        super().__init__(out, pagesize=pagesize, invariant=True, pageCompression=1, initialFontName=FONT)
        self.setTitle(drawable(title))
        self.setAuthor(drawable(author))
        self.setSubject(drawable(subject))
        self._meta = (title, lang, author, subject)
        self.tags = Tags(self)
        form = self.acroForm
        form.makeFont = functools.partial(_field_font, form)
        form.circleArcStream = circle_arc_stream   # reportlab's draws for a 20 pt box (see below)

    def _setAnnotations(self, page):
        super()._setAnnotations(page)
        self.tags.close_page(page)

    def save(self):
        if len(self._code):
            self.showPage()
        self.tags.finish(*self._meta)
        super().save()


def circle_arc_stream(size: float, r: float, arcs=(0, 1, 2, 3), rotated: bool = False) -> str:
    """A circle (or some of its quarters) of radius r centred in a size x size appearance.

    Stands in for reportlab's AcroForm.circleArcStream, which scales centre and radius by
    size / 20 a second time, so a 9 pt radio button's ring, its fill and its dot were drawn for a
    4 pt box in its lower-left corner. Same path, same signature, at the true size.
    """
    c, h = fp_str(0.55231 * r), fp_str(size / 2)   # reportlab's Bezier constant for a quarter circle
    r = fp_str(r)
    quarters = [(f"{r} 0 m", f"{r} {c} {c} {r} 0 {r} c"), (f"0 {r} m", f"-{c} {r} -{r} {c} -{r} 0 c"),
                (f"-{r} 0 m", f"-{r} -{c} -{c} -{r} 0 -{r} c"), (f"0 -{r} m", f"{c} -{r} {r} -{c} {r} 0 c")]
    turn = "0.7071 0.7071 -0.7071 0.7071" if rotated else "1 0 0 1"
    path = [f"{turn} {h} {h} cm"]
    for n, arc in enumerate(a for a in (0, 1, 2, 3) if a in arcs):
        path += [quarters[arc][0], quarters[arc][1]] if n == 0 else [quarters[arc][1]]
    return "\n".join(path)


# The font for typed text: Liberation Sans, its Mac Roman characters at their Mac Roman codes, as
# a simple TrueType font with WinAnsiEncoding (how a reader maps a typed character to a glyph).
MAC_ROMAN = [ord(bytes([i]).decode("mac_roman")) if i >= 32 else 32 for i in range(256)]


@functools.lru_cache(maxsize=None)
def _field_font_file() -> tuple[bytes, TTFontFile]:
    face = pdfmetrics.getFont(FONT).face   # the regular font, already read
    return face.makeSubset(MAC_ROMAN), face


def _field_font(form, font_name=None):
    doc = form.canv._doc
    if FIELD_FONT not in form.fonts:
        data, face = _field_font_file()
        file = PDFStream(PDFDictionary({"Length1": len(data)}), data, filters=[PDFZCompress])
        name = PDFName("FIELDS+LiberationSans")
        descriptor = PDFDictionary({
            "Type": PDFName("FontDescriptor"), "FontName": name, "Flags": 32,
            "FontBBox": PDFArray(face.bbox), "ItalicAngle": face.italicAngle, "Ascent": face.ascent,
            "Descent": face.descent, "CapHeight": face.capHeight, "StemV": face.stemV,
            "FontFile2": doc.Reference(file)})
        widths = []
        for i in range(256):
            try:
                widths.append(round(pdfmetrics.stringWidth(bytes([i]).decode("cp1252"), FONT, 1000)) if i >= 32 else 0)
            except UnicodeDecodeError:
                widths.append(0)
        font = PDFDictionary({"Type": PDFName("Font"), "Subtype": PDFName("TrueType"), "BaseFont": name,
                              "FirstChar": 0, "LastChar": 255, "Widths": PDFArray(widths),
                              "Encoding": PDFName("WinAnsiEncoding"), "FontDescriptor": doc.Reference(descriptor)})
        form.fonts[FIELD_FONT] = form.getRefStr(font)
    return form.fonts[FIELD_FONT], FIELD_FONT
