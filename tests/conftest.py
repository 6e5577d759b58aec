"""Shared fixtures: the site is built once per test session (strict), then read or browsed.

Test files say where they run: test_unit_* (pure Python), test_html_* (the built HTML),
test_browser_* (Debian Chromium through Playwright; marked `browser`).
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from after_the_no.build.config import ENGINES
import suite_run
from tools.chromium import CHROMIUM, CHROMIUM_ARGS, FULL_CHROMIUM, READY  # noqa: F401  (the tests import them from here)

ROOT = Path(__file__).resolve().parent.parent


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file at path with `new` (a test breaking its own copy)."""
    text = path.read_text("utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), "utf-8")


os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

WIDTHS = {"phone": 390, "desktop": 1280}


def build_site(out: Path, config: Path = ROOT / "mkdocs.yml", engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """Run a strict build of a variant project; the caller decides what a failure means. MkDocs
    runs as anyone would run it (`mkdocs build --strict`, the thin hook stages and finishes);
    Zensical through bin/build's pipeline (it has no hooks). The project's own sites are built
    once per run (suite_run.site); this is for the few tests that need a different project."""
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(out)]
    else:
        command = [sys.executable, "-m", "tools.build", "--engine", engine, "--config", str(config),
                   "--site-dir", str(out)]
    suite_run.count("builds")
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def built_site(engine: str, tmp_path_factory=None) -> Path:
    """The site `engine` built for this run (once, shared by every worker)."""
    try:
        return suite_run.site(engine)
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def site_dir(request) -> Path:
    """The built site: MkDocs + Material, or the engine a test marked `engines` is run with."""
    return built_site(getattr(request, "param", "mkdocs"))


@pytest.fixture(scope="session")
def variant_site() -> Path:
    """A careers service's own edition (tests/variant_support.py), built once per run through
    the MkDocs hook: the one subprocess test of the hook."""
    try:
        return suite_run.build("variant")[0] / "site"
    except RuntimeError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def offline_bundle() -> tuple[Path, list[str]]:
    """The offline bundle (bin/bundle's build), once per run, with the careers service's brand
    so one build shows both that it works from disk and that it carries the brand. Returns its
    folder and the scripts it turned classic."""
    folder, scripts = suite_run.build("offline-bundle")
    return folder / "after-the-no", scripts


def pytest_generate_tests(metafunc):
    # @pytest.mark.engines: the test runs on the site built by each engine (the HTML tier that
    # must hold whichever engine built the site: links, structure, contract, CSP, weights).
    if metafunc.definition.get_closest_marker("engines") and "site_dir" in metafunc.fixturenames:
        metafunc.parametrize("site_dir", ENGINES, indirect=True, scope="session")


def is_redirect_stub(html: str) -> bool:
    return 'http-equiv="refresh"' in html


def language_trees(site_dir: Path) -> set[str]:
    """The other languages' trees in a built site (es/, ...): folders with their own home page
    and <html lang> of their own."""
    from after_the_no.i18n.languages import load_languages
    return {lang.code for lang in load_languages(ROOT)[1:] if (site_dir / lang.code / "index.html").is_file()}


@pytest.fixture(scope="session")
def html_pages(site_dir) -> dict[str, str]:
    """Every English content page of the built site: URL path ('' for home, 'reflect/', ...) ->
    HTML. The other languages' trees (es/, ...) are read by test_html_languages.py."""
    pages = {}
    trees = language_trees(site_dir)
    for path in sorted(site_dir.rglob("*.html")):
        if path.relative_to(site_dir).parts[0] in trees:
            continue
        html = path.read_text(encoding="utf-8")
        if is_redirect_stub(html) or path.name == "404.html":
            continue
        rel = path.relative_to(site_dir).as_posix()
        pages[rel[: -len("index.html")] if rel.endswith("index.html") else rel] = html
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    headers_for = staticmethod(lambda path: {})

    def end_headers(self):
        for name, value in self.headers_for(self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):  # keep test output readable
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that aborts a request it no longer needs is not an error worth printing.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path, headers_for=None):
    """Serve a folder on 127.0.0.1 in a thread; returns (base_url, server).

    headers_for(path) -> {name: value} adds response headers, as a static host would."""
    handler = type("Handler", (_QuietHandler,), {"headers_for": staticmethod(headers_for or (lambda path: {}))})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    url, server = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        yield p


