"""Read a project's mkdocs.yml keeping the line of every key, so a bad setting is reported as
`mkdocs.yml:line: key: message`, whichever tags (!ENV, !!python/name) the file uses."""
from __future__ import annotations

from pathlib import Path

import yaml

from after_the_no.definitions import FAST_LOADER, Checker, DefinitionError, Document, Problem


def _lines(text: str) -> dict[tuple, int]:
    """The line of every key path; only composed (never constructed), so any tag is fine."""
    lines: dict[tuple, int] = {}

    def walk(node, path):
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[path + (str(key.value),)] = key.start_mark.line + 1
                walk(value, path + (str(key.value),))
                lines[path + (str(key.value),)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + (i,))

    root = yaml.compose(text, Loader=FAST_LOADER)
    if root is not None:
        walk(root, ())
    return lines


class _Loader(FAST_LOADER):
    """Plain values; an unknown tag's value becomes None (mkdocs.yml may use !ENV)."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read(path: Path, name: str = "mkdocs.yml") -> Document:
    """The project's mkdocs.yml as a Document (data + lines). Broken YAML raises DefinitionError."""
    return read_text(path.read_text("utf-8"), name)


def read_text(text: str, name: str) -> Document:
    try:
        data = yaml.load(text, Loader=_Loader) or {}
        lines = _lines(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DefinitionError([Problem(name, mark.line + 1 if mark else 1, "(top)",
                                       f"broken YAML: {getattr(error, 'problem', None) or error}")]) from None
    return Document(name, data, lines)


def extra(doc: Document) -> dict:
    value = doc.data.get("extra") if isinstance(doc.data, dict) else None
    return value if isinstance(value, dict) else {}


def check(doc: Document, pages: "GuidePages") -> list[Problem]:
    """Every problem in extra.local_services, extra.omit and extra.brand.embed_origins."""
    from after_the_no.edition import embedding, local_services, omissions
    checker = Checker(doc)
    settings = extra(doc)
    local_services.check(checker, settings.get("local_services"))
    omissions.check(checker, settings.get("omit"), pages)
    brand = settings.get("brand")
    embedding.check(checker, brand.get("embed_origins") if isinstance(brand, dict) else None)
    return checker.problems


class GuidePages:
    """The pages an edition may omit: situations (not their index), worksheets and replies."""

    def __init__(self, situations: list[str], worksheets: list[str], replies: list[str]):
        self.omittable = {f"situations/{s}.md" for s in situations} | {f"worksheets/{s}.md" for s in worksheets} \
            | {f"replies/{s}.md" for s in replies}
        self.generated = {f"worksheets/{s}.md" for s in worksheets} | {f"replies/{s}.md" for s in replies}

    @classmethod
    def of(cls, docs: Path, worksheet_slugs, reply_slugs) -> "GuidePages":
        situations = sorted(p.stem for p in (docs / "situations").glob("*.md") if p.stem != "index")
        return cls(situations, list(worksheet_slugs), list(reply_slugs))
