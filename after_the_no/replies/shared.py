"""The files every reply draws on: replies/placeholders.yml (the names a person fills in) and
replies/tone-rules.yml (the tone check's rules), and links to guide pages, checked as they load."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from after_the_no.definitions import Checker, load
from after_the_no.replies.model import NAME, Placeholder, ToneRule
from after_the_no.replies.tone import NOT_PORTABLE, compile_rule, normalise, phrase_pattern

GUIDE_PAGE = r"[a-z0-9-]+(/[a-z0-9-]+)*\.md(#[a-z0-9-]+)?"


def page_link(check: Checker, at: tuple, value: Any, key: str = "link") -> tuple[str, str]:
    """{text, <key>} pointing at a page under docs/: (text, link), or ("", "") when it is wrong."""
    entry = check.mapping(at, value, {"text", key})
    if entry is None:
        return "", ""
    text = check.text(at + ("text",), entry.get("text")) if "text" in entry else None
    link = check.text(at + (key,), entry.get(key)) if key in entry else None
    if link and not re.fullmatch(GUIDE_PAGE, link):
        check.fail(at + (key,), f"{link!r} must be a guide page under docs/, e.g. respond.md#thank-them")
        link = None
    return (" ".join(text.split()), link) if text and link else ("", "")



def load_placeholders(path: Path, name: str) -> dict[str, Placeholder]:
    doc = load(path, name)
    check = Checker(doc)
    result: dict[str, Placeholder] = {}
    if not isinstance(doc.data, dict) or not doc.data:
        check.fail((), "expected a mapping of placeholder names to labels")
    else:
        for key, value in doc.data.items():
            if not re.fullmatch(NAME, key):
                check.fail((key,), f"{key!r} must match {NAME}")
                continue
            if isinstance(value, str):  # the short form: name: Label
                if check.text((key,), value):
                    result[key] = Placeholder(key, value.strip())
                continue
            entry = check.mapping((key,), value, {"label"}, {"hint", "autocomplete", "long_example"})
            if entry is None:
                continue
            label = check.text((key, "label"), entry["label"]) if "label" in entry else None
            hint = check.text((key, "hint"), entry["hint"]) if "hint" in entry else ""
            auto = check.slug((key, "autocomplete"), entry["autocomplete"], r"[a-z][a-z-]*") \
                if "autocomplete" in entry else "off"
            long = check.text((key, "long_example"), entry["long_example"]) if "long_example" in entry else ""
            if label and hint is not None and auto and long is not None:
                result[key] = Placeholder(key, label.strip(), (hint or "").strip(), auto, " ".join(long.split()))
    check.raise_if_any()
    return result


def load_tone_rules(path: Path, name: str) -> list[ToneRule]:
    doc = load(path, name)
    check = Checker(doc)
    rules: list[ToneRule] = []
    top = check.mapping((), doc.data, {"rules"})
    items = check.sequence(("rules",), top.get("rules")) if top and "rules" in top else None
    seen: dict[str, int] = {}
    for i, item in enumerate(items or []):
        at = ("rules", i)
        entry = check.mapping(at, item, {"id", "why", "suggest", "example"}, {"phrase", "pattern", "link"})
        if entry is None:
            continue
        rule_id = check.slug(at + ("id",), entry.get("id")) if "id" in entry else None
        if rule_id in seen:
            check.fail(at + ("id",), f"{rule_id!r} is also used by rules[{seen[rule_id]}]")
        elif rule_id:
            seen[rule_id] = i
        why, suggest, example = (check.text(at + (k,), entry.get(k)) if k in entry else None
                                 for k in ("why", "suggest", "example"))
        pattern = _rule_pattern(check, at, entry)
        if pattern and example and not compile_rule(pattern).search(normalise(example)):
            check.fail(at + ("example",), f"{example!r} does not trip this rule")
        link_text, link_page = page_link(check, at + ("link",), entry["link"], "page") \
            if "link" in entry else ("", "")
        if rule_id and why and suggest and example and pattern:
            rules.append(ToneRule(rule_id, pattern, why.strip(), suggest.strip(), example, link_text, link_page))
    check.raise_if_any()
    return rules


def _rule_pattern(check: Checker, at: tuple, entry: dict) -> str | None:
    if ("phrase" in entry) == ("pattern" in entry):
        check.fail(at, "give exactly one of phrase or pattern")
        return None
    if "phrase" in entry:
        phrase = check.text(at + ("phrase",), entry["phrase"])
        return phrase_pattern(phrase) if phrase else None
    pattern = check.text(at + ("pattern",), entry["pattern"])
    if pattern is None:
        return None
    if NOT_PORTABLE.search(pattern):
        check.fail(at + ("pattern",), "use only syntax that Python and JavaScript share "
                                      "(no inline flags, named groups, \\A, \\Z or possessive repeats)")
        return None
    try:
        compiled = compile_rule(pattern)
    except re.error as error:
        check.fail(at + ("pattern",), f"not a valid regular expression: {error}")
        return None
    if compiled.search(""):
        check.fail(at + ("pattern",), "matches empty text, so it would flag every message")
        return None
    return pattern
