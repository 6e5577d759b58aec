"""Write a variant of mkdocs.yml elsewhere (a branded test build, the offline bundle).

MkDocs resolves docs_dir, custom_dir and hooks relative to the config file, so the copy
points them back into the repository with absolute paths.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import yaml

ROOT = Path(__file__).resolve().parent.parent


def write_variant(target: Path, change: Callable[[dict], None]) -> Path:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    change(config)
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return target
