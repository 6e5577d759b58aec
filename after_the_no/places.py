"""places.yml: where to get help, for each place a reader can be, in one file.

Each of the six places (England, Wales, Scotland, Northern Ireland, the United States and
"somewhere else") lists its routes by topic: the emergency number, crisis lines, the health
route, rights routes, money routes and who to ask about a student visa. Every route names the
sources.yml entry (`id`) its facts come from, so a number is written once and sourced once.

A page shows them with one marker, `<!-- places: TOPIC [TOPIC ...] [anchor-uk] [topic-ids] [no-search] -->`. Every
place's routes are written into the page, each under its own heading, so the page is complete
without JavaScript; the first block on a page also carries the "Where are you?" control that
docs/assets/places.js wires up (it puts the chosen place first). `anchor-uk` keeps a published
`#uk` anchor working, just before the first UK nation. `topic-ids` gives the first block's place
headings `<topic>-<place>` ids, like later blocks, on a page whose own headings already hold a
published `#us` or `#elsewhere`. A mistake stops the build with
`places.yml:line: key: message`, or `docs/page.md:line: places: message` for a bad marker.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from after_the_no.definitions import Checker, DefinitionError, Problem, load
from after_the_no.i18n.interface import fill, say, text_of
from after_the_no.i18n.us_english import english
from after_the_no.sources import load_sources

# The six places, in the order the pages show them. places.js takes the list from the page, so
# a stored value that is not one of these is ignored there too.
PLACES = ("england", "wales", "scotland", "northern-ireland", "us", "elsewhere")
UK_NATIONS = PLACES[:4]
# The topics a place's routes are grouped by, and what each holds.
TOPICS = {
    "emergency": "In an emergency",
    "crisis": "Talk to someone now",
    "health": "Health services",
    "rights": "Advice on your rights",
    "money": "Help with money",
    "study": "Who to ask about your visa",
}
# Every place must always say how to get help in an emergency and who to talk to now.
REQUIRED_TOPICS = ("emergency", "crisis")
MARKER = re.compile(r"<!-- places: ([a-z -]+?) -->")
OPTIONS = ("anchor-uk", "topic-ids", "no-search")
HTTPS_LINK = re.compile(r"\]\((?!https://)[^)]*\)")


@dataclass(frozen=True)
class Route:
    text: str                 # Markdown, one list item; links are https:// only
    sources: tuple[str, ...]  # sources.yml ids (none for plain advice)


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    routes: dict[str, tuple[Route, ...]]   # topic -> routes, in order


def load_places(path: Path, sources_path: Path, name: str = "places.yml") -> list[Place]:
    """The six places, validated; every problem as `places.yml:line: key: message`."""
    known = {s.id for s in load_sources(sources_path) if s.id}
    doc = load(path, name)
    check = Checker(doc)
    places = []
    items = check.sequence((), doc.data) or []
    for i, item in enumerate(items):
        if check.mapping((i,), item, {"id", "name", "routes"}) is None:
            continue
        place_id = check.one_of((i, "id"), item.get("id"), list(PLACES))
        place_name = check.text((i, "name"), item.get("name"))
        routes = _routes(check, (i, "routes"), item.get("routes"), known)
        if None not in (place_id, place_name, routes):
            places.append(Place(place_id, place_name.strip(), routes))
    ids = [item.get("id") for item in items if isinstance(item, dict)]
    if ids and ids != list(PLACES) and not check.problems:
        check.fail((), f"the places must be {', '.join(PLACES)}, in that order (got {', '.join(map(str, ids))})")
    check.raise_if_any()
    return places


def _routes(check: Checker, path, value, known: set[str]) -> dict[str, tuple[Route, ...]] | None:
    if check.mapping(path, value, set(REQUIRED_TOPICS), set(TOPICS) - set(REQUIRED_TOPICS)) is None:
        return None
    out, good = {}, True
    for topic, items in value.items():
        if topic not in TOPICS:
            good = False
            continue
        if check.sequence(path + (topic,), items) is None:   # an empty list is reported there too
            good = False
            continue
        routes = []
        for j, item in enumerate(items):
            where = path + (topic, j)
            if check.mapping(where, item, {"text"}, {"source"}) is None:
                good = False
                continue
            text = check.text(where + ("text",), item.get("text"))
            if text and HTTPS_LINK.search(text):
                check.fail(where + ("text",), "links must be https:// addresses (the same text is on pages at every depth)")
                text = None
            # A route that states a fact cites its entry; plain advice ("ask a local advice centre")
            # needs none. tests/test_html_sources.py still finds any number or name left unsourced.
            ids = item.get("source", [])
            ids = [ids] if isinstance(ids, str) else ids
            if not isinstance(ids, list) or not all(isinstance(x, str) for x in ids):
                check.fail(where + ("source",), "expected a sources.yml id, or a list of them")
                ids = None
            else:
                for x in ids:
                    if x not in known:
                        check.fail(where + ("source",), f"{x!r} is not the id of any entry in sources.yml")
                        ids = None
                        break
            if text is None or ids is None:
                good = False
                continue
            routes.append(Route(" ".join(text.split()), tuple(ids)))
        out[topic] = tuple(routes)
    return out if good else None


# --- the marker -----------------------------------------------------------------------------

def expand(ctx, page: str, markdown: str) -> str:
    """Replace every places marker on one docs/ page (ctx.root holds places.yml)."""
    places = _cached(ctx.root)
    if english(ctx.config) == "us":   # a US college's build: the United States first
        places = sorted(places, key=lambda place: place.id != "us")
    problems, blocks = [], 0

    def one(match: re.Match) -> str:
        nonlocal blocks
        words = match.group(1).split()
        topics = [w for w in words if w in TOPICS]
        unknown = [w for w in words if w not in TOPICS and w not in OPTIONS]
        if unknown or not topics:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(f"docs/{page}", line, "places",
                                    f"{' '.join(unknown) or 'no topic'}: name topics from {', '.join(TOPICS)} "
                                    f"(and optionally {' or '.join(OPTIONS)})"))
            return match.group(0)
        blocks += 1
        return render(places, topics, first=blocks == 1, anchor_uk="anchor-uk" in words,
                      topic_ids="topic-ids" in words, searched="no-search" not in words,
                      words=getattr(ctx, "words", None))

    expanded = MARKER.sub(one, markdown)
    if problems:
        raise DefinitionError(problems)
    return _with_component(expanded, page)


def _with_component(markdown: str, page: str) -> str:
    """The page loads places.js and places.css: its front matter names the component."""
    if not markdown.startswith("---\n"):
        return "---\ncomponent: places\n---\n" + markdown
    head, _, rest = markdown[4:].partition("\n---\n")
    found = re.search(r"^component:\s*(\S+)", head, re.M)
    if found and found.group(1) != "places":
        raise DefinitionError([Problem(f"docs/{page}", 1, "component",
                                       f"{found.group(1)!r}: a page with <!-- places --> needs component: places")])
    return markdown if found else f"---\ncomponent: places\n{head}\n---\n{rest}"


_CACHE: dict[tuple, list[Place]] = {}


def _cached(root: Path) -> list[Place]:
    files = (root / "places.yml", root / "sources.yml")
    key = tuple((f, f.stat().st_mtime_ns) for f in files)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_places(*files)
    return _CACHE[key]


def render(places: list[Place], topics: list[str], first: bool, anchor_uk: bool = False,
           topic_ids: bool = False, searched: bool = True, words: dict | None = None) -> str:
    """One block: (on the page's first block) the control, then every place under its heading.
    The headings' ids are the place ids in the first block and `<topic>-<place>` in later ones
    (and in the first one too with topic_ids). `searched=False` (the marker's no-search) leaves
    the places out of the search index (Material's data-search-exclude, on each place's
    <section>: its parser ends an exclusion at the first closing tag of the same name, so it
    cannot sit on the block's <div>, which holds more divs): a page with a short
    block beside its own subject is not a search result for every route in it, and each such
    block would add its six places' routes to the index every page downloads."""
    prefix = "" if first and not topic_ids else f"{topics[0]}-"
    exclude = "" if searched else ' data-search-exclude=""'
    out = [f'<div class="places" data-module="places" data-topics="{" ".join(topics)}" markdown>', ""]
    if first:
        out += [_control(places, prefix, words or {}), ""]
    for place in places:
        if anchor_uk and place.id == UK_NATIONS[0]:
            out += ['<span id="uk"></span>', ""]
        out += [f'<section class="place" data-place="{place.id}"{exclude} markdown>', "",
                f'<h3 class="place__name" id="{prefix}{place.id}">{html.escape(place.name)}</h3>', ""]
        for topic in topics:
            if routes := place.routes.get(topic, ()):
                # Each route names itself ("**Emergency:**", "**Samaritans:**"): no label per topic,
                # which on a phone would be one more short line between the reader and the number.
                out += [f'<div class="place__routes" data-topic="{topic}" markdown>', ""]
                out += [f"- {route.text}" for route in routes] + ["", "</div>", ""]
        out += ["</section>", ""]
    out.append("</div>")
    return "\n".join(out)


def _control(places: list[Place], prefix: str = "", words: dict | None = None) -> str:
    """The "Where are you?" choice: hidden until places.js starts. Without JavaScript a line of
    links jumps to each place instead."""
    options = "".join(f'<option value="{p.id}">{html.escape(p.name)}</option>' for p in places)
    jumps = " · ".join(f'<a href="#{prefix}{p.id}">{html.escape(p.name)}</a>' for p in places)
    words = words or {}
    return (f'<p class="places__jump">{fill(html.escape(text_of(words, "render.places.jump"), quote=False), places=jumps)}</p>\n'
            '<div class="places__choose" hidden>'
            f'<label for="place-choice">{html.escape(say(words, "render.places.where"), quote=False)}</label> '
            f'<select id="place-choice" class="places__select"><option value="">'
            f'{html.escape(say(words, "render.places.all"), quote=False)}</option>{options}</select>'
            '<p class="places__status" role="status"></p></div>')
