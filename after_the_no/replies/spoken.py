"""Spoken replies (a phone script, a voicemail): said aloud, so no subject line and no mailto,
and short enough to say in SPOKEN_SECONDS with long names filled in."""
from __future__ import annotations

from after_the_no.definitions import Checker
from after_the_no.replies.model import MAX_SPOKEN_WORDS, SPOKEN_SECONDS, Placeholder, fill, placeholders_in, word_count


def spoken_setting(check: Checker, data: dict) -> bool:
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
