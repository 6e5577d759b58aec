"""Build a copy of the site that works opened straight from disk (file://), and zip it.

Usage: bin/bundle  ->  dist/after-the-no-offline.zip (open index.html inside it).

Three things differ from the web build:
- pages are written as page.html rather than page/index.html (use_directory_urls: false),
  because a browser shows a folder listing, not index.html, for a file:// folder;
- Material's `offline` plugin puts the search index in a script, since file:// cannot fetch it;
- Material's search worker needs the iframe-worker shim on file://; the `offline` plugin would
  load it from a CDN, so we ship our pinned copy (vendor/iframe-worker) instead;
- Chromium refuses ES module scripts from file://, so our modules are turned into classic
  scripts: each `import ... from "./x.js"` of our own is replaced by x.js itself (which imports
  nothing), `export` is dropped and each file is wrapped in its own scope;
- no service worker and no web app manifest: they cannot run from file:// (the offline_cache
  hook and overrides/main.html leave them out when extra.classic_scripts is set).
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
EXPORTED = re.compile(r"^export\s+(?:async\s+)?(?:function|const|let|class)\s+([A-Za-z_$][\w$]*)", re.M)
SHIM = "assets/vendor/iframe-worker-shim.js"
IMPORT = re.compile(r"^\s*import\b|\bimport\s*\(|\bimport\.meta\b", re.M)
# import { a, b as c } from "./shared.js";  (our own modules, side by side in assets/)
OWN_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"\./([a-z0-9-]+\.js)";\n', re.M)


def classic_script(source: str, name: str, read=None) -> str:
    """A module as a classic script. read(file name) gives the source of a module it imports from
    beside it; that module (which must import nothing itself) is inlined in its own scope, and
    only the names imported from it are bound, so its private names cannot clash."""
    def inline(match: re.Match) -> str:
        if read is None:
            raise SystemExit(f"{name}: imports {match[2]}, and no module source was given")
        shared = read(match[2])
        if IMPORT.search(shared):
            raise SystemExit(f"{match[2]}: imports another module; it cannot be inlined into {name}")
        exported = ", ".join(EXPORTED.findall(shared))
        wanted = ", ".join(": ".join(p.split()[::2]) for p in match[1].replace("\n", " ").split(",") if p.strip())
        return f"const {{ {wanted} }} = (() => {{\n{EXPORT.sub('', shared)}\nreturn {{ {exported} }};\n}})();\n"

    source = OWN_IMPORT.sub(inline, source)
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
    assets = ROOT / "docs/assets"
    for source in sorted(assets.glob("*.js")):  # our component modules
        name = source.relative_to(ROOT / "docs").as_posix()
        script = classic_script(source.read_text("utf-8"), name, lambda f: (assets / f).read_text("utf-8"))
        (out_dir / name).write_text(script, "utf-8")
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
