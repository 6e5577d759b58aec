"""Build a copy of the site that works opened straight from disk (file://), and zip it.

Usage: bin/bundle  ->  dist/after-the-no-offline.zip (open index.html inside it).

Three things differ from the web build:
- pages are written as page.html rather than page/index.html (use_directory_urls: false),
  because a browser shows a folder listing, not index.html, for a file:// folder;
- Material's `offline` plugin puts the search index in a script, since file:// cannot fetch it;
- Material's search worker needs the iframe-worker shim on file://; the `offline` plugin would
  load it from a CDN, so we ship our pinned copy (vendor/iframe-worker) instead;
- Chromium refuses ES module scripts from file://, so our modules (which import nothing) are
  turned into classic scripts: `export` is dropped and each file is wrapped in its own scope.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Callable

from tools.derived_config import ROOT, write_variant

EXPORT = re.compile(r"^export\s+(?=(async\s+)?(function|const|let|class)\b)", re.M)
SHIM = "assets/vendor/iframe-worker-shim.js"
IMPORT = re.compile(r"^\s*import\b|\bimport\s*\(", re.M)


def classic_script(source: str, name: str) -> str:
    if IMPORT.search(source):
        raise SystemExit(f"{name}: imports another module; file:// cannot load it as a classic script")
    return f'(() => {{\n"use strict";\n{EXPORT.sub("", source)}\n}})();\n'


def offline_config(config: dict) -> None:
    config["use_directory_urls"] = False
    config["plugins"] = ["search", "offline"] + [p for p in config["plugins"] if p != "search"]
    config["extra"]["polyfills"] = [SHIM]
    config["extra"]["classic_scripts"] = True  # overrides/main.html then drops type="module"


def build(out_dir: Path, change: Callable[[dict], None] | None = None) -> list[str]:
    """Build the offline site into out_dir; returns the scripts turned classic. change(config)
    may alter the config first (a test builds a branded copy)."""
    def variant(config: dict) -> None:
        offline_config(config)
        if change:
            change(config)

    with tempfile.TemporaryDirectory() as tmp:
        config = write_variant(Path(tmp) / "mkdocs.yml", variant)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q",
                        "-f", str(config), "-d", str(out_dir)], check=True, env=env, cwd=ROOT)
    (out_dir / SHIM).parent.mkdir(parents=True, exist_ok=True)
    (out_dir / SHIM).write_bytes((ROOT / "vendor/iframe-worker/shim.js").read_bytes())
    modules = []
    for source in sorted((ROOT / "docs/assets").glob("*.js")):  # our component modules
        name = source.relative_to(ROOT / "docs").as_posix()
        (out_dir / name).write_text(classic_script(source.read_text("utf-8"), name), "utf-8")
        modules.append(name)
    return modules


def main() -> None:
    dist = ROOT / "dist"
    site = dist / "after-the-no-offline"
    build(site)
    archive = dist / "after-the-no-offline.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                zf.write(path, Path("after-the-no") / path.relative_to(site))
    print(f"{archive.relative_to(ROOT)}: {archive.stat().st_size // 1024} KB. "
          f"Unzip it and open after-the-no/index.html in a browser.")


if __name__ == "__main__":
    main()
