"""Quality gates the tests share: the Nu HTML checker and the readable text of a guide page.
Page weight, the compressing server and Lighthouse are in tools/measures.py (bin/benchmark and
bin/lighthouse use them too).
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString

from after_the_no.build.config import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# --- Nu HTML checker -------------------------------------------------------------------------

# One run of a few seconds: the JVM's quick compiler alone and its simplest collector take half
# the CPU of its defaults (which spend it optimising code the run ends before using). The quick
# compiler's frames are larger: the schema's deep recursion needs a bigger thread stack.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m"]


def run_vnu(paths: list[Path]) -> list[dict]:
    """Every error the Nu HTML checker reports for paths (one JVM for all of them)."""
    result = subprocess.run(["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                             *map(str, paths)], capture_output=True, text=True)
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr or result.stdout)
    return report["messages"]


def format_vnu(message: dict, site_dir: Path) -> str:
    where = unquote(urlsplit(message.get("url", "")).path)
    try:
        where = Path(where).relative_to(site_dir).as_posix()
    except ValueError:
        pass
    line = message.get("lastLine", message.get("firstLine", "?"))
    extract = " ".join(message.get("extract", "").split())
    return f"{where}:{line}: {message['type']}: {message['message']}" + (f"  [{extract}]" if extract else "")


# --- readable text of a guide page -----------------------------------------------------------

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption",
          "figcaption", "summary", "blockquote", "div", "section", "details", "ul", "ol", "dl",
          "table", "tr", "figure", "article"}
# Code is not prose: code blocks, and inline code too (the URLs of the advisers' link kit, file
# names), which would otherwise count as one very long "word" each.
SKIP = "pre, code, .highlight, script, style, noscript, template, svg, nav, header, footer, form, a.headerlink, " \
       ".md-content__button, .md-source-file"
TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")


def text_blocks(html: str) -> list[str]:
    """The article's text as blocks (paragraph, list item, heading, cell...), code excluded."""
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    if article is None:
        raise AssertionError("no <article class=md-content__inner> on the page")
    for element in article.select(SKIP):
        element.decompose()
    blocks: dict[int, list[str]] = {}
    order: list[int] = []
    for string in article.find_all(string=True):
        if not isinstance(string, NavigableString) or type(string) is not NavigableString:
            continue  # comments, CDATA, doctype
        owner = next(parent for parent in string.parents if parent.name in BLOCKS)
        if id(owner) not in blocks:
            blocks[id(owner)] = []
            order.append(id(owner))
        blocks[id(owner)].append(str(string))
    out = []
    for key in order:
        text = " ".join("".join(blocks[key]).split())
        if text:
            out.append(text)
    return out


def readable_text(html: str) -> str:
    """Blocks joined as sentences: a block without terminal punctuation gets a full stop."""
    return " ".join(b if TERMINAL.search(b) else b + "." for b in text_blocks(html))


