"""`brief build` progress: shown on a terminal only, never in CI logs, free when hidden."""

from __future__ import annotations

import io

import pytest

from builder import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert progress.wanted(Terminal())
    assert not progress.wanted(io.StringIO())  # a pipe or a log file


@pytest.mark.parametrize("value", ["true", "1", "TRUE"])
def test_never_shown_in_ci(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    assert not progress.wanted(Terminal())


def test_steps_are_ignored_while_nothing_is_shown():
    with progress.shown(enabled=False):
        progress.step("Rendering pages", 1, 3)
        assert progress._active is None


def test_each_stage_gets_one_bar_that_follows_its_count():
    with progress.shown(enabled=True):
        display = progress._active
        assert display is not None
        progress.step("Extracting reports", 1, 5)
        progress.step("Extracting reports", 5, 5)
        progress.step("Drawing charts", 2, 7)
        tasks = {task.description: task for task in display.bars.tasks}
        assert tasks["Extracting reports"].completed == 5
        assert (tasks["Drawing charts"].completed, tasks["Drawing charts"].total) == (2, 7)
    assert progress._active is None
