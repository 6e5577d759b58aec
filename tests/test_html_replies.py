"""Reply examples in the built site, read as HTML (what a person sees without JavaScript)."""
from __future__ import annotations

import pytest

import json
from urllib.parse import urljoin

from after_the_no import replies
from reply_support import SLUGS, library
from site_support import content_headings, soup


def article(html: str):
    return soup(html).select_one("article.md-content__inner")


@pytest.mark.engines
def test_every_reply_page_is_built(html_pages):
    assert {f"replies/{slug}/" for slug in SLUGS} <= set(html_pages)


def test_every_reply_page_shows_subject_body_and_placeholders_as_plain_text(html_pages):
    lib = library()
    for reply in lib.replies:
        page = article(html_pages[f"replies/{reply.slug}/"])
        assert page.h1.get_text(strip=True).rstrip("¶") == reply.title
        assert page.select_one(".reply-when").get_text() == reply.when
        root = page.select_one('[data-module="reply"]')
        assert root["data-slug"] == reply.slug
        static = root.select_one(".reply-static")
        assert [li.get_text() for li in static.select(".reply-placeholders li")] == \
            [f"[{lib.placeholders[name].label}]" for name in reply.placeholders]
        subject = static.select_one(".reply-subject")
        if reply.spoken:   # said on the phone: no subject line
            assert subject is None, reply.slug
        else:
            assert subject.get_text() == "Subject: " + replies.fill(reply.message.subject, {}, lib.placeholders)
        assert static.select_one("pre.reply-body").get_text() == replies.fill(reply.message.body, {}, lib.placeholders)
        assert "[Your name]" in static.select_one("pre.reply-body").get_text()


def test_every_reply_page_has_what_to_avoid_and_a_shorter_version(html_pages):
    lib = library()
    for reply in lib.replies:
        page = article(html_pages[f"replies/{reply.slug}/"])
        assert [h.get("id") for h in page.find_all("h2")] == \
            ["when-to-use-it", "the-message", "what-to-avoid", "shorter-version"]
        assert [li.get_text() for li in page.select(".reply-avoid li")] == list(reply.avoid)
        short = page.select_one(".reply-text--short")
        if reply.spoken:
            assert short.select_one(".reply-subject") is None, reply.slug
        else:
            assert short.select_one(".reply-subject").get_text() == \
                "Subject: " + replies.fill(reply.short.subject, {}, lib.placeholders)
        assert short.select_one("pre.reply-body").get_text() == replies.fill(reply.short.body, {}, lib.placeholders)


def test_the_page_data_for_the_script_is_exact_json(html_pages):
    lib = library()
    rules = [{"id": r.id, "pattern": r.pattern, "why": r.why, "suggest": r.suggest} for r in lib.tone_rules]
    rules = [{**rule, "link": {"text": "If it felt unfair", "href": "../../support/unfair-treatment/"}}
             if rule["id"] == "unfair" else rule for rule in rules]
    for reply in lib.replies:
        page = soup(html_pages[f"replies/{reply.slug}/"])
        data = json.loads(page.select_one("script.reply-data").string)
        assert data["message"] == {"subject": reply.message.subject, "body": reply.message.body}
        limit = {"limit": {"characters": 200, "where": "a free LinkedIn invitation"}} \
            if reply.slug == "connection-note" else {}
        assert data["short"] == {"subject": reply.short.subject, "body": reply.short.body, **limit}
        assert data.get("spoken") is (True if reply.slug == "return-a-missed-call" else None), reply.slug
        assert [p["name"] for p in data["placeholders"]] == list(reply.placeholders)
        assert page.select_one("script#tone-rules")["type"] == "application/json"
        assert json.loads(page.select_one("script#tone-rules").string) == rules


def test_reply_pages_have_a_description_one_h1_and_no_skipped_levels(html_pages):
    for slug in SLUGS:
        page = soup(html_pages[f"replies/{slug}/"])
        assert page.find("meta", attrs={"name": "description"})["content"].startswith(
            page.h1.get_text(strip=True).rstrip("¶") + ": an example message to fill in, copy and send.")
        assert content_headings(page) == [1, 2, 2, 2, 2]


def test_each_reply_links_to_its_moment_in_the_guide_and_back_to_the_index(html_pages):
    expected = {r.slug: "../../" + r.guide_link.replace(".md#", "/#").replace("index/#", "#")
                for r in library().replies}
    for slug, href in expected.items():
        links = [a["href"] for a in article(html_pages[f"replies/{slug}/"]).find_all("a", href=True)]
        assert href in links, slug
        assert "../" in links, slug


@pytest.mark.engines
def test_the_index_lists_every_example_with_when_to_use_it(html_pages):
    page = article(html_pages["replies/"])
    items = page.select(".reply-list li")
    assert [li.a["href"] for li in items] == [f"{slug}/" for slug in SLUGS]
    assert [(li.a.get_text(), li.select_one(".reply-list-when").get_text()) for li in items] == \
        [(r.title, r.when) for r in library().replies]
    assert "<!-- reply-list -->" not in html_pages["replies/"]


def test_the_script_and_styles_load_as_one_module_on_reply_pages_only(html_pages):
    for url, html in html_pages.items():
        page = soup(html)
        scripts = page.find_all("script", src=lambda s: s and s.endswith("assets/reply.js"))
        styles = page.find_all("link", href=lambda h: h and h.endswith("assets/reply.css"))
        wanted = url.startswith("replies/") and url != "replies/"
        assert [s.get("type") for s in scripts] == (["module"] if wanted else []), url
        assert len(styles) == (1 if wanted else 0), url


