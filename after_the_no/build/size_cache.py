"""The download size cache: the sizes of the last build's files under a hash of every input.

Rendering is reproducible: the same worksheets, brand, site URL and renderer code give the
same bytes. So the sizes of the last build's files, kept under the key of all those inputs,
let a build write the pages with download links before its own files are ready (they are
still rendered every build, and checked against these sizes). .cache/ is not committed.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
from pathlib import Path

from after_the_no.build.config import download_brand

SIZE_CACHE = ".cache/download-sizes.json"
PACKAGE = Path(__file__).resolve().parents[1]


def inputs_key(root: Path, config: dict) -> str:
    """A hash of every input the downloads are rendered from."""
    digest = hashlib.sha256()
    brand = download_brand(config)
    extra, theme = config.get("extra") or {}, config.get("theme") or {}
    # The interface's words and the language (the downloads' labels and language tags).
    words = json.dumps(extra.get("interface") or {}, sort_keys=True, ensure_ascii=False)
    for part in (brand.name, brand.colour, brand.organisation, brand.contact, brand.footer_text,
                 config.get("site_url") or "", platform.python_version(),
                 importlib.metadata.version("reportlab"), words, str(theme.get("language") or "en")):
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
        temporary = path.with_name(f"{path.name}.{os.getpid()}")
        temporary.write_text(json.dumps({"key": key, "sizes": sizes}, sort_keys=True), "utf-8")
        os.replace(temporary, path)
    except OSError:
        pass   # a read-only checkout builds as well, only without the head start
