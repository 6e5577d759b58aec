"""Reply examples in the built site, read as HTML (what a person sees without JavaScript)."""
from __future__ import annotations

import json

from after_the_no import replies
from reply_support import SLUGS, library
from site_support import content_headings, soup


def article(html: str):
    return soup(html).select_one("article.md-content__inner")


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
        assert static.select_one(".reply-subject").get_text() == \
            "Subject: " + replies.fill(reply.message.subject, {}, lib.placeholders)
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
        assert short.select_one(".reply-subject").get_text() == \
            "Subject: " + replies.fill(reply.short.subject, {}, lib.placeholders)
        assert short.select_one("pre.reply-body").get_text() == replies.fill(reply.short.body, {}, lib.placeholders)


def test_the_page_data_for_the_script_is_exact_json(html_pages):
    lib = library()
    rules = [{"id": r.id, "pattern": r.pattern, "why": r.why, "suggest": r.suggest} for r in lib.tone_rules]
    for reply in lib.replies:
        page = soup(html_pages[f"replies/{reply.slug}/"])
        data = json.loads(page.select_one("script.reply-data").string)
        assert data["message"] == {"subject": reply.message.subject, "body": reply.message.body}
        assert data["short"] == {"subject": reply.short.subject, "body": reply.short.body}
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
    footer = soup(html_pages["replies/future-roles/"]).select("nav.md-footer__inner a")
    assert [a["href"] for a in footer] == ["../check-in-months-later/", "../../advisers/"]


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
