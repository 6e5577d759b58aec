"""places.yml (after_the_no/places.py): six places, each with an emergency route and a crisis line,
every route citing real sources.yml ids; a mistake stops the build with file:line: key: message."""
from __future__ import annotations

import types

import pytest

from after_the_no.definitions import DefinitionError
from after_the_no.places import PLACES, expand, load_places
from conftest import ROOT

SOURCES = """\
- id: uk-999
  claim: In the UK, call 999 in an emergency.
  organisation: Shout
  pages: [support/urgent-help/]
  facts: ["999"]
  source: https://giveusashout.org/about-us/faq/
  checked: 2026-12-03
- id: samaritans
  claim: Samaritans answer calls free on 116 123.
  organisation: Samaritans
  pages: [support/urgent-help/]
  facts: ["116 123"]
  source: https://www.samaritans.org/how-we-can-help/contact-samaritan/
  checked: 2026-12-03
"""


def place(place_id: str, crisis: str = "      - text: Call **116 123**.\n        source: samaritans\n") -> str:
    return (f"- id: {place_id}\n  name: {place_id.title()}\n  routes:\n    emergency:\n"
            f"      - text: Call **999**.\n        source: uk-999\n    crisis:\n{crisis}")


GOOD = "".join(place(p) for p in PLACES)


def write(tmp_path, places_text, sources_text=SOURCES):
    (tmp_path / "places.yml").write_text(places_text, encoding="utf-8")
    (tmp_path / "sources.yml").write_text(sources_text, encoding="utf-8")
    return tmp_path


def errors(tmp_path, places_text) -> list[str]:
    root = write(tmp_path, places_text)
    with pytest.raises(DefinitionError) as error:
        load_places(root / "places.yml", root / "sources.yml")
    return str(error.value).splitlines()


def test_the_project_places_file_has_every_place_with_an_emergency_route_and_a_crisis_line():
    places = load_places(ROOT / "places.yml", ROOT / "sources.yml")
    assert [p.id for p in places] == list(PLACES)
    assert [p.name for p in places] == ["England", "Wales", "Scotland", "Northern Ireland", "United States",
                                        "Somewhere else"]
    problems = [f"{p.id}: no {topic} route" for p in places for topic in ("emergency", "crisis") if not p.routes.get(topic)]
    assert not problems, "\n".join(problems)


def test_a_good_file_loads(tmp_path):
    root = write(tmp_path, GOOD)
    places = load_places(root / "places.yml", root / "sources.yml")
    assert [p.id for p in places] == list(PLACES)
    assert places[0].routes["crisis"][0].text == "Call **116 123**."
    assert places[0].routes["crisis"][0].sources == ("samaritans",)


def test_a_place_without_a_crisis_line_stops_the_build(tmp_path):
    broken = GOOD.replace(place("wales"), place("wales", crisis="      []\n").replace("    crisis:\n      []\n", "    crisis: []\n"))
    assert errors(tmp_path, broken) == ["places.yml:16: [1].routes.crisis: must not be empty"]


def test_a_place_without_an_emergency_route_stops_the_build(tmp_path):
    broken = GOOD.replace("- id: us\n  name: Us\n  routes:\n    emergency:\n      - text: Call **999**.\n        source: uk-999\n",
                          "- id: us\n  name: Us\n  routes:\n")
    assert errors(tmp_path, broken) == ["places.yml:39: [4].routes.emergency: missing (required)"]


def test_an_unknown_source_id_a_relative_link_and_an_unknown_topic_are_each_reported(tmp_path):
    broken = (GOOD.replace("        source: samaritans\n", "        source: samaritan\n", 1)
              .replace("      - text: Call **999**.\n", "      - text: See [this](../support/urgent-help.md).\n", 1)
              .replace("    crisis:\n", "    weather:\n      - text: Sunny.\n    crisis:\n", 1))
    assert errors(tmp_path, broken) == [
        "places.yml:5: [0].routes.emergency[0].text: links must be https:// addresses (the same text is on pages at every depth)",
        "places.yml:7: [0].routes.weather: unknown key (allowed: crisis, emergency, health, money, rights, study)",
        "places.yml:11: [0].routes.crisis[0].source: 'samaritan' is not the id of any entry in sources.yml",
    ]


def test_the_places_must_be_the_six_in_order(tmp_path):
    swapped = place("wales") + place("england") + "".join(place(p) for p in PLACES[2:])
    assert errors(tmp_path, swapped) == [
        "places.yml:1: (top): the places must be england, wales, scotland, northern-ireland, us, elsewhere, "
        "in that order (got wales, england, scotland, northern-ireland, us, elsewhere)"]
    assert errors(tmp_path, GOOD.replace("- id: us\n", "- id: usa\n")) == [
        "places.yml:37: [4].id: 'usa' is not one of england, wales, scotland, northern-ireland, us, elsewhere"]


def test_the_marker_renders_every_place_and_one_control(tmp_path):
    root = write(tmp_path, GOOD)
    ctx = types.SimpleNamespace(root=root, config={})
    page = "---\ndescription: x\n---\n# Help\n\n<!-- places: emergency crisis anchor-uk -->\n\n## Later\n\n<!-- places: crisis -->\n"
    out = expand(ctx, "support/x.md", page)
    assert out.startswith("---\ncomponent: places\ndescription: x\n---\n")
    assert out.count('<select id="place-choice"') == 1
    assert [line for line in out.splitlines() if line.startswith("<h3")] == (
        [f'<h3 class="place__name" id="{p}">{p.title()}</h3>' for p in PLACES]
        + [f'<h3 class="place__name" id="crisis-{p}">{p.title()}</h3>' for p in PLACES])
    assert out.count('<span id="uk"></span>') == 1
    assert out.count("- Call **999**.") == 6 and out.count("- Call **116 123**.") == 12
    assert out.count('<div class="place__routes" data-topic="crisis" markdown>') == 12


def test_a_no_search_block_keeps_each_place_out_of_the_search_index(tmp_path):
    ctx = types.SimpleNamespace(root=write(tmp_path, GOOD), config={})
    page = "# Help\n\n<!-- places: crisis -->\n\n## Later\n\n<!-- places: money crisis no-search -->\n"
    sections = [line for line in expand(ctx, "support/x.md", page).splitlines() if line.startswith("<section")]
    assert sections == [f'<section class="place" data-place="{p}" markdown>' for p in PLACES] + \
        [f'<section class="place" data-place="{p}" data-search-exclude="" markdown>' for p in PLACES]


def test_a_bad_marker_or_another_component_stops_the_build(tmp_path):
    ctx = types.SimpleNamespace(root=write(tmp_path, GOOD), config={})
    with pytest.raises(DefinitionError) as error:
        expand(ctx, "support/x.md", "# Help\n\n<!-- places: crisis weather -->\n")
    assert str(error.value) == ("docs/support/x.md:3: places: weather: name topics from emergency, crisis, health, "
                                "rights, money, study (and optionally anchor-uk or topic-ids or no-search)")
    with pytest.raises(DefinitionError) as error:
        expand(ctx, "support/x.md", "---\ncomponent: reply\n---\n<!-- places: crisis -->\n")
    assert str(error.value) == "docs/support/x.md:1: component: 'reply': a page with <!-- places --> needs component: places"
