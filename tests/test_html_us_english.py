"""US English (extra.english: us, after_the_no/i18n/us_english.py): the glossary's rules on a
sample, and a US college's build with no UK-only word from the glossary on any page (its words,
titles and navigation) or in any download (PDF, Word, OpenDocument, plain text), the routes by
place with the United States first. The default build keeps its UK English."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from after_the_no.definitions import DefinitionError
from after_the_no.i18n.us_english import _pattern, forms, load_glossary, markdown, yaml_text
from conftest import ROOT, is_redirect_stub
from site_support import download_text
import suite_run

TERMS = load_glossary(ROOT)
UK_WORDS = [(uk, _pattern(uk)) for term in TERMS for uk, _ in forms(term)]


STRINGS_BLOCK = re.compile(r'<script type="application/json" id="interface-strings">(.*?)</script>', re.S)


def interface_words(site: Path, into: Path) -> dict[str, str]:
    """The US build's interface strings, as its config hands them to the templates."""
    from after_the_no.i18n.us_english import staged_config
    config, _ = staged_config(site.parent / "mkdocs.yml", ROOT, into)
    return yaml.safe_load(config.read_text("utf-8"))["extra"]["interface"]


def us_site() -> Path:
    return suite_run.build("us-english")[0] / "site"


def test_the_glossary_changes_words_and_nothing_that_names_something():
    page = ("---\ndescription: Your CV and the careers service.\ncomponent: places\n---\n\n"
            "# Send your CV\n\n## Ask a careers adviser {#ask}\n\n"
            "Careers services and a graduate scheme: [your CV](../cv.md#your-cv) `CV` <!-- places: rights -->\n"
            "CV (résumé) at first use; CVs; the Labour Relations Agency; labour law; graduate-schemes/.\n")
    assert markdown(page, TERMS) == (
        "---\ndescription: Your résumé and the career center.\ncomponent: places\n---\n\n"
        "# Send your résumé {#send-your-cv}\n\n## Ask a career counselor {#ask}\n\n"
        "Career centers and a graduate program: [your résumé](../cv.md#your-cv) `CV` <!-- places: rights -->\n"
        "résumé at first use; résumés; the Labour Relations Agency; labor law; graduate-schemes/.\n")
    definition = "- id: careers-service\n  organisation: A careers service\n  title: Update your CV\n  link: ../cv.md\n"
    assert yaml_text(definition, TERMS) == \
        "- id: careers-service\n  organisation: A career center\n  title: Update your résumé\n  link: ../cv.md\n"


def test_a_glossary_entry_with_no_us_english_stops_the_build(tmp_path):
    (tmp_path / "locales/en-US").mkdir(parents=True)
    (tmp_path / "locales/en-US/glossary.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "CV"\nmsgstr "résumé"\n\nmsgid "centre"\nmsgstr ""\n', "utf-8")
    with pytest.raises(DefinitionError) as error:
        load_glossary(tmp_path)
    assert str(error.value) == "locales/en-US/glossary.po:8: centre: no US English (msgstr is empty)"


def visible_text(html: str) -> str:
    html = re.sub(r"<script.*?</script>|<style.*?</style>|<!--.*?-->", " ", html, flags=re.S)
    html = re.sub(r'\s(?:href|src|id|for|class|name|value|data-[\w-]+)="[^"]*"', "", html)
    return re.sub(r"https?://\S+", " ", re.sub(r"<[^>]+>", " ", html))   # a URL names a page


def uk_words_in(text: str, where: str) -> list[str]:
    return [f"{where}: {uk!r} in ...{text[max(0, m.start() - 40):m.end() + 20]!r}..."
            for uk, pattern in UK_WORDS for m in pattern.finditer(text)]


def test_a_us_build_has_no_uk_word_from_the_glossary_on_any_page_or_in_any_download(tmp_path):
    site = us_site()
    pages = [p for p in sorted(site.rglob("*.html")) if not is_redirect_stub(p.read_text("utf-8"))]
    downloads = sorted((site / "downloads").glob("*.*"))
    assert len(pages) > 50 and len(downloads) >= 30, (len(pages), len(downloads))
    found = [problem for page in pages
             for problem in uk_words_in(visible_text(page.read_text("utf-8")), page.relative_to(site).as_posix())]
    # The words the page's scripts show (its interface strings block) and every interface string.
    found += [problem for page in pages for block in STRINGS_BLOCK.findall(page.read_text("utf-8"))
              for problem in uk_words_in(" | ".join(json.loads(block).values()), f"{page.relative_to(site).as_posix()} #interface-strings")]
    found += uk_words_in(" | ".join(interface_words(site, tmp_path).values()), "the staged config's extra.interface")
    found += [problem for path in downloads
              for problem in uk_words_in(download_text(path), path.relative_to(site).as_posix())]
    assert found == [], f"{len(found)} UK words left in the US build:\n" + "\n".join(found)


def test_a_us_build_says_the_us_words_and_puts_the_united_states_first(site_dir):
    us = (us_site() / "support/urgent-help/index.html").read_text("utf-8")
    uk = (site_dir / "support/urgent-help/index.html").read_text("utf-8")
    place_order = re.compile(r'<section class="place" data-place="([a-z-]+)"')
    assert place_order.findall(uk)[:6] == ["england", "wales", "scotland", "northern-ireland", "us", "elsewhere"]
    assert place_order.findall(us)[:6] == ["us", "england", "wales", "scotland", "northern-ireland", "elsewhere"]
    home_us = visible_text((us_site() / "index.html").read_text("utf-8"))
    home_uk = visible_text((site_dir / "index.html").read_text("utf-8"))
    assert "For careers advisers" in home_uk and "For career counselors" in home_us
    assert "résumé" in visible_text((us_site() / "respond/index.html").read_text("utf-8"))
    assert "CV" in visible_text((site_dir / "respond/index.html").read_text("utf-8"))
