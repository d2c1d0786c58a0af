"""The site's search index: Pagefind reads the built pages and writes chunks that a reader's
browser loads only as a query needs them.

Pagefind has no incremental update: it reads every page again, about 3 s at 1,500 pages and
35 s at 5,000, far more than the rest of a one-page rebuild. So there are two ways to index:

- **wait**: index the staging folder before it is swapped in, so the published site and its
  index are one. `mkdocs build`, `brief publish` and `brief build` in CI (or with
  `--search wait`) do this.
- **background** (`brief build` on a person's machine): the new site starts with the last
  build's index, hard-linked, and a detached process indexes it again and swaps the new index
  in when it is whole. A reader searches the previous build's pages for those seconds, never a
  half-written index. A first build has no index to carry over: its search box says the index
  is being prepared until the run swaps it in. The next build stops a run in progress first,
  under the same lock the swap takes, so an index never lands in a site it was not made from.

What the background run is doing is kept in `.cache/search/`, per site folder: its process id
while it runs, and which build it indexed once done, so a build that finds nothing else to do
can tell that the index is behind and start a run again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.errors import BriefError

INDEX = "pagefind"
ENTRY = "pagefind-entry.json"
PAGEFIND_OPTIONS = (
    # only the article: header, navigation and footer are on every page
    ("--root-selector", "article"),
    # tables list other pages' names ("met most often", the indexes): a page does not
    # match a name because one of its tables mentions it
    ("--exclude-selectors", "table"),
    # extraction's warnings quote the report they are about, for an analyst, not a reader
    ("--exclude-selectors", ".warning"),
    ("--exclude-selectors", ".failure"),
    ("--exclude-selectors", "[data-search-exclude]"),
    ("--exclude-selectors", ".headerlink"),
)
MODES = ("background", "wait")


def default_mode() -> str:
    """`BRIEF_SEARCH` if set; else "wait" in CI, where the site is published as soon as the
    command ends, and "background" on a person's machine."""
    chosen = os.environ.get("BRIEF_SEARCH", "").strip().lower()
    if chosen in MODES:
        return chosen
    return "wait" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "background"


def run_pagefind(site: Path, output: Path | None = None) -> None:
    """Index every page of `site` into `output` (its `pagefind/` folder by default)."""
    output = output or site / INDEX
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    command += ["--output-path", str(output)]
    command += [part for option in PAGEFIND_OPTIONS for part in option]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (output / ENTRY).is_file():
        raise BriefError(site, f"Pagefind could not index it: {done.stderr.strip()[-500:]}")


def has_index(site: Path) -> bool:
    return (site / INDEX / ENTRY).is_file()


def link_index(published: Path, staging: Path) -> None:
    """The published site's index, hard-linked into the staging folder (copied where the file
    system cannot link): Pagefind writes new files, never into old ones."""
    from builder.write import link_or_copy

    shutil.copytree(published / INDEX, staging / INDEX, copy_function=link_or_copy)


class Indexer:
    """The background run for one site folder: start, stop, and whether it is behind."""

    def __init__(self, cache_dir: Path, site: Path) -> None:
        self.site = site.resolve()
        key = hashlib.sha256(str(self.site).encode()).hexdigest()[:16]
        self.folder = cache_dir.resolve() / "search" / key
        self.state = self.folder / "state.json"

    def _read(self) -> dict:
        try:
            state = json.loads(self.state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) else {}

    def _write(self, **state: object) -> None:
        # imported here: `brief build` with nothing to do reads this module, and the writer
        # brings the data model (pydantic) with it
        from builder.write import atomic_write

        atomic_write(self.state, json.dumps(state).encode("utf-8"))

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Held while the site folder or its index is swapped: by a build, and by the run."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def running(self) -> int | None:
        """The process id of a run in progress for this folder, if there is one."""
        pid = self._read().get("pid")
        if not isinstance(pid, int):
            return None
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return _alive(pid)
        return pid if b"builder.search" in command and str(self.site).encode() in command else None

    def stop(self) -> None:
        """End a run in progress (Pagefind with it) and wait until it has. Called with the lock
        held: a run that reached its swap finishes it first."""
        pid = self.running()
        if pid is None:
            return
        try:
            os.killpg(pid, signal.SIGTERM)
        except OSError:
            return
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)

    def behind(self) -> bool:
        """True when the site's index is older than its pages and no run is bringing it up."""
        state = self._read()
        return state.get("wanted") != state.get("done") and self.running() is None

    def indexed(self) -> None:
        """The site was just indexed whole, in the foreground."""
        self._write(wanted="", done="")

    def start(self) -> None:
        """Index the site again in a process of its own, which outlives this command. Called
        with the lock held, so the run cannot swap its index in before its state is written."""
        wanted = f"{time.time_ns()}"
        self.folder.mkdir(parents=True, exist_ok=True)
        package_parent = str(Path(__file__).resolve().parents[1])
        path = os.pathsep.join(filter(None, (package_parent, os.environ.get("PYTHONPATH"))))
        with open(self.folder / "last-run.log", "wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "builder.search", str(self.site), str(self.folder), wanted],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,  # its own process group: stopped with Pagefind
                env={**os.environ, "PYTHONPATH": path},
            )
        self._write(wanted=wanted, done=self._read().get("done", ""), pid=process.pid)

    def run(self, wanted: str) -> None:
        """The background run itself: index into a hidden folder, then swap it in, unless a
        newer build has asked for another run meanwhile."""
        fresh = self._index()
        with self.lock():
            if self._read().get("wanted") != wanted:  # a newer build took over
                return
            self._swap(fresh)
            self._write(wanted=wanted, done=wanted)

    def index_now(self) -> None:
        """Index the published site in this process, replacing its index whole; called with
        the lock held."""
        self.stop()
        self._swap(self._index())
        self.indexed()

    def last_problem(self) -> str:
        """The last line the last background run wrote: why it failed, when it did."""
        try:
            lines = (self.folder / "last-run.log").read_text(encoding="utf-8").splitlines()
        except OSError:
            return ""
        return next((line.strip() for line in reversed(lines) if line.strip()), "")

    def _index(self) -> Path:
        fresh = self.site / f".{INDEX}.new"
        run_pagefind(self.site, fresh)
        return fresh

    def _swap(self, fresh: Path) -> None:
        from builder.write import swap_in

        # the old index goes now, in this process: a folder being deleted in the background
        # must not sit inside a site that may be copied to a host at any moment
        swap_in(fresh, self.site / INDEX, remove=_remove)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> int | None:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return pid
    try:  # a child of this process that ended is a zombie until reaped
        finished, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return pid
    return None if finished == pid else pid


def main(argv: list[str]) -> int:
    """`python -m builder.search SITE STATE-FOLDER RUN`, started by `Indexer.start`."""
    site, folder, wanted = Path(argv[0]), Path(argv[1]), argv[2]
    indexer = Indexer(folder.parent.parent, site)
    if indexer.folder != folder.resolve():
        print(f"{folder} is not the state folder of {site}", file=sys.stderr)
        return 2
    try:
        indexer.run(wanted)
    except BriefError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
