"""The brand: the site's default name and colour, a careers service's own (mkdocs.yml
`extra.brand`), its checks and its CSS. A leaf: every other module may import it.

Every key of `extra.brand` is optional; an empty value means "not branded". Problems are
reported as `mkdocs.yml: extra.brand.<key>: message` so the person editing the file knows
where to look.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# The site's own colour, a deep teal that keeps white header text above 4.5:1: written here
# only; everything else (downloads, manifest, theme-color, CSS, icons) is derived from it.
DEFAULT_NAME = "After the No"
DEFAULT_COLOUR = "#00695c"
# What the hand-written stylesheets under docs/ write for the default colour: staging puts the
# colour in its place (a hash token, so the unstaged file is still valid CSS).
CSS_DEFAULT_COLOUR = "#brand-colour"

KEYS = {"organisation", "logo", "primary_colour", "contact_url", "contact_label", "footer_text",
        "embed_origins"}   # a list, checked with its line in after_the_no/edition/embedding.py
HEX = re.compile(r"#([0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Brand:
    """What the downloads take from the site's branding: its name (mkdocs.yml `site_name`) and
    colour (`extra.brand.primary_colour`, the default when unset)."""
    name: str = DEFAULT_NAME
    colour: str = DEFAULT_COLOUR
    # A careers service's own lines for the print pack's cover (extra.brand); empty: none.
    organisation: str = ""
    contact: str = ""        # "Book a careers appointment: https://…"
    footer_text: str = ""
    # The page language: its tag for the files' metadata (English stays en-GB), and the words the
    # downloads print (the interface catalogue's render.* keys; English when empty).
    language: str = "en-GB"
    words: dict = field(default_factory=dict, hash=False)

    @classmethod
    def from_settings(cls, site_name: str, brand: dict | None) -> "Brand":
        brand = brand or {}
        label = brand.get("contact_label") or "Talk to a careers adviser"
        contact = f"{label}: {brand['contact_url']}" if brand.get("contact_url") else ""
        return cls(site_name or cls.name, brand.get("primary_colour") or DEFAULT_COLOUR,
                   (brand.get("organisation") or "").strip(), contact, (brand.get("footer_text") or "").strip())


# Where a reader of the unbranded site reports a problem (/about/#contact). A branded build shows
# extra.brand.contact_url there instead: that is the one setting.
PROJECT_ISSUES_URL = "https://github.com/after-the-no/after-the-no/issues"


def check(brand: dict | None, docs_dir: Path) -> list[str]:
    """Every problem with the branding settings, as 'mkdocs.yml: extra.brand.key: message'."""
    problems = []
    brand = brand or {}
    if not isinstance(brand, dict):
        return ["mkdocs.yml: extra.brand: expected a mapping of branding settings"]

    def fail(key, message):
        problems.append(f"mkdocs.yml: extra.brand.{key}: {message}")

    for key, value in brand.items():
        if key not in KEYS:
            fail(key, f"unknown setting (allowed: {', '.join(sorted(KEYS))})")
        elif value is not None and not isinstance(value, str) and key != "embed_origins":
            fail(key, "expected text")
    colour = brand.get("primary_colour") or ""
    if colour:
        if not HEX.fullmatch(colour):
            fail("primary_colour", f"{colour!r} must be a colour like #00467f")
        elif contrast_with_white(colour) < 4.5:
            fail("primary_colour", f"{colour} is too light: white text on it has contrast "
                                   f"{contrast_with_white(colour):.2f}:1, it needs at least 4.5:1")
    url = brand.get("contact_url") or ""
    if url and not re.match(r"(https?://|mailto:)", url):
        fail("contact_url", f"{url!r} must start with https://, http:// or mailto:")
    logo = brand.get("logo") or ""
    if logo and not (docs_dir / logo).is_file():
        fail("logo", f"{logo!r} is not a file under docs/")
    return problems


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def _mix(colour: str, other: str, amount: float) -> str:
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def default_colour_css(css: bytes) -> bytes:
    """A stylesheet from docs/ with the default colour in place of CSS_DEFAULT_COLOUR."""
    return css.replace(CSS_DEFAULT_COLOUR.encode("ascii"), DEFAULT_COLOUR.encode("ascii"))


def brand_css(colour: str) -> str:
    """The CSS that puts the brand colour on the header, buttons and links (light scheme)."""
    return (
        "/* Generated from mkdocs.yml extra.brand.primary_colour. */\n"
        ":root {\n"
        f"  --md-primary-fg-color: {colour};\n"
        f"  --md-primary-fg-color--light: {_mix(colour, '#ffffff', 0.2)};\n"
        f"  --md-primary-fg-color--dark: {_mix(colour, '#000000', 0.25)};\n"
        f"  --md-typeset-a-color: {colour};\n"
        "}\n"
    )
