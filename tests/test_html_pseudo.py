"""The pseudo-language (en-XA, never published): the site built with every interface string
accented, about 35% longer and bracketed (after_the_no/i18n/interface.py pseudo()). English
from the catalogue that still shows in that build was written into a template, a script or a
renderer instead of being asked for: each is named with its key, where it shows and the words.

Where: every page's HTML (text and attributes), every built script (docs/assets/*.js as
served) and every download (PDF, Word, OpenDocument, plain text). The guide's own content is
English in this build; a catalogue sentence that the content states too (a page that names a
button) cannot be told apart from a hard-coded one on a page, so those are checked in the
scripts only. The layout with the longer words: tests/test_browser_pseudo.py.
"""
from __future__ import annotations

import re
from pathlib import Path


import suite_run
from after_the_no.i18n import interface
from conftest import ROOT, is_redirect_stub
from site_support import download_text

ENGLISH = interface.english(ROOT)
# Where the guide's own words come from: a catalogue sentence found here may show on a page
# without being hard-coded.
CONTENT = "\n".join(p.read_text("utf-8") for pattern in ("docs/**/*.md", "worksheets/*.yml", "replies/*.yml",
                                                         "places.yml", "published-urls.yml")
                    for p in sorted(ROOT.glob(pattern)))
# The parts of each English string between its placeholders that say enough to be told apart
# from other text: two words or more and 12 characters or more.
CHUNKS = {key: [part.strip() for part in interface.PLACEHOLDER.split(text)[::2]
                if len(part.strip()) >= 12 and len(part.split()) >= 2]
          for key, text in ENGLISH.items()}


def pseudo_site() -> Path:
    return suite_run.build("pseudo")[0] / "site"


def unescape(html: str) -> str:
    return re.sub(r"\s+", " ", html.replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")
                  .replace("&rsquo;", "’").replace("&lsquo;", "‘").replace("&ldquo;", "“").replace("&rdquo;", "”"))


def code_only(script: str) -> str:
    """A script without its comments (which name the buttons they describe)."""
    return re.sub(r"/\*.*?\*/|(?<![:\"'\\])//[^\n]*", " ", script, flags=re.S)


def english_in(text: str, where: str, skip_content: bool) -> list[str]:
    text = re.sub(r"\s+", " ", text)
    return [f"{where}: {key}: {chunk!r} in English" for key, chunks in CHUNKS.items() for chunk in chunks
            if chunk in text and not (skip_content and chunk in CONTENT)]


def test_the_pseudo_language_build_shows_no_english_from_the_catalogue():
    site = pseudo_site()
    pages = [p for p in sorted(site.rglob("*.html")) if not is_redirect_stub(p.read_text("utf-8"))]
    scripts = sorted((site / "assets").glob("*.js"))
    downloads = sorted((site / "downloads").glob("*.*"))
    assert len(pages) > 50 and len(scripts) >= 8 and len(downloads) >= 30, (len(pages), len(scripts), len(downloads))
    found = [p for page in pages for p in english_in(unescape(page.read_text("utf-8")), page.relative_to(site).as_posix(), True)]
    found += [p for script in scripts for p in english_in(code_only(script.read_text("utf-8")), script.relative_to(site).as_posix(), False)]
    found += [p for path in downloads for p in english_in(download_text(path), path.relative_to(site).as_posix(), True)]
    assert found == [], f"{len(found)} English strings from the catalogue in the pseudo-language build:\n" + "\n".join(found)


def test_the_pseudo_language_reaches_the_templates_the_scripts_words_and_the_downloads():
    site = pseudo_site()
    pseudo = interface.pseudo(ENGLISH)
    footer = (site / "index.html").read_text("utf-8")
    assert pseudo["page.footer.urgent-link"] in footer
    worksheet = (site / "worksheets/feedback-log/index.html").read_text("utf-8")
    block = re.search(r'<script type="application/json" id="interface-strings">(.*?)</script>', worksheet, re.S)[1]
    assert '"save.prompt":"' + pseudo["save.prompt"] in block
