"""Stage -> build -> finish with either engine (see after_the_no/build/): the one build path,
for this repository (bin/build) and for a careers service's project (`after-the-no build`).

The staged tree (a temporary folder) holds every generated page and download and a config with
no hooks, so the engine only turns Markdown into HTML.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from after_the_no.build.config import ROOT
from after_the_no.build.finish import finish
from after_the_no.build.stage import stage
from after_the_no.i18n import us_english


def engine_command(engine: str, config: Path, site_dir: Path) -> list[str]:
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(config),
                "-d", str(site_dir)]
    # Zensical takes the site folder from the config (staged with site_dir) and has no -d.
    return [str(Path(sys.executable).with_name("zensical")), "build", "--strict", "-f", str(config)]


def build(site_dir: Path, engine: str = "mkdocs", config: Path = ROOT / "mkdocs.yml",
          quiet: bool = False, root: Path = ROOT) -> dict[str, float]:
    """Build the site into site_dir; returns the seconds each step took. Raises
    BuildError (a problem in the project's files) or RuntimeError (the engine failed).
    root: the guide's tree (worksheets/, replies/, published-urls.yml)."""
    site_dir = site_dir.resolve()
    times = {}
    with tempfile.TemporaryDirectory(prefix="after-the-no-stage-") as tmp, \
            tempfile.TemporaryDirectory(prefix="after-the-no-words-") as words:
        start = time.perf_counter()
        # extra.english: us -> the guide's words in US English before anything is staged
        config, root = us_english.staged_config(config, root, Path(words))
        # Zensical wants the site folder inside the project (the staged tree): it builds
        # there and the folder is moved to site_dir.
        out = site_dir if engine == "mkdocs" else Path(tmp) / "site"
        staged = stage(Path(tmp), config, engine=engine, root=root,
                                site_dir=out if engine == "mkdocs" else Path("site"))
        times["stage"] = time.perf_counter() - start
        if site_dir.exists():
            shutil.rmtree(site_dir)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", NO_COLOR="1")
        start = time.perf_counter()
        result = subprocess.run(engine_command(engine, staged.config_path, out), cwd=staged.dir,
                                capture_output=True, text=True, env=env)
        times["build"] = time.perf_counter() - start
        output = (result.stdout + result.stderr).strip()
        if result.returncode != 0:
            raise RuntimeError(f"{engine} build failed:\n{output[-4000:]}")
        if output and not quiet:
            print(output, file=sys.stderr)
        if out != site_dir:
            shutil.move(str(out), str(site_dir))
        start = time.perf_counter()
        finish(site_dir, engine=engine, config=staged.config, root=root)
        times["finish"] = time.perf_counter() - start
    return times
