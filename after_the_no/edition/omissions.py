"""Pages an edition leaves out (mkdocs.yml `extra.omit`): situations, worksheets or replies that
do not apply, for example the UK-only pages for a US college.

    extra:
      omit:
        - /situations/graduate-schemes/

An omitted page leaves the nav, the chooser and every generated list; its URL redirects to the
nearest page that applies (its section's index); a link to it from another page goes there too,
and a list item that only leads to it is dropped (unless it carries a published anchor: then it
stays, leading to the section, so the anchor is kept).
"""
from __future__ import annotations

import difflib
import posixpath
import re

from after_the_no.definitions import Checker

KEY = ("extra", "omit")


def page_of(url: str) -> str:
    """'/situations/no-reply/' -> 'situations/no-reply.md'."""
    return url.strip("/") + ".md"


def url_of(page: str) -> str:
    return "/" + page[: -len(".md")] + "/"


def check(checker: Checker, omit, pages) -> None:
    if omit is None:
        return
    if not isinstance(omit, list):
        checker.fail(KEY, "expected a list of page URLs, such as - /situations/graduate-schemes/")
        return
    known = sorted(url_of(p) for p in pages.omittable)
    for i, url in enumerate(omit):
        if not isinstance(url, str) or page_of(url) not in pages.omittable or not url.startswith("/"):
            close = difflib.get_close_matches(str(url), known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            checker.fail(KEY + (i,), f"{url!r} is not a page you can omit{hint}: only situations, worksheets "
                                     "and replies can be, as /situations/<name>/, /worksheets/<name>/ or "
                                     "/replies/<name>/")


def omitted(config: dict) -> dict[str, str]:
    """Each omitted page -> the page its URL and links now lead to (its section's index)."""
    urls = (config.get("extra") or {}).get("omit") or []
    return {page_of(url): page_of(url).split("/")[0] + "/index.md" for url in urls}


LINK = re.compile(r"\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")
ITEM = re.compile(r"^\s*[-*] \[[^\]]*\]\(([^)\s#]+\.md)(?:#[^)\s]*)?\).*\n?", re.M)


def rewrite(markdown: str, page: str, gone: dict[str, str]) -> str:
    """A page's Markdown with no link to an omitted page: a list item that starts with one goes,
    any other link leads to the page that replaces it."""
    if not gone:
        return markdown
    here = posixpath.dirname(page)

    def target(href: str) -> str:
        return posixpath.normpath(posixpath.join(here, href))

    # An item that carries a published anchor ({ #after-silence }) stays, leading to the section.
    markdown = ITEM.sub(lambda m: "" if target(m.group(1)) in gone and "{ #" not in m.group(0)
                        and "{#" not in m.group(0) else m.group(0), markdown)

    def relink(match: re.Match) -> str:
        page_uri = target(match.group(1))
        if page_uri not in gone:
            return match.group(0)
        return f"]({posixpath.relpath(gone[page_uri], here or '.')})"

    return LINK.sub(relink, markdown)


def redirect_maps(gone: dict[str, str]) -> dict[str, str]:
    """mkdocs-redirects' map for the omitted pages."""
    return dict(sorted(gone.items()))
