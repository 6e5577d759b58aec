"""The tone check: rules a message is checked against, read the same way by Python `re` and
the browser's `RegExp` (docs/assets/reply.js)."""
from __future__ import annotations

import re

from after_the_no.replies.model import ToneRule


# Both this module and reply.js normalise text the same way before matching, so curly
# apostrophes and no-break spaces typed on phones match the plain ones in the rules.
_NORMALISE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u00a0": " "})
_JS_SPECIAL = re.compile(r"[.*+?^${}()|\[\]\\/]")
# Syntax that Python and JavaScript read differently (or only one of them reads at all).
NOT_PORTABLE = re.compile(r"\(\?(?![:=!]|<[=!])|\\[AZzGpP]|\(\?P|[*+?}]\+")


def normalise(text: str) -> str:
    return text.translate(_NORMALISE)


def phrase_pattern(phrase: str) -> str:
    """'but I' -> '\\bbut\\s+I\\b': whole words, any run of spaces or line breaks between them."""
    words = [_JS_SPECIAL.sub(lambda m: "\\" + m.group(0), w) for w in normalise(phrase).split()]
    pattern = r"\s+".join(words)
    if re.match(r"\w", words[0]):
        pattern = r"\b" + pattern
    if re.search(r"\w$", words[-1]):
        pattern += r"\b"
    return pattern


def compile_rule(pattern: str) -> re.Pattern:
    # re.ASCII and IGNORECASE behave as JavaScript's RegExp(pattern, "i") does for \b, \w and \s.
    return re.compile(pattern, re.IGNORECASE | re.ASCII)


def tone_check(text: str, rules: list[ToneRule]) -> list[tuple[str, str]]:
    """Every rule the text trips, in rule order, once each: [(rule id, the words matched)]."""
    text = normalise(text)
    hits = []
    for rule in rules:
        match = compile_rule(rule.pattern).search(text)
        if match:
            hits.append((rule.id, match.group(0)))
    return hits
