"""The site carries the source article's advice in its own words: no run of six words from
the article appears in any built page's text.

The article itself is not in the repository; tests/fixtures/source-article.fingerprint holds a
hash of each of its six-word runs (tools/article_fingerprint.py writes it), so this needs
nothing outside the repository."""
from __future__ import annotations

from site_support import soup
from tools import article_fingerprint as fp


def test_a_planted_run_is_found_however_it_is_cased_spaced_or_punctuated():
    known = fp.fingerprint("The quick brown fox jumps over the lazy dog's back.")
    page = "<p>Our own words. Then: THE quick  brown\nfox — jumps over, and more of ours.</p>"
    assert fp.copied_runs(soup(page).get_text(" "), known) == ["the quick brown fox jumps over"]
    assert fp.copied_runs("the lazy dogs back is here but quick brown fox jumps", known) == []


def test_the_fingerprint_is_hashes_only_and_covers_the_whole_article():
    lines = fp.FINGERPRINT.read_text("ascii").splitlines()
    hashes = fp.read()
    assert lines[0].startswith("# ") and len(lines) == len(hashes) + 1
    assert all(len(h) == fp.DIGITS and set(h) <= set("0123456789abcdef") for h in hashes)
    assert len(hashes) == 434  # the article's distinct six-word runs (438 words)


def test_no_six_word_run_of_the_article_is_on_any_page(html_pages):
    known = fp.read()
    copied = [f"/{url}: {run}" for url, html in html_pages.items()
              for run in fp.copied_runs(soup(html).select_one("article").get_text(" "), known)]
    assert copied == []


def test_no_six_word_run_of_the_article_is_on_any_translated_page(site_dir):
    """The translated trees (/es/...) too: an English passage left untranslated, or pasted in,
    is found there as on the English pages."""
    from conftest import is_redirect_stub, language_trees
    known = fp.read()
    pages = [p for code in sorted(language_trees(site_dir)) for p in sorted((site_dir / code).rglob("*.html"))
             if not is_redirect_stub(p.read_text("utf-8"))]
    assert len(pages) > 50, len(pages)
    copied = [f"/{page.relative_to(site_dir).as_posix()}: {run}" for page in pages
              for article in [soup(page.read_text("utf-8")).select_one("article")] if article
              for run in fp.copied_runs(article.get_text(" "), known)]
    assert copied == [], "\n".join(copied)
