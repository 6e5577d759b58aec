"""Fill the `<!-- link-kit -->` marker on the advisers page from published-urls.yml."""
from pathlib import Path

from mkdocs.exceptions import PluginError

from after_the_no import link_kit
from after_the_no.definitions import DefinitionError
from after_the_no.url_contract import load_contract

MARKER = "<!-- link-kit -->"
CONTRACT = Path(__file__).resolve().parents[2] / "published-urls.yml"


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    try:
        entries = load_contract(CONTRACT)
    except DefinitionError as error:
        raise PluginError(str(error)) from None

    redirects = {}
    if "redirects" in config.plugins:  # a moved page: link to where it lives now
        redirects = config.plugins["redirects"].config.get("redirect_maps") or {}

    def source_of(url):
        stem = url.strip("/")
        for candidate in ([f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]):
            target = candidate if files.get_file_from_path(candidate) else redirects.get(candidate)
            if target and files.get_file_from_path(target):
                return "/".join([".."] * page.file.src_uri.count("/") + [target])
        raise PluginError(f"published-urls.yml: {url}: no page in docs/ builds this URL")

    return markdown.replace(MARKER, link_kit.render(entries, config.site_url, source_of))
