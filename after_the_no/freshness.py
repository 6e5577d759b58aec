"""When each page's facts were last checked, and when they are next due.

A guide, situation or support page is as fresh as the newest `checked` date of the sources in
sources.yml that cite it, or the `reviewed:` date in its own front matter, whichever is newer.
The next check is due six months later (as the NHS content standard asks). The staging step
(after_the_no/build/markers.py) appends one line saying both to every such page; bin/check-sources
lists the sources due for a re-check. Nothing here reads the clock: "today" is passed in.
"""
from __future__ import annotations

import calendar
import datetime
import html
from dataclasses import dataclass
from pathlib import Path

import yaml

from after_the_no.definitions import FAST_LOADER, FRONT_MATTER
from after_the_no.i18n.interface import say
from after_the_no.sources import Source

REVIEW_MONTHS = 6
# Pages that state facts or advice and so show their date: the four steps, every situation
# and support page (their index pages too).
STEP_PAGES = ("reflect.md", "respond.md", "reconnect.md", "move-forward.md")
SECTIONS = ("situations/", "support/")
CSS_CLASS = "facts-checked"
MONTHS = ("render.date.month.1", "render.date.month.2", "render.date.month.3", "render.date.month.4",
          "render.date.month.5", "render.date.month.6", "render.date.month.7", "render.date.month.8",
          "render.date.month.9", "render.date.month.10", "render.date.month.11", "render.date.month.12")


def human_date(day: datetime.date, words: dict | None = None) -> str:
    """A date as the pages write it, in the words of `words` (English when None: '1 December 2026')."""
    words = words or {}
    return say(words, "render.date.format", day=day.day, month=say(words, MONTHS[day.month - 1]), year=day.year)


@dataclass(frozen=True)
class Freshness:
    checked: datetime.date
    due: datetime.date

    def line(self, words: dict | None = None) -> str:
        """The line every dated page ends with (HTML, so no Markdown rule can change it)."""
        text = say(words or {}, "render.freshness.line", checked=human_date(self.checked, words), due=human_date(self.due, words))
        return f'<p class="{CSS_CLASS}">{html.escape(text, quote=False)}</p>'


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due(checked: datetime.date) -> datetime.date:
    return add_months(checked, REVIEW_MONTHS)


def is_dated(page: str) -> bool:
    """page is a docs/ path such as support/urgent-help.md."""
    return page in STEP_PAGES or page.startswith(SECTIONS)


def url_path(page: str) -> str:
    """docs/ path -> the URL path sources.yml uses: support/index.md -> support/, reflect.md -> reflect/."""
    stem = page[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def reviewed(page: str, markdown: str) -> datetime.date | None:
    """The page's own `reviewed:` date; a value that is not a date is an error."""
    match = FRONT_MATTER.match(markdown)
    meta = (yaml.load(match.group(1), Loader=FAST_LOADER) or {}) if match else {}
    value = meta.get("reviewed") if isinstance(meta, dict) else None
    if value is None:
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    raise ValueError(f"docs/{page}: reviewed: {value!r} is not a date written YYYY-MM-DD")


def page_freshness(page: str, markdown: str, sources: list[Source]) -> Freshness:
    """Raise ValueError (docs/<page>: message) for a dated page with no date to show."""
    url = url_path(page)
    dates = [s.checked for s in sources if url in s.pages]
    own = reviewed(page, markdown)
    if own:
        dates.append(own)
    if not dates:
        raise ValueError(f"docs/{page}: no source in sources.yml names /{url} in its pages, and the page's "
                         "front matter has no reviewed: date (write reviewed: YYYY-MM-DD when you check it)")
    newest = max(dates)
    return Freshness(newest, due(newest))


def with_freshness(page: str, markdown: str, sources: list[Source], words: dict | None = None) -> str:
    """The page's Markdown with its freshness line at the end (other pages unchanged)."""
    if not is_dated(page):
        return markdown
    return markdown.rstrip("\n") + "\n\n" + page_freshness(page, markdown, sources).line(words) + "\n"


def due_for_check(sources: list[Source], today: datetime.date) -> list[tuple[Source, datetime.date]]:
    """Each source whose next check is on or before today, with that date, oldest first."""
    late = [(s, due(s.checked)) for s in sources if due(s.checked) <= today]
    return sorted(late, key=lambda pair: (pair[1], pair[0].line))


def report(sources: list[Source], today: datetime.date, name: str = "sources.yml") -> str:
    """What bin/check-sources prints: each source due, its line, its URL and the pages citing it."""
    late = due_for_check(sources, today)
    if not late:
        return f"No source is due for a re-check on {today.isoformat()} ({len(sources)} sources)."
    lines = [f"{len(late)} of {len(sources)} sources are due for a re-check on {today.isoformat()}:"]
    for source, when in late:
        pages = ", ".join("/" + p for p in source.pages)
        lines.append(f"{name}:{source.line}: {source.organisation}: checked {source.checked.isoformat()}, "
                     f"due {when.isoformat()}\n  {source.source}\n  cited by {pages}")
    return "\n".join(lines)


def newest_checked(sources: list[Source], words: dict | None = None) -> str:
    """The newest check date, as the about page writes it."""
    return human_date(max(s.checked for s in sources), words)


def load(root: Path) -> list[Source]:
    from after_the_no.sources import load_sources
    return load_sources(root / "sources.yml")
