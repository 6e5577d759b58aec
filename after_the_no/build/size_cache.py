"""The download caches: the last build's files and their sizes, under a hash of every input.

Rendering is reproducible: the same worksheets, brand, site URL and renderer code give the
same bytes. So the last build's files, kept under the key of all those inputs, are this
build's files when the key is the same: each language's downloads are rendered once and then
copied, until a worksheet, the brand, the words or the renderers change. The sizes are kept
apart (a small file read first): a build whose files must be rendered still writes the pages
with download links before its files are ready, and checks the new files against them.
.cache/ is not committed.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
import threading
import zipfile
from pathlib import Path

from after_the_no.build.config import download_brand

SIZE_CACHE = ".cache/download-sizes.json"
FILES_CACHE = ".cache/download-files.zip"   # stored, not compressed: PDFs and Office files are already
PACKAGE = Path(__file__).resolve().parents[1]


def inputs_key(root: Path, config: dict) -> str:
    """A hash of every input the downloads are rendered from."""
    digest = hashlib.sha256()
    brand = download_brand(config)
    for part in (brand.name, brand.colour, brand.organisation, brand.contact, brand.footer_text, brand.language,
                 json.dumps(brand.words, sort_keys=True),
                 config.get("site_url") or "", platform.python_version(),
                 importlib.metadata.version("reportlab")):
        digest.update(part.encode("utf-8") + b"\0")
    for path in sorted([*(root / "worksheets").glob("*.yml"), *PACKAGE.rglob("*.py"), *(PACKAGE / "fonts").glob("*")]):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def read(root: Path, key: str) -> dict[str, int] | None:
    try:
        data = json.loads((root / SIZE_CACHE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("sizes") if isinstance(data, dict) and data.get("key") == key else None


def write(root: Path, key: str, sizes: dict[str, int]) -> None:
    path = root / SIZE_CACHE
    try:
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")   # builds may run in threads (tests)
        temporary.write_text(json.dumps({"key": key, "sizes": sizes}, sort_keys=True), "utf-8")
        os.replace(temporary, path)
    except OSError:
        pass   # a read-only checkout builds as well, only without the head start


def read_files(root: Path, key: str) -> dict[str, bytes] | None:
    """The files of the last build whose inputs had this key, or None."""
    try:
        with zipfile.ZipFile(root / FILES_CACHE) as kept:
            if kept.read("key").decode("utf-8") != key:
                return None
            return {name: kept.read(name) for name in kept.namelist() if name != "key"}
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


def write_files(root: Path, key: str, contents: dict[str, bytes]) -> None:
    path = root / FILES_CACHE
    try:
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")   # builds may run in threads (tests)
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as kept:
            kept.writestr("key", key)
            for name, data in sorted(contents.items()):
                kept.writestr(name, data)
        os.replace(temporary, path)
    except OSError:
        pass   # a read-only checkout builds as well, rendering every time
