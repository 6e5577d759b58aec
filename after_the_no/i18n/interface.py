"""The interface's own words (locales/interface.pot, locales/<code>/interface.po): loaded per language, and checked."""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from after_the_no.definitions import Problem
from after_the_no.edition import guide

TEMPLATE = "locales/interface.pot"
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
# A number-dependent text has a key per plural form (key.one, key.other: enhance.js tn() picks one
# with Intl.PluralRules); a language may add the forms English lacks (CLDR's names).
PLURAL_FORMS = ("zero", "one", "two", "few", "many")
# Keys the templates use (overrides/); every other key is a script's. A page with a component
# (front matter `component:`) gets the strings its script and the modules it imports use, as a
# JSON block (<script type="application/json" id="interface-strings">): the key namespaces of
# each (tests/test_unit_interface.py checks every key a component's modules use is here).
TEMPLATE_PREFIX = "page."
# Keys the Python renderers use (the generated worksheet and reply pages, the downloads): in no
# component's namespaces either, so never in a script's block. They reach the renderers from the
# staged config's extra.interface (words()), the downloads through the Brand (build/config.py).
PYTHON_PREFIX = "render."
COMPONENTS = {
    "worksheet": ("save", "worksheet", "import", "common", "number", "funnel", "entries", "date", "answers"),
    "summary": ("summary", "answers", "date", "worksheet", "entries"),
    "reply": ("save", "reply"),
    "privacy": ("privacy",),
    "places": ("places",),
    "link-kit": ("link-kit",),
}


def catalogue_name(code: str) -> str:
    return f"locales/{code}/interface.po"


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def entries(catalog: Catalog) -> dict[str, object]:
    """key (msgctxt) -> babel Message, in file order; the header and obsolete entries left out."""
    return {message.context: message for message in catalog if message.id and message.context}


def plural_base(key: str, template: dict) -> str | None:
    """The English entry (key.other) a language's extra plural form (key.few...) is checked against."""
    base, _, form = key.rpartition(".")
    return f"{base}.other" if form in PLURAL_FORMS and f"{base}.other" in template else None


def placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER.findall(text)))


def english(root: Path) -> dict[str, str]:
    """key -> the English text (the template's msgid)."""
    return {key: message.id for key, message in entries(read(root / TEMPLATE)).items()}


def strings(root: Path, code: str, draft: bool = False) -> dict[str, str]:
    """key -> the text in the language `code`. English is the template's msgids; a published
    language's catalogue must have every entry (check() stops the build first); a draft shows
    English wherever its msgstr is empty or fuzzy."""
    base = english(root)
    if code == "en" or (draft and not (root / catalogue_name(code)).is_file()):
        return base
    own = entries(read(root / catalogue_name(code)))
    out = {}
    for key, text in base.items():
        message = own.get(key)
        translated = message.string if message is not None and not message.fuzzy else ""
        if not translated and not draft:
            raise ValueError(f"{catalogue_name(code)}: {key}: no translation (a published language needs every entry)")
        out[key] = translated or text
    for key, message in own.items():   # the plural forms English does not have
        if key not in base and plural_base(key, base) and message.string and not message.fuzzy:
            out[key] = message.string
    return out


@lru_cache(maxsize=None)
def _english_of(root: Path) -> dict[str, str]:
    return english(root)


def words(config: dict) -> dict[str, str]:
    """The staged config's strings (extra.interface: the page language's, US English included);
    a config with none (the English site before staging) gets the English catalogue."""
    return (config.get("extra") or {}).get("interface") or _english_of(guide.root())


def text_of(texts: Mapping[str, str], key: str) -> str:
    """The text of `key` in `texts`, its placeholders not filled in (the English where `texts`
    has none: a Brand or page made without words, in a test or a tool)."""
    return texts.get(key) or _english_of(guide.root())[key]


def fill(text: str, **values: object) -> str:
    """Each {placeholder} of `text` replaced by its value (nothing else in it read as a format)."""
    return PLACEHOLDER.sub(lambda match: str(values[match[1]]), text)


def say(texts: Mapping[str, str], key: str, **values: object) -> str:
    """The text of `key` with each {placeholder} filled in."""
    return fill(text_of(texts, key), **values)


