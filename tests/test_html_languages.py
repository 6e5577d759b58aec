"""The guide in every published language, read from the built sites (issue 21): each language's
tree has every page the English has, at the same path under /<code>/, in its own language, with
hreflang links both ways and a switcher that keeps the reader on the same page; its own search
index and downloads; every published address answers in it; a draft is never built unasked."""
from __future__ import annotations

import json
import posixpath
import re

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from after_the_no.build.markers import contact_markdown
from after_the_no.build.url_contract import broken, load_contract
from after_the_no.i18n import interface
from after_the_no.i18n.languages import load_languages
from after_the_no.i18n.tree import stage_root
from after_the_no.worksheets.load import load_worksheets
from conftest import ROOT, is_redirect_stub, language_trees
from site_support import soup

LANGUAGES = load_languages(ROOT)
PUBLISHED = [language for language in LANGUAGES[1:] if language.status == "published"]
SITE_URL = "https://after-the-no.example.org/"


def english_pages(site) -> list[str]:
    trees = language_trees(site)
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in trees and not is_redirect_stub(p.read_text("utf-8")))


def url_of(rel: str) -> str:
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


@pytest.mark.engines
def test_every_page_in_every_published_language_with_hreflang_both_ways_and_the_switcher(site_dir):
    """Each page in every language; its head lists each language's home (Material's
    extra.alternate, relative, so its script reads their sitemaps from any host); its switcher
    leads to the same page in each language; each sitemap pairs every page with its counterparts
    by full address (xhtml:link hreflang), both ways."""
    problems = []
    codes = ["en"] + [language.code for language in PUBLISHED]
    sitemaps = {code: (site_dir / ("" if code == "en" else code) / "sitemap.xml").read_text("utf-8") for code in codes}
    for rel in english_pages(site_dir):
        url = url_of(rel)
        for code in codes:
            prefix = "" if code == "en" else f"{code}/"
            path = site_dir / prefix / rel
            if not path.is_file():
                problems.append(f"/{prefix}{url}: missing (the English page is /{url})")
                continue
            page = soup(path.read_text("utf-8"))
            if page.html.get("lang") != code:
                problems.append(f"/{prefix}{url}: <html lang={page.html.get('lang')!r}>, expected {code!r}")
            if rel == "404.html":
                continue
            depth = (prefix + url).count("/")
            homes = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
            here = posixpath.dirname(prefix + rel) or "."
            expected = {c: posixpath.relpath("." if c == "en" else c, here) for c in codes}
            if {c: posixpath.normpath(h) for c, h in homes.items()} != expected:
                problems.append(f"/{prefix}{url}: head alternates {homes}, expected the homes {expected}")
            switch = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
            wanted = {c: ("../" * depth + ("" if c == "en" else f"{c}/") + url) or "./" for c in codes}
            wanted[code] = "./" if url.endswith("/") or not url else url.rsplit("/", 1)[-1]
            if switch != wanted:
                problems.append(f"/{prefix}{url}: switcher {switch}, expected {wanted}")
            entry = re.search(rf"<loc>{re.escape(SITE_URL + prefix + url)}</loc>(.*?)</url>", sitemaps[code], re.S)
            pairs = dict(re.findall(r'hreflang="([a-z-]+)" href="([^"]+)"', entry[1])) if entry else {}
            if pairs != {c: SITE_URL + ("" if c == "en" else f"{c}/") + url for c in codes}:
                problems.append(f"/{prefix}{url}: sitemap alternates {pairs or 'none (no <url> entry)'}")
    assert problems == [], "\n".join(problems)


