"""As an adopter uses it: build the wheel, install it alone into a fresh virtual environment
(no checkout beside it), `after-the-no new`, add a local page, a replacement, two local services,
an omission and an embed origin, and build with both engines; every check of
test_html_edition.check_edition holds on each build.

Slow (a wheel, a venv with the pinned dependencies, two builds: about 3 minutes on a busy
2-core machine), so it runs where CI is set (GitHub Actions sets CI=true) or with
AFTER_THE_NO_ADOPTER=1; elsewhere it is deselected (tests/conftest.py), not skipped."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import edition_support as adopter
from after_the_no.edition import guide
from conftest import ROOT
from edition_support import build_edition
from test_html_edition import check_edition

pytestmark = pytest.mark.adopter


def run(command: list, cwd: Path, env: dict) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result.stdout


def test_the_wheel_alone_builds_an_edition_with_both_engines(tmp_path):
    # Nothing of this checkout may leak in: no PYTHONPATH, no virtual environment, another folder.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    run([sys.executable, "-m", "pip", "wheel", ROOT, "--no-deps", "-q", "-w", tmp_path / "dist"], tmp_path, env)
    wheel, = (tmp_path / "dist").glob("after_the_no-*.whl")
    assert wheel.name == f"after_the_no-{guide.version()}-py3-none-any.whl"
    run([sys.executable, "-m", "venv", tmp_path / "venv"], tmp_path, env)   # a venv of the base Python, empty
    python = tmp_path / "venv/bin/python"
    run([python, "-m", "pip", "install", "-q", wheel], tmp_path, env)
    where = run([python, "-c", "import sysconfig, after_the_no.edition.guide as g; "
                 "print(g.root()); print(sysconfig.get_paths()['purelib'])"], tmp_path, env).split()
    assert where[0] == f"{where[1]}/after_the_no/_guide" and where[1].startswith(str(tmp_path / "venv")), where

    command = [str(tmp_path / "venv/bin/after-the-no")]
    run(command + ["new", "ours"], tmp_path, env)
    project = tmp_path / "ours"
    adopter.customise(project, guide.version())
    problems = []
    for engine in ("mkdocs", "zensical"):
        site, log = build_edition(project, engine, command=command)
        problems += [f"{engine}: {p}" for p in check_edition(project, site, log)]
    assert problems == [], "\n".join(problems)
