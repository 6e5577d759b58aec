"""A careers service's own contacts (mkdocs.yml `extra.local_services`): check them, and render
them, above the national routes, on the pages where a reader needs them.

    extra:
      local_services:
        - kind: wellbeing                      # one of KINDS
          name: Student Wellbeing Service
          phone: "01632 960 000"               # phone, email, url: at least one
          email: wellbeing@example.ac.uk
          url: https://example.ac.uk/wellbeing
          hours: Monday to Friday, 9am to 5pm

One renderer for every place: the pages get block() through the `<!-- local-services -->`
marker (or, on a page without it, just before its first `##` section), the footer gets
footer_html() through the staged config.
"""
from __future__ import annotations

import html
import re

from after_the_no.definitions import Checker

# kind -> the label a reader sees
KINDS = {
    "appointments": "Careers appointments",
    "wellbeing": "Wellbeing and counselling",
    "disability": "Disability and adjustments",
    "international": "International student advice",
    "money": "Money advice",
    "out-of-hours": "Out of hours",
}
KEYS = {"kind", "name", "phone", "email", "url", "hours"}
ROUTES = ("phone", "email", "url")

# page -> the kinds shown there, in this order (the page a kind concerns, and the general ones)
PLACES = {
    "support/urgent-help.md": ("out-of-hours", "wellbeing", "money"),
    "support/index.md": tuple(KINDS),
    "support/adjustments.md": ("disability", "appointments"),
    "situations/international-students.md": ("international", "appointments"),
    "advisers.md": tuple(KINDS),
}
MARKER = re.compile(r"<!-- local-services -->")
PHONE = re.compile(r"\+?[0-9][0-9 ()-]*[0-9]")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I)


def check(checker: Checker, services) -> None:
    if services is None:
        return
    if not isinstance(services, list):
        checker.fail(("extra", "local_services"), "expected a list of services (kind, name, hours and "
                                                  "a phone, email or url)")
        return
    for i, service in enumerate(services):
        path = ("extra", "local_services", i)
        if checker.mapping(path, service, {"kind", "name", "hours"}, set(ROUTES)) is None:
            continue
        if "kind" in service:
            checker.one_of(path + ("kind",), service["kind"], list(KINDS))
        for key in ("name", "hours"):
            if key in service:
                checker.text(path + (key,), service[key])
        if not any(service.get(route) for route in ROUTES):
            checker.fail(path, "no way to reach it: give a phone, email or url")
        phone = service.get("phone")
        phone = str(phone) if isinstance(phone, int) and not isinstance(phone, bool) else phone
        if phone is not None and checker.text(path + ("phone",), phone):
            digits = re.sub(r"\D", "", phone)
            if not PHONE.fullmatch(phone.strip()) or not 3 <= len(digits) <= 15:
                checker.fail(path + ("phone",), f"{phone!r} is not a phone number (digits, spaces, +, - "
                                                "and brackets; 3 to 15 digits)")
        email = service.get("email")
        if email is not None and checker.text(path + ("email",), email) and not EMAIL.fullmatch(email):
            checker.fail(path + ("email",), f"{email!r} is not an email address")
        url = service.get("url")
        if url is not None and checker.text(path + ("url",), url) and not url.startswith(("https://", "http://")):
            checker.fail(path + ("url",), f"{url!r} must start with https:// or http://")


def _routes(service: dict) -> list[str]:
    links = []
    if service.get("phone"):
        tel = "+" + re.sub(r"\D", "", service["phone"]) if service["phone"].strip().startswith("+") \
            else re.sub(r"\D", "", service["phone"])
        links.append(f'call <a href="tel:{tel}">{html.escape(service["phone"])}</a>')
    if service.get("email"):
        links.append(f'email <a href="mailto:{html.escape(service["email"])}">{html.escape(service["email"])}</a>')
    if service.get("url"):
        links.append(f'<a href="{html.escape(service["url"])}">visit their website</a>')
    return links


def _title(organisation: str) -> str:
    return f"Help from {organisation}" if organisation else "Help from your own careers service"


def block(services: list[dict], kinds: tuple[str, ...], organisation: str = "") -> str:
    """The services of these kinds as an HTML block for a Markdown page ('' when there are none)."""
    chosen = [s for kind in kinds for s in services if s.get("kind") == kind]
    if not chosen:
        return ""
    items = []
    for service in chosen:
        routes = _routes(service)
        how = ", ".join(routes[:-1]) + (" or " if len(routes) > 1 else "") + routes[-1]
        items.append(f'<li data-kind="{service["kind"]}"><strong>{html.escape(service["name"])}</strong> '
                     f'({KINDS[service["kind"]].lower()}): {how}. {html.escape(service["hours"])}.</li>')
    return ('\n<div class="local-services">\n'
            f'<p class="local-services__title"><strong>{html.escape(_title(organisation))}</strong></p>\n'
            "<ul>\n" + "\n".join(items) + "\n</ul>\n</div>\n")


def place(markdown: str, page: str, services: list[dict], organisation: str = "") -> str:
    """The page with its local services: at its marker, else just before its first `##` section
    (above the national routes); a page not in PLACES loses any marker it has."""
    content = block(services, PLACES[page], organisation) if page in PLACES else ""
    if MARKER.search(markdown):
        return MARKER.sub(lambda m: content, markdown)
    if not content:
        return markdown
    section = re.search(r"^## ", markdown, re.M)
    at = section.start() if section else len(markdown)
    return markdown[:at] + content + "\n" + markdown[at:]


def footer_html(services: list[dict], organisation: str = "") -> str:
    """One line for the footer of every page: each service's name, linked to its first route."""
    if not services:
        return ""
    links = []
    for service in services:
        if service.get("url"):
            href = service["url"]
        elif service.get("phone"):
            href = "tel:" + re.sub(r"[^0-9+]", "", service["phone"])
        else:
            href = "mailto:" + service["email"]
        links.append(f'<a href="{html.escape(href)}">{html.escape(service["name"])}</a>')
    return f'<p class="local-services-footer">{html.escape(_title(organisation))}: ' + " · ".join(links) + "</p>"
