"""Tone and inclusion on the guide pages, read from the built HTML: what each page must say,
and wording it must not use (issue 10)."""
from __future__ import annotations

import re

import pytest

from quality_support import readable_text, text_blocks
from site_support import soup

STEPS = ["reflect/", "respond/", "reconnect/", "move-forward/"]


def article_text(html: str) -> str:
    return " ".join(text_blocks(html))


def section(html: str, anchor: str) -> str:
    """The text of a heading's section: from the heading to the next heading of the same or higher level."""
    page = soup(html)
    heading = page.find(id=anchor)
    level = int(heading.name[1])
    parts = [heading.get_text(" ", strip=True)]
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            break
        parts.append(sibling.get_text(" ", strip=True))
    return " ".join(" ".join(parts).split())


def links(html: str, anchor: str | None = None) -> list[str]:
    page = soup(html).select_one("article.md-content__inner")
    if anchor is None:
        return [a["href"] for a in page.find_all("a", href=True)]
    heading = page.find(id=anchor)
    level = int(heading.name[1])
    found = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and int(sibling.name[1]) <= level:
            break
        found += [a["href"] for a in sibling.find_all("a", href=True)]
    return found


@pytest.mark.parametrize("url", STEPS)
def test_no_neurotypical_rules_for_a_first_impression(html_pages, url):
    text = article_text(html_pages[url]).lower()
    assert [w for w in ("eye contact", "in the eye", "smile", "smiling", "firm handshake") if w in text] == []


def test_first_impression_is_judged_on_your_own_terms_and_points_to_adjustments(html_pages):
    html = html_pages["reflect/"]
    text = section(html, "first-impression")
    assert "Did you arrive as you meant to, on time and ready?" in text
    assert "show your interest in the job in your own way" in text
    assert "../support/adjustments/" in links(html, "first-impression")


@pytest.mark.parametrize("url", STEPS)
def test_feelings_are_options_never_rationed_or_ordered(html_pages, url):
    text = article_text(html_pages[url]).lower()
    rationed = ["set time to feel", "such as one evening", "bring energy and hope", "you should feel",
                "stop feeling", "try to stay positive"]
    assert [phrase for phrase in rationed if phrase in text] == []


def test_move_forward_offers_feelings_as_options_and_says_moving_on_is_hard(html_pages):
    html = html_pages["move-forward/"]
    assert "Whatever you feel about this \u201cno\u201d is allowed" in section(html, "let-it-go") \
        or 'Whatever you feel about this "no" is allowed' in section(html, "let-it-go")
    intro = " ".join(text_blocks(html)[1:3])
    assert "You may hear that you should just move on and keep going. That is quick to say and much harder to do" in intro


def test_cv_is_explained_as_a_resume_the_first_time(html_pages):
    # UK readers say CV, US readers résumé: the first step that mentions it says both, once.
    firsts = {}
    for url in STEPS:
        text = readable_text(html_pages[url])
        if "CV" in text:
            firsts[url] = text[text.index("CV"):text.index("CV") + len("CV (résumé)")]
    assert firsts == {"respond/": "CV (résumé)", "move-forward/": "CV, using w"}


# Each recurring instruction is said once, where it belongs, and linked from elsewhere (a reply
# page's note on keeping the thread is one generated sentence, replies.THREAD_NOTE).
SAID_ONCE = {
    "within a day or two": ["reflect/"],
    "same email thread": ["reflect/"],
    # advisers/: the link kit names the automated-rejection section by its heading.
    "CV (résumé)": ["advisers/", "respond/", "situations/automated-rejection/"],
}


def test_each_recurring_instruction_is_said_once_where_it_belongs(html_pages):
    from after_the_no.replies import THREAD_NOTE
    found = {}
    for url, html in sorted(html_pages.items()):
        text = article_text(html).replace(THREAD_NOTE, "")
        for phrase in SAID_ONCE:
            if text.count(phrase):
                found.setdefault(phrase, []).append(f"{url}" + (f" x{text.count(phrase)}" if text.count(phrase) > 1 else ""))
    assert found == SAID_ONCE