def test_the_spanish_pages_are_spanish_and_search_stems_spanish(site_dir):
    """Each Spanish page's title is its Spanish h1 (from locales/es/docs), never the English."""
    problems = []
    for md in sorted((ROOT / "locales/es/docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "locales/es/docs").as_posix()
        url = "" if rel == "index.md" else rel[: -len("index.md")] if rel.endswith("/index.md") else rel[:-3] + "/"
        page = soup((site_dir / "es" / url / "index.html").read_text("utf-8"))
        wanted = re.search(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", md.read_text("utf-8"), re.M)[1]
        shown = page.select_one("article h1").get_text(" ", strip=True).replace("¶", "").strip()
        if shown != wanted:
            problems.append(f"/es/{url}: h1 {shown!r}, expected {wanted!r}")
    index = json.loads((site_dir / "es/search/search_index.json").read_text("utf-8"))
    assert (problems, index["config"]["lang"]) == ([], ["es"]), "\n".join(problems)


@pytest.mark.engines
def test_each_language_s_pages_carry_its_own_interface_strings(site_dir):
    """A page with a script (a component) carries the scripts' strings of its language as one
    JSON block, exactly as the catalogue gives them; a page without one has none; the footer
    (a template) is in the page's language too."""
    wanted = {"en": interface.english(ROOT)} | {lang.code: interface.strings(ROOT, lang.code) for lang in PUBLISHED}
    problems = []
    for code, texts in wanted.items():
        blocks = interface.for_config(texts)["interface_json"]
        for rel in english_pages(site_dir):
            path = site_dir / ("" if code == "en" else code) / rel
            page = soup(path.read_text("utf-8"))
            found = page.select('script[type="application/json"]#interface-strings')
            ours = [s["src"].rsplit("/", 1)[-1] for s in page.select("script[src]") if "/javascripts/" not in s["src"]]
            component = next((name[:-3] for name in ours if name != "offline.js"), None)   # a component's script
            if component and [f.string for f in found] != [blocks[component]]:
                problems.append(f"/{path.relative_to(site_dir).as_posix()}: interface-strings "
                                f"{(found[0].string or '')[:80] if found else 'missing'!r}, expected the {code} {component} block")
            if not component and found:
                problems.append(f"/{path.relative_to(site_dir).as_posix()}: interface-strings on a page with no script")
            urgent = page.select_one(".footer-urgent")
            if rel != "404.html" and urgent and not urgent.get_text(" ", strip=True).startswith(texts["page.footer.urgent"]):
                problems.append(f"/{path.relative_to(site_dir).as_posix()}: footer {urgent.get_text(' ', strip=True)!r}")
    assert problems == [], "\n".join(problems)
    assert json.loads(interface.for_config(wanted["es"])["interface_json"]["worksheet"])["save.prompt"].startswith("¿Guardamos")


def test_every_published_address_answers_in_each_language(site_dir):
    contract = load_contract(ROOT / "published-urls.yml")
    missing = {language.code: broken(site_dir / language.code, contract) for language in PUBLISHED}
    assert missing == {language.code: [] for language in PUBLISHED}


def test_spanish_downloads_carry_the_spanish_worksheet(site_dir, tmp_path):
    spanish_tree = stage_root(ROOT, next(lang for lang in LANGUAGES if lang.code == "es"), tmp_path / "es")
    spanish = {sheet.slug: sheet.title for sheet in load_worksheets(spanish_tree)}
    problems = []
    for slug, title in spanish.items():
        pdf = PdfReader(site_dir / f"es/downloads/{slug}-a4.pdf")
        if pdf.metadata["/Title"] != title:
            problems.append(f"/es/downloads/{slug}-a4.pdf: title {pdf.metadata['/Title']!r}, expected {title!r}")
    assert problems == [], "\n".join(problems)


def test_a_draft_language_is_not_built_unless_asked(site_dir):
    drafts = [language.code for language in LANGUAGES if language.status == "draft"]
    assert drafts == ["cy"]
    assert [code for code in drafts if (site_dir / code).exists()] == []
    assert "cy/" not in (site_dir / "sitemap.xml").read_text("utf-8")


def test_a_draft_shows_untranslated_pages_in_english_marked_as_english(tmp_path):
    welsh = next(language for language in LANGUAGES if language.code == "cy")
    tree = stage_root(ROOT, welsh, tmp_path / "cy")
    page = (tree / "docs/reflect.md").read_text("utf-8")
    english = (ROOT / "docs/reflect.md").read_text("utf-8")
    body = english.split("\n---\n", 1)[1].strip()
    assert page.startswith(english.split("\n---\n", 1)[0] + "\n---\n")
    assert '!!! note "Cymraeg: not yet translated"' in page
    assert f'<div lang="en" markdown>\n\n{body}\n\n</div>' in page
    assert (tree / "worksheets/feedback-log.yml").read_bytes() == (ROOT / "worksheets/feedback-log.yml").read_bytes()


def test_every_fact_only_a_translation_states_is_on_each_page_its_source_names(site_dir):
    """locales/<code>/sources.yml: each entry's facts (in the language's words) are on each of
    its pages in that language's tree, as /sources.yml's are on the English pages."""
    import yaml
    problems, checked = [], 0
    for language in PUBLISHED:
        path = ROOT / "locales" / language.code / "sources.yml"
        for entry in (yaml.safe_load(path.read_text("utf-8")) or []) if path.is_file() else []:
            for page in entry["pages"]:
                text = " ".join(soup((site_dir / language.code / page / "index.html").read_text("utf-8"))
                                .select_one("article").get_text(" ").split())
                for fact in entry["facts"]:
                    checked += 1
                    if fact not in text:
                        problems.append(f"/{language.code}/{page}: {fact!r} (locales/{language.code}/sources.yml {entry.get('id')})")
    assert (problems, checked > 0) == ([], True), "\n".join(problems)


def _fragments(text: str) -> list[str]:
    """A catalogue text's own words: the runs between its placeholders (a Markdown link as its
    text), whitespace collapsed; runs of fewer than 4 characters say too little to look for."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return [run for run in (" ".join(part.split()) for part in interface.PLACEHOLDER.split(text)[::2]) if len(run) >= 4]


def _page_text(path) -> str:
    page = BeautifulSoup(path.read_text("utf-8"), "html.parser")   # its own copy: scripts are taken out
    description = page.select_one('meta[name="description"]')
    for element in page.select("script, style"):
        element.decompose()
    return " ".join((page.get_text(" ") + " " + (description["content"] if description else "")).split())


def _office_text(path, part: str) -> str:
    import html as markup
    import zipfile
    with zipfile.ZipFile(path) as package:
        xml = package.read(part).decode("utf-8")
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", xml)).split())


def _catalogue_english_in(texts: dict[str, str], keys: list[str], english: dict[str, str], spanish: dict[str, str]) -> list[str]:
    """For each key: every run of its Spanish is in one of the texts (a month's name: only those
    that some date has), and no run of its English is in any (unless the Spanish has the same
    words); said as problems."""
    problems = []
    for key in keys:
        for run in _fragments(spanish[key]) if not key.startswith("render.date.month.") else []:
            if not any(run in text for text in texts.values()):
                problems.append(f"{key}: the Spanish {run!r} is in none of {', '.join(texts)}")
        for run in _fragments(english[key]):
            if run in " ".join(_fragments(spanish[key])):
                continue
            problems += [f"{name}: {key}: the English {run!r}" for name, text in texts.items() if run in text]
    return problems


def test_the_spanish_pages_and_downloads_carry_no_english_of_the_renderers_catalogue(site_dir):
    """The words the Python renderers write (locales/interface.pot, keys render.*) are Spanish on
    the Spanish worksheet and reply pages, the list of worksheets, "My answers", the routes by place,
    the "last checked" line and date, the about page's contact section (the site's own, and a careers
    service's copy), and the PDF, Word, ODT and plain-text downloads and the print pack; the files'
    language is es (English: en-GB)."""
    english, spanish = interface.english(ROOT), interface.strings(ROOT, "es")
    keys = [key for key in english if key.startswith(interface.PYTHON_PREFIX) and key != "render.text.tick-word"]
    es = site_dir / "es"
    slugs = [s.slug for s in load_worksheets(ROOT)]
    pages = {f"/es/worksheets/{slug}/": _page_text(es / f"worksheets/{slug}/index.html") for slug in slugs}
    pages["/es/worksheets/"] = _page_text(es / "worksheets/index.html")
    summary = {"/es/worksheets/summary/": _page_text(es / "worksheets/summary/index.html")}
    places = {"/es/support/urgent-help/": _page_text(es / "support/urgent-help/index.html")}
    dated = {}   # the "last checked" line of every page that has one, and the about page's date
    for path in sorted(es.rglob("index.html")):
        lines = soup(path.read_text("utf-8")).select("p.facts-checked")
        if lines:
            dated[f"/{path.relative_to(site_dir).parent.as_posix()}/"] = " ".join(" ".join(p.get_text(" ").split()) for p in lines)
    dated["/es/about/"] = _page_text(es / "about/index.html")
    replies = {f"/es/replies/{p.parent.name}/": _page_text(p) for p in sorted((es / "replies").glob("*/index.html"))}
    downloads = {}
    for slug in slugs:
        downloads[f"{slug}.txt"] = " ".join((es / f"downloads/{slug}.txt").read_text("utf-8").split())
        downloads[f"{slug}.docx"] = _office_text(es / f"downloads/{slug}.docx", "word/document.xml")
        downloads[f"{slug}.odt"] = _office_text(es / f"downloads/{slug}.odt", "content.xml")
        for kind in ("a4", "letter", "large-print"):
            pdf = PdfReader(es / f"downloads/{slug}-{kind}.pdf")
            downloads[f"{slug}-{kind}.pdf"] = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    pack = PdfReader(es / "downloads/after-the-no-pack-a4.pdf")
    downloads["pack-a4.pdf"] = " ".join((" ".join(page.extract_text() for page in pack.pages) + " "
                                         + pack.metadata["/Title"] + " " + pack.metadata["/Subject"]).split())
    groups = {"render.worksheet.": pages, "render.worksheets.": pages, "render.funnel.": pages, "render.download.": pages,
              "render.entries.": {**pages, **downloads}, "render.reply.": replies, "render.pdf.": downloads,
              "render.text.": downloads, "render.office.": downloads, "render.pack.": downloads,
              "render.summary.": summary, "render.places.": places, "render.freshness.": dated, "render.date.": dated,
              "render.link-kit.": {"/es/advisers/": _page_text(es / "advisers/index.html")},
              "render.about.": {"/es/about/": dated["/es/about/"],
                                # a careers service's copy, its settings naming no organisation or link words
                                "a branded /es/about/": contact_markdown({"contact_url": "https://example.edu/ayuda"}, spanish)}}
    problems = []
    for prefix, texts in groups.items():
        problems += _catalogue_english_in(texts, [key for key in keys if key.startswith(prefix)], english, spanish)
    assert all(any(key.startswith(prefix) for prefix in groups) for key in keys)   # every key is looked for
    # The files say their language: the PDF's /Lang and XMP, Word's w:lang, the ODT's dc:language and fo:language.
    slug = slugs[0]
    for name in (f"{slug}-a4.pdf", f"{slug}-large-print.pdf", "after-the-no-pack-a4.pdf"):
        pdf = PdfReader(es / "downloads" / name)
        xmp = pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
        if pdf.trailer["/Root"]["/Lang"] != "es" or "<dc:language><rdf:Bag><rdf:li>es</rdf:li>" not in xmp:
            problems.append(f"{name}: /Lang {pdf.trailer['/Root']['/Lang']!r}, expected 'es' (and in the XMP)")
    import zipfile
    with zipfile.ZipFile(es / f"downloads/{slug}.docx") as docx:
        if '<w:lang w:val="es"/>' not in docx.read("word/styles.xml").decode("utf-8"):
            problems.append(f"{slug}.docx: w:lang is not es")
    with zipfile.ZipFile(es / f"downloads/{slug}.odt") as odt:
        meta, styles = odt.read("meta.xml").decode("utf-8"), odt.read("styles.xml").decode("utf-8")
        if "<dc:language>es</dc:language>" not in meta or 'fo:language="es"/>' not in styles:
            problems.append(f"{slug}.odt: dc:language or fo:language is not es")
    english_pdf = PdfReader(site_dir / f"downloads/{slug}-a4.pdf")
    assert english_pdf.trailer["/Root"]["/Lang"] == "en-GB"
    with zipfile.ZipFile(site_dir / f"downloads/{slug}.docx") as docx:
        assert '<w:lang w:val="en-GB"/>' in docx.read("word/styles.xml").decode("utf-8")
    assert problems == [], "\n".join(problems)


@pytest.mark.engines
def test_the_404_page_says_not_found_in_its_own_language(site_dir):
    """Material writes its 404 heading in English; overrides/404.html asks the catalogue."""
    headings = {code: soup((site_dir / prefix / "404.html").read_text("utf-8")).select_one("article h1").get_text(strip=True)
                for code, prefix in (("en", ""), ("es", "es"))}
    assert headings == {"en": interface.english(ROOT)["page.404.title"], "es": interface.strings(ROOT, "es")["page.404.title"]}
    assert headings == {"en": "404 - Not found", "es": "404: esta página no existe"}
