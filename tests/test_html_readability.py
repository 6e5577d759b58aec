"""The guide pages read at grade 8 or below, in sentences of 20 words or fewer on average.

Measured with textstat on the article text of the built page (code blocks and inline code,
navigation, header and footer left out). Headings, list items and other text blocks count as sentences:
one that lacks terminal punctuation gets a full stop before measuring.
"""
from __future__ import annotations

import pytest
import textstat

from quality_support import budgets, readable_text, text_blocks

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
