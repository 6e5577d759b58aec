"""Generated pages: added to the site's files, and a hand-written page of the same name stops the build."""
from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from after_the_no.nav_sections import add_generated_page


def config(tmp_path) -> MkDocsConfig:
    cfg = MkDocsConfig()
    cfg.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    (tmp_path / "docs").mkdir()
    errors, _ = cfg.validate()
    assert errors == []
    cfg.plugins._current_plugin = None  # as MkDocs has it while a hook runs (File.generated reads it)
    return cfg


def test_generated_page_is_added_out_of_nav(tmp_path):
    cfg, files = config(tmp_path), Files([])
    add_generated_page(files, cfg, "replies/say-thanks.md", "# Say thanks\n", "replies/say-thanks.yml")
    page = files.get_file_from_path("replies/say-thanks.md")
    assert (page.content_string, page.inclusion) == ("# Say thanks\n", InclusionLevel.NOT_IN_NAV)


def test_hand_written_page_of_the_same_name_stops_the_build(tmp_path):
    cfg = config(tmp_path)
    files = Files([File.generated(cfg, "replies/say-thanks.md", content="# Mine\n")])
    with pytest.raises(PluginError) as error:
        add_generated_page(files, cfg, "replies/say-thanks.md", "# Say thanks\n", "replies/say-thanks.yml")
    assert str(error.value) == "docs/replies/say-thanks.md must not exist: it is generated from replies/say-thanks.yml"