def block(texts: dict[str, str], component: str) -> str:
    """The component's strings as compact JSON for its page's data block ('<', '>' and '&'
    escaped, so no text can end the script element)."""
    spaces = COMPONENTS[component]
    scripts = {key: text for key, text in texts.items() if key.split(".")[0] in spaces}
    data = json.dumps(scripts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def for_config(texts: dict[str, str]) -> dict:
    """What a staged config's extra gets: every string (for the templates), and each component's
    data block (main.html writes config.extra.interface_json[meta.component])."""
    return {"interface": texts, "interface_json": {component: block(texts, component) for component in COMPONENTS}}


ACCENTED = str.maketrans("aeiouycnAEIOUYCN", "áéíöüýçñÁÉÍÖÜÝÇÑ")


def pseudo(texts: dict[str, str]) -> dict[str, str]:
    """The pseudo-language (en-XA): every text accented, about 35% longer (· at its end), and
    wrapped in ⟦…⟧, its placeholders kept as they are: English that shows unbracketed or
    unaccented was never taken from the catalogue, and the longer words test the layout."""
    def one(text: str) -> str:
        out, last = [], 0
        for match in PLACEHOLDER.finditer(text):
            out += [text[last:match.start()].translate(ACCENTED), match.group(0)]
            last = match.end()
        return f"⟦{''.join(out + [text[last:].translate(ACCENTED)])}{'·' * round(len(text) * 0.35)}⟧"
    return {key: one(text) for key, text in texts.items()}


def check(root: Path, code: str, published: bool) -> list[Problem]:
    """Every problem in locales/<code>/interface.po against the template, as file:line: key: message
    (a draft may lack entries or leave them empty or fuzzy: it shows the English there)."""
    if not (root / TEMPLATE).is_file():
        return []
    name = catalogue_name(code)
    try:
        template = entries(read(root / TEMPLATE))
    except Exception as error:   # babel's parse errors carry no common type
        return [Problem(TEMPLATE, getattr(error, "lineno", 0) or 0, "(file)", f"cannot be read: {error}")]
    if not (root / name).is_file():
        return [Problem(name, 0, "(file)", f"missing: copy {TEMPLATE} to it and translate each msgstr")] if published else []
    try:
        catalog = read(root / name)
    except Exception as error:
        return [Problem(name, getattr(error, "lineno", 0) or 0, "(file)", f"cannot be read: {error}")]
    own = entries(catalog)
    problems = []
    last_line = max([message.lineno for message in own.values()] or [0])
    for key, english_message in template.items():
        message = own.get(key)
        if message is None:   # a draft shows the English until its translators add the entry
            if published:
                problems.append(Problem(name, last_line, key, f"missing: the template has it ({TEMPLATE}:{english_message.lineno})"))
            continue
        if message.id != english_message.id:
            problems.append(Problem(name, message.lineno, key, "its msgid is not the template's English: copy it again from "
                                    f"{TEMPLATE}:{english_message.lineno}"))
        if published and message.fuzzy:
            problems.append(Problem(name, message.lineno, key, "fuzzy: check the translation and remove the fuzzy flag"))
        if published and not message.string:
            problems.append(Problem(name, message.lineno, key, "not translated (empty msgstr)"))
        if message.string and placeholders(message.string) != placeholders(english_message.id):
            problems.append(Problem(name, message.lineno, key, "placeholders differ from the English: "
                                    f"{_names(placeholders(message.string))} instead of {_names(placeholders(english_message.id))}"))
    for key, message in own.items():
        if key in template:
            continue
        base = plural_base(key, template)
        if base is None:
            problems.append(Problem(name, message.lineno, key, f"not in the template ({TEMPLATE}): remove it "
                                    f"(a plural form may be added only as {', '.join(PLURAL_FORMS)} of a key ending in .other)"))
        elif message.string and placeholders(message.string) != placeholders(template[base].id):
            problems.append(Problem(name, message.lineno, key, "placeholders differ from the English: "
                                    f"{_names(placeholders(message.string))} instead of {_names(placeholders(template[base].id))}"))
    return problems


def _names(found: list[str]) -> str:
    return ", ".join("{" + n + "}" for n in found) or "none"
