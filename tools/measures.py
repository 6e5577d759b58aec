"""What the benchmark, the Lighthouse run and the budget tests measure a built site with: a
static server that compresses as a real host does, Lighthouse, first-load page weight per page
type, and the bare Material project the build time is compared against.

Targets and budgets live in budgets.yml (one place to change them). Headless Chromium's path and
flags are in tools/chromium.py (shared with the tests).
"""
from __future__ import annotations

import fnmatch
import functools
import gzip
import http.server
import json
import mimetypes
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from after_the_no import replies
from after_the_no.build.config import ROOT, read_config
from after_the_no.worksheets.html import page_markdown
from after_the_no.worksheets.load import load_worksheets
from tools.chromium import CHROMIUM, CHROMIUM_ARGS, FULL_CHROMIUM, READY  # noqa: F401  (bin/benchmark reads them here)

BUDGETS_FILE = ROOT / "budgets.yml"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
KB = 1000  # budgets are in kB of 1000 bytes


@functools.cache
def budgets() -> dict:
    return yaml.safe_load(BUDGETS_FILE.read_text(encoding="utf-8"))


def node_tool_missing(path: Path) -> str | None:
    """A message saying how to install a Node tool when it is missing (None when present)."""
    if path.exists():
        return None
    return f"{path.relative_to(ROOT)} is missing: run bin/test (it runs `npm ci`), or `npm ci` yourself"


