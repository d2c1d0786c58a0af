"""The collector is paused only inside a bulk step, and left as the caller had it."""

from __future__ import annotations

import gc

import pytest

from builder.gc_pause import gc_paused


def test_the_collector_is_paused_in_the_block_and_runs_again_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # an inner block does not resume it early
    assert gc.isenabled()


def test_a_failing_block_resumes_the_collector():
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("a bad report")
    assert gc.isenabled()


def test_a_collector_the_caller_paused_stays_paused():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
