"""Reply examples: load and validate replies/*.yml, check tone, and render the pages.

Everything here is plain Python, so it can be tested without MkDocs. The hook
(after_the_no/pipeline.py) only calls `load_library`, `page_markdown` and `index_markdown`.
The format of the files is described in replies/README.md.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from after_the_no.definitions import Checker, DefinitionError, Document, Problem, load

MAX_WORDS = 150
# A spoken reply (a phone script, a voicemail) has no subject and no mailto, and must be
# sayable in SPOKEN_SECONDS at an unhurried SPOKEN_WORDS_PER_MINUTE, with long names filled in.
SPOKEN_SECONDS = 30
SPOKEN_WORDS_PER_MINUTE = 150
MAX_SPOKEN_WORDS = SPOKEN_SECONDS * SPOKEN_WORDS_PER_MINUTE // 60
SPECIAL_FILES = ("placeholders.yml", "tone-rules.yml")

NAME = r"[a-z][a-z0-9_]*"
PLACEHOLDER = re.compile(r"\{(" + NAME + r")\}")
MESSAGE_FIELDS = (("subject",), ("body",), ("short", "subject"), ("short", "body"))


# ---------------------------------------------------------------- the data


@dataclass(frozen=True)
class Placeholder:
    name: str
    label: str
    hint: str = ""
    autocomplete: str = "off"
    long_example: str = ""  # a long, realistic value: checks a message's length limit


@dataclass(frozen=True)
class Limit:
    """A channel's length limit, e.g. 200 characters for a free LinkedIn invitation."""
    characters: int
    where: str


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    limit: Limit | None = None  # on the body, with every placeholder at its long_example


@dataclass(frozen=True)
class Reply:
    slug: str
    order: int
    title: str
    when: str
    placeholders: tuple[str, ...]
    message: Message
    short: Message
    avoid: tuple[str, ...]
    guide_text: str = ""
    guide_link: str = ""
    see_also_text: str = ""
    see_also_link: str = ""
    in_thread: bool = False  # usually sent as a reply to their email: the page says to keep the thread
    spoken: bool = False     # said aloud (phone, voicemail): no subject, no mailto, MAX_SPOKEN_WORDS


@dataclass(frozen=True)
class ToneRule:
    id: str
    pattern: str  # a regular expression both Python `re` and JavaScript `RegExp` read the same way
    why: str
    suggest: str
    example: str
    link_text: str = ""
    link_page: str = ""  # a page under docs/, e.g. support/unfair-treatment.md


@dataclass(frozen=True)
class Library:
    replies: list[Reply]
    placeholders: dict[str, Placeholder]
    tone_rules: list[ToneRule]


# ---------------------------------------------------------------- text helpers


def word_count(text: str) -> int:
    """Words as a reader sees them; a placeholder such as {interviewer_name} counts as one."""
    return len(text.split())


