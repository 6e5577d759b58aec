"""The offline bundle (bin/bundle) works opened straight from disk: pages, navigation, search,
and a worksheet that keeps its answers."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tools.offline_bundle import classic_script


@pytest.fixture(scope="module")
def bundle(offline_bundle):
    """The bundle, built once per run (conftest.py offline_bundle, with a careers service's brand)."""
    return offline_bundle[0]


def test_the_bundle_turns_every_module_into_a_classic_script(offline_bundle):
    assert offline_bundle[1] == ["assets/answers.js", "assets/enhance.js", "assets/entries.js", "assets/link-kit.js",
                                 "assets/offline.js", "assets/places.js", "assets/privacy.js", "assets/reply.js",
                                 "assets/summary.js", "assets/worksheet.js"]


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
        classic_script("import { a } from 'https://example.org/a.js';\n", "x.js")
    with pytest.raises(SystemExit):
        classic_script("const here = import.meta.url;\n", "x.js")


def test_an_import_of_our_own_module_is_inlined_in_its_own_scope():
    shared = "export const a = 1;\nconst el = 2;\nexport function b() { return el; }\n"
    script = classic_script('import { a, b as c } from "./shared.js";\nconst el = a + c();\n', "x.js",
                            {"shared.js": shared}.__getitem__)
    assert script == ('(() => {\n"use strict";\nconst { a, b: c } = (() => {\nconst a = 1;\nconst el = 2;\n'
                      'function b() { return el; }\n\nreturn { a, b };\n})();\nconst el = a + c();\n\n})();\n')
    with pytest.raises(SystemExit, match="shared.js: imports another module"):
        classic_script('import { a } from "./shared.js";\n', "x.js", lambda name: 'import { z } from "./z.js";\n')


def test_no_service_worker_or_manifest_from_disk(bundle):
    assert not (bundle / "sw.js").exists() and not (bundle / "manifest.webmanifest").exists()
    for page in ["index.html", "about.html", "worksheets/momentum-plan.html"]:
        html = (bundle / page).read_text("utf-8")
        assert "offline.js" not in html and 'rel="manifest"' not in html, page


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
    file_page.get_by_role("button", name="Save my answers on this device").click()
    assert file_page.locator(".ws-status").text_content() == "Saving on this device"
    file_page.wait_for_timeout(300)
    file_page.reload()
    assert file_page.locator("form.worksheet textarea").first.input_value() == "Opened from a USB stick"
    assert file_page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('after-the-no:')).sort()") == [
        "after-the-no:save", "after-the-no:worksheet:interview-self-assessment"]
    assert file_page.errors == []


def test_forget_everything_works_from_disk(bundle, file_page):
    file_page.goto((bundle / "worksheets/momentum-plan.html").as_uri())
    file_page.fill("#ws-main-goal", "From a USB stick")
    file_page.get_by_role("button", name="Save my answers on this device").click()
    file_page.goto((bundle / "about.html").as_uri())
    file_page.get_by_role("button", name="Forget everything", exact=True).click()
    expect(file_page.locator(".forget-list li")).to_have_text([
        "Your answers to 1 worksheet: Momentum plan.", "Your choice about saving answers on this device."])
    file_page.get_by_role("button", name="Yes, forget everything").click()
    assert file_page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('after-the-no:'))") == []
    assert file_page.errors == []
