"""The offline bundle (bin/bundle) works opened straight from disk: pages, navigation, search,
and a worksheet that keeps its answers."""
from __future__ import annotations

import pytest

from tools.offline_bundle import build, classic_script


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline") / "after-the-no"
    assert build(out) == ["assets/link-kit.js", "assets/reply.js", "assets/worksheet.js"]
    return out


@pytest.fixture
def file_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("request", lambda r: not r.url.startswith(("file:", "data:", "blob:")) and page.errors.append(r.url))
    yield page
    context.close()


def test_classic_script_conversion():
    assert classic_script("export function a() {}\nexport const b = 1;\n", "x.js") == (
        '(() => {\n"use strict";\nfunction a() {}\nconst b = 1;\n\n})();\n')
    with pytest.raises(SystemExit):
        classic_script("import { a } from './a.js';\n", "x.js")


def test_pages_and_navigation_work_from_disk(bundle, file_page):
    file_page.goto((bundle / "index.html").as_uri())
    assert file_page.title() == "After the No"
    file_page.locator("nav.md-nav--primary a", has_text="Reflect on your interview").first.click()
    assert file_page.url == (bundle / "reflect.html").as_uri()
    assert file_page.title() == "Reflect on your interview - After the No"
    assert file_page.errors == []


def test_search_works_from_disk(bundle, file_page):
    file_page.goto((bundle / "index.html").as_uri())
    file_page.locator("input.md-search__input").click()
    file_page.keyboard.type("attire")
    first = file_page.locator(".md-search-result__item a").first
    first.wait_for()
    assert "reflect.html" in first.get_attribute("href")
    assert file_page.errors == []


def test_a_worksheet_saves_and_restores_from_disk(bundle, file_page):
    file_page.goto((bundle / "worksheets/index.html").as_uri())
    file_page.locator("article a[href$='interview-self-assessment.html']").first.click()
    field = file_page.locator("form.worksheet textarea").first
    field.fill("Opened from a USB stick")
    file_page.wait_for_timeout(300)
    file_page.reload()
    assert file_page.locator("form.worksheet textarea").first.input_value() == "Opened from a USB stick"
    assert file_page.errors == []
