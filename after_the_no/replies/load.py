"""Load and validate replies/*.yml (placeholders, tone rules, every reply): one
DefinitionError listing every problem as `file:line: key.path: message`.
The format of the files is described in replies/README.md."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from after_the_no.definitions import Checker, DefinitionError, Document, Problem, load
from after_the_no.replies.model import (NAME, PLACEHOLDER, Library, Limit, Message, Placeholder, Reply, ToneRule,
                                        fill, filled_length, placeholders_in, word_count)
from after_the_no.replies.tone import NOT_PORTABLE, compile_rule, normalise, phrase_pattern, tone_check

MAX_WORDS = 150
SPECIAL_FILES = ("placeholders.yml", "tone-rules.yml")
MESSAGE_FIELDS = (("subject",), ("body",), ("short", "subject"), ("short", "body"))


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
        link_text, link_page = _page_link(check, at + ("link",), entry["link"], "page") \
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


REPLY_KEYS = {"order", "title", "when", "placeholders", "subject", "body", "avoid", "short"}
GUIDE_PAGE = r"[a-z0-9-]+(/[a-z0-9-]+)*\.md(#[a-z0-9-]+)?"


def _page_link(check: Checker, at: tuple, value: Any, key: str = "link") -> tuple[str, str]:
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


def _limit(check: Checker, at: tuple, value: Any) -> Limit | None:
    entry = check.mapping(at, value, {"characters", "where"})
    if entry is None:
        return None
    characters = check.integer(at + ("characters",), entry["characters"], 1, 5000) \
        if "characters" in entry else None
    where = check.text(at + ("where",), entry["where"]) if "where" in entry else None
    return Limit(characters, " ".join(where.split())) if characters and where else None


def check_limit(message: Message, placeholders: dict[str, Placeholder]) -> str | None:
    """Why the message does not fit its limit with every placeholder at its long_example, or None."""
    limit = message.limit
    if limit is None:
        return None
    names = list(dict.fromkeys(placeholders_in(message.body)))
    without = [name for name in names if not placeholders[name].long_example]
    if without:
        return (f"has a limit, so every placeholder it uses needs a long_example in replies/placeholders.yml "
                f"(missing: {', '.join(without)})")
    text = fill(message.body, {name: placeholders[name].long_example for name in names}, placeholders)
    length = filled_length(text)
    if length > limit.characters:
        return (f"{length} characters with the long examples from replies/placeholders.yml filled in; "
                f"{limit.where} allows {limit.characters}")
    return None


def build_reply(doc: Document, known: dict[str, Placeholder] | None) -> Reply:
    """Validate one reply file (already parsed) and return the Reply it describes.

    known is None when placeholders.yml itself is broken: its problems are reported, and
    the replies are checked for everything else."""
    check = Checker(doc)
    data = check.mapping((), doc.data, REPLY_KEYS, {"guide", "see_also", "in_thread"})
    if data is None:
        check.raise_if_any()
    slug = Path(doc.name).stem
    check.slug((), slug)
    order = check.integer(("order",), data["order"], 1, 99) if "order" in data else None
    title = check.text(("title",), data["title"]) if "title" in data else None
    when = check.text(("when",), data["when"]) if "when" in data else None
    if when and "\n" in when.strip():
        check.fail(("when",), "must be one line (it is the summary on the index page)")

    declared = _declared(check, data, known)
    texts: dict[tuple, str] = {}
    limit = None
    if "short" in data:
        short = check.mapping(("short",), data["short"], {"body"}, {"subject", "limit"})
        if short is None:
            data = {**data, "short": {}}
        elif "limit" in short:
            limit = _limit(check, ("short", "limit"), short["limit"])
    in_thread = data.get("in_thread", False)
    if not isinstance(in_thread, bool):
        check.fail(("in_thread",), "expected true or false")
    for path in MESSAGE_FIELDS:
        parent = data if len(path) == 1 else data.get("short") or {}
        if path[-1] not in parent:
            continue
        value = check.text(path, parent[path[-1]])
        if value is not None:
            texts[path] = value.strip()
    for path, value in texts.items():
        _check_message_text(check, path, value, declared)
    if declared is not None:
        used = {name for value in texts.values() for name in placeholders_in(value)}
        for i, name in enumerate(declared):
            if (known is None or name in known) and name not in used and name not in declared[:i]:
                check.fail(("placeholders", i), f"{name!r} is declared but not used in any message")
    if ("body",) in texts and ("short", "body") in texts:
        long, short_words = word_count(texts[("body",)]), word_count(texts[("short", "body")])
        if short_words >= long:
            check.fail(("short", "body"), f"{short_words} words; the shorter version must be shorter "
                                          f"than body ({long} words)")

    avoid = check.sequence(("avoid",), data["avoid"]) if "avoid" in data else None
    avoid_items = [check.text(("avoid", i), item) for i, item in enumerate(avoid or [])]
    guide_text, guide_link = _guide(check, data)
    see_also_text, see_also_link = _page_link(check, ("see_also",), data["see_also"]) \
        if "see_also" in data else ("", "")
    check.raise_if_any()
    return Reply(slug=slug, order=order, title=title.strip(), when=" ".join(when.split()),
                 placeholders=tuple(declared),
                 message=Message(texts[("subject",)], texts[("body",)]),
                 short=Message(texts.get(("short", "subject"), texts[("subject",)]), texts[("short", "body")], limit),
                 avoid=tuple(item.strip() for item in avoid_items),
                 guide_text=guide_text, guide_link=guide_link,
                 see_also_text=see_also_text, see_also_link=see_also_link, in_thread=in_thread)


def _declared(check: Checker, data: dict, known: dict[str, Placeholder] | None) -> list[str] | None:
    if "placeholders" not in data:
        return None
    names = check.sequence(("placeholders",), data["placeholders"])
    if names is None:
        return None
    for i, name in enumerate(names):
        if not isinstance(name, str) or (known is not None and name not in known):
            check.fail(("placeholders", i), f"{name!r} is not in replies/placeholders.yml "
                                            f"(known: {', '.join(sorted(known))})")
        elif name in names[:i]:
            check.fail(("placeholders", i), f"{name!r} is declared twice")
    return [name for name in names if isinstance(name, str)]


def _check_message_text(check: Checker, path: tuple, value: str, declared: list[str] | None) -> None:
    for name in dict.fromkeys(placeholders_in(value)):
        if declared is not None and name not in declared:
            check.fail(path, f"uses {{{name}}} but placeholders does not declare it")
    leftover = PLACEHOLDER.sub("", value)
    if "{" in leftover or "}" in leftover:
        check.fail(path, "stray { or }: write a placeholder as {name}, in lower case with _ between words")
    if path[-1] == "subject" and "\n" in value:
        check.fail(path, "must be one line")
    if path[-1] == "body" and word_count(value) > MAX_WORDS:
        check.fail(path, f"{word_count(value)} words; keep a message to {MAX_WORDS} words or fewer")


def _guide(check: Checker, data: dict) -> tuple[str, str]:
    if "guide" not in data:
        return "", ""
    return _page_link(check, ("guide",), data["guide"])


def load_library(folder: Path, relative_to: Path) -> Library:
    """Load placeholders, tone rules and every reply; raise one DefinitionError listing every problem."""
    def name(path: Path) -> str:
        return path.relative_to(relative_to).as_posix()

    problems: list[Problem] = []
    placeholders: dict[str, Placeholder] | None = None
    rules: list[ToneRule] = []
    try:
        placeholders = load_placeholders(folder / "placeholders.yml", name(folder / "placeholders.yml"))
    except DefinitionError as error:
        problems.extend(error.problems)
    try:
        rules = load_tone_rules(folder / "tone-rules.yml", name(folder / "tone-rules.yml"))
    except DefinitionError as error:
        problems.extend(error.problems)
    docs = relative_to / "docs"
    if docs.is_dir():  # a rule's link is JSON for the script, so MkDocs cannot check it: check it here
        doc = None
        for i, rule in enumerate(rules):
            if rule.link_page and not (docs / rule.link_page.split("#")[0]).is_file():
                doc = doc or load(folder / "tone-rules.yml", name(folder / "tone-rules.yml"))
                problems.append(Problem(doc.name, doc.line(("rules", i, "link", "page")), f"rules[{i}].link.page",
                                        f"docs/{rule.link_page.split('#')[0]} does not exist"))
    replies: list[Reply] = []
    orders: dict[int, str] = {}
    for path in sorted(folder.glob("*.yml")):
        if path.name in SPECIAL_FILES:
            continue
        try:
            doc = load(path, name(path))
            reply = build_reply(doc, placeholders)
        except DefinitionError as error:
            problems.extend(error.problems)
            continue
        if reply.order in orders:
            problems.append(Problem(doc.name, doc.line(("order",)), "order",
                                    f"{reply.order} is also the order of {orders[reply.order]}"))
        orders[reply.order] = doc.name
        too_long = check_limit(reply.short, placeholders) if placeholders else None
        if too_long:
            problems.append(Problem(doc.name, doc.line(("short", "body")), "short.body", too_long))
        for hit in tone_check(reply.message.subject + "\n" + reply.message.body + "\n" + reply.short.body, rules):
            problems.append(Problem(doc.name, doc.line(("body",)), "body",
                                    f"the example itself trips tone rule {hit[0]!r} ({hit[1]!r})"))
        replies.append(reply)
    if problems:
        raise DefinitionError(problems)
    return Library(sorted(replies, key=lambda r: r.order), placeholders, rules)