@pytest.mark.parametrize("url", ["respond/", "move-forward/", "situations/final-round/", "situations/no-reply/",
                                 "situations/through-a-recruiter/", "situations/graduate-schemes/"])
def test_pages_that_mention_when_to_thank_link_to_where_it_is_said(html_pages, url):
    assert [href for href in links(html_pages[url]) if href.endswith("reflect/#who-and-when")] != [], url


def test_the_volunteer_example_is_about_relevance_not_pay(html_pages):
    html = html_pages["reflect/"]
    text = section(html, "ask-for-feedback")
    assert "paid" not in text.lower()
    assert "examples from his professional experience would have shown the skills this job needed" in text
    assert "what matters is how close each one is to the job" in text


def test_feeling_low_links_to_urgent_help(html_pages):
    assert "../support/urgent-help/" in links(html_pages["move-forward/"], "look-after-yourself")


def test_unfair_feedback_links_to_support_instead_of_only_letting_it_go(html_pages):
    html = html_pages["respond/"]
    assert "../support/unfair-treatment/" in links(html, "if-you-disagree")
    assert "you do not have to let it go" in section(html, "if-you-disagree")


def test_future_roles_warns_about_canvassing_in_the_public_sector(html_pages):
    text = section(html_pages["reconnect/"], "future-roles")
    assert ("Some UK public-sector employers, such as local councils, will disqualify an application if the "
            "person canvasses their staff or councillors") in text


# One timing rule everywhere: thank within a day or two; one reminder or status check after about a
# week; stop about two weeks after that; connect within a week or so; check in every three or four months.
TIMING = {
    "reflect/": ["within a day or two", "wait about a week and then send one short, polite reminder",
                 "If there is still no answer about two weeks after that, let it go",
                 "Wait about a week after the date they gave, or about two weeks after the interview if they gave "
                 "none, and then send one short status check",
                 "If there is still no answer about two weeks after that, you can treat it as a no and stop chasing"],
    "respond/": ["send a short note soon after"],
    "reconnect/": ["within a week or so", "Every three or four months"],
}


@pytest.mark.parametrize("url", TIMING)
def test_one_timing_rule(html_pages, url):
    text = " ".join(text_blocks(html_pages[url]))
    assert [phrase for phrase in TIMING[url] if phrase not in text] == []
    # Wordings of the old, different rules.
    assert [old for old in ("within a day.", "reminder after a week.", "Send this within a day.")
            if old in text] == []


# Lines the site cannot keep, self-care orders to adults, closed questions offered as open ones,
# and reply openings that dwell on feelings (issue 19): none on any page, reply example included.
NEVER = ["There is work out there that fits you", "much more likely to call you",
         "Is there anything I could have done better?", "Was there one answer that could have been stronger?",
         "Rest, eat and get outside", "Of course I am sad", "Of course I hoped", "I am sad"]


def test_no_page_promises_what_it_cannot_know_or_tells_adults_how_to_look_after_themselves(html_pages):
    texts = {url: " ".join(soup(html).get_text(" ").split()).lower() for url, html in sorted(html_pages.items())}
    found = [f"/{url}: {phrase!r}" for url, text in texts.items() for phrase in NEVER if phrase.lower() in text]
    assert found == []


def test_they_called_you_leads_to_what_to_do_after_the_call(html_pages):
    card = soup(html_pages[""]).select_one("#after-a-call")
    assert card["href"] == "respond/#after-a-phone-call"
    text = section(html_pages["respond/"], "after-a-phone-call")
    assert "write down what they told you" in text
    assert [href for href in links(html_pages["respond/"], "after-a-phone-call")] == [
        "../replies/thank-you-for-feedback/", "../replies/ask-feedback-after-call/",
        "../replies/return-a-missed-call/", "../worksheets/feedback-log/"]
