"""Apply after_the_no.html_fixes to every built page (see that module for why)."""
import html

from mkdocs.exceptions import PluginError

from after_the_no.html_fixes import MarkupChanged, repair


def on_page_context(context, page, config, nav):
    # Material writes the description into an attribute without escaping it: a straight quote
    # in front matter would end the attribute early.
    if page.meta.get("description"):
        page.meta["description"] = html.escape(str(page.meta["description"]), quote=True)
    return context


def on_post_page(output, page, config):
    try:
        return repair(output, page.file.src_uri)
    except MarkupChanged as error:
        raise PluginError(str(error)) from None


def on_post_template(output_content, template_name, config):
    # 404.html is rendered from a template, not a page: on_post_page never sees it.
    if template_name != "404.html":
        return output_content
    try:
        return repair(output_content, template_name)
    except MarkupChanged as error:
        raise PluginError(str(error)) from None
