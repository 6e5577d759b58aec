"""Write a variant of mkdocs.yml elsewhere (a branded test build, the offline bundle).

MkDocs resolves docs_dir, custom_dir and hooks relative to the config file, so the copy
points them back into the repository with absolute paths.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import yaml

from after_the_no.build.config import ROOT, read_config


def write_variant(target: Path, change: Callable[[dict], None]) -> Path:
    config = read_config(ROOT / "mkdocs.yml")
    config["docs_dir"] = str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    change(config)
    target.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return target
