"""The staging step's download caches: the files of an earlier build with the same inputs are
copied instead of rendered; when they must be rendered, the sizes of that build let the pages
with download links be written before the files are ready, and a size that does not match
the new file stops the build."""
from __future__ import annotations

import shutil

import pytest

from after_the_no.build import size_cache
from after_the_no.build.config import BuildError, read_config
from after_the_no.build.stage import begin_stage
from after_the_no.downloads import render
from after_the_no.downloads.plan import planned
from after_the_no.worksheets.load import load_worksheets
from conftest import ROOT


def test_a_cached_size_that_does_not_match_the_file_stops_the_build(tmp_path, monkeypatch):
    per_sheet, packs = planned(load_worksheets(ROOT))
    paths = [o.path for outputs in per_sheet.values() for o in outputs] + [p.path for p in packs]
    saved = []
    monkeypatch.setattr(size_cache, "read_files", lambda root, key: None)   # rendered, not copied
    monkeypatch.setattr(size_cache, "read", lambda root, key: {path: 1024 for path in paths})
    monkeypatch.setattr(size_cache, "write", lambda root, key, sizes: saved.append((key, sizes)))
    staging = begin_stage(tmp_path / "stage")
    assert staging.sizes_known and staging.pending_pages == []
    # Written before any file is rendered, with the cached sizes.
    page = (tmp_path / "stage/docs/worksheets/follow-up-plan.md").read_text("utf-8")
    assert "- [PDF, A4, 1 KB](../downloads/follow-up-plan-a4.pdf)" in page
    with pytest.raises(BuildError) as error:
        staging.complete()
    assert str(error.value) == ("downloads: a file's size differs from the last build with the same inputs "
                                "(the size cache is cleared now): run the build again")
    assert saved == [("", {})]


def test_without_a_cache_the_pages_wait_for_the_files_and_the_sizes_are_kept(tmp_path, monkeypatch):
    saved = []
    monkeypatch.setattr(size_cache, "read_files", lambda root, key: None)
    monkeypatch.setattr(size_cache, "write_files", lambda root, key, contents: None)
    monkeypatch.setattr(size_cache, "read", lambda root, key: None)
    monkeypatch.setattr(size_cache, "write", lambda root, key, sizes: saved.append((key, sizes)))
    staging = begin_stage(tmp_path / "stage")
    assert staging.sizes_known is None
    assert "worksheets/follow-up-plan.md" in staging.pending_pages and "advisers.md" in staging.pending_pages
    assert not (tmp_path / "stage/docs/worksheets/follow-up-plan.md").exists()
    staged = staging.complete()
    size = (staged.docs / "downloads/follow-up-plan-a4.pdf").stat().st_size
    assert f"- [PDF, A4, {max(1, round(size / 1024))} KB](../downloads/follow-up-plan-a4.pdf)" in \
        (staged.docs / "worksheets/follow-up-plan.md").read_text("utf-8")
    assert saved[0][0] == size_cache.inputs_key(ROOT, read_config(ROOT / "mkdocs.yml"))
    assert saved[0][1]["downloads/follow-up-plan-a4.pdf"] == size


def test_the_cache_key_changes_with_every_input(tmp_path):
    shutil.copytree(ROOT / "worksheets", tmp_path / "worksheets")
    config = read_config(ROOT / "mkdocs.yml")
    key = size_cache.inputs_key(tmp_path, config)
    assert size_cache.inputs_key(tmp_path, config) == key
    assert size_cache.inputs_key(tmp_path, {**config, "site_name": "Example Careers Guide"}) != key
    assert size_cache.inputs_key(tmp_path, {**config, "site_url": "https://careers.example.ac.uk/"}) != key
    branded = {**config, "extra": {**config["extra"], "brand": {"primary_colour": "#00467f"}}}
    assert size_cache.inputs_key(tmp_path, branded) != key
    sheet = tmp_path / "worksheets/follow-up-plan.yml"
    sheet.write_text(sheet.read_text("utf-8").replace("Follow-up plan", "Follow-up plan 2", 1), "utf-8")
    assert size_cache.inputs_key(tmp_path, config) != key


def test_the_files_of_a_build_with_the_same_inputs_are_copied_not_rendered(tmp_path, monkeypatch):
    kept: dict[str, dict[str, bytes]] = {}
    monkeypatch.setattr(size_cache, "read", lambda root, key: None)
    monkeypatch.setattr(size_cache, "write", lambda root, key, sizes: None)
    monkeypatch.setattr(size_cache, "read_files", lambda root, key: kept.get(key))
    monkeypatch.setattr(size_cache, "write_files", lambda root, key, contents: kept.update({key: dict(contents)}))
    first = begin_stage(tmp_path / "first").complete()
    key = size_cache.inputs_key(ROOT, read_config(ROOT / "mkdocs.yml"))
    assert list(kept) == [key] and len(kept[key]) == 38

    def no_rendering(*args, **kwargs):
        raise AssertionError("rendered again, with the same inputs")
    monkeypatch.setattr(render, "Rendering", no_rendering)
    monkeypatch.setattr("after_the_no.build.stage.Rendering", no_rendering)
    second = begin_stage(tmp_path / "second").complete()
    files = {p.relative_to(second.docs).as_posix(): p.read_bytes() for p in sorted((second.docs / "downloads").iterdir())}
    assert files == {p.relative_to(first.docs).as_posix(): p.read_bytes() for p in sorted((first.docs / "downloads").iterdir())}
    assert files == kept[key]


def test_the_kept_files_are_read_back_only_under_their_own_key(tmp_path):
    size_cache.write_files(tmp_path, "key-1", {"downloads/a.pdf": b"%PDF-1.4 a", "downloads/b.txt": b"b"})
    assert size_cache.read_files(tmp_path, "key-1") == {"downloads/a.pdf": b"%PDF-1.4 a", "downloads/b.txt": b"b"}
    assert size_cache.read_files(tmp_path, "key-2") is None
    (tmp_path / size_cache.FILES_CACHE).write_bytes(b"not a zip file")
    assert size_cache.read_files(tmp_path, "key-1") is None
