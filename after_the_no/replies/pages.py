"""The reply pages: /replies/<slug>/, the list on /replies/ and the examples shown on guide pages."""
from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from after_the_no.definitions import DefinitionError, Problem
from after_the_no.i18n.interface import say
from after_the_no.replies.model import SPOKEN_SECONDS, Library, Message, Placeholder, Reply, ToneRule, fill


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _json_script(data: Any, **attrs: str) -> str:
    """Data for the page's script as a JSON block: never executed, so it is safe under any CSP."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    attributes = "".join(f' {k.rstrip("_")}="{_e(v)}"' for k, v in attrs.items())
    return f'<script type="application/json"{attributes}>{text}</script>'


def _message_html(message: Message, placeholders: dict[str, Placeholder], css: str,
                  words: Mapping[str, str]) -> str:
    shown = {name: "" for name in placeholders}
    subject = _e(fill(message.subject, shown, placeholders))
    body = _e(fill(message.body, shown, placeholders))
    subject_line = (f'<p class="reply-subject"><span class="reply-subject-label">{_e(say(words, "reply.subject-label"))}</span> {subject}</p>\n'
                    if message.subject else "")   # a spoken reply has none
    return (f'<div class="reply-text {css}">\n'
            f'{subject_line}'
            f'<pre class="reply-body">{body}</pre>\n'
            f'</div>')


EXAMPLE_MARKER = re.compile(r"<!-- reply-example: ([^ ]*?)(?: (short))? -->")


def expand_examples(markdown: str, page: str, library: Library, words: Mapping[str, str] | None = None) -> str:
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
        return _message_html(message, library.placeholders, f"{css} reply-example", words or {})
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


THREAD_NOTE = say({}, "render.reply.thread-note")   # in English (the tests read the English pages without it)


def page_markdown(reply: Reply, library: Library, words: Mapping[str, str] | None = None) -> str:
    """The Markdown of /replies/<slug>/: headings in Markdown (anchors, table of contents),
    the message itself as ready-made HTML so no Markdown rule can change its text. In the words
    of `words` (the staged config's extra.interface; English when None)."""
    words = words or {}
    w = {key: say(words, key) for key in (
        "render.reply.thread-note", "render.reply.short-use", "render.reply.short-use-spoken", "render.reply.when-heading",
        "render.reply.message-heading", "render.reply.fill-in", "render.reply.avoid-heading", "render.reply.short-heading",
        "render.reply.all")}
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
    guide = ("\n" + say(words, "render.reply.guide-link",
                        link=f"[{_md_escape(reply.guide_text)}](../{reply.guide_link})") + "\n" if reply.guide_link else "")
    if reply.see_also_link:
        guide += "\n" + say(words, "render.reply.see-also", link=f"[{_md_escape(reply.see_also_text)}](../{reply.see_also_link})") + "\n"
    thread = f'\n<p class="reply-thread-note">{_e(w["render.reply.thread-note"])}</p>\n' if reply.in_thread else ""
    if reply.spoken:
        thread = f'\n<p class="reply-spoken-note">{_e(say(words, "render.reply.spoken-note", seconds=SPOKEN_SECONDS))}</p>\n'
    limit = reply.short.limit
    fits = ('<p class="reply-limit-note">' + _e(say(words, "render.reply.limit-note", characters=limit.characters,
                                                     where=limit.where)) + "</p>\n\n" if limit else "")
    # Curly quotes, as in the rest of the page's text (the build escapes every description once,
    # pipeline.escape_description, so a straight quote would be safe too).
    description = re.sub(r'"([^"]*)"', "\u201c\\1\u201d",
                         say(words, "render.reply.description", title=reply.title, when=reply.when))
    return f"""---
description: {json.dumps(description, ensure_ascii=False)}
component: reply
---

# {_md_escape(reply.title)}

## {w["render.reply.when-heading"]} {{#when-to-use-it}}

<p class="reply-when">{_e(reply.when)}</p>
{guide}
## {w["render.reply.message-heading"]} {{#the-message}}
{thread}
<div class="reply" data-module="reply" data-slug="{reply.slug}">
{_json_script(data, class_="reply-data")}
<div class="reply-static">
<p>{_e(w["render.reply.fill-in"])}</p>
<ul class="reply-placeholders">{slots}</ul>
{_message_html(reply.message, known, "reply-text--full", words)}
</div>
</div>

{_json_script(tone_rules_data(library.tone_rules), id="tone-rules")}

## {w["render.reply.avoid-heading"]} {{#what-to-avoid}}

<ul class="reply-avoid">
{avoid}</ul>

## {w["render.reply.short-heading"]} {{#shorter-version}}

<p>{_e(w["render.reply.short-use-spoken"] if reply.spoken else w["render.reply.short-use"])}</p>

{fits}{_message_html(reply.short, known, "reply-text--short", words)}

[{w["render.reply.all"]}](index.md)
"""


def index_markdown(replies: list[Reply]) -> str:
    """The list that replaces <!-- reply-list --> on docs/replies/index.md: Markdown links,
    so MkDocs checks each one like any other link."""
    items = "\n".join(f"- [{_md_escape(r.title)}]({r.slug}.md)<br>\n"
                      f"  <span class=\"reply-list-when\">{_e(r.when)}</span>" for r in replies)
    return f'<div class="reply-list" markdown>\n\n{items}\n\n</div>'
