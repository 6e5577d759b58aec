"""The guide pages read at grade 8 or below, in sentences of 20 words or fewer on average; each
translated tree's pages meet their language's own formula (budgets.yml readability.translated).

Measured with textstat on the article text of the built page (code blocks and inline code,
navigation, header and footer left out). Headings, list items and other text blocks count as sentences:
one that lacks terminal punctuation gets a full stop before measuring.
"""
from __future__ import annotations

import re

import pytest
import textstat
from textstat.backend.counts import count_words

from quality_support import readable_text, text_blocks
from tools.measures import budgets

TARGETS = budgets()["readability"]


def test_text_blocks_skip_code_and_chrome_and_end_as_sentences():
    html = """<header>Site name</header><nav>Menu</nav><article class="md-content__inner">
      <h1 id="t">Reflect on it<a class="headerlink" href="#t">¶</a></h1>
      <p>You did <em>well</em> to apply.</p><p>Link: <code>https://example.org/reflect/</code></p><ul><li>Ask for feedback<ul><li>By email</li></ul></li></ul>
      <div class="highlight"><pre><code>not = counted</code></pre></div>
      <p>Did it go well?</p></article><footer>Licence</footer>"""
    assert text_blocks(html) == ["Reflect on it", "You did well to apply.", "Link:", "Ask for feedback",
                                 "By email", "Did it go well?"]
    assert readable_text(html) == ("Reflect on it. You did well to apply. Link:. Ask for feedback. "
                                   "By email. Did it go well?")


@pytest.mark.parametrize("url", TARGETS["pages"], ids=lambda u: u.strip("/") or "home")
def test_guide_page_reads_at_grade_8(html_pages, url):
    text = readable_text(html_pages[url])
    grade = textstat.flesch_kincaid_grade(text)
    words_per_sentence = textstat.words_per_sentence(text)
    print(f"/{url}: Flesch-Kincaid grade {grade:.2f}, {words_per_sentence:.1f} words per sentence, "
          f"{textstat.lexicon_count(text)} words")
    assert textstat.lexicon_count(text) > 50, "too little text measured: is the page's article empty?"
    assert grade <= TARGETS["max_grade"], f"/{url}: Flesch-Kincaid grade {grade} > {TARGETS['max_grade']}"
    assert words_per_sentence <= TARGETS["max_sentence_words"], \
        f"/{url}: {words_per_sentence} words per sentence > {TARGETS['max_sentence_words']}"


def short_sentence_share(text: str, max_words: int) -> tuple[int, int]:
    """(sentences of max_words words or fewer, all sentences), split as textstat counts sentences:
    sentences of 2 words or fewer, which textstat leaves out of its count, are left out here too."""
    sentences = [s for s in re.findall(r"\b[^.!?]+[.!?]*", text) if count_words(s) > 2]
    return sum(count_words(s) <= max_words for s in sentences), len(sentences)


def test_short_sentence_share_counts_as_textstat_splits():
    assert short_sentence_share("Go. Keep it light. This one has more than six words in it, so it is long.", 6) == (1, 2)


SHORT = TARGETS["short_sentences"]


@pytest.mark.parametrize("url", SHORT["pages"], ids=lambda u: u.strip("/") or "home")
def test_guide_page_is_not_a_run_of_very_short_sentences(html_pages, url):
    short, total = short_sentence_share(readable_text(html_pages[url]), SHORT["max_words"])
    print(f"/{url}: {short} of {total} sentences have {SHORT['max_words']} words or fewer ({short / total:.0%})")
    assert short / total < SHORT["max_share"], \
        f"/{url}: {short} of {total} sentences have {SHORT['max_words']} words or fewer; keep it under {SHORT['max_share']:.0%}"


TRANSLATED = [(code, url) for code in TARGETS["translated"] for url in TARGETS["pages"]]


@pytest.mark.parametrize("code,url", TRANSLATED, ids=[f"{c}/{u}".strip("/") for c, u in TRANSLATED])
def test_translated_page_reads_easily_by_its_own_language_formula(site_dir, code, url):
    target = TARGETS["translated"][code]
    text = readable_text((site_dir / code / url / "index.html").read_text("utf-8"))
    textstat.set_lang(code)   # textstat's language is global: set back below for the English tests
    try:
        score = getattr(textstat, target["formula"])(text)
        words_per_sentence = textstat.words_per_sentence(text)
        words = textstat.lexicon_count(text)
    finally:
        textstat.set_lang("en_US")
    print(f"/{code}/{url}: {target['formula']} {score:.1f}, {words_per_sentence:.1f} words per sentence, {words} words")
    assert words > 50, f"/{code}/{url}: too little text measured: is the page's article empty?"
    problems = ([f"{target['formula']} {score:.1f} < {target['min_score']}"] if score < target["min_score"] else []) + \
        ([f"{words_per_sentence:.1f} words per sentence > {target['max_sentence_words']}"]
         if words_per_sentence > target["max_sentence_words"] else [])
    assert problems == [], f"/{code}/{url}: " + "; ".join(problems)
