"""The guide inside a learning platform's page (extra.brand.embed_origins): a second loopback
origin frames a worksheet, served with the headers the build writes (deploy_headers.render, with
that origin as frame-ancestors). Listed: the page loads and works in the frame (the answers
save, a download downloads). Not listed: the browser refuses to show it.

The platform is on the same site as the guide (127.0.0.1, another port: like
moodle.example.ac.uk framing careers.example.ac.uk), where the frame may keep answers. From
another site (localhost) Chromium denies a frame its storage, as browsers that block
third-party cookies do: the page says so and still works (README, "Show it in your VLE"). These
run in the full Chromium: its headless shell, which the other browser tests use, does not deny it."""
from __future__ import annotations

import pytest

from after_the_no.build import headers as deploy_headers
from conftest import serve

PAGE = "worksheets/momentum-plan/"
SAVE = "Save my answers on this device"


def guide_server(site_dir, frame_ancestors: str):
    rules = deploy_headers.parse(deploy_headers.render(site_dir, frame_ancestors))
    return serve(site_dir, headers_for=lambda path: deploy_headers.headers_for(rules, path))


BLOCKED = "Answers will not be kept: this browser is blocking storage. Use \u201cSave a backup file\u201d to keep a copy."


@pytest.fixture
def vle(tmp_path):
    """The learning platform: a page on another origin (127.0.0.1, another port) with a frame."""
    url, server = serve(tmp_path)
    yield tmp_path, url
    server.shutdown()


def framing_page(folder, guide_url: str) -> str:
    (folder / "course.html").write_text(
        '<!doctype html><html lang="en"><title>Course</title><link rel="icon" href="data:,"><h1>Week 3</h1>'
        f'<iframe src="{guide_url}{PAGE}" title="After the No" width="800" height="700"></iframe></html>', "utf-8")
    return "course.html"


@pytest.mark.parametrize("same_site", [True, False], ids=["same-site", "cross-site"])
def test_a_listed_origin_frames_a_working_page(full_browser, site_dir, vle, same_site):
    # The full browser: the headless shell lets a frame from another site keep storage.
    browser = full_browser
    folder, vle_url = vle
    vle_url = vle_url if same_site else vle_url.replace("127.0.0.1", "localhost")
    guide_url, server = guide_server(site_dir, vle_url.rstrip("/"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    try:
        page = context.new_page()
        errors = []
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.goto(vle_url + framing_page(folder, guide_url))
        frame = page.frame_locator("iframe")
        problems = []
        heading = frame.locator("h1").text_content().removesuffix("\u00b6")   # the permalink sign
        if heading != "Momentum plan":
            problems.append(f"frame h1: {heading!r}")
        frame.locator("#ws-main-goal").fill("Three applications")
        if same_site:
            frame.get_by_role("button", name=SAVE).click()
        status = frame.locator(".ws-status").text_content()
        if status != ("Saving on this device" if same_site else BLOCKED):
            problems.append(f"status: {status!r}")
        with page.expect_download() as info:
            frame.locator('a[href$="momentum-plan.docx"]').click()
        download = info.value
        size = len(open(download.path(), "rb").read())
        if (download.suggested_filename, size) != ("momentum-plan.docx", (site_dir / "downloads/momentum-plan.docx").stat().st_size):
            problems.append(f"download: {download.suggested_filename} {size} bytes")
        if same_site:
            page.reload()
            restored = page.frame_locator("iframe").locator("#ws-main-goal")
            if restored.input_value() != "Three applications":
                problems.append(f"after reload the answer is {restored.input_value()!r}")
        problems += [f"console: {e}" for e in errors]
        assert problems == [], "\n".join(problems)
    finally:
        context.close()
        server.shutdown()


@pytest.mark.parametrize("frame_ancestors", ["'none'", "https://moodle.example.ac.uk"])
def test_an_origin_not_listed_is_refused(browser, site_dir, vle, frame_ancestors):
    folder, vle_url = vle
    guide_url, server = guide_server(site_dir, frame_ancestors)
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        errors = []
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.goto(vle_url + framing_page(folder, guide_url))
        frame = page.frames[1]
        frame.wait_for_load_state("load")
        refused = [e for e in errors if "frame-ancestors" in e]
        assert (frame.url, len(refused)) == ("chrome-error://chromewebdata/", 1), (frame.url, errors)
    finally:
        context.close()
        server.shutdown()
