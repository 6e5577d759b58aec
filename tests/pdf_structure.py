"""Reads a PDF's structure, not only its fields: what the accessible-PDF tests check.

`problems(data, sheets)` lists everything that breaks the rules of issue 13: a page without
`/Tabs /S`, a widget with no `Form` element pointing at it (OBJR), a field or option without a
tooltip (/TU), a font not embedded, no `/Lang`, title or PDF/UA metadata, text drawn outside
both tagged content and artifacts, or tagged text whose order is not the worksheets' order.
"""
from __future__ import annotations

from io import BytesIO
from xml.etree import ElementTree

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from after_the_no.worksheets.model import Worksheet


def _norm(text: str) -> str:
    return " ".join(text.split())


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def marked_text(reader: PdfReader) -> tuple[dict[tuple[int, int], str], list[str]]:
    """{(page index, MCID): text} from the content streams, and text found outside any marked
    content (neither tagged nor an artifact)."""
    texts: dict[tuple[int, int], list[str]] = {}
    actual: dict[tuple[int, int], str] = {}
    loose: list[str] = []
    for number, page in enumerate(reader.pages):
        stack: list = []

        def before(op, args, cm, tm):
            if op in (b"BDC", b"BMC"):
                props = args[1] if op == b"BDC" and len(args) > 1 else {}
                props = _resolve(props) if not isinstance(props, dict) else props
                mcid = props.get("/MCID") if isinstance(props, dict) else None
                if args[0] == "/Artifact":
                    stack.append("artifact")
                elif mcid is not None:
                    stack.append((number, int(mcid)))
                    if "/ActualText" in props:
                        actual[(number, int(mcid))] = str(props["/ActualText"])
                else:
                    stack.append(None)
            elif op == b"EMC" and stack:
                stack.pop()

        def text(t, cm, tm, font, size):
            if not t.strip():
                return
            where = next((s for s in reversed(stack) if s is not None), None)
            if where is None:
                loose.append(t)
            elif where != "artifact":
                texts.setdefault(where, []).append(t)

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    out = {key: _norm(" ".join(parts)) for key, parts in texts.items()}
    out.update({key: _norm(value) for key, value in actual.items()})
    return out, loose


def tagged_text(reader: PdfReader) -> list[tuple[str, str]]:
    """(structure type, text) of every element with marked content, in structure-tree order."""
    content, _ = marked_text(reader)
    page_index = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    root = _resolve(reader.trailer["/Root"]["/StructTreeRoot"])
    out: list[tuple[str, str]] = []

    def walk(elem):
        elem = _resolve(elem)
        parts = []
        kids = elem.get("/K", [])
        kids = kids if isinstance(kids, ArrayObject) else [kids]
        for kid in kids:
            kid = _resolve(kid)
            if isinstance(kid, DictionaryObject) and kid.get("/Type") == "/MCR":
                parts.append(content.get((page_index[kid.raw_get("/Pg").idnum], int(kid["/MCID"])), ""))
            elif isinstance(kid, DictionaryObject) and kid.get("/Type") == "/OBJR":
                continue
            elif isinstance(kid, DictionaryObject):
                if parts:
                    out.append((str(elem["/S"]), _norm(" ".join(parts))))
                    parts = []
                walk(kid)
        if parts:
            out.append((str(elem["/S"]), _norm(" ".join(parts))))

    walk(root["/K"][0] if isinstance(root["/K"], ArrayObject) else root["/K"])
    return out


def expected_order(sheet: Worksheet) -> list[str]:
    """The worksheet's visible texts in the HTML form's order."""
    from after_the_no.downloads.pdf import option_text
    out = [sheet.title, sheet.intro]
    for section in sheet.sections:
        out.append(section.title)
        if section.intro:
            out.append(section.intro)
        for f in section.fields:
            out.append(f.label)
            if f.hint:
                out.append(f.hint)
            out.extend(option_text(f, n, v) for n, v in enumerate(f.choices, start=1))
    return [_norm(t) for t in out]


