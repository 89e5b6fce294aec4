"""Progress as the user sees it: per lesson, per course (with time left at the user's speed), per
region (positions practised), the home view's lists, study time per day and the streak.

"% watched" comes from the spans really played (``played_spans``), never from EndOfMedia; a lesson
marked watched counts as complete in its course. Study time is wall time while a lesson plays,
recorded per local day by ``StudyTimeTracker``.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from smrtplayer.models.settings import INSTALL_ID, SettingsAccess
from smrtplayer.store.stats import StatsRepository

log = logging.getLogger(__name__)

#: A day counts towards the streak from this much study (or any practice logged that day).
STREAK_MIN_MS = 60_000


@dataclass(frozen=True)
class LessonStats:
    lesson_id: int
    course_id: int
    course_title: str
    fingerprint: str
    title: str
    duration_ms: int | None
    played_ms: int
    watched: bool
    resume_ms: int
    last_opened_at: str | None

    @property
    def percent(self) -> int:
        """Share of the lesson really played, 0-100 (0 until its length is known)."""
        if not self.duration_ms or self.duration_ms <= 0:
            return 0
        return min(100, round(100 * min(self.played_ms, self.duration_ms) / self.duration_ms))

    @property
    def done_ms(self) -> int:
        if not self.duration_ms:
            return 0
        return self.duration_ms if self.watched else min(self.played_ms, self.duration_ms)


@dataclass(frozen=True)
class CourseStats:
    course_id: int
    title: str
    lessons: int
    watched_lessons: int
    duration_ms: int  # of the lessons whose length is known
    done_ms: int
    rate: float
    unknown_lengths: int  # lessons not yet measured (not counted in the time figures)

    @property
    def percent(self) -> int:
        if self.duration_ms <= 0:
            return round(100 * self.watched_lessons / self.lessons) if self.lessons else 0
        return min(100, round(100 * self.done_ms / self.duration_ms))

    @property
    def time_left_ms(self) -> int:
        """Playing time still to watch, at the speed the user watches this course."""
        return round(max(0, self.duration_ms - self.done_ms) / (self.rate or 1.0))

    @property
    def in_progress(self) -> bool:
        return 0 < self.done_ms < self.duration_ms or 0 < self.watched_lessons < self.lessons


@dataclass(frozen=True)
class RegionStats:
    region: str
    positions: int
    practised: int
    sessions: int


@dataclass(frozen=True)
class HomeSummary:
    continue_lesson: LessonStats | None
    recent: list[LessonStats]
    in_progress: list[CourseStats]


class ProgressStats:
    def __init__(self, repository: StatsRepository) -> None:
        self._repo = repository

    def lessons(self, course_id: int | None = None) -> list[LessonStats]:
        return [_lesson(row) for row in self._repo.lesson_rows(course_id)]

    def lesson(self, fingerprint: str) -> LessonStats | None:
        return next((lesson for lesson in self.lessons() if lesson.fingerprint == fingerprint), None)

    def courses(self) -> list[CourseStats]:
        rates = self._repo.course_rates()
        grouped: dict[int, list[LessonStats]] = {}
        uids: dict[int, str] = {}
        for row in self._repo.lesson_rows():
            grouped.setdefault(int(row["course_id"]), []).append(_lesson(row))
            uids[int(row["course_id"])] = str(row["course_uid"])
        return [
            CourseStats(
                course_id=course_id,
                title=lessons[0].course_title,
                lessons=len(lessons),
                watched_lessons=sum(lesson.watched for lesson in lessons),
                duration_ms=sum(lesson.duration_ms or 0 for lesson in lessons),
                done_ms=sum(lesson.done_ms for lesson in lessons),
                rate=rates.get(uids[course_id], 1.0),
                unknown_lengths=sum(not lesson.duration_ms for lesson in lessons),
            )
            for course_id, lessons in grouped.items()
        ]

    def home(self, recent_limit: int = 6) -> HomeSummary:
        by_fingerprint: dict[str, LessonStats] = {}
        for lesson in self.lessons():
            by_fingerprint.setdefault(lesson.fingerprint, lesson)
        recent = [
            by_fingerprint[fingerprint]
            for fingerprint, _opened in self._repo.recent_fingerprints(recent_limit * 2)
            if fingerprint in by_fingerprint
        ][:recent_limit]
        in_progress = [course for course in self.courses() if course.in_progress]
        in_progress.sort(key=lambda course: -course.percent)
        return HomeSummary(
            continue_lesson=recent[0] if recent else None, recent=recent[1:], in_progress=in_progress
        )

    def regions(self) -> list[RegionStats]:
        return [
            RegionStats(
                region=str(row["region"]),
                positions=int(row["positions"]),
                practised=int(row["practised"]),
                sessions=int(row["sessions"]),
            )
            for row in self._repo.region_positions()
        ]

    def study_days(self, days: int = 30, today: date | None = None) -> list[tuple[date, int]]:
        """(day, ms studied) for each of the last ``days`` local days, oldest first, zeros included."""
        today = today or datetime.now().astimezone().date()
        first = today - timedelta(days=days - 1)
        studied = self._repo.study_days(first.isoformat())
        return [(day, studied.get(day.isoformat(), 0)) for day in (first + timedelta(n) for n in range(days))]

    def streak(self, today: date | None = None, *, limit_days: int = 366) -> int:
        """Days in a row, up to today, with some study or practice (today may still be to come)."""
        today = today or datetime.now().astimezone().date()
        first = today - timedelta(days=limit_days)
        active = {day for day, ms in self._repo.study_days(first.isoformat()).items() if ms >= STREAK_MIN_MS}
        since = datetime.combine(first, datetime.min.time()).astimezone(UTC).isoformat()
        for ended_at, _ms in self._repo.practice_days(since):
            try:
                active.add(datetime.fromisoformat(ended_at).astimezone().date().isoformat())
            except ValueError:
                continue
        day = today if today.isoformat() in active else today - timedelta(days=1)
        count = 0
        while day.isoformat() in active and count < limit_days:
            count += 1
            day -= timedelta(days=1)
        return count


def install_id(settings: SettingsAccess) -> str:
    """This installation's id (never exported: each computer keeps its own study-time rows)."""
    value = settings.get(INSTALL_ID)
    if value:
        return value
    value = uuid.uuid4().hex
    settings.set(INSTALL_ID, value)
    return value


