"""The offline copy in Chromium (issue 14): after one visit the whole guide, search and the
worksheets work with no connection, under the site's Content-Security-Policy; a new deploy is
served after two reloads; nothing from another host is cached."""
from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect

from after_the_no.build import offline_cache
from after_the_no.build.headers import headers_for, parse
from conftest import serve
from audit_checks import RECORD_CSP_VIOLATIONS

READY = "() => navigator.serviceWorker.controller !== null"
CACHES = "async () => (await caches.keys()).filter(n => n.startsWith('after-the-no:offline:'))"


@pytest.fixture
def site_copy(site_dir, tmp_path):
    """A copy of the built site (a test may redeploy it), served with its `_headers`."""
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    rules = parse((copy / "_headers").read_text("utf-8"))
    url, server = serve(copy, lambda path: headers_for(rules, path))
    yield copy, url
    server.shutdown()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    yield context
    context.close()


def until(page, condition: str) -> None:
    """Wait until the async JS `condition` (about caches or workers, which change in the
    background) is true; fails after 60 s."""
    assert page.evaluate(f"""async () => {{
        for (let i = 0; i < 600; i++) {{
            if (await ({condition})()) return true;
            await new Promise(r => setTimeout(r, 100));
        }}
        return false;
    }}"""), condition


def first_visit(context, url):
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    page.wait_for_function(READY)  # installed: every file cached, and this page now controlled
    return page


def version_of(site):
    return (site / "sw.js").read_text("utf-8").split('const CACHE = PREFIX + "', 1)[1][:16]


def test_after_one_visit_pages_search_and_worksheets_work_offline(site_copy, context):
    site, url = site_copy
    page = first_visit(context, url)
    names = page.evaluate(CACHES)
    assert names == [f"after-the-no:offline:{url}:{version_of(site)}"]
    cached = page.evaluate("async name => (await (await caches.open(name)).keys()).map(r => r.url)", names[0])
    assert sorted(cached) == sorted(url + ("" if u == "./" else u) for u in offline_cache.cached_urls(site))
    assert all(u.startswith(url) for u in cached)  # nothing from another host

    context.set_offline(True)
    page.goto(url + "reflect/")
    assert page.title() == "Reflect on your interview - After the No"
    page.locator("input.md-search__input").click()
    page.keyboard.type("attire")
    expect(page.locator(".md-search-result__item a").first).to_have_attribute("href", re.compile(r"reflect/"))
    page.goto(url + "worksheets/momentum-plan/")
    page.fill("#ws-main-goal", "Written on a train")
    page.get_by_role("button", name="Save my answers on this device").click()
    page.reload()
    assert page.input_value("#ws-main-goal") == "Written on a train"
    pdf = page.evaluate("async () => { const r = await fetch('../../downloads/momentum-plan-a4.pdf');"
                        " return [r.status, (await r.text()).slice(0, 5)]; }")
    assert pdf == [200, "%PDF-"]
    page.goto(url + "no-such-page/")
    assert page.locator("h1").first.text_content() == "404 - Not found"
    assert page.evaluate("window.__csp") == []
    assert page.errors == []


def test_a_new_deploy_shows_after_two_reloads(site_copy, context):
    site, url = site_copy
    page = first_visit(context, url + "reflect/")
    old = page.locator("h1").first.text_content().rstrip("¶")
    # Redeploy: a page changes, and the finishing step writes the manifest and worker again.
    html = (site / "reflect/index.html").read_text("utf-8")
    (site / "reflect/index.html").write_text(html.replace(f'<h1 id="reflect-on-your-interview">{old}<', '<h1 id="reflect-on-your-interview">A new heading, deployed<'), "utf-8")
    before = version_of(site)
    for name, text in offline_cache.render(site, "After the No", "x").items():
        (site / name).write_text(text, "utf-8")
    assert version_of(site) != before
    assert "A new heading, deployed" in (site / "reflect/index.html").read_text("utf-8")
    page.reload()
    assert page.locator("h1").first.text_content() == old + "¶"  # this load came from the old copy
    # Meanwhile the browser found the new worker; it caches the new version, then takes over.
    until(page, f"async () => {{ const n = await ({CACHES})(); return n.length === 1 && n[0].endsWith(':{version_of(site)}'); }}")
    until(page, f"async () => navigator.serviceWorker.controller.scriptURL === '{url}sw.js' && "
                "(await navigator.serviceWorker.ready).active === navigator.serviceWorker.controller")
    page.reload()
    assert page.locator("h1").first.text_content() == "A new heading, deployed¶"
    assert page.evaluate("window.__csp") == []
    assert page.errors == []


def test_choosing_not_to_save_removes_the_offline_copy(site_copy, context):
    site, url = site_copy
    page = first_visit(context, url + "worksheets/momentum-plan/")
    page.fill("#ws-main-goal", "On a library computer")
    page.get_by_role("button", name="Don’t save — I’m on a shared computer").click()
    until(page, f"async () => (await ({CACHES})()).length === 0")
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    page.goto(url + "reflect/")  # and no new copy is made on the next page
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert page.errors == []


def test_forget_everything_removes_the_offline_copy_and_undo_brings_it_back(site_copy, context):
    site, url = site_copy
    page = first_visit(context, url + "about/")
    page.get_by_role("button", name="Forget everything", exact=True).click()
    expect(page.locator(".forget-list li").last).to_have_text(
        "The copy of this guide kept for reading offline. It holds none of your answers, "
        "and comes back when you next open a page here.")
    page.get_by_role("button", name="Yes, forget everything").click()
    until(page, f"async () => (await ({CACHES})()).length === 0")
    page.get_by_role("button", name="Undo").click()
    until(page, f"async () => (await ({CACHES})()).length === 1")
    assert page.evaluate("window.__csp") == []
    assert page.errors == []
