"""The reply pages: /replies/<slug>/, the list on /replies/ and the examples shown on guide pages."""
from __future__ import annotations

import html
import json
import re
from typing import Any

from after_the_no.definitions import DefinitionError, Problem
from after_the_no.replies.model import Library, Message, Placeholder, Reply, ToneRule, fill


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
    return (f'<div class="reply-text {css}">\n'
            f'<p class="reply-subject"><span class="reply-subject-label">Subject:</span> {subject}</p>\n'
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
    if reply.short.limit:
        data["short"]["limit"] = {"characters": reply.short.limit.characters, "where": reply.short.limit.where}
    slots = "".join(f"<li>[{_e(known[n].label)}]</li>" for n in reply.placeholders)
    avoid = "".join(f"<li>{_e(item)}</li>\n" for item in reply.avoid)
    guide = (f"\nMore about this moment in the guide: [{_md_escape(reply.guide_text)}](../{reply.guide_link}).\n"
             if reply.guide_link else "")
    if reply.see_also_link:
        guide += f"\nSee also: [{_md_escape(reply.see_also_text)}](../{reply.see_also_link}).\n"
    thread = f'\n<p class="reply-thread-note">{_e(THREAD_NOTE)}</p>\n' if reply.in_thread else ""
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

<p>For a quick note, a text or a short message on a work network.</p>

{fits}{_message_html(reply.short, known, "reply-text--short")}

[All reply examples](index.md)
"""


def index_markdown(replies: list[Reply]) -> str:
    """The list that replaces <!-- reply-list --> on docs/replies/index.md: Markdown links,
    so MkDocs checks each one like any other link."""
    items = "\n".join(f"- [{_md_escape(r.title)}]({r.slug}.md)<br>\n"
                      f"  <span class=\"reply-list-when\">{_e(r.when)}</span>" for r in replies)
    return f'<div class="reply-list" markdown>\n\n{items}\n\n</div>'
