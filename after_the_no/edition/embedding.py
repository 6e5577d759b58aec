"""Embedding in a learning platform (mkdocs.yml `extra.brand.embed_origins`): the origins that
may frame the site, sent as the Content-Security-Policy's `frame-ancestors` in `_headers`.
Nothing listed keeps the default, 'none': no other site may frame the guide."""
from __future__ import annotations

import re

from after_the_no.definitions import Checker

ORIGIN = re.compile(r"https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?")
KEY = ("extra", "brand", "embed_origins")


def check(checker: Checker, origins) -> None:
    if origins is None:
        return
    if not isinstance(origins, list):
        checker.fail(KEY, "expected a list of origins, such as - https://moodle.example.ac.uk")
        return
    for i, origin in enumerate(origins):
        if not isinstance(origin, str) or not ORIGIN.fullmatch(origin):
            checker.fail(KEY + (i,), f"{origin!r} is not an origin like https://moodle.example.ac.uk "
                                     "(https://, then the host name, nothing after it)")


def frame_ancestors(config: dict) -> str:
    """The frame-ancestors value for a (checked) config: its origins, or 'none'."""
    brand = (config.get("extra") or {}).get("brand") or {}
    origins = brand.get("embed_origins") or []
    return " ".join(origins) if origins else "'none'"
