"""Check the careers-service branding in extra.brand and add its stylesheet when a colour is set."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from after_the_no.branding import brand_css, check


def on_config(config):
    problems = check(config.extra.get("brand"), Path(config.docs_dir))
    if problems:
        raise PluginError("\n".join(problems))


def on_files(files, config):
    colour = (config.extra.get("brand") or {}).get("primary_colour")
    if colour:
        files.append(File.generated(config, "assets/brand.css", content=brand_css(colour)))
    return files
