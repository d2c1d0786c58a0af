"""The one writer: atomic, skips unchanged bytes, refuses collisions and escapes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from builder.errors import BriefError
from builder.write import Writer, discard, swap_in


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


def _site(folder: Path, pages: int) -> Path:
    for n in range(pages):
        (folder / f"page-{n}").mkdir(parents=True)
        (folder / f"page-{n}" / "index.html").write_text(f"page {n}")
    return folder


def _gone(paths: list[Path], timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while any(p.exists() for p in paths):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_discard_removes_a_folder_at_once_and_its_files_soon(tmp_path):
    old = _site(tmp_path / ".site.new", 50)
    stopped = _site(tmp_path / ".site.new.trash-1", 3)  # a deletion stopped halfway
    discard(old)
    assert not old.exists()  # at once: the name is free for the next build
    assert _gone([*tmp_path.glob(".site.new.trash-*")]), "the files were not deleted"
    assert not stopped.exists()
    assert sorted(tmp_path.iterdir()) == []


def test_swap_in_publishes_the_new_folder_and_leaves_no_old_one(tmp_path):
    site, staging = _site(tmp_path / "site", 5), _site(tmp_path / ".site.new", 7)
    swap_in(staging, site)
    assert len(list(site.iterdir())) == 7 and not staging.exists()
    assert _gone([*tmp_path.glob(".site*")])
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_swap_in_can_remove_the_old_folder_itself(tmp_path):
    site, staging = _site(tmp_path / "index", 2), _site(tmp_path / ".index.new", 3)
    removed: list[Path] = []
    swap_in(staging, site, remove=removed.append)
    assert removed == [staging]  # the old folder, now at the staging path
    assert len(list(site.iterdir())) == 3


def test_never_writes_through_a_link_to_outside_its_root(tmp_path):
    """A data file or folder replaced by a link to elsewhere is refused, not written through."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.yaml").write_text("theirs\n")
    root = tmp_path / "data"
    (root / "markets").mkdir(parents=True)
    (root / "markets" / "x.yaml").symlink_to(outside / "x.yaml")
    (root / "companies").symlink_to(outside)
    writer = Writer(root)
    for relative in ("markets/x.yaml", "companies/x.yaml"):
        with pytest.raises(BriefError, match="refusing to write outside"):
            writer.write(relative, "ours\n", owner="test")
    assert (outside / "x.yaml").read_text() == "theirs\n"
    writer.write("markets/y.yaml", "ours\n", owner="test")
    assert (root / "markets" / "y.yaml").read_text() == "ours\n"
