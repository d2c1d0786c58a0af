"""`brief serve`: the preview a person keeps open while correcting data.

The page open in the browser must show a correction once the server has rebuilt (MkDocs'
live reload reloads it), and Ctrl-C must stop the server cleanly.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest
from browsing import visit
from playwright.sync_api import expect
from sitebuild import make_project

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

BRIEF = Path(sys.executable).with_name("brief")
# A test runner started in the background has Ctrl-C ignored, and children inherit that:
# start `brief` as a terminal would, with SIGINT at its default, so Ctrl-C is what it gets.
AS_FROM_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_served(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"brief serve exited with {server.returncode}"
        try:
            with urlopen(url, timeout=2):
                return
        except (URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError(f"brief serve did not answer at {url} within {seconds} s")


def test_preview_shows_a_correction_after_the_rebuild_and_stops_on_ctrl_c(browser, tmp_path):
    assert BRIEF.is_file(), f"{BRIEF} is missing: install the project (`make test` does)"
    root = make_project(tmp_path / "project", extract=True, reports=True)
    base = f"http://127.0.0.1:{free_port()}/"
    command = [str(BRIEF), "--root", str(root), "serve", "--dev-addr", base[7:-1]]
    log = tmp_path / "serve.log"  # a file, not a pipe: nothing blocks if nobody reads it
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-c", AS_FROM_A_TERMINAL, *command],
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_served(base, server)
        market = min(p.stem for p in (root / "data" / "markets").glob("*.yaml"))
        with visit(browser, base) as tab:
            tab.open(f"markets/{market}/")
            heading = tab.page.locator("article h1")
            expect(heading).not_to_contain_text("Renamed In Preview")
            override = root / "data" / "overrides" / f"{market}.yaml"
            override.write_text("name: Renamed In Preview Market\n", encoding="utf-8")
            expect(heading).to_contain_text("Renamed In Preview Market", timeout=30_000)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    said = log.read_text(encoding="utf-8")
    assert server.returncode in (0, 130), said  # 130: the conventional exit after Ctrl-C
    assert "Traceback" not in said, said
    assert "Detected file changes" in said  # the page changed because the server rebuilt


def test_a_saved_report_rebuilds_the_preview_once(tmp_path):
    """Extraction rewrites the report's data file; that write must not set off a second
    rebuild, which would keep the preview busy as long again after every save."""
    root = make_project(tmp_path / "project", extract=True, reports=True)
    base = f"http://127.0.0.1:{free_port()}/"
    command = [str(BRIEF), "--root", str(root), "serve", "--dev-addr", base[7:-1]]
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=root, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_until_served(base, server)
        report = sorted((root / "content" / "reports").iterdir())[0]
        data = root / "data" / "markets"
        before = {p: p.read_bytes() for p in data.glob("*.yaml")}
        report.write_bytes(report.read_bytes() + b"\n\nThe market is led by Zyxwv Holdings.\n")
        deadline = time.monotonic() + 60
        while {p: p.read_bytes() for p in data.glob("*.yaml")} == before:
            assert time.monotonic() < deadline, "the saved report was not extracted again"
            time.sleep(0.2)
        time.sleep(5)  # time enough for a second rebuild to start, if one were coming
    finally:
        server.terminate()
        server.wait(timeout=30)
    said = log.read_text(encoding="utf-8")
    assert said.count("Detected file changes") == 1, said
