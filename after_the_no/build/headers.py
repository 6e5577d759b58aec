"""The `_headers` file (Netlify, Cloudflare Pages and similar hosts) with strict security headers.

The Content-Security-Policy allows nothing from any other host. Material writes a few small
inline scripts (scroll scope, colour palette, anchor fix); rather than allow every inline script
with 'unsafe-inline', we list the SHA-256 of each one found in the built pages.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
# Material's own assets carry a content hash in their name (bundle.a5f9d56c.min.js): cache forever.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")

SECURITY_HEADERS = {
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "interest-cohort=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for attrs, body in INLINE_SCRIPT.findall(html):
        if 'type="application/json"' in attrs:
            continue  # data, never executed, so CSP does not apply
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.add(f"'sha256-{digest}'")
    return hashes


def content_security_policy(script_hashes: set[str], frame_ancestors: str = "'none'") -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(sorted(script_hashes)),
        "style-src 'self'",
        "img-src 'self' data:",  # Material draws its icons as data: SVG in CSS
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        # Who may frame the site: nobody, unless mkdocs.yml extra.brand.embed_origins lists them.
        f"frame-ancestors {frame_ancestors}",
    ])


def render(site_dir: Path, frame_ancestors: str = "'none'") -> str:
    """The `_headers` text for a built site; frame_ancestors: the origins that may frame it."""
    hashes: set[str] = set()
    for page in site_dir.rglob("*.html"):
        hashes |= inline_script_hashes(page.read_text(encoding="utf-8"))
    lines = ["/*", f"  Content-Security-Policy: {content_security_policy(hashes, frame_ancestors)}"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    # Pages and our own (unfingerprinted) assets keep the host's default, which revalidates;
    # a Cache-Control under /* would be merged into the rules below by some hosts.
    for asset in sorted(site_dir.rglob("*")):
        if FINGERPRINTED.search(asset.name):
            lines += [f"/{asset.relative_to(site_dir).as_posix()}",
                      "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(lines) + "\n"


def parse(text: str) -> list[tuple[str, dict[str, str]]]:
    """`_headers` text -> [(path pattern, {header: value})], in file order."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            rules.append((line.strip(), {}))
        else:
            name, value = line.strip().split(":", 1)
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    """The headers a host applies to `path`: every matching rule, later ones overriding."""
    result: dict[str, str] = {}
    for pattern, headers in rules:
        if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
            result.update(headers)
    return result
