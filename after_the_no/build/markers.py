"""The markers: generated lists inside hand-written docs/ pages, expanded through one registry
(MARKERS), and the one place a page's description is escaped."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from after_the_no import freshness, places, replies
from after_the_no.brand import PROJECT_ISSUES_URL
from after_the_no.build import link_kit
from after_the_no.build.config import BuildError, redirects
from after_the_no.build.url_contract import load_contract
from after_the_no.definitions import FAST_LOADER, FRONT_MATTER, DefinitionError
from after_the_no.edition import hooks as edition
from after_the_no.i18n import interface
from after_the_no.worksheets.html import Download, worksheet_list
from after_the_no.worksheets.model import Worksheet
from after_the_no.worksheets.summary import summary_html

SUMMARY_PAGE = ("worksheets/summary.md", "My answers")   # the "My answers" page, listed after the worksheets


@dataclass
class Context:
    """What the markers and generated pages are made from."""
    root: Path
    config: dict
    sheets: list[Worksheet]
    library: replies.Library
    downloads: dict[str, list[Download]]   # worksheet slug -> its downloads, sizes known
    packs: list[Download]
    pages: set[str] = field(default_factory=set)   # every staged .md file (src_uri)
    sources: list = field(default_factory=list)     # sources.yml: each page's "last checked" date
    examples: replies.Library | None = None   # every reply, omitted ones too (their examples show on guide pages)

    @property
    def words(self) -> dict[str, str]:
        """The page language's interface strings (the staged config's extra.interface)."""
        return interface.words(self.config)


def _up(page: str) -> str:
    return "../" * page.count("/")


@dataclass(frozen=True)
class Marker:
    """A marker in a docs/ page, replaced while staging. expand(context, page, markdown)
    returns the page's Markdown with every occurrence replaced; `required_on` names a page
    that must carry the marker (the list has nowhere else to go); a page with a marker that
    `needs_download_sizes` is written once the downloads' sizes are known."""
    name: str
    pattern: re.Pattern
    expand: Callable[[Context, str, str], str]
    required_on: str | None = None
    why: str = ""
    needs_download_sizes: bool = False


def _worksheet_list(ctx: Context, page: str, markdown: str) -> str:
    if page != "worksheets/index.md":
        raise BuildError(f"docs/{page}: <!-- worksheet-list --> belongs on docs/worksheets/index.md only")
    return markdown.replace("<!-- worksheet-list -->", worksheet_list(ctx.sheets, ctx.downloads, ctx.words))


def _answers_summary(ctx: Context, page: str, markdown: str) -> str:
    if page != SUMMARY_PAGE[0]:
        raise BuildError(f"docs/{page}: <!-- answers-summary --> belongs on docs/{SUMMARY_PAGE[0]} only")
    return markdown.replace("<!-- answers-summary -->", summary_html(ctx.sheets, ctx.config.get("site_name") or "", ctx.words))


def _print_pack(ctx: Context, page: str, markdown: str) -> str:
    links = "\n".join(f"- [{pack.text}]({_up(page)}{pack.path})" for pack in ctx.packs)
    return markdown.replace("<!-- print-pack -->", links)


def _reply_list(ctx: Context, page: str, markdown: str) -> str:
    return markdown.replace("<!-- reply-list -->", replies.index_markdown(ctx.library.replies))


def _reply_examples(ctx: Context, page: str, markdown: str) -> str:
    try:
        return replies.expand_examples(markdown, f"docs/{page}", ctx.examples or ctx.library, ctx.words)
    except DefinitionError as error:
        raise BuildError(str(error)) from None


def _link_kit(ctx: Context, page: str, markdown: str) -> str:
    try:
        entries = edition.link_kit(ctx.config, load_contract(ctx.root / "published-urls.yml"))
    except DefinitionError as error:
        raise BuildError(str(error)) from None
    moved = redirects(ctx.config)

    def source_of(url):
        stem = url.strip("/")
        for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
            target = candidate if candidate in ctx.pages else moved.get(candidate)
            if target and target in ctx.pages:
                return _up(page) + target
        raise BuildError(f"published-urls.yml: {url}: no page in docs/ builds this URL")

    return markdown.replace("<!-- link-kit -->", link_kit.render(entries, ctx.config.get("site_url") or "", source_of, ctx.words))


