"""The collector is paused only inside a bulk step, and left as the caller had it."""

from __future__ import annotations

import gc

import pytest

import builder.warm
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


def test_a_one_off_build_freezes_what_a_step_leaves_alive():
    gc.unfreeze()
    with gc_paused():
        made = [[n] for n in range(1000)]
    assert gc.get_freeze_count() >= len(made)  # no collection walks them again
    gc.unfreeze()


def test_a_serving_process_leaves_its_objects_to_the_collector(monkeypatch):
    monkeypatch.setattr(builder.warm, "_warm", True)
    gc.unfreeze()
    with gc_paused():
        made = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0 and len(made) == 1000
