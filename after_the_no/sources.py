"""sources.yml: where every fact about the world that the site states comes from.

Each entry is one claim: the organisation, the built pages that state it, the exact strings
(`facts`) those pages show for it, the official page it was read on and the date it was checked.
Loading reports every problem as `file:line: key: message`, like the other definition files.

The finders below pick out of a page's text the things that need a source: phone and text
numbers, time limits in a legal context, and the names of known organisations. A test
(tests/test_html_sources.py) checks that each one found on a built page is in the `facts` of an
entry for that page.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from after_the_no.definitions import Checker, load

KEYS = {"claim", "organisation", "pages", "facts", "source", "checked"}
OPTIONAL = {"id"}   # a name places.yml uses to cite the entry
PAGE_PATH = re.compile(r"(?:[a-z0-9-]+/)*")           # "" is home, "support/urgent-help/" a page
HTTPS_URL = re.compile(r"https://[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:/\S*)?", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    claim: str
    organisation: str
    pages: tuple[str, ...]
    facts: tuple[str, ...]
    source: str
    checked: datetime.date
    line: int
    id: str | None = None


def load_sources(path: Path, name: str = "sources.yml") -> list[Source]:
    doc = load(path, name)
    check = Checker(doc)
    out, seen = [], {}
    for i, item in enumerate(check.sequence((), doc.data) or []):
        if check.mapping((i,), item, KEYS, OPTIONAL) is None:
            continue
        source_id = check.slug((i, "id"), item.get("id")) if "id" in item else None
        if source_id in seen:
            check.fail((i, "id"), f"{source_id!r} is already the id of the entry at line {seen[source_id]}")
        elif source_id:
            seen[source_id] = doc.line((i,))
        claim = check.text((i, "claim"), item.get("claim")) if "claim" in item else None
        organisation = check.text((i, "organisation"), item.get("organisation")) if "organisation" in item else None
        pages = _strings(check, (i, "pages"), item.get("pages")) if "pages" in item else None
        for j, page in enumerate(pages or []):
            if not PAGE_PATH.fullmatch(page):
                check.fail((i, "pages", j), f"{page!r} must be a built page's URL path, such as "
                                            "support/urgent-help/ ('' for home)")
        facts = _strings(check, (i, "facts"), item.get("facts"), allow_empty_string=False) if "facts" in item else None
        source = check.text((i, "source"), item.get("source")) if "source" in item else None
        if source and not HTTPS_URL.fullmatch(source):
            check.fail((i, "source"), f"{source!r} is not an https:// address")
            source = None
        checked = _date(check, (i, "checked"), item.get("checked")) if "checked" in item else None
        if None not in (claim, organisation, pages, facts, source, checked):
            out.append(Source(claim.strip(), organisation.strip(), tuple(pages), tuple(normalise(f) for f in facts),
                              source, checked, doc.line((i,)), source_id))
    check.raise_if_any()
    return out


def _strings(check: Checker, path, value, allow_empty_string: bool = True) -> list[str] | None:
    if check.sequence(path, value) is None:
        return None
    good = True
    for j, item in enumerate(value):
        if not isinstance(item, str) or (not allow_empty_string and not item.strip()):
            check.fail(path + (j,), "expected non-empty text" if isinstance(item, str) else
                       f"expected text, got {type(item).__name__}")
            good = False
    return value if good else None


def _date(check: Checker, path, value) -> datetime.date | None:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    check.fail(path, f"{value!r} is not a date written YYYY-MM-DD")
    return None


def newest_check(sources: list[Source]) -> datetime.date:
    return max(s.checked for s in sources)


def human_date(day: datetime.date) -> str:
    """2026-12-01 -> '1 December 2026', as the about page writes it."""
    return f"{day.day} {day:%B %Y}"


# --- what needs a source ----------------------------------------------------------------------

def normalise(text: str) -> str:
    """One space between words; no-break spaces and curly apostrophes as plain ones."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split())


PHONE = re.compile(r"""(?<![\w.+-])(?:
      \+?1-\d{3}-\d{3}-\d{4}          # US toll-free: 1-800-669-4000
    | \(\d{3}\)\s?\d{3}-\d{4}         # (800) 669-4000
    | \d{3}-\d{3}-\d{4}               # 800-669-4000
    | \+44\s?\d{2,4}\s?\d{3,4}\s?\d{3,4}
    | 0\d{2,4}\s\d{3,4}\s?\d{3,4}     # UK: 0300 123 1100, 0808 800 0082, 020 7946 0000
    | 116\s?\d{3}                     # UK and EU helplines: 116 123
    | \d{5,6}                         # text short codes: 85258
    | 111 | 999 | 988 | 911 | 112     # emergency and crisis short numbers
)(?![\w-])""", re.VERBOSE)

NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|"
                "twenty|thirty|forty-five|sixty|ninety")
TIME_PHRASE = re.compile(
    rf"\b(?:\d+|{NUMBER_WORDS})\s+(?:(?:calendar|working|business)\s+)?(?:day|week|month|year)s?\b"
    r"(?:\s+(?:minus|less)\s+(?:1|one)\s+day)?", re.IGNORECASE)
# A time phrase needs a source only in a sentence about the law or a formal process; the guide's
# own timing advice ("wait two weeks, then send one reminder") does not.
LEGAL_CONTEXT = re.compile(
    r"\b(?:time limits?|deadlines?|claims?|charges?|tribunals?|laws?|legal|lawful|unlawful|filing|"
    r"respond|counsell?or|GDPR|EEOC|Acas|ICO)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s for block in text.split("\n") for s in SENTENCE_END.split(normalise(block)) if s]


def find_numbers(text: str) -> list[str]:
    return [m.group(0) for s in sentences(text) for m in PHONE.finditer(s)]


def find_time_limits(text: str) -> list[str]:
    return [m.group(0) for s in sentences(text) if LEGAL_CONTEXT.search(s) for m in TIME_PHRASE.finditer(s)]


def find_organisations(text: str, names: list[str]) -> list[str]:
    """Known organisation names on the page: whole words, exact case ("ICO", not "icon")."""
    flat = normalise(text)
    return [name for name in names if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flat)]


def uncovered(found: list[str], facts: list[str]) -> list[str]:
    """Each string found that no fact for the page contains (case-insensitive), once each."""
    lowered = [f.lower() for f in facts]
    missing = []
    for item in found:
        if not any(normalise(item).lower() in f for f in lowered) and item not in missing:
            missing.append(item)
    return missing
