"""Where the guide's own files are: the repository when running from a checkout, else the
copy the wheel carries inside the package (after_the_no/_guide/, found with importlib.resources).
Both hold the same tree: mkdocs.yml, docs/, overrides/, worksheets/, replies/, published-urls.yml
and page-hashes.json."""
from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.resources
import json
import tomllib
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
MANIFEST = "page-hashes.json"


def root() -> Path:
    if (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "worksheets").is_dir():
        return CHECKOUT
    return Path(str(importlib.resources.files("after_the_no") / "_guide"))


def version() -> str:
    """The guide's semantic version: pyproject.toml in a checkout, the installed wheel's otherwise."""
    if (CHECKOUT / "pyproject.toml").is_file():
        return tomllib.loads((CHECKOUT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    return importlib.metadata.version("after-the-no")


def page_hash(path: Path) -> str:
    """A page's English, as a hash: what `after-the-no check` compares across versions."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def current_hashes(guide: Path) -> dict[str, str]:
    docs = guide / "docs"
    return {p.relative_to(docs).as_posix(): page_hash(p) for p in sorted(docs.rglob("*.md"))}


def manifest(guide: Path) -> dict[str, dict[str, str]]:
    """version -> {page: hash} for every released version."""
    return json.loads((guide / MANIFEST).read_text("utf-8"))


def record(guide: Path) -> None:
    """Add (or refresh) this version's page hashes: run at each release, before building the wheel.
    `python -m after_the_no.edition.guide`"""
    data = manifest(guide) if (guide / MANIFEST).is_file() else {}
    data[version()] = current_hashes(guide)
    (guide / MANIFEST).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    record(root())
    print(f"{MANIFEST}: recorded version {version()}")