def placeholders_in(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def fill(template: str, values: dict[str, str], placeholders: dict[str, Placeholder]) -> str:
    """Put values into a template; an empty value shows as its visible label, e.g. [Your name].

    docs/assets/reply.js does exactly the same in the browser.
    """
    def one(match: re.Match) -> str:
        value = (values.get(match.group(1)) or "").strip()
        return value or f"[{placeholders[match.group(1)].label}]"
    return PLACEHOLDER.sub(one, template)


# ---------------------------------------------------------------- tone check

# Both this module and reply.js normalise text the same way before matching, so curly
# apostrophes and no-break spaces typed on phones match the plain ones in the rules.
_NORMALISE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u00a0": " "})
_JS_SPECIAL = re.compile(r"[.*+?^${}()|\[\]\\/]")
# Syntax that Python and JavaScript read differently (or only one of them reads at all).
_NOT_PORTABLE = re.compile(r"\(\?(?![:=!]|<[=!])|\\[AZzGpP]|\(\?P|[*+?}]\+")


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


# ---------------------------------------------------------------- loading and validation


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
    if _NOT_PORTABLE.search(pattern):
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


REPLY_KEYS = {"order", "title", "when", "placeholders", "body", "avoid", "short"}  # and subject, unless spoken
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


def filled_length(text: str) -> int:
    """Characters as a person counts them (code points), the same as reply.js counts."""
    return len(text)


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
    data = check.mapping((), doc.data, REPLY_KEYS, {"guide", "see_also", "in_thread", "spoken", "subject"})
    if data is None:
        check.raise_if_any()
    spoken = _spoken(check, data)
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
    elif in_thread and spoken:
        check.fail(("in_thread",), "a spoken reply is not sent in an email thread")
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
    if spoken and known is not None:
        for path in (("body",), ("short", "body")):
            if path in texts and (too_long := check_spoken(texts[path], known)):
                check.fail(path, too_long)

    avoid = check.sequence(("avoid",), data["avoid"]) if "avoid" in data else None
    avoid_items = [check.text(("avoid", i), item) for i, item in enumerate(avoid or [])]
    guide_text, guide_link = _guide(check, data)
    see_also_text, see_also_link = _page_link(check, ("see_also",), data["see_also"]) \
        if "see_also" in data else ("", "")
    check.raise_if_any()
    return Reply(slug=slug, order=order, title=title.strip(), when=" ".join(when.split()),
                 placeholders=tuple(declared),
                 message=Message(texts.get(("subject",), ""), texts[("body",)]),
                 short=Message(texts.get(("short", "subject"), texts.get(("subject",), "")), texts[("short", "body")],
                               limit),
                 avoid=tuple(item.strip() for item in avoid_items),
                 guide_text=guide_text, guide_link=guide_link,
                 see_also_text=see_also_text, see_also_link=see_also_link, in_thread=in_thread, spoken=spoken)


def _spoken(check: Checker, data: dict) -> bool:
    """`spoken: true` means no subject line anywhere; otherwise subject is required."""
    spoken = data.get("spoken", False)
    if not isinstance(spoken, bool):
        check.fail(("spoken",), "expected true or false")
        spoken = False
    short = data.get("short") if isinstance(data.get("short"), dict) else {}
    if spoken:
        for path, parent in ((("subject",), data), (("short", "subject"), short)):
            if path[-1] in parent:
                check.fail(path, "a spoken reply has no subject line: remove it")
    elif "subject" not in data:
        check.fail(("subject",), "missing (required)")
    return spoken


def check_spoken(body: str, placeholders: dict[str, Placeholder]) -> str | None:
    """Why a spoken message is too long to say in SPOKEN_SECONDS with long names in, or None."""
    names = [name for name in dict.fromkeys(placeholders_in(body)) if name in placeholders]
    text = fill(body, {name: placeholders[name].long_example for name in names}, placeholders)
    words = word_count(text)
    if words > MAX_SPOKEN_WORDS:
        return (f"{words} words with the long examples from replies/placeholders.yml filled in; a spoken reply "
                f"must be said in {SPOKEN_SECONDS} seconds, {MAX_SPOKEN_WORDS} words or fewer")
    return None


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


# ---------------------------------------------------------------- rendering


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _json_script(data: Any, **attrs: str) -> str:
    """Data for the page's script as a JSON block: never executed, so it is safe under any CSP."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    attributes = "".join(f' {k.rstrip("_")}="{_e(v)}"' for k, v in attrs.items())
    return f'<script type="application/json"{attributes}>{text}</script>'


def _message_html(message: Message, placeholders: dict[str, Placeholder], css: str) -> str:
    shown = {name: "" for name in placeholders}
    subject = _e(fill(message.subject, shown, placeholders))
    body = _e(fill(message.body, shown, placeholders))
    subject_line = (f'<p class="reply-subject"><span class="reply-subject-label">Subject:</span> {subject}</p>\n'
                    if message.subject else "")   # a spoken reply has none
    return (f'<div class="reply-text {css}">\n'
            f'{subject_line}'
            f'<pre class="reply-body">{body}</pre>\n'
            f'</div>')


EXAMPLE_MARKER = re.compile(r"<!-- reply-example: ([^ ]*?)(?: (short))? -->")


def expand_examples(markdown: str, page: str, library: Library) -> str:
    """Show reply examples on a guide page: each `<!-- reply-example: slug -->` (or
    `<!-- reply-example: slug short -->`) becomes that reply's message, exactly as its own page
    shows it, so a message lives in one place. page is the file name used in errors."""
    by_slug = {reply.slug: reply for reply in library.replies}
    problems = []

    def one(match: re.Match) -> str:
        reply = by_slug.get(match.group(1))
        if reply is None:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(page, line, "reply-example", f"{match.group(1)!r} is not a reply in replies/ "
                                                                f"(known: {', '.join(sorted(by_slug))})"))
            return match.group(0)
        message, css = (reply.short, "reply-text--short") if match.group(2) else (reply.message, "reply-text--full")
        return _message_html(message, library.placeholders, f"{css} reply-example")
    expanded = EXAMPLE_MARKER.sub(one, markdown)
    if problems:
        raise DefinitionError(problems)
    return expanded


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


def page_href(page: str, depth: int = 2) -> str:
    """A page under docs/ as a link from a page `depth` folders down: support/x.md#a -> ../../support/x/#a."""
    path, _, anchor = page.partition("#")
    path = path[: -len(".md")]
    path = "" if path == "index" else path[: -len("index")] if path.endswith("/index") else path + "/"
    return "../" * depth + path + (f"#{anchor}" if anchor else "")


def tone_rules_data(rules: list[ToneRule], depth: int = 2) -> list[dict]:
    """The tone rules as reply.js reads them (a page `depth` folders down resolves the links)."""
    out = []
    for r in rules:
        rule = {"id": r.id, "pattern": r.pattern, "why": r.why, "suggest": r.suggest}
        if r.link_page:
            rule["link"] = {"text": r.link_text, "href": page_href(r.link_page, depth)}
        out.append(rule)
    return out


THREAD_NOTE = ("If they wrote to you by email, answer in the same email thread: open their message, press "
               "Reply and paste this in. Their message stays underneath, so they can see at once what it is about.")


SPOKEN_NOTE = (f"These are words to say, not to send. Each version takes less than {SPOKEN_SECONDS} seconds "
               "to say at a calm pace. Read it aloud once or twice, then say it in your own way.")


SHORT_USE = "For a quick note, a text or a short message on a work network."
SHORT_USE_SPOKEN = "For a voicemail, if they do not pick up."


def page_markdown(reply: Reply, library: Library) -> str:
    """The Markdown of /replies/<slug>/: headings in Markdown (anchors, table of contents),
    the message itself as ready-made HTML so no Markdown rule can change its text."""
    known = library.placeholders
    data = {
        "slug": reply.slug,
        "placeholders": [{"name": n, "label": known[n].label, "hint": known[n].hint,
                          "autocomplete": known[n].autocomplete} for n in reply.placeholders],
        "message": {"subject": reply.message.subject, "body": reply.message.body},
        "short": {"subject": reply.short.subject, "body": reply.short.body},
    }
    if reply.spoken:
        data["spoken"] = True
    if reply.short.limit:
        data["short"]["limit"] = {"characters": reply.short.limit.characters, "where": reply.short.limit.where}
    slots = "".join(f"<li>[{_e(known[n].label)}]</li>" for n in reply.placeholders)
    avoid = "".join(f"<li>{_e(item)}</li>\n" for item in reply.avoid)
    guide = (f"\nMore about this moment in the guide: [{_md_escape(reply.guide_text)}](../{reply.guide_link}).\n"
             if reply.guide_link else "")
    if reply.see_also_link:
        guide += f"\nSee also: [{_md_escape(reply.see_also_text)}](../{reply.see_also_link}).\n"
    thread = f'\n<p class="reply-thread-note">{_e(THREAD_NOTE)}</p>\n' if reply.in_thread else ""
    if reply.spoken:
        thread = f'\n<p class="reply-spoken-note">{_e(SPOKEN_NOTE)}</p>\n'
    limit = reply.short.limit
    fits = (f"<p class=\"reply-limit-note\">It is kept to {limit.characters} characters or fewer, even with long "
            f"names filled in, to fit {_e(limit.where)}.</p>\n\n" if limit else "")
    # Curly quotes, as in the rest of the page's text (the build escapes every description once,
    # pipeline.escape_description, so a straight quote would be safe too).
    description = re.sub(r'"([^"]*)"', "\u201c\\1\u201d",
                         f"{reply.title}: an example message to fill in, copy and send. {reply.when}")
    return f"""---
description: {json.dumps(description, ensure_ascii=False)}
component: reply
---

# {_md_escape(reply.title)}

## When to use it {{#when-to-use-it}}

<p class="reply-when">{_e(reply.when)}</p>
{guide}
## The message {{#the-message}}
{thread}
<div class="reply" data-module="reply" data-slug="{reply.slug}">
{_json_script(data, class_="reply-data")}
<div class="reply-static">
<p>Before you send it, put in your own details where you see:</p>
<ul class="reply-placeholders">{slots}</ul>
{_message_html(reply.message, known, "reply-text--full")}
</div>
</div>

{_json_script(tone_rules_data(library.tone_rules), id="tone-rules")}

## What to avoid {{#what-to-avoid}}

<ul class="reply-avoid">
{avoid}</ul>

## A shorter version {{#shorter-version}}

<p>{SHORT_USE_SPOKEN if reply.spoken else SHORT_USE}</p>

{fits}{_message_html(reply.short, known, "reply-text--short")}

[All reply examples](index.md)
"""


def index_markdown(replies: list[Reply]) -> str:
    """The list that replaces <!-- reply-list --> on docs/replies/index.md: Markdown links,
    so MkDocs checks each one like any other link."""
    items = "\n".join(f"- [{_md_escape(r.title)}]({r.slug}.md)<br>\n"
                      f"  <span class=\"reply-list-when\">{_e(r.when)}</span>" for r in replies)
    return f'<div class="reply-list" markdown>\n\n{items}\n\n</div>'
