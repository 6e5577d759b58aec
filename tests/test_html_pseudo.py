"""The pseudo-language (en-XA, never published): the site built with every interface string
accented, about 35% longer and bracketed (after_the_no/i18n/interface.py pseudo()). English
from the catalogue that still shows in that build was written into a template, a script or a
renderer instead of being asked for: each is named with its key, where it shows and the words.

Where: every page's HTML (text and attributes), every built script (docs/assets/*.js as
served) and every download (PDF, Word, OpenDocument, plain text). The guide's own content is
English in this build; a catalogue sentence that the content states too (a page that names a
button) cannot be told apart from a hard-coded one on a page, so those are checked in the
scripts only. The layout with the longer words: tests/test_browser_pseudo.py.

English that was never in the catalogue at all (a new literal in a template, a script or a
renderer) is caught the other way round: in this build every piece of text a person can see
is pseudo (accented, bracketed), or the guide's own content (docs/, worksheets/, replies/,
places, sources, mkdocs.yml), or Material's own interface words (its language file, which
theme.language translates). Anything else is named with where it shows.
"""
from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import lxml.html
import material
from pypdf import PdfReader

import suite_run
from after_the_no.i18n import interface
from conftest import ROOT, is_redirect_stub

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
    found += [p for path in downloads for p in english_in("\n".join(download_runs(path)), path.relative_to(site).as_posix(), True)]
    assert found == [], f"{len(found)} English strings from the catalogue in the pseudo-language build:\n" + "\n".join(found)


def test_the_pseudo_language_reaches_the_templates_the_scripts_words_and_the_downloads():
    site = pseudo_site()
    pseudo = interface.pseudo(ENGLISH)
    footer = (site / "index.html").read_text("utf-8")
    assert pseudo["page.footer.urgent-link"] in footer
    worksheet = (site / "worksheets/feedback-log/index.html").read_text("utf-8")
    block = re.search(r'<script type="application/json" id="interface-strings">(.*?)</script>', worksheet, re.S)[1]
    assert '"save.prompt":"' + pseudo["save.prompt"] in block


def plain(text: str) -> str:
    """Text compared as words: typographic quotes as ASCII, escapes and spacing undone."""
    for fancy, ascii_ in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ('\\"', '"'), ("&#39;", "'"),
                          ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(fancy, ascii_)
    return re.sub(r"\s+", " ", text).strip()


SOURCES_OF_WORDS = ("docs/**/*.md", "worksheets/*.yml", "replies/*.yml", "places.yml", "published-urls.yml",
                    "sources.yml", "mkdocs.yml")
GUIDE_WORDS = plain("\n".join(p.read_text("utf-8") for pattern in SOURCES_OF_WORDS for p in sorted(ROOT.glob(pattern))))
# Material's interface words in English (its language file: `"key": "text"` lines).
MATERIAL_WORDS = set(re.findall(r'^\s*"[\w.]+": "([^"]*)"', (Path(material.__file__).parent /
                                "templates/partials/languages/en.html").read_text("utf-8"), re.M))
INNERMOST = re.compile(r"⟦[^⟦⟧]*⟧")              # a pseudo string (one inside another goes first)
CUT_ENDS = re.compile(r"^[^⟦]*⟧|⟦[^⟧]*$")          # the rest of one an element boundary cut
# Between these, each part is its own text: a title's "Page - Site", "Previous: Page", a
# placeholder's [brackets], a checkbox's box, the PDF font's missing glyph for ⟦ and ⟧.
PARTS = re.compile(r"\s+[-–—|·]\s+|:\s+|[\[\]()☐\x00]")
PLAIN_VOWEL = re.compile(r"[aeiouyAEIOUY]")       # pseudo text accents every one
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
NOT_SHOWN = {"script", "style", "template", "svg", "code", "pre", "noscript"}


