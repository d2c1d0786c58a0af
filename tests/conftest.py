"""Every `brief build` a test starts indexes search before it ends (`--search wait`), as in
CI, so what a test reads after it is the whole site; tests/test_search_background.py starts
its builds with the background run on purpose.

A test leaves the cyclic collector as it found it: a rebuild of `brief serve` pauses it
(`builder.warm`), and a test that drives one in this process must end it, or later tests in
the same worker run with the collector off."""

import gc
import os

import pytest

os.environ.setdefault("BRIEF_SEARCH", "wait")


@pytest.fixture(autouse=True)
def collector_as_found():
    enabled = gc.isenabled()
    yield
    assert gc.isenabled() == enabled, "the test left the cyclic collector paused"
