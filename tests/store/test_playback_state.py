"""Played spans, watched state and per-course speed, through the real store."""

from __future__ import annotations

from smrtplayer.store import migrations


def test_playback_tables_come_from_their_own_step(context) -> None:  # type: ignore[no-untyped-def]
    assert "m003_playback" in migrations.step_names()
    tables = {row["name"] for row in context.store.query("SELECT name FROM sqlite_master")}
    assert {"played_spans", "course_playback"} <= tables


def test_checkpoint_saves_resume_point_and_spans_together(context) -> None:  # type: ignore[no-untyped-def]
    state = context.playback_state
    assert not state.checkpoint("fp-1", 4200, 10_000, [(0, 2000), (1500, 4200)])
    assert state.spans("fp-1") == [(0, 4200)]
    assert context.progress.get("fp-1").position_ms == 4200
    assert not state.is_watched("fp-1")


def test_lesson_becomes_watched_from_spans_and_unwatching_forgets_them(context) -> None:  # type: ignore[no-untyped-def]
    state = context.playback_state
    assert state.checkpoint("fp-2", 9000, 10_000, [(0, 9600)])
    assert state.is_watched("fp-2")
    assert not state.checkpoint("fp-2", 9000, 10_000, [(0, 9700)])  # already watched: not "newly"
    state.set_watched("fp-2", False)
    assert not state.is_watched("fp-2")
    assert state.spans("fp-2") == []
    state.set_watched("fp-2", True)
    assert state.is_watched("fp-2")


def test_speed_is_remembered_per_course(context) -> None:  # type: ignore[no-untyped-def]
    course = context.library.courses()[0]
    state = context.playback_state
    assert state.course_rate(course.id) is None
    state.set_course_rate(course.id, 0.75)
    state.set_course_rate(course.id, 0.5)
    assert state.course_rate(course.id) == 0.5
    assert state.course_rate(course.id + 999) is None
