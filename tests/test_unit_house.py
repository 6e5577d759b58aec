"""The shape of the package: no import circle, no module over 300 lines, every module importable
on its own and saying what it owns, and every module named in ARCHITECTURE.md."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "after_the_no"
MAX_LINES = 300


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path) -> set[str]:
    """The package's modules that `name` imports (anywhere in it, at the top or in a function)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + [node.module or ""]).strip(".") \
                if node.level else node.module or ""
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:   # the longest module of ours the name points at
            parts = target.split(".")
            for k in range(len(parts), 0, -1):
                if ".".join(parts[:k]) in MODULES:
                    if ".".join(parts[:k]) != name:
                        found.add(".".join(parts[:k]))
                    break
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, each as the path that closes it (a -> b -> a), found depth first."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_no_import_circle():
    graph = {name: imports_of(name, path) for name, path in MODULES.items()}
    assert len(graph) > 20   # the walk saw the package
    assert graph["after_the_no.build.stage"] >= {"after_the_no.build.markers", "after_the_no.downloads.render"}
    circles = [" -> ".join(cycle) for cycle in cycles(graph)]
    assert circles == [], "import circles:\n" + "\n".join(circles)


def test_the_cycle_finder_names_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]


def test_no_module_over_the_limit():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text("utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"modules over {MAX_LINES} lines: {long}"


def test_every_package_and_module_says_what_it_owns():
    missing = [name for name, path in MODULES.items() if not ast.get_docstring(ast.parse(path.read_text("utf-8")))]
    assert missing == [], f"modules without a docstring: {missing}"


def test_every_module_imports_on_its_own():
    """Each in a fresh interpreter, so no module works only because another was imported first."""
    code = ("import importlib, sys, traceback\nfailed = []\n"
            "for name in sys.argv[1:]:\n"
            "    try:\n        importlib.import_module(name)\n"
            "    except Exception:\n        failed.append(name + ': ' + traceback.format_exc(limit=1).splitlines()[-1])\n"
            "    for loaded in [m for m in sys.modules if m.startswith('after_the_no')]:\n"
            "        del sys.modules[loaded]\n"
            "print('\\n'.join(failed))")
    result = subprocess.run([sys.executable, "-c", code, *MODULES], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", "modules that do not import on their own:\n" + result.stdout


def test_architecture_names_every_module():
    text = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    unnamed = [name for name, path in MODULES.items() if path.relative_to(ROOT).as_posix() not in text]
    assert unnamed == [], f"ARCHITECTURE.md does not name: {unnamed}"
