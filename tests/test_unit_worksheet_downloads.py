"""Downloads are planned before they are rendered: the plan and the result must name the same
files, whether rendering runs in worker processes or in the build process."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading

import pytest

from after_the_no.downloads.plan import planned
from after_the_no.downloads.render import Rendering, fork_is_safe
from after_the_no.worksheets.load import load_worksheets
from conftest import ROOT


@pytest.mark.parametrize("workers", ["0", "2"])
def test_rendered_files_are_exactly_the_planned_ones(monkeypatch, workers):
    monkeypatch.setenv("AFTER_THE_NO_WORKERS", workers)
    sheets = load_worksheets(ROOT)
    per_sheet, packs = planned(sheets)
    contents = Rendering(sheets, "After the No", "https://example.org/").result()
    expected = {o.path for outputs in per_sheet.values() for o in outputs} | {p.path for p in packs}
    assert set(contents) == expected
    assert len(expected) == 4 * len(sheets) + 2
    assert all(contents[path][:5] == b"%PDF-" for path in expected if path.endswith(".pdf"))
    assert all(contents[path][:2] == b"PK" for path in expected if path.endswith((".docx", ".odt")))
    assert sum(path.endswith(".odt") for path in expected) == len(sheets)


# Run in a fresh interpreter: there, no other thread runs, so fork is safe and is used.
FORKED = """
import hashlib, json, sys
from pathlib import Path
from after_the_no.downloads.render import Rendering
from after_the_no.worksheets.load import load_worksheets
rendering = Rendering(load_worksheets(Path(sys.argv[1])), "After the No", "https://example.org/", workers=3)
assert not rendering.in_process, "fork was refused in a process with one thread"
print(json.dumps({path: hashlib.sha256(data).hexdigest() for path, data in rendering.result().items()}))
"""


def test_worker_processes_and_in_process_rendering_give_identical_files():
    forked = subprocess.run([sys.executable, "-c", FORKED, str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert forked.returncode == 0, forked.stderr[-2000:]
    rendering = Rendering(load_worksheets(ROOT), "After the No", "https://example.org/", workers=0)
    assert rendering.in_process
    in_process = {path: hashlib.sha256(data).hexdigest() for path, data in rendering.result().items()}
    assert json.loads(forked.stdout) == in_process
    assert len(in_process) == 4 * len(load_worksheets(ROOT)) + 2


def test_fork_is_refused_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not fork_is_safe()
        rendering = Rendering(load_worksheets(ROOT)[:1], "After the No", "https://example.org/", workers=3)
        assert rendering.in_process
        assert len(rendering.result()) == 4 + 2
    finally:
        stop.set()
        thread.join()
