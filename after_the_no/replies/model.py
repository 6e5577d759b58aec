"""The reply model: the dataclasses a reply file becomes, and filling in its placeholders."""
from __future__ import annotations

import re
from dataclasses import dataclass

NAME = r"[a-z][a-z0-9_]*"
PLACEHOLDER = re.compile(r"\{(" + NAME + r")\}")


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


def filled_length(text: str) -> int:
    """Characters as a person counts them (code points), the same as reply.js counts."""
    return len(text)
