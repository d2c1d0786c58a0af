"""The one writer: atomic, skips unchanged bytes, refuses collisions and escapes."""

from __future__ import annotations

import pytest

from builder.errors import BriefError
from builder.write import Writer


def test_skips_unchanged_and_rewrites_changed(tmp_path):
    Writer(tmp_path).write("markets/a.yaml", "one", owner="a.txt")
    before = (tmp_path / "markets/a.yaml").stat().st_mtime_ns
    again = Writer(tmp_path)
    again.write("markets/a.yaml", "one", owner="a.txt")
    assert again.unchanged and not again.written
    assert (tmp_path / "markets/a.yaml").stat().st_mtime_ns == before
    changed = Writer(tmp_path)
    changed.write("markets/a.yaml", "two", owner="a.txt")
    assert changed.written and (tmp_path / "markets/a.yaml").read_text() == "two"


def test_two_owners_of_one_path_is_an_error_naming_both(tmp_path):
    writer = Writer(tmp_path)
    writer.write("markets/x.yaml", "first", owner="001.txt")
    with pytest.raises(BriefError) as caught:
        writer.write("markets/x.yaml", "second", owner="002.txt")
    assert "001.txt" in str(caught.value) and "002.txt" in str(caught.value)
    assert (tmp_path / "markets/x.yaml").read_text() == "first"


@pytest.mark.parametrize("relative", ["../escape.yaml", "/etc/passwd", "markets/../../x", "."])
def test_never_writes_outside_its_root(tmp_path, relative):
    root = tmp_path / "out"
    with pytest.raises(BriefError):
        Writer(root).write(relative, "x", owner="evil.txt")
    assert not (tmp_path / "escape.yaml").exists()


def test_prune_removes_only_what_this_run_did_not_write(tmp_path):
    (tmp_path / "markets").mkdir()
    (tmp_path / "markets/old.yaml").write_text("old")
    (tmp_path / "keep.yaml").write_text("outside the pruned folder")
    writer = Writer(tmp_path)
    writer.write("markets/new.yaml", "new", owner="n")
    removed = writer.prune("markets", "*.yaml")
    assert [p.name for p in removed] == ["old.yaml"]
    assert (tmp_path / "markets/new.yaml").exists() and (tmp_path / "keep.yaml").exists()


def test_no_temporary_files_left_behind(tmp_path):
    writer = Writer(tmp_path)
    for i in range(5):
        writer.write(f"f{i}.txt", "x" * 1000, owner=str(i))
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"f{i}.txt" for i in range(5)]


def test_files_are_readable_by_a_web_server(tmp_path):
    path = Writer(tmp_path).write("index.html", "<p>x</p>", owner="site")
    assert path.stat().st_mode & 0o777 == 0o644


def test_prune_removes_what_a_killed_write_left_behind(tmp_path):
    (tmp_path / "markets").mkdir()
    leftover = tmp_path / "markets" / ".a.yaml.k3j2x9.tmp"  # as `atomic_write` names them
    leftover.write_text("half a fi")
    writer = Writer(tmp_path)
    writer.write("markets/a.yaml", "whole", owner="a")
    assert writer.prune("markets", "*.yaml") == []  # a leftover was never output
    assert sorted(p.name for p in (tmp_path / "markets").iterdir()) == ["a.yaml"]


def test_a_file_where_a_folder_should_be_is_one_error_naming_it(tmp_path):
    (tmp_path / "markets").write_text("not a folder")
    with pytest.raises(BriefError) as caught:
        Writer(tmp_path).write("markets/a.yaml", "x", owner="a.txt")
    assert caught.value.path == (tmp_path / "markets" / "a.yaml").resolve()
    assert caught.value.problem.startswith("cannot write: ")