def _fonts(resources, seen: set) -> list:
    fonts = []
    resources = _resolve(resources) or {}
    for font in (_resolve(resources.get("/Font")) or {}).values():
        font = _resolve(font)
        if id(font) not in seen:
            seen.add(id(font))
            fonts.append(font)
    for xobject in (_resolve(resources.get("/XObject")) or {}).values():
        xobject = _resolve(xobject)
        if "/Resources" in xobject:
            fonts += _fonts(xobject["/Resources"], seen)
    return fonts


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = _resolve(font["/DescendantFonts"][0])
    descriptor = _resolve(font.get("/FontDescriptor")) or {}
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def problems(data: bytes, sheets: list[Worksheet], title: str) -> list[str]:
    reader = PdfReader(BytesIO(data))
    catalog = _resolve(reader.trailer["/Root"])
    found = []
    if "/StructTreeRoot" not in catalog:
        return ["no /StructTreeRoot"]
    if not (_resolve(catalog.get("/MarkInfo")) or {}).get("/Marked"):
        found.append("no /MarkInfo /Marked true")
    if not str(catalog.get("/Lang", "")).startswith("en"):
        found.append(f"/Lang is {catalog.get('/Lang')!r}")
    if not (_resolve(catalog.get("/ViewerPreferences")) or {}).get("/DisplayDocTitle"):
        found.append("DisplayDocTitle is not set")
    if reader.metadata is None or reader.metadata.title != title:
        found.append(f"title is {reader.metadata and reader.metadata.title!r}, not {title!r}")
    xmp = _resolve(catalog.get("/Metadata"))
    xmp_text = xmp.get_data().decode("utf-8") if xmp is not None else ""
    try:
        xmp_tree = ElementTree.fromstring(xmp_text[xmp_text.index("<x:xmpmeta"):xmp_text.index("</x:xmpmeta>") + 12])
        part = xmp_tree.findtext(".//{http://www.aiim.org/pdfua/ns/id/}part")
        xmp_title = xmp_tree.findtext(".//{http://purl.org/dc/elements/1.1/}title/*/*")
    except (ValueError, ElementTree.ParseError):
        part = xmp_title = None
    if (part, xmp_title) != ("1", title):
        found.append(f"the XMP metadata says PDF/UA part {part!r}, title {xmp_title!r}")
    tree = _resolve(catalog["/StructTreeRoot"])
    nums = _resolve(tree["/ParentTree"])["/Nums"]
    parents = {int(nums[i]): _resolve(nums[i + 1]) for i in range(0, len(nums), 2)}
    seen_fonts: set = set()
    fonts = []
    for number, page in enumerate(reader.pages, start=1):
        if page.get("/Tabs") != "/S":
            found.append(f"page {number}: no /Tabs /S")
        if "/StructParents" not in page:
            found.append(f"page {number}: no /StructParents")
        fonts += _fonts(page.get("/Resources"), seen_fonts)
        for annot in page.get("/Annots", []):
            widget = _resolve(annot)
            if widget.get("/Subtype") != "/Widget":
                continue
            name = widget.get("/T") or _resolve(widget.get("/Parent", {})).get("/T")
            for appearance in (_resolve(widget.get("/AP")) or {}).values():
                appearance = _resolve(appearance)
                streams = [appearance] if "/Resources" in appearance or hasattr(appearance, "get_data") else []
                streams += [_resolve(s) for s in appearance.values()] if not hasattr(appearance, "get_data") else []
                for stream in streams:
                    fonts += _fonts(stream.get("/Resources"), seen_fonts)
            if not widget.get("/TU"):
                found.append(f"page {number}: widget {name} has no /TU")
            elem = parents.get(widget.get("/StructParent"))
            objrs = [_resolve(k) for k in (elem or {}).get("/K", [])]
            if elem is None or elem.get("/S") != "/Form" or not any(
                    k.get("/Type") == "/OBJR" and k.raw_get("/Obj").idnum == annot.idnum for k in objrs):
                found.append(f"page {number}: widget {name} has no Form element pointing at it")
    for field in (_resolve(catalog["/AcroForm"]).get("/Fields") or []):
        stack = [_resolve(field)]
        while stack:
            f = stack.pop()
            if "/T" in f and not f.get("/TU"):
                found.append(f"field {f['/T']} has no /TU")
            stack += [_resolve(k) for k in f.get("/Kids", [])]
    dr = _resolve(_resolve(catalog["/AcroForm"]).get("/DR"))
    if dr:
        fonts += _fonts(dr, seen_fonts)
    for font in fonts:
        if not _embedded(font):
            found.append(f"font {font.get('/BaseFont')} is not embedded")
    _, loose = marked_text(reader)
    if loose:
        found.append(f"text outside tagged content and artifacts: {loose[:3]}")
    texts = [text for _, text in tagged_text(reader)]
    kinds = tagged_text(reader)
    at = 0
    for sheet in sheets:
        if (("H1", _norm(sheet.title)) not in [(k.lstrip("/"), t) for k, t in kinds]):
            found.append(f"{sheet.title!r} is not an H1")
        for section in sheet.sections:
            if ("H2", _norm(section.title)) not in [(k.lstrip("/"), t) for k, t in kinds]:
                found.append(f"section {section.title!r} is not an H2")
        for want in expected_order(sheet):
            try:
                at = texts.index(want, at) + 1
            except ValueError:
                found.append(f"tagged text {want!r} missing or out of order")
                break
    return found
