"""`aside`: work in a second process gives its result, its progress, its failure, or word that
it died; it never leaves the caller waiting or a process behind."""

from __future__ import annotations

import os
import signal
import time

import pytest

from builder.aside import Step, aside, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="a second process is forked")


def count_to_three(step: Step) -> tuple[str, int]:
    for done in (1, 2, 3):
        step(done, 3)
    return "counted in", os.getpid()


def test_the_result_and_progress_come_from_a_second_process():
    steps: list[tuple[int, int]] = []
    said, pid = aside(count_to_three, "counting").result(lambda d, t: steps.append((d, t)))
    assert said == "counted in" and pid != os.getpid()
    assert steps == [(1, 3), (2, 3), (3, 3)]


def test_without_fork_the_work_runs_here_when_its_result_is_asked():
    steps: list[tuple[int, int]] = []
    _, pid = aside(count_to_three, "counting", fork=False).result(lambda d, t: steps.append((d, t)))
    assert pid == os.getpid() and steps == [(1, 3), (2, 3), (3, 3)]


def fail(step: Step) -> None:
    raise ValueError("no chart for 'widgets-market'")


def test_a_failure_is_raised_here_with_the_other_process_traceback():
    with pytest.raises(ValueError, match="no chart for 'widgets-market'") as raised:
        aside(fail, "charts and downloads").result(lambda d, t: None)
    (note,) = raised.value.__notes__
    assert note.startswith("in the charts and downloads process:\nTraceback")
    assert "in fail" in note


def die(step: Step) -> None:
    step(1, 2)
    os._exit(3)


def test_a_process_that_dies_is_an_error_not_a_wait():
    steps: list[tuple[int, int]] = []
    with pytest.raises(RuntimeError) as raised:
        aside(die, "charts and downloads").result(lambda d, t: steps.append((d, t)))
    assert str(raised.value) == (
        "the charts and downloads process ended (exit code 3) before it was done"
    )
    assert steps == [(1, 2)]


def sleep_long(step: Step) -> None:
    time.sleep(60)


def test_work_the_caller_gives_up_on_is_stopped():
    started = time.perf_counter()
    work = aside(sleep_long, "sleeping")
    process = work._process
    assert process is not None and process.is_alive()
    pid = process.pid
    work.close()
    assert time.perf_counter() - started < 10
    with pytest.raises(ProcessLookupError):  # ended and reaped
        os.kill(pid, signal.SIGTERM)  # type: ignore[arg-type]


def count_to_a_hundred_thousand(step: Step) -> int:
    for done in range(1, 100_001):
        step(done, 100_000)
    return done


def test_progress_left_unread_never_stops_the_work():
    """A caller busy elsewhere reads nothing until it asks for the result: the work must still
    finish meanwhile, its progress no more than a message a percent."""
    work = aside(count_to_a_hundred_thousand, "counting")
    process = work._process
    assert process is not None
    process.join(30)  # a full pipe would keep it waiting to send
    assert process.exitcode is not None, "the work stopped on its unread progress"
    steps: list[tuple[int, int]] = []
    assert work.result(lambda d, t: steps.append((d, t))) == 100_000
    assert len(steps) == 101 and steps[-1] == (100_000, 100_000)
