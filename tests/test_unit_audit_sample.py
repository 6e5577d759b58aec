"""The audit's sample (audit_sample.py): what counts as a component, and that the pages chosen
carry every component any page has."""
from __future__ import annotations

from audit_sample import components, covering


def page(content: str) -> str:
    return f'<html><body><header class="md-header"><a href="/">x</a></header>' \
           f'<div class="md-content"><article class="md-typeset">{content}</article></div></body></html>'


def test_a_component_is_the_element_with_its_classes_attributes_and_ancestors():
    found = components(page('<p>a <a href="#x">b</a></p><ul><li><ul><li>c</li></ul></li></ul>'
                            '<input type="checkbox" id="i1" checked>'))
    top = ("div.md-content[]", "article.md-typeset[]")
    assert found == {top[:1], top, top + ("p[]",), top + ("p[]", "a[href]"), top + ("ul[]",), top + ("ul[]", "li[]"),
                     top + ("ul[]", "li[]", "ul[]"), top + ("ul[]", "li[]", "ul[]", "li[]"), top + ("input[checked,id,type=checkbox]",)}


def test_nothing_outside_the_content_area_is_a_component():
    assert components('<html><body><header class="md-header"><a href="/">x</a></header></body></html>') == frozenset()


def test_the_pages_chosen_carry_every_component_the_pages_of_each_kind_first():
    pages = {"a/": components(page("<p>x</p>")), "b/": components(page("<p>x</p><table><tr><td>1</td></tr></table>")),
             "c/": components(page("<p>x</p>")), "d/": components(page('<p class="note">x</p>')),
             "e/": components(page('<p class="note">x</p><table><tr><td>1</td></tr></table>'))}
    chosen = covering(pages, ("c/",))
    assert chosen == ["c/", "e/"]
    assert frozenset().union(*(pages[p] for p in chosen)) == frozenset().union(*pages.values())
    assert covering(pages, ("b/", "a/")) == ["b/", "a/", "d/"]
    # Equal gains go to the first page in URL order: b/ and e/ each add six components.
    assert covering(pages, ()) == ["b/", "d/"]