def launch(playwright, executable: str):
    """Chromium as every browser test runs it, with every page load counted (bin/test prints the
    total)."""
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    new_context = browser.new_context

    def counted_context(**options):
        context = new_context(**options)
        context.on("page", lambda page: page.on("load", lambda _: suite_run.count("page loads")))
        return context

    browser.new_context = counted_context
    return browser


@pytest.fixture(scope="session")
def browser(playwright):
    """Debian's Chromium headless shell (tools/chromium.py)."""
    browser = launch(playwright, CHROMIUM)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def full_browser(playwright):
    """The full Chromium, for the few checks where the headless shell does not act as a person's
    browser does (tools/chromium.py)."""
    browser = launch(playwright, FULL_CHROMIUM)
    yield browser
    browser.close()


def other_hosts(base_url: str) -> re.Pattern:
    """http(s) URLs on any host (or port) but base_url's."""
    return re.compile(r"^https?://(?!" + re.escape(urlsplit(base_url).netloc) + r"(?:/|$))")


@pytest.fixture
def open_page(browser, base_url):
    """open_page(path, width=1280, scheme="light", js=True) -> a Playwright page at base_url+path.

    Every page records page.console_errors and page.offhost_requests; requests to any other
    host are aborted so a test can never leak to the network. Service workers are blocked unless
    a test asks for them (service_workers="allow"): the offline copy is tested on its own
    (test_browser_offline_cache.py), and would otherwise download the whole site in every test.
    """
    contexts = []

    def _open(path: str = "", width: int = 1280, scheme: str = "light", js: bool = True, **context_args):
        context_args.setdefault("service_workers", "block")
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                      java_script_enabled=js, **context_args)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.offhost_requests = []
        page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
        page.on("pageerror", lambda err: page.console_errors.append(str(err)))
        def guard(route):
            page.offhost_requests.append(route.request.url)
            route.abort()

        # Only other hosts' requests are routed: the pattern is matched in the browser's driver,
        # so the site's own requests do not each wait on a round trip through Python.
        page.route(other_hosts(base_url), guard)
        if js:
            wait_for_readiness(page)
        if path is not None:
            page.goto(base_url + path)
        return page

    yield _open
    for context in contexts:
        context.close()


READY_TIMEOUT = 10_000   # ms: a page whose scripts never start fails here, not 30 s later


def wait_for_readiness(page) -> None:
    """page.goto and page.reload wait for `load` (Playwright's default), then for the page's own
    readiness, so a test acts on a page whose scripts have started."""
    goto, reload = page.goto, page.reload

    def ready_goto(url, **options):
        response = goto(url, **options)
        page.wait_for_function(READY, timeout=READY_TIMEOUT)
        return response

    def ready_reload(**options):
        response = reload(**options)
        page.wait_for_function(READY, timeout=READY_TIMEOUT)
        return response

    page.goto, page.reload = ready_goto, ready_reload


def pytest_configure(config):
    config.addinivalue_line("markers", "engines: runs on the MkDocs build and on the Zensical build")
    if not hasattr(config, "workerinput"):   # the controller (or the only process): before any worker starts
        suite_run.shared_dirs()


def pytest_sessionfinish(session):
    suite_run.save_counts()


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput"):
        return
    totals = suite_run.totals()
    line = ", ".join(f"{totals[kind]} {kind}" for kind in suite_run.KINDS)
    terminalreporter.write_sep("=", f"this run: {line}")
    if os.environ.get("AFTER_THE_NO_COUNTS_OUT"):   # bin/benchmark --suite reads them
        Path(os.environ["AFTER_THE_NO_COUNTS_OUT"]).write_text(
            "".join(f"{kind}\t{totals[kind]}\n" for kind in suite_run.KINDS), "utf-8")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.fspath.basename.startswith("test_browser_"):
            item.add_marker(pytest.mark.browser)
    # The adopter test (a wheel installed alone, two builds: minutes) runs in CI or on request.
    if not (os.environ.get("CI") or os.environ.get("AFTER_THE_NO_ADOPTER")):
        slow = [item for item in items if item.get_closest_marker("adopter")]
        if slow:
            config.hook.pytest_deselected(items=slow)
            items[:] = [item for item in items if not item.get_closest_marker("adopter")]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    # Page loads per test, for finding where loads go: AFTER_THE_NO_LOADS_LOG=FILE.
    start = suite_run.loads_so_far()
    yield
    if os.environ.get("AFTER_THE_NO_LOADS_LOG"):
        with open(os.environ["AFTER_THE_NO_LOADS_LOG"], "a") as log:
            log.write(f"{suite_run.loads_so_far() - start}\t{item.nodeid}\n")
