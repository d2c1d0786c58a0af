"""`brief` as users run it, on a project copy in tmp_path, for the hostile-input tests.

`brief` runs in its own process, from inside tmp_path, so a traceback, a file written to
the current folder or a command run by a report would all show in what the test sees.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "site"))
from sitebuild import make_project  # noqa: E402

__all__ = [
    "brief",
    "brief_command",
    "brief_env",
    "every_file",
    "make_project",
    "start_brief",
]


def brief_command(root: Path, args: tuple[str, ...]) -> list[str]:
    """The command line of `brief --root ROOT ARGS...`."""
    return [sys.executable, "-m", "builder.cli", "--root", str(root), *args]


def brief_env() -> dict[str, str]:
    """The test's own `builder` (this checkout's), whatever is installed."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {
        **os.environ,
        "PYTHONPATH": path,
        "PYTHONDONTWRITEBYTECODE": "1",
        "NO_MKDOCS_2_WARNING": "1",
    }


def brief(
    root: Path,
    *args: str,
    cwd: Path | None = None,
    memory: int | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess:
    """`brief --root ROOT ARGS...` to completion, run from `cwd` (default: the project);
    with `memory`, the address space of its process (workers included) is limited to that
    many bytes, so going over is an error in the run, not a machine out of memory."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        brief_command(root, args),
        capture_output=True,
        text=True,
        cwd=cwd or root,
        env=brief_env(),
        timeout=timeout,
        preexec_fn=limit,
    )


def start_brief(root: Path, *args: str) -> subprocess.Popen:
    """`brief` started in a session of its own, so the test can kill it and its workers."""
    return subprocess.Popen(
        brief_command(root, args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=root,
        env=brief_env(),
        start_new_session=True,
    )


def every_file(folder: Path) -> dict[Path, bytes]:
    """Every file below `folder` (hidden ones too) with its bytes."""
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build_folders_left(root: Path, timeout: float = 30) -> list[Path]:
    """The staging and replaced site folders still beside `site/` once their deletion, which
    runs in a process of its own (`builder.write.discard`), has had `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        left = [p for p in root.iterdir() if p.name.startswith(".site")]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)
