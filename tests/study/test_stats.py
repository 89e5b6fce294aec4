"""Progress figures: % watched from played spans, course time left at the user's speed, the home view's
lists, positions practised per region, study time per day and the streak."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from smrtplayer.app.context import AppContext
from smrtplayer.store.db import utc_now
from smrtplayer.store.stats import StatsRepository
from smrtplayer.study.stats import StudyTimeTracker


def _course_and_lessons(context: AppContext):  # type: ignore[no-untyped-def]
    course = context.library.courses()[0]
    return course, context.library.lessons(course.id)


def test_lesson_percent_comes_from_the_spans_really_played(context: AppContext) -> None:
    _course, lessons = _course_and_lessons(context)
    lesson = lessons[0]
    duration = lesson.duration_ms or 6000
    context.playback_state.checkpoint(
        lesson.fingerprint, 3000, duration, [(0, duration // 4), (duration // 2, duration * 3 // 4)]
    )
    stats = context.stats.lesson(lesson.fingerprint)
    assert stats is not None
    assert stats.percent == 50 and not stats.watched and stats.resume_ms == 3000


def test_course_percent_and_time_left_at_the_users_speed(context: AppContext) -> None:
    course, lessons = _course_and_lessons(context)
    total = sum(lesson.duration_ms or 0 for lesson in lessons)
    assert total > 0, "the demo lessons have known lengths"
    first = lessons[0]
    context.playback_state.set_watched(first.fingerprint, True)
    context.playback_state.set_course_rate(course.id, 2.0)
    summary = next(c for c in context.stats.courses() if c.course_id == course.id)
    remaining = total - (first.duration_ms or 0)
    assert summary.watched_lessons == 1 and summary.rate == 2.0
    assert summary.time_left_ms == round(remaining / 2.0)
    assert summary.percent == round(100 * (first.duration_ms or 0) / total)
    assert summary.in_progress


def test_home_lists_continue_recent_and_courses_in_progress(context: AppContext) -> None:
    course, lessons = _course_and_lessons(context)
    context.progress.save_position(lessons[0].fingerprint, 1000)
    context.progress.save_position(lessons[2].fingerprint, 2000)  # the latest
    context.playback_state.checkpoint(lessons[2].fingerprint, 2000, lessons[2].duration_ms, [(0, 2000)])
    with context.store.write():  # two saves can share a millisecond: make the order explicit
        context.store.conn.execute(
            "UPDATE lesson_progress SET last_opened_at = '2025-01-01T10:00:00.000+00:00' "
            "WHERE lesson_fingerprint = ?",
            [lessons[0].fingerprint],
        )
    home = context.stats.home()
    assert home.continue_lesson is not None and home.continue_lesson.fingerprint == lessons[2].fingerprint
    assert home.continue_lesson.resume_ms == 2000
    assert [lesson.fingerprint for lesson in home.recent] == [lessons[0].fingerprint]
    assert [c.course_id for c in home.in_progress] == [course.id]


def test_positions_practised_per_region(context: AppContext) -> None:
    positions = context.library.positions(_course_and_lessons(context)[1][0])
    now = utc_now()
    with context.store.write():
        context.store.conn.execute(
            "INSERT INTO practice_log (title, position_uid, planned_ms, actual_ms, completed, started_at, "
            "ended_at) VALUES ('x', ?, 30000, 30000, 1, ?, ?)",
            [positions[0].uid, now, now],
        )
        context.store.conn.execute(
            "INSERT INTO position_practice (position_uid, practised_at) VALUES (?, ?)",
            [positions[1].uid, now],
        )
    regions = {region.region: region for region in context.stats.regions()}
    assert regions["hips-sacrum"].positions == 4
    assert regions["hips-sacrum"].practised == 2
    assert regions["hips-sacrum"].sessions == 1
    assert regions["shoulder-axilla"].practised == 0


def test_study_time_is_recorded_while_playing_and_makes_a_streak(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = [1000.0]
    repo = StatsRepository(context.store)
    tracker = StudyTimeTracker(repo, "install-test", clock=lambda: clock[0])
    tracker.on_playing_changed(True)
    clock[0] += 90
    tracker.on_playing_changed(False)  # pause: 90 s recorded
    clock[0] += 1000  # paused time does not count
    tracker.on_playing_changed(True)
    clock[0] += 30
    tracker.flush()
    today = datetime.now().astimezone().date()
    days = dict(context.stats.study_days(7))
    assert days[today] == 120_000
    assert len(days) == 7 and min(days) == today - timedelta(days=6)
    # Two earlier days in a row, then a gap.
    repo.add_study_time("install-test", (today - timedelta(days=1)).isoformat(), 300_000)
    repo.add_study_time("other-computer", (today - timedelta(days=2)).isoformat(), 600_000)
    repo.add_study_time("install-test", (today - timedelta(days=4)).isoformat(), 600_000)
    assert context.stats.streak() == 3
    assert context.stats.streak(today + timedelta(days=1)) == 3, (
        "today is not over: yesterday's streak stands"
    )
    assert context.stats.streak(today + timedelta(days=2)) == 0


def test_a_read_only_tracker_records_nothing(context: AppContext) -> None:
    clock = [0.0]
    tracker = StudyTimeTracker(StatsRepository(context.store), None, clock=lambda: clock[0])
    tracker.on_playing_changed(True)
    clock[0] += 600
    tracker.on_playing_changed(False)
    assert sum(ms for _day, ms in context.stats.study_days(3, date.today())) == 0


def test_a_stopped_tracker_keeps_what_ran_and_records_nothing_after(context: AppContext) -> None:
    clock = [0.0]
    tracker = StudyTimeTracker(StatsRepository(context.store), "here", clock=lambda: clock[0])
    tracker.on_playing_changed(True)
    clock[0] += 60
    tracker.stop()  # the app closes while playing: the minute counts
    tracker.on_playing_changed(True)
    clock[0] += 600
    tracker.on_playing_changed(False)
    assert sum(ms for _day, ms in context.stats.study_days(2)) == 60_000
