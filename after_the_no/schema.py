"""Checking a definition against its JSON Schema, each problem at its `file:line: key.path`.

fastjsonschema gives the verdict (fast: it compiles the schema to Python once); only when it
rejects a document does jsonschema list every problem, with the key path of each, which
`definitions.Document` turns into a line. Messages are in the project's own words; a schema
may give its own for a rule as `errorMessage` (as editors such as VS Code read it), where
`{value}` stands for the value found.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable, Iterator

import fastjsonschema

from after_the_no.definitions import Document, Problem, format_key, type_name

TYPES = {"string": "text", "integer": "a whole number", "number": "a number", "object": "a mapping",
         "array": "a list", "boolean": "true or false"}


@functools.lru_cache(maxsize=None)
def load_schema(path: Path) -> tuple[dict, Callable[[Any], Any]]:
    """The schema and its compiled check (once per process)."""
    schema = json.loads(path.read_text("utf-8"))
    return schema, fastjsonschema.compile(schema)


def problems(doc: Document, path: Path) -> list[Problem]:
    """Every way doc breaks the schema at path, in the order of the file's lines."""
    schema, check = load_schema(path)
    try:
        check(doc.data)
        return []
    except fastjsonschema.JsonSchemaException as error:
        first = error
    import jsonschema   # here: a valid document (every build) never needs it
    found: dict[tuple, str] = {}
    for error in jsonschema.Draft202012Validator(schema).iter_errors(doc.data):
        for at, message in _explain(error):
            found.setdefault((at, message), message)
    if not found:   # the two validators disagree: say what the fast one found
        found[((), str(first))] = str(first)
    out = [Problem(doc.name, doc.line(at), format_key(at), message) for at, message in found]
    return sorted(out, key=lambda p: p.line)


def _explain(error) -> Iterator[tuple[tuple, str]]:
    at, schema, value, rule = tuple(error.absolute_path), error.schema, error.instance, error.validator
    custom = schema.get("errorMessage")
    if isinstance(custom, str):
        custom = custom.replace("{value}", repr(value))
    if rule == "required":
        under_then = "then" in error.absolute_schema_path
        for key in error.validator_value:
            if key not in value:
                yield at + (key,), custom or (f"missing (required for {value.get('kind')})" if under_then
                                              else "missing (required)")
    elif rule == "additionalProperties":
        allowed = ", ".join(sorted(schema.get("properties", {})))
        for key in value:
            if key not in schema.get("properties", {}):
                yield at + (key,), f"unknown key (allowed: {allowed})"
    elif rule == "not":
        for key in schema["not"].get("required", []):
            yield at + (key,), custom or "not allowed here"
    elif rule == "type":
        yield at, f"expected {TYPES.get(error.validator_value, error.validator_value)}, got {type_name(value)}"
    elif rule == "enum":
        yield at, custom or f"{value!r} is not one of {', '.join(map(str, error.validator_value))}"
    elif rule in ("minimum", "maximum"):
        yield at, f"{value} is outside {schema.get('minimum', '')}..{schema.get('maximum', '')}"
    elif rule == "minLength" or rule == "pattern" and error.validator_value == "\\S":
        yield at, "must not be empty"
    elif rule == "pattern":
        yield at, custom or f"{value!r} must match {error.validator_value.removeprefix('^').removesuffix('$')}"
    elif rule == "minItems":
        yield at, custom or ("must not be empty" if error.validator_value == 1
                             else f"needs at least {error.validator_value} items")
    elif rule == "uniqueItems":
        noun = at[-1].removesuffix("s") + " " if at and isinstance(at[-1], str) else ""
        for i, item in enumerate(value):
            if item in value[:i]:
                yield at + (i,), f"duplicate {noun}{item!r}"
    else:
        yield at, custom or error.message