def _sources_checked(ctx: Context, page: str, markdown: str) -> str:
    return markdown.replace("<!-- sources-checked -->", freshness.newest_checked(ctx.sources, ctx.words))


def _contact(ctx: Context, page: str, markdown: str) -> str:
    return markdown.replace("<!-- contact -->", contact_markdown((ctx.config.get("extra") or {}).get("brand"), ctx.words))


def contact_markdown(brand: dict | None, words: dict[str, str]) -> str:
    """The about page's contact section in the page language: the careers service's own contact
    when branded; else the project's public issue list, with a plain warning not to post
    personal details there."""
    brand = brand or {}
    if brand.get("contact_url"):
        return interface.say(words, "render.about.contact.branded",
                             who=brand.get("organisation") or interface.say(words, "render.about.contact.who"),
                             label=brand.get("contact_label") or interface.say(words, "render.about.contact.label"),
                             url=brand["contact_url"])
    return (interface.say(words, "render.about.contact.project", url=PROJECT_ISSUES_URL) + "\n\n"
            + interface.say(words, "render.about.contact.public"))


MARKERS = [
    Marker("worksheet-list", re.compile(r"<!-- worksheet-list -->"), _worksheet_list,
           required_on="worksheets/index.md", why="the list of worksheets goes there", needs_download_sizes=True),
    Marker("print-pack", re.compile(r"<!-- print-pack -->"), _print_pack, needs_download_sizes=True),
    Marker("answers-summary", re.compile(r"<!-- answers-summary -->"), _answers_summary,
           required_on=SUMMARY_PAGE[0], why="the summary of every worksheet's answers goes there"),
    Marker("reply-list", re.compile(r"<!-- reply-list -->"), _reply_list,
           required_on="replies/index.md", why="the list of replies goes there"),
    Marker("link-kit", re.compile(r"<!-- link-kit -->"), _link_kit),
    Marker("reply-example", replies.EXAMPLE_MARKER, _reply_examples),
    Marker("places", places.MARKER, places.expand),
    Marker("sources-checked", re.compile(r"<!-- sources-checked -->"), _sources_checked),
    Marker("contact", re.compile(r"<!-- contact -->"), _contact,
           required_on="about.md", why="the about page promises a way to contact us"),
]


def needs_download_sizes(markdown: str) -> bool:
    """Whether a page carries a marker that lists downloads with their sizes."""
    return any(m.needs_download_sizes and m.pattern.search(markdown) for m in MARKERS)


def expand_markers(ctx: Context, page: str, markdown: str) -> str:
    """Every marker in one page's Markdown, replaced."""
    for marker in MARKERS:
        if marker.required_on == page and not marker.pattern.search(markdown):
            raise BuildError(f"docs/{page}: the marker {marker.pattern.pattern} is missing; {marker.why}")
        if marker.pattern.search(markdown):
            try:
                markdown = marker.expand(ctx, page, markdown)
            except DefinitionError as error:   # file:line: key: message, as every definition says it
                raise BuildError(str(error)) from None
    markdown = edition.page(ctx.config, page, markdown)   # local services in place, no link to an omitted page
    try:   # every guide, situation and support page ends with when its facts were checked
        return freshness.with_freshness(page, markdown, ctx.sources, ctx.words)
    except ValueError as error:
        raise BuildError(str(error)) from None




def escape_description(markdown: str) -> str:
    """The one place a page's description is escaped: both themes write `description:` into an
    attribute as it is, so a straight quote in it would end the attribute early."""
    match = FRONT_MATTER.match(markdown)
    if not match:
        return markdown
    meta = yaml.load(match.group(1), Loader=FAST_LOADER) or {}
    description = meta.get("description") if isinstance(meta, dict) else None
    if not description or html.escape(str(description), quote=True) == description:
        return markdown
    meta["description"] = html.escape(str(description), quote=True)
    return ("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100_000)
            + "---\n" + markdown[match.end():])


def final_markdown(ctx: Context, page: str, markdown: str) -> str:
    """A page as staged: its markers expanded, its description escaped."""
    return escape_description(expand_markers(ctx, page, markdown))