# --- a static server that compresses like a real host ----------------------------------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/manifest+json")
mimetypes.add_type("application/javascript", ".js")  # not text/plain on a bare Debian image
mimetypes.add_type("image/svg+xml", ".svg")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; text responses gzipped (level 6, as nginx and most hosts do)."""
    protocol_version = "HTTP/1.1"  # keep-alive, as a real host
    cache: dict[Path, bytes]

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the stdlib's redirect to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return self.send_error(404)
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        gzipped = ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            if path not in self.cache:
                self.cache[path] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_gzip(directory: Path):
    """Serve a folder on 127.0.0.1 with gzip, in threads; returns (base_url, server)."""
    handler = type("Handler", (_GzipHandler,), {"cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


# --- Lighthouse ------------------------------------------------------------------------------

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse_pages(site_dir: Path) -> tuple[list[str], list[str]]:
    """(pages to audit, listed pages that are not built yet)."""
    listed = budgets()["lighthouse"]["pages"]
    built = [p for p in listed if (site_dir / p / "index.html").is_file()]
    return built, [p for p in listed if p not in built]


def run_lighthouse(url: str, preset: str) -> dict:
    """One Lighthouse run ('mobile' or 'desktop'); returns the JSON report (lhr)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
                   "--only-categories=" + ",".join(CATEGORIES),
                   "--chrome-flags=" + " ".join(CHROMIUM_ARGS)]
        if preset == "desktop":
            command.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH=FULL_CHROMIUM)
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240)
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse {url} ({preset}) failed:\n{result.stderr[-3000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def scores(lhr: dict) -> dict[str, float | None]:
    return {c: lhr["categories"][c]["score"] for c in CATEGORIES}


def score_problems(lhr: dict, preset: str) -> list[str]:
    """Each category under its target, with the audits that cost it points."""
    targets = budgets()["lighthouse"]["targets"][preset]
    problems = []
    for category, target in targets.items():
        cat = lhr["categories"][category]
        if cat["score"] is None or cat["score"] < target:
            failing = []
            for ref in cat["auditRefs"]:
                audit = lhr["audits"][ref["id"]]
                if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                    value = audit.get("displayValue", "")
                    failing.append(f"{ref['id']} ({audit['score']}{', ' + value if value else ''})")
            problems.append(f"{category} {cat['score']} < {target}: " + "; ".join(failing))
    if problems and "performance" in targets:
        problems += [f"  {line}" for line in performance_clues(lhr)]
    if lhr.get("runtimeError"):
        problems.append(f"runtime error: {lhr['runtimeError']}")
    return problems


def performance_clues(lhr: dict) -> list[str]:
    """What Lighthouse blames: render-blocking files, layout shifts, long tasks."""
    audits, clues = lhr["audits"], []
    for item in (audits.get("render-blocking-resources", {}).get("details") or {}).get("items", []):
        clues.append(f"render-blocking: {urlsplit(item['url']).path} ({item.get('wastedMs', 0):.0f} ms)")
    for item in (audits.get("layout-shifts", {}).get("details") or {}).get("items", [])[:5]:
        node = item.get("node") or {}
        clues.append(f"layout shift {item.get('score', 0):.3f}: {node.get('selector', '?')} "
                     f"{' '.join(node.get('snippet', '').split())[:120]}")
    for item in (audits.get("long-tasks", {}).get("details") or {}).get("items", [])[:5]:
        clues.append(f"long task {item['duration']:.0f} ms at {item['startTime']:.0f} ms: {urlsplit(item['url']).path or item['url']}")
    return clues


# --- first-load page weight ------------------------------------------------------------------

def page_types(site_dir: Path) -> dict[str, list[str]]:
    """Page type -> the built pages of that type (patterns in budgets.yml expanded)."""
    built = sorted(p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html"))
    built = ["" if p == "./" else p for p in built]
    out = {}
    for name, spec in budgets()["page_weight"]["types"].items():
        out[name] = [p for p in built if any(fnmatch.fnmatchcase(p, pat) for pat in spec["pages"])
                     and not is_redirect(site_dir / p / "index.html")]
    return out


def is_redirect(path: Path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def first_load(browser, base_url: str, site_dir: Path, path: str, width: int = 390) -> dict:
    """Load a page once with an empty cache (JS on) and add up every resource it requested.

    Returns {"bytes": uncompressed total, "gzip": total as a host serving gzip sends it,
    "files": {url path: bytes}}. Sizes are those of the built files the requests map to.
    """
    # The service worker's background download of the whole site (the offline copy) is not the
    # page's own weight; budgets.yml offline_cache limits it (tests/test_html_offline_cache.py).
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    requested: list[str] = []
    answered: set[str] = set()
    own = urlsplit(base_url).netloc
    context.on("request", lambda request: requested.append(request.url))
    context.on("requestfinished", lambda request: answered.add(request.url))
    context.on("requestfailed", lambda request: answered.add(request.url))
    try:
        page = context.new_page()
        page.goto(base_url + path)   # `load`
        try:
            page.wait_for_function(READY, timeout=10_000)
        except Exception as error:   # a page whose scripts never start: say which page
            raise RuntimeError(f"/{path}: <html data-ready> never set within 10 s (a script failed to start): {error}") from None
        # What a first load still fetches after `load`, named rather than waited out in network
        # silence: search's worker and index (Material starts search after load). The icon is
        # counted as fetched: a browser's tab fetches it, and the headless shell has no tab.
        icons = page.eval_on_selector_all("link[rel~=icon]", "links => links.map(l => l.href)")
        requested += [icon for icon in icons if icon not in requested]
        answered.update(icons)
        late = {urljoin(base_url, "search/search_index.json")} if page.locator(".md-search").count() else set()
        for _ in range(500):   # at most 10 s
            if late <= answered and set(requested) <= answered:
                break
            page.wait_for_timeout(20)
        else:
            raise AssertionError(f"/{path}: still waiting for {sorted((late | set(requested)) - answered)}")
    finally:
        context.close()
    files = {}
    for url in requested:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            continue  # data: and blob: URLs are inside a response already counted
        if parts.netloc != own:
            raise AssertionError(f"/{path} requested another host: {url}")
        file = site_dir / unquote(parts.path).lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            files[parts.path] = file
    return {"bytes": sum(f.stat().st_size for f in files.values()),
            "gzip": sum(gzip_size(f) for f in files.values()),
            "files": {p: f.stat().st_size for p, f in files.items()}}


def referenced(site_dir: Path, path: str) -> set[str]:
    """URL paths a page's HTML asks the browser to fetch (scripts, styles, icons, images)."""
    from site_support import fetched_urls, soup
    html = (site_dir / path / "index.html").read_text(encoding="utf-8")
    return {urlsplit(urljoin("/" + path, url)).path for url in fetched_urls(soup(html))}


def first_loads(browser, base_url: str, site_dir: Path, groups: dict[str, list[str]]) -> dict[str, dict]:
    """first_load for every page of every group (page type). Chromium loads the heaviest page
    of each group, and any page whose HTML references other files; a page that references the
    same files as a page already loaded (in any group: the home page and the steps share theirs)
    gets that page's responses with its own HTML (a page load costs seconds on a busy machine)."""
    out: dict[str, dict] = {}
    loaded: dict[frozenset, str] = {}
    for pages in groups.values():
        for path in sorted(pages, key=lambda p: -(site_dir / p / "index.html").stat().st_size):
            key = frozenset(referenced(site_dir, path))
            if key not in loaded:
                loaded[key] = path
                out[path] = first_load(browser, base_url, site_dir, path)
                continue
            model, model_html = out[loaded[key]], site_dir / loaded[key] / "index.html"
            html = site_dir / path / "index.html"
            files = {url: size for url, size in model["files"].items() if url != "/" + loaded[key]}
            files["/" + path] = html.stat().st_size
            out[path] = {"bytes": sum(files.values()),
                         "gzip": model["gzip"] - gzip_size(model_html) + gzip_size(html),
                         "files": files, "like": loaded[key]}
    return out


def gzip_size(file: Path) -> int:
    if not file.name.endswith((".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")):
        return file.stat().st_size
    return len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))


# --- builds, for the benchmark ---------------------------------------------------------------

def bare_material_project(into: Path, root: Path = ROOT, language: str = "en") -> Path:
    """A copy of docs/ plus the generated pages' Markdown, with a minimal mkdocs.yml: Material,
    our markdown_extensions, nothing else (no hooks, no custom_dir, no extra CSS/JS). `root`: a
    language's staged tree (i18n/tree.py stage_root) for that language's pages."""
    config = read_config(ROOT / "mkdocs.yml")
    shutil.copytree(root / "docs", into / "docs")
    # The same Markdown includes the pages our hooks generate (worksheets, reply examples), so
    # both builds render the same pages and the ratio measures only what the hooks add.
    for sheet in load_worksheets(root):
        (into / "docs/worksheets" / f"{sheet.slug}.md").write_text(page_markdown(sheet, []), "utf-8")
    library = replies.load_library(root / "replies", root)
    for reply in library.replies:
        (into / "docs/replies" / f"{reply.slug}.md").write_text(replies.page_markdown(reply, library), "utf-8")
    bare = {"site_name": config["site_name"], "site_url": config.get("site_url"),
            "theme": {"name": "material", "font": False, "language": language,
                      "features": config["theme"].get("features", [])},
            "plugins": ["search"],
            "markdown_extensions": config.get("markdown_extensions", []),
            "nav": config.get("nav")}
    path = into / "mkdocs.yml"
    path.write_text(yaml.safe_dump(bare, sort_keys=False), encoding="utf-8")
    return path


def build(out: Path) -> Path:
    """Build the project's site into out (strict, as the tests do); stop with MkDocs' error."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f",
                             str(ROOT / "mkdocs.yml"), "-d", str(out)], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr[-4000:]}")
    return out
