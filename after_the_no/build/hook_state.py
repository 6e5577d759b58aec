"""What the thin MkDocs hook (hooks/pipeline.py) keeps between its events, in one object."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from after_the_no.build.stage import Staging


@dataclass
class HookState:
    """One per process: whether `mkdocs serve` is running, the staging folder of each config
    file (kept while the process runs, so `mkdocs serve` restages in place), what was staged
    last, and the download files held back from MkDocs until they are rendered."""
    serving: bool = False
    stagings: dict[Path, Staging] = field(default_factory=dict)
    held: dict[Path, list[Any]] = field(default_factory=dict)   # config file -> MkDocs File objects
    _dirs: dict[Path, Path] = field(default_factory=dict)

    def stage_dir(self, config_path: Path) -> Path:
        if config_path not in self._dirs:
            folder = Path(tempfile.mkdtemp(prefix="after-the-no-stage-"))
            atexit.register(shutil.rmtree, folder, True)
            self._dirs[config_path] = folder
        return self._dirs[config_path]

    def close(self) -> None:
        """Stop every download still rendering (a build failed)."""
        for staging in self.stagings.values():
            staging.close()