class StudyTimeTracker(QObject):
    """Counts wall time while a lesson plays and adds it to today's row, at most a minute late.

    Connect ``PlaybackController.playing_changed`` to ``on_playing_changed``; ``flush()`` at close.
    """

    recorded = Signal(int)  # ms added to today

    def __init__(
        self,
        repository: StatsRepository,
        install_id: str | None,
        *,
        flush_every_ms: int = 60_000,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._repo = repository
        self._install_id = install_id  # None: read-only, nothing is recorded
        self._clock = clock
        self._since: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(flush_every_ms)
        self._timer.timeout.connect(self.flush)

    @Slot(bool)
    def on_playing_changed(self, playing: bool) -> None:
        if playing:
            if self._since is None:
                self._since = self._now()
                self._timer.start()
        else:
            self.flush()
            self._since = None
            self._timer.stop()

    @Slot()
    def flush(self) -> None:
        if self._since is None:
            return
        now = self._now()
        elapsed_ms = int((now - self._since) * 1000)
        self._since = now
        if elapsed_ms <= 0 or self._install_id is None:
            return
        day = datetime.now().astimezone().date().isoformat()
        try:
            self._repo.add_study_time(self._install_id, day, elapsed_ms)
        except Exception:  # a lost minute of study time must never disturb playback
            log.warning("study time not recorded", exc_info=True)
            return
        self.recorded.emit(elapsed_ms)

    def stop(self) -> None:
        """Record what is running and nothing after (the store is about to close)."""
        self.flush()
        self._since = None
        self._install_id = None
        self._timer.stop()

    def _now(self) -> float:
        return float(self._clock())


def _lesson(row: dict[str, object]) -> LessonStats:
    duration = row["duration_ms"]
    return LessonStats(
        lesson_id=int(str(row["id"])),
        course_id=int(str(row["course_id"])),
        course_title=str(row["course_title"]),
        fingerprint=str(row["fingerprint"]),
        title=str(row["title"]),
        duration_ms=int(str(duration)) if duration is not None else None,
        played_ms=int(str(row["played_ms"])),
        watched=bool(row["watched"]),
        resume_ms=int(str(row["position_ms"])),
        last_opened_at=None if row["last_opened_at"] is None else str(row["last_opened_at"]),
    )
