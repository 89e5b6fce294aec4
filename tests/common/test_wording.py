"""The wording helpers every message shares."""

from __future__ import annotations

from smrtplayer.common.wording import capitalised, counted


def test_counted_takes_an_s_except_for_one() -> None:
    assert counted(1, "lesson") == "1 lesson"
    assert counted(0, "note") == "0 notes"
    assert counted(3, "more step") == "3 more steps"
    assert counted(12_345, "position") == "12,345 positions"


def test_counted_with_an_irregular_plural() -> None:
    assert counted(1, "practice entry", "practice entries") == "1 practice entry"
    assert counted(2, "practice entry", "practice entries") == "2 practice entries"


def test_capitalised_keeps_the_rest_as_written() -> None:
    assert capitalised("muscle 'TFL' is unknown") == "Muscle 'TFL' is unknown"
    assert capitalised("") == ""