def test_the_examples_sit_under_reply_examples_in_the_nav(html_pages):
    nav = soup(html_pages["replies/"]).select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    at = hrefs.index("./")
    assert hrefs[at:at + 1 + len(SLUGS)] == ["./"] + [f"{slug}/" for slug in SLUGS]
    # The last example's footer leads back to the one before it and on to the next section.
    footer = soup(html_pages[f"replies/{SLUGS[-1]}/"]).select("nav.md-footer__inner a")
    assert [a["href"] for a in footer] == [f"../{SLUGS[-2]}/", "../../advisers/"]


def test_descriptions_use_curly_quotes_so_the_meta_tag_stays_whole(html_pages):
    html = html_pages["replies/ask-feedback-after-email/"]
    assert ('<meta name="description" content="Ask for feedback after a rejection email: an example message to '
            'fill in, copy and send. The \u201cno\u201d came by email with no reasons') in html


def test_guide_pages_show_the_reply_example_itself_as_a_letter_not_a_code_block(html_pages):
    # One source: the message on /respond/ and /reconnect/ is the reply example's own text.
    lib = library()
    by_slug = {r.slug: r for r in lib.replies}
    for url, slug, version in (("respond/", "thank-you-for-feedback", "message"), ("reconnect/", "connection-note", "short")):
        shown = article(html_pages[url]).select(".reply-example pre.reply-body")
        assert [pre.get_text() for pre in shown] == \
            [replies.fill(getattr(by_slug[slug], version).body, {}, lib.placeholders)], url
    for url in ("", "reflect/", "respond/", "reconnect/", "move-forward/"):
        assert article(html_pages[url]).select("pre code, .highlight") == [], url


def test_every_example_message_on_every_page_passes_the_tone_check(html_pages):
    # The reply pages' own messages, full and short, and every reply example shown on a guide page.
    lib = library()
    checked, flagged = 0, {}
    for url, html in html_pages.items():
        for block in soup(html).select(".reply-text"):
            line = block.select_one(".reply-subject")   # none on a spoken reply
            subject = line.get_text().removeprefix("Subject: ") if line else ""
            text = subject + "\n" + block.select_one("pre.reply-body").get_text()
            checked += 1
            hits = replies.tone_check(text, lib.tone_rules)
            if hits:
                flagged[f"{url} {' '.join(block['class'])}"] = hits
    assert flagged == {}
    assert checked >= 2 * len(SLUGS) + 2  # every reply page's two, and the examples on /respond/ and /reconnect/


def test_the_unfair_rule_links_to_a_built_page_and_when_you_disagree_links_there_too(html_pages):
    data = json.loads(soup(html_pages["replies/when-you-disagree/"]).select_one("script#tone-rules").string)
    href = {rule["id"]: rule for rule in data}["unfair"]["link"]["href"]
    target = urljoin("/replies/when-you-disagree/", href)
    assert target == "/support/unfair-treatment/"
    assert target.lstrip("/") in html_pages
    links = {a["href"]: a.get_text() for a in article(html_pages["replies/when-you-disagree/"]).find_all("a", href=True)}
    assert links["../../support/unfair-treatment/"] == \
        "if the feedback or the way you were treated seemed unfair or discriminatory, where to get free advice"


def test_replies_that_answer_an_email_say_to_keep_the_thread(html_pages):
    with_note = {slug for slug in SLUGS
                 if article(html_pages[f"replies/{slug}/"]).select(".reply-thread-note")}
    assert with_note == {"ask-feedback-after-email", "reply-to-rejection-email", "thank-you-for-feedback",
                         "when-you-disagree", "feedback-reminder", "runner-up-still-interested", "note-to-recruiter",
                         "status-check-after-silence", "feedback-after-assessment-centre",
                         "offer-withdrawn-ask-in-writing"}
    note = article(html_pages["replies/thank-you-for-feedback/"]).select_one(".reply-thread-note")
    assert note.get_text() == ("If they wrote to you by email, answer in the same email thread: open their message, "
                               "press Reply and paste this in. Their message stays underneath, so they can see at "
                               "once what it is about.")


def test_the_connection_note_says_it_fits_its_limit(html_pages):
    page = article(html_pages["replies/connection-note/"])
    assert [p.get_text() for p in page.select(".reply-limit-note")] == [
        "It is kept to 200 characters or fewer, even with long names filled in, to fit a free LinkedIn invitation."]
    assert page.select(".reply-limit-note + .reply-text--short")
    assert sum(bool(article(html_pages[f"replies/{slug}/"]).select(".reply-limit-note")) for slug in SLUGS) == 1


def test_the_spoken_reply_says_it_is_said_aloud_in_30_seconds_and_has_no_subject(html_pages):
    page = article(html_pages["replies/return-a-missed-call/"])
    assert [p.get_text() for p in page.select(".reply-spoken-note")] == [
        "These are words to say, not to send. Each version takes less than 30 seconds to say at a calm pace. "
        "Read it aloud once or twice, then say it in your own way."]
    assert page.select(".reply-subject") == [] and page.select(".reply-thread-note") == []
    assert "Subject:" not in page.get_text()
    short_use = page.select_one("#shorter-version").find_next("p")
    assert short_use.get_text() == "For a voicemail, if they do not pick up."
    others = [slug for slug in SLUGS if slug != "return-a-missed-call"
              and article(html_pages[f"replies/{slug}/"]).select(".reply-spoken-note")]
    assert others == []
