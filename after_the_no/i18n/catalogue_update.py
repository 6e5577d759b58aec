"""The translators' upkeep of the interface catalogues (bin/i18n extract): the keys the code uses
against locales/interface.pot, and each language's catalogue brought up to the template, as
gettext's msgmerge does: a new key added untranslated, a key whose English changed marked fuzzy
with its old English kept as `#| msgid` (the translation stays, to be checked), a key the
template no longer has removed. Written in the catalogues' own plain format, entries in the
template's order, so a change shows as a small diff a reviewer can read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from after_the_no.definitions import Problem
from after_the_no.i18n import interface

# Where the code asks for a key: a script's t("key") / tn("key", n) (tn's key stands for its plural
# forms, key.one, key.other...), a template's words["key"], and any other quoted key in one of the
# template's namespaces (a table of keys, t(cond ? "a.b" : "a.c"), a Python renderer's words).
SOURCES = ("docs/assets/*.js", "overrides/**/*.html", "after_the_no/**/*.py")
CALL = re.compile(r'\b(tn?)\(\s*"([^"]+)"')
WORDS = re.compile(r'words\["([^"]+)"\]')
LITERAL = re.compile(r'["\']([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)["\']')


def used_keys(root: Path, english: dict[str, str]) -> tuple[set[str], list[Problem]]:
    """(the template keys the code uses, a problem for each key it asks for that the template
    lacks, at the file and line that asks)."""
    namespaces = {key.split(".")[0] for key in english}
    used, problems = set(), []
    for pattern in SOURCES:
        for path in sorted(root.glob(pattern)):
            if path.name == "catalogue_update.py":
                continue
            text = path.read_text("utf-8")
            asked = [(m, m[2], m[1] == "tn", True) for m in CALL.finditer(text)] + \
                    [(m, m[1], False, True) for m in WORDS.finditer(text)] + \
                    [(m, m[1], False, False) for m in LITERAL.finditer(text) if m[1].split(".")[0] in namespaces]
            for match, key, plural, called in asked:
                forms = [k for k in english if k.startswith(key + ".")]
                found = forms if plural else [key] if key in english else []
                if not found and (forms or not called and path.suffix == ".py"):
                    continue   # tn()'s key as a literal; a dotted name in Python that is no key
                if not found and not any(p.file == path.relative_to(root).as_posix() and p.key == key for p in problems):
                    problems.append(Problem(path.relative_to(root).as_posix(), text.count("\n", 0, match.start()) + 1,
                                            key, f"not in {interface.TEMPLATE}: add it with its English"))
                used.update(found)
    return used, problems


def extract_problems(root: Path) -> list[Problem]:
    """A key the code asks for that the template lacks; a template key nothing uses."""
    template = interface.entries(interface.read(root / interface.TEMPLATE))
    used, problems = used_keys(root, {key: message.id for key, message in template.items()})
    return problems + [Problem(interface.TEMPLATE, message.lineno, key, "nothing uses it: remove it")
                       for key, message in template.items() if key not in used]


@dataclass
class Update:
    added: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def _entry(key: str, english, own) -> list[str]:
    """One entry's lines: the template's translator comments, the flags, the old English when the
    English changed, then msgctxt, msgid, msgstr."""
    lines = [f"#. {comment}" for comment in english.auto_comments]
    flags = (["fuzzy"] if own is not None and own.fuzzy else []) + sorted(english.flags - {"fuzzy"})
    if flags:
        lines.append("#, " + ", ".join(flags))
    if own is not None and own.fuzzy and own.previous_id:
        lines.append(f"#| msgid {_quote(own.previous_id if isinstance(own.previous_id, str) else own.previous_id[0])}")
    return lines + [f"msgctxt {_quote(key)}", f"msgid {_quote(english.id)}", f"msgstr {_quote(own.string if own else '')}", ""]


HEADER_END = re.compile(r'\A(.*?^msgid ""\nmsgstr ""\n(?:"[^\n]*"\n)*)\n', re.S | re.M)


def update(root: Path, code: str) -> Update:
    """Bring locales/<code>/interface.po up to the template (see the module's docstring)."""
    path = root / interface.catalogue_name(code)
    template = interface.entries(interface.read(root / interface.TEMPLATE))
    own = interface.entries(interface.read(path))
    done = Update()
    out = [HEADER_END.match(path.read_text("utf-8"))[1]]
    for key, english in template.items():
        message = own.get(key)
        if message is None:
            done.added.append(key)
        elif message.id != english.id:
            message.previous_id = message.id if not message.fuzzy else (message.previous_id or message.id)
            message.flags.add("fuzzy")
            done.fuzzy.append(key)
        out.append("\n".join(_entry(key, english, message)))
    for key, message in own.items():   # a language's own plural forms (key.few) stay after theirs
        if key not in template:
            if interface.plural_base(key, template):
                out.append("\n".join([f"msgctxt {_quote(key)}", f"msgid {_quote(message.id)}",
                                      f"msgstr {_quote(message.string)}", ""]))
            else:
                done.removed.append(key)
    path.write_text("\n".join(out), "utf-8")
    return done
