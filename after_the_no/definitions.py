"""Load YAML definition files and report every problem as `file:line: key.path: message`.

Worksheets and reply examples are both written by hand in YAML. A person who breaks one
needs to know exactly where, so every value keeps the line it came from, and validation
collects all problems before stopping instead of failing on the first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

# libyaml's parser when PyYAML has it (several times faster; same nodes and line marks).
# A Markdown page's front matter: the YAML between the first two "---" lines.
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# libyaml's writer: the same text as yaml.safe_dump, about ten times faster (the staged config
# carries every interface string, and is written on every build).
FAST_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

Path_ = tuple  # a key path such as ("sections", 1, "fields", 2, "kind")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.key}: {self.message}"


class DefinitionError(Exception):
    """One or more problems in a definition file; str() gives one line per problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def format_key(path: Path_) -> str:
    """("sections", 1, "kind") -> "sections[1].kind"; the empty path is "(top)"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


class Document:
    """A parsed YAML file: its data plus the line of every key path in it."""

    def __init__(self, name: str, data: Any, lines: dict[Path_, int]):
        self.name = name
        self.data = data
        self.lines = lines

    def line(self, path: Path_) -> int:
        # A missing key is reported at its parent's line: the closest place to look.
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def parse(text: str, name: str) -> Document:
    """Parse YAML text; raise DefinitionError for broken YAML or duplicate keys."""
    try:
        try:
            root = yaml.compose(text, Loader=FAST_LOADER)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)  # clearer messages, same verdict
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        raise DefinitionError([Problem(name, line, "(top)", f"broken YAML: {problem}")]) from None
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    constructor = yaml.SafeLoader("")  # turns scalar nodes into ints, bools, str as safe_load would

    def build(node: yaml.Node | None, path: Path_) -> Any:
        if node is None:
            return None
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                if key in result:
                    problems.append(Problem(name, key_node.start_mark.line + 1,
                                            format_key(path + (key,)), "duplicate key"))
                    continue
                result[key] = build(value_node, path + (key,))
                lines[path + (key,)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (i,)) for i, item in enumerate(node.value)]
        return constructor.construct_object(node, deep=True)

    data = build(root, ())
    if problems:
        raise DefinitionError(problems)
    return Document(name, data, lines)


def load(path: Path, name: str | None = None) -> Document:
    return parse(path.read_text(encoding="utf-8"), name or path.as_posix())


class Checker:
    """Collects problems while walking a Document; raise_if_any() stops with all of them."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []

    def fail(self, path: Path_, message: str) -> None:
        self.problems.append(Problem(self.doc.name, self.doc.line(path), format_key(path), message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DefinitionError(sorted(self.problems, key=lambda p: p.line))

    # Typed checks return the value when it is good and None (after recording why) when not.

    def mapping(self, path: Path_, value: Any, required: set[str], optional: set[str] = frozenset()) -> dict | None:
        if not isinstance(value, dict):
            self.fail(path, f"expected a mapping, got {type_name(value)}")
            return None
        for key in value:
            if key not in required and key not in optional:
                allowed = ", ".join(sorted(required | set(optional)))
                self.fail(path + (key,), f"unknown key (allowed: {allowed})")
        for key in sorted(required):
            if key not in value:
                self.fail(path + (key,), "missing (required)")
        return value

    def text(self, path: Path_, value: Any) -> str | None:
        if not isinstance(value, str):
            self.fail(path, f"expected text, got {type_name(value)}")
            return None
        if not value.strip():
            self.fail(path, "must not be empty")
            return None
        return value

    def integer(self, path: Path_, value: Any, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(path, f"expected a whole number, got {type_name(value)}")
            return None
        if not low <= value <= high:
            self.fail(path, f"{value} is outside {low}..{high}")
            return None
        return value

    def sequence(self, path: Path_, value: Any) -> list | None:
        if not isinstance(value, list):
            self.fail(path, f"expected a list, got {type_name(value)}")
            return None
        if not value:
            self.fail(path, "must not be empty")
            return None
        return value

    def one_of(self, path: Path_, value: Any, choices: list[str]) -> str | None:
        if value not in choices:
            self.fail(path, f"{value!r} is not one of {', '.join(choices)}")
            return None
        return value

    def slug(self, path: Path_, value: Any, pattern: str = r"[a-z][a-z0-9]*(-[a-z0-9]+)*") -> str | None:
        if self.text(path, value) is None:
            return None
        if not re.fullmatch(pattern, value):
            self.fail(path, f"{value!r} must match {pattern}")
            return None
        return value


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def load_all(folder: Path, pattern: str, build: Callable[[Document], Any], relative_to: Path) -> list:
    """Load and build every matching file; raise one DefinitionError listing every problem."""
    problems: list[Problem] = []
    results = []
    for path in sorted(folder.glob(pattern)):
        try:
            results.append(build(load(path, path.relative_to(relative_to).as_posix())))
        except DefinitionError as error:
            problems.extend(error.problems)
    if problems:
        raise DefinitionError(problems)
    return results
