"""`brief serve` on a report whose base is zero: the preview starts and answers every page.

A base of zero with no CAGR once made the size chart divide by zero; under `brief serve`
that left every request hanging until the report was removed. The server here is started
as a user starts it, asked with short timeouts until a deadline, and always stopped.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

import pytest
from brief_runs import brief_command, brief_env, make_project
from test_hostile_growth import HEADLINE, ZERO_BASE

from tests.extract.seeds import seed_text

pytestmark = pytest.mark.xdist_group("hostile-serve")

MARKET = "united-states-biopharmaceutical-cmo-services-market"
DEADLINE = 25.0
"""Seconds the whole test may take to get both pages: a hang misses it, a loaded machine not."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def status(url: str, deadline: float, server: subprocess.Popen) -> int:
    """The HTTP status of `url`, asked again while the server starts, until `deadline`."""
    while time.monotonic() < deadline:
        assert server.poll() is None, f"brief serve exited with {server.returncode}"
        try:
            with urlopen(url, timeout=max(0.5, min(5.0, deadline - time.monotonic()))) as page:
                return page.status
        except HTTPError as error:
            return error.code
        except (URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within the deadline")


@pytest.fixture
def server(tmp_path: Path):
    """`brief serve` on the seeds, seed 000 stating a base of zero and no CAGR."""
    root = make_project(tmp_path / "project", extract=True, reports=True)
    text = seed_text("000")
    assert HEADLINE in text
    (root / "content" / "reports" / "000_4954f7c7c8e94222.txt").write_text(
        text.replace(HEADLINE, ZERO_BASE), encoding="utf-8"
    )
    base = f"http://127.0.0.1:{free_port()}/"
    log = tmp_path / "serve.log"  # a file, not a pipe: nothing blocks if nobody reads it
    with log.open("w") as output:
        process = subprocess.Popen(
            brief_command(root, ("serve", "--dev-addr", base[7:-1])),
            cwd=root,
            env=brief_env(),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield base, process, log
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_a_zero_base_is_served_home_and_market_page_in_bounded_time(server):
    base, process, log = server
    deadline = time.monotonic() + DEADLINE
    assert status(base, deadline, process) == 200, log.read_text("utf-8")
    assert status(f"{base}markets/{MARKET}/", deadline, process) == 200, log.read_text("utf-8")
    said = log.read_text("utf-8")
    assert "Traceback" not in said and "ZeroDivisionError" not in said, said