def unknown_english(text: str) -> list[str]:
    """The parts of `text` that are English and neither pseudo, the guide's content nor Material's."""
    while INNERMOST.search(text):
        text = INNERMOST.sub(" \x00 ", text)
    found = []
    for run in CUT_ENDS.split(text):
        for part in PARTS.split(plain(run)):
            part = part.strip(" .,;:!?'\"…/*·0123456789")
            if "·" in part or not PLAIN_VOWEL.search(part) or re.fullmatch(r"\S+://\S+", part):
                continue   # pseudo text (a link inside it cuts it into pieces), or an address
            if re.search(r"[A-Za-z]{2}", part) and part not in MATERIAL_WORDS and part not in GUIDE_WORDS:
                found.append(part)
    return found


def shown_texts(html: bytes):
    """Each piece of text a page shows or announces: text nodes (not in scripts, styles, code)
    and the attributes read out or shown (aria-label, title, placeholder, alt, a button's value)."""
    def walk(element):
        if not isinstance(element.tag, str) or element.tag in NOT_SHOWN:
            return   # a comment, or what is not shown: its tail is, and its parent gives it
        yield element.text or ""
        yield from (element.get(name) for name in SHOWN_ATTRIBUTES if element.get(name))
        if element.tag == "input" and element.get("type") in ("button", "submit", "reset") and element.get("value"):
            yield element.get("value")
        for child in element:
            yield from walk(child)
            yield child.tail or ""
    yield from walk(lxml.html.fromstring(html))


@lru_cache(maxsize=None)
def download_runs(path: Path) -> tuple[str, ...]:
    """A download's text in the runs it was written in: a PDF's lines, a Word or OpenDocument
    file's text elements, a plain-text file's lines (read once: both tests read every file)."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return tuple(line for page in PdfReader(BytesIO(data)).pages for line in page.extract_text().split("\n"))
    if path.suffix in (".docx", ".odt"):
        part = "word/document.xml" if path.suffix == ".docx" else "content.xml"
        return tuple(re.findall(r">([^<]+)<", zipfile.ZipFile(BytesIO(data)).read(part).decode("utf-8")))
    return tuple(data.decode("utf-8").split("\n"))


LITERAL = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`""")
WORDS_ONLY = re.compile(r"[A-Za-z][a-z']*[,.!?:;]?( +[A-Za-z][a-z']*[,.!?:;]?)+")   # two words or more
SELECTOR_LIST = re.compile(r"[a-z]+(, *[a-z]+)+")   # "input, textarea": elements to find, not words


def script_sentences(script: str) -> list[str]:
    """A script's string literals that are words (two or more, nothing else), comments and the
    developer's console messages left out."""
    code = re.sub(r"console\.(?:error|warn|log|info)\(.*", " ", code_only(script))
    pieces = [piece.strip() for match in LITERAL.finditer(code)
              for piece in re.split(r"\$\{[^}]*\}", next(group for group in match.groups() if group is not None))]
    return [piece for piece in pieces if WORDS_ONLY.fullmatch(piece) and not SELECTOR_LIST.fullmatch(piece)]


def test_the_pseudo_language_build_shows_no_english_but_the_guide_s_content_and_material_s_words():
    site = pseudo_site()
    pages = [p for p in sorted(site.rglob("*.html")) if not is_redirect_stub(p.read_text("utf-8"))]
    found = {}
    for page in pages:
        for text in shown_texts(page.read_bytes()):
            for english in unknown_english(text):
                found.setdefault(f"{english!r}", []).append(page.relative_to(site).as_posix())
    for script in sorted((site / "assets").glob("*.js")):
        for english in (e for sentence in script_sentences(script.read_text("utf-8")) for e in unknown_english(sentence)):
            found.setdefault(f"{english!r}", []).append(script.relative_to(site).as_posix())
    for path in sorted((site / "downloads").glob("*.*")):
        for english in (e for run in download_runs(path) for e in unknown_english(run)):
            found.setdefault(f"{english!r}", []).append(path.relative_to(site).as_posix())
    problems = [f"{where[0]}{f' (and {len(set(where)) - 1} more)' if len(set(where)) > 1 else ''}: {english} "
                "is English that is not the guide's content, and not from the catalogue"
                for english, where in sorted(found.items())]
    assert problems == [], f"{len(problems)} hard-coded English text(s) in the pseudo-language build:\n" + "\n".join(problems)
