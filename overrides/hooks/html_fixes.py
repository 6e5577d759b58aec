"""Apply after_the_no.html_fixes to every built page (see that module for why)."""
from mkdocs.exceptions import PluginError

from after_the_no.html_fixes import MarkupChanged, repair


def on_post_page(output, page, config):
    try:
        return repair(output, page.file.src_uri)
    except MarkupChanged as error:
        raise PluginError(str(error)) from None
