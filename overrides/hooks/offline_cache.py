"""Write the web app manifest and the service worker into the built site: neither into the file://
offline bundle, where service workers cannot run, nor the worker while `mkdocs serve` rebuilds on
change (a cached copy would hide each edit until the second reload)."""
from pathlib import Path

from after_the_no import offline_cache

_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_post_build(config):
    if config.extra.get("classic_scripts"):
        return
    colour = (config.extra.get("brand") or {}).get("primary_colour") or ""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = tuple((search.config.get("lang") if search else None) or [config.theme["language"]])
    site = Path(config.site_dir)
    files = offline_cache.render(site, config.site_name, config.site_description or "", colour, languages)
    for name, text in files.items():
        if not (_serving and name == offline_cache.WORKER):
            (site / name).write_text(text, encoding="utf-8")
