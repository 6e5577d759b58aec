"""Write `_headers` (security headers and caching for static hosts) after the build."""
from pathlib import Path

from after_the_no.deploy_headers import render


def on_post_build(config):
    site = Path(config.site_dir)
    (site / "_headers").write_text(render(site), encoding="utf-8")
