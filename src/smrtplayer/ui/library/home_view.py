"""HomeView: "Continue", recently watched, courses in progress, study time and streak, practice by region.

Everything comes from ``context.stats`` (read-only); it refreshes whenever it is shown. Opening a
lesson goes out through ``open_lesson_requested`` for the window to play it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.timetext import clock_text
from smrtplayer.study.stats import CourseStats, LessonStats
from smrtplayer.ui.common.i18n import day_month, percent_text, rate_text
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.common.region_names import region_name as translated_region_name
from smrtplayer.ui.common.theme import set_themed_style

if TYPE_CHECKING:  # QtCharts loads with the chart, when Home is first shown
    from smrtplayer.ui.library.stats_chart import StudyChart

CHART_DAYS = 14
LESSON_ROLE = Qt.ItemDataRole.UserRole

_STYLE = """
QFrame#homeCard { background: palette(base); border: 1px solid $border; border-radius: 8px; }
QLabel#homeHeading { font-weight: bold; }
QLabel#homeMuted { color: $muted; }
QLabel#continueTitle { font-weight: bold; }
"""


#: The Home tab shows its cards in two columns from this width on.
TWO_COLUMNS_FROM_PX = 620


def _label(text: str = "", name: str | None = None, *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles are the user's and the publisher's text
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    return label


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("homeCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 12)
    layout.setSpacing(6)
    layout.addWidget(_label(title, "homeHeading", wrap=True))
    return frame, layout


def duration_text(ms: int) -> str:
    minutes = round(ms / 60_000)
    if minutes < 1:
        return (
            QCoreApplication.translate("HomeView", "under a minute")
            if ms > 0
            else QCoreApplication.translate("HomeView", "0 min")
        )
    hours, minutes = divmod(minutes, 60)
    if hours:
        return QCoreApplication.translate("HomeView", "{hours} h {minutes} min").format(
            hours=hours, minutes=f"{minutes:02d}"
        )
    return QCoreApplication.translate("HomeView", "{minutes} min").format(minutes=minutes)


def region_name(region_id: str) -> str:
    try:
        from smrtplayer.models.regions import default_taxonomy

        region = default_taxonomy().regions.get(region_id)
        if region is not None:
            return translated_region_name(str(region.name))
    except Exception:  # the taxonomy is optional here: show the id readably instead
        pass
    return region_id.replace("-", " ").capitalize()


class HomeView(QWidget):
    #: play a lesson (id); start_ms None: where the user stopped
    open_lesson_requested = Signal(int, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeView")
        set_themed_style(self, _STYLE)
        self.context = context

        # Continue
        continue_card, continue_layout = _card(self.tr("Continue"))
        self.continue_title = _label(name="continueTitle", wrap=True)
        font = self.continue_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        self.continue_title.setFont(font)
        self.continue_course = _label(name="homeMuted", wrap=True)
        self.continue_progress = QProgressBar()
        self.continue_progress.setRange(0, 100)
        self.continue_progress.setFormat(self.tr("%p % watched"))
        self.continue_button = QPushButton(self.tr("Resume"))
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setAccessibleDescription(
            self.tr("Plays the lesson above on from where you stopped")
        )
        self.continue_button.clicked.connect(self._resume)
        # The bar on its own line, never narrower than "100 % watched": side by side with the button
        # a narrow pane (a 1366 px screen) cut the text inside the bar.
        row = QVBoxLayout()
        self.continue_progress.setMinimumWidth(
            self.continue_progress.fontMetrics().horizontalAdvance(
                self.tr("%p % watched").replace("%p", "100")
            )
            + 24
        )
        row.addWidget(self.continue_progress)
        row.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        continue_layout.addWidget(self.continue_title)
        continue_layout.addWidget(self.continue_course)
        continue_layout.addLayout(row)
        self._continue_lesson: LessonStats | None = None

        # Recently watched
        recent_card, recent_layout = _card(self.tr("Recently watched"))
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAccessibleName(self.tr("Recently watched"))
        self.recent_list.setAccessibleDescription(self.tr("Enter opens the lesson where you stopped"))
        self.recent_list.itemActivated.connect(self._open_recent)
        self.recent_list.setMinimumHeight(120)
        self.recent_list.setWordWrap(True)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        recent_layout.addWidget(self.recent_list)

        # Courses in progress
        courses_card, courses_layout = _card(self.tr("Courses in progress"))
        self.courses_box = QWidget()
        self.courses_grid = QGridLayout(self.courses_box)
        self.courses_grid.setContentsMargins(0, 0, 0, 0)
        self.courses_grid.setColumnStretch(1, 1)
        courses_layout.addWidget(self.courses_box)
        courses_layout.addStretch(1)

        # Study time
        study_card, study_layout = _card(
            self.tr("Study time, last {chart_days} days").format(chart_days=CHART_DAYS)
        )
        heading = study_layout.itemAt(0)
        self.study_heading = heading.widget() if heading is not None else None
        self.streak_label = _label(name="homeMuted", wrap=True)
        study_layout.addWidget(self.streak_label)
        self._study_layout = study_layout  # the chart goes below the streak, once Home is shown
        self._chart: StudyChart | None = None
        self._chart_days: list[tuple[date, int]] = []

        # Practice by region
        regions_card, regions_layout = _card(self.tr("Positions practised, by region"))
        self.regions_box = QWidget()
        self.regions_grid = QGridLayout(self.regions_box)
        self.regions_grid.setContentsMargins(0, 0, 0, 0)
        self.regions_grid.setColumnStretch(1, 1)
        regions_layout.addWidget(self.regions_box)
        regions_layout.addStretch(1)

        content = QWidget()
        self._grid = grid = QGridLayout(content)
        grid.setContentsMargins(12, 12, 12, 12)
        grid.setSpacing(12)
        self._cards = (continue_card, courses_card, recent_card, study_card, regions_card)
        self._two_columns: bool | None = None
        self._arrange(two_columns=False)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Home"))
        scroll.setAccessibleDescription(
            self.tr("Where you stopped, what you watched lately and your study time")
        )
        scroll.setWidgetResizable(True)
        # Never sideways: the cards are arranged for the width there is (one column when narrow).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def _arrange(self, *, two_columns: bool) -> None:
        """Two columns when the tab is wide (a window of its own, a wide left pane), else one."""
        if two_columns == self._two_columns:
            return
        self._two_columns = two_columns
        grid = self._grid
        for card in self._cards:
            grid.removeWidget(card)
        continue_card, courses_card, recent_card, study_card, regions_card = self._cards
        if two_columns:
            places = [(continue_card, 0, 0, 1, 2), (courses_card, 1, 0, 1, 1), (recent_card, 1, 1, 1, 1)]
            places += [(study_card, 2, 0, 1, 1), (regions_card, 2, 1, 1, 1)]
        else:
            places = [(card, row, 0, 1, 2) for row, card in enumerate(self._cards)]
        for card, row, column, rows, columns in places:
            grid.addWidget(card, row, column, rows, columns)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(self._cards), 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(two_columns=self.width() >= TWO_COLUMNS_FROM_PX)

    @property
    def chart(self) -> StudyChart:
        """The study-time chart, made when first needed: Home is rarely the tab on screen, and QtCharts
        with its view holds 10-16 MiB (measured: 6.8 MiB to import, up to 9.7 MiB shown)."""
        if self._chart is None:
            from smrtplayer.ui.library.stats_chart import StudyChart

            self._chart = StudyChart()
            self._chart.setMinimumWidth(140)  # it scales to the pane; never wider than a narrow one
            self._study_layout.addWidget(self._chart)
            self._chart.set_days(self._chart_days)
        return self._chart

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        stats = self.context.stats
        home = stats.home()
        self._fill_continue(self._continue_here())
        self.recent_list.clear()
        for lesson in home.recent:
            item = QListWidgetItem(
                f"{lesson.title}  ·  {lesson.course_title}  ·  {percent_text(lesson.percent / 100)}"
            )
            item.setData(LESSON_ROLE, lesson.lesson_id)
            # Tooltips guess rich text: escape the titles inside an explicit rich-text wrapper.
            item.setToolTip(plain_tooltip(f"{lesson.title} ({lesson.course_title})"))
            self.recent_list.addItem(item)
        if not home.recent:
            placeholder = QListWidgetItem(self.tr("Lessons you watch show up here."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(placeholder)
        self._fill_courses(home.in_progress)
        days = stats.study_days(CHART_DAYS)
        self._chart_days = days
        if self._chart is not None or self.isVisible():
            self.chart.set_days(days)
        first, last = days[0][0], days[-1][0]
        span = f"{day_month(first)} – {day_month(last)}"
        if isinstance(self.study_heading, QLabel):
            self.study_heading.setText(
                self.tr("Study time, last {chart_days} days ({span})").format(
                    chart_days=CHART_DAYS, span=span
                )
            )
        streak = stats.streak()
        week = sum(ms for _day, ms in days[-7:])
        streak_text = self.tr("%n day(s) in a row", "", streak) if streak else self.tr("No streak yet")
        self.streak_label.setText(
            self.tr("{streak_text}  ·  last 7 days: {duration_text}").format(
                streak_text=streak_text, duration_text=duration_text(week)
            )
        )
        self._fill_regions()

    # ------------------------------------------------------------------------------------- parts
    def _continue_here(self) -> LessonStats | None:
        """The lesson "Continue" opens, by the player's one rule (the lessons list's button uses it
        too): where the last lesson stopped, or the next lesson once it was watched to its end."""
        target = self.context.playback.continue_target()
        if target is None:
            return None
        lesson, position_ms = target
        found = self.context.stats.lesson(lesson.fingerprint)
        return replace(found, resume_ms=position_ms) if found is not None else None

    def _fill_continue(self, lesson: LessonStats | None) -> None:
        self._continue_lesson = lesson
        if lesson is None:
            self.continue_title.setText(self.tr("Nothing watched yet"))
            self.continue_course.setText(
                self.tr("Pick a course and a lesson to start; smrtplayer remembers where you stop.")
            )
            self.continue_progress.hide()
            self.continue_button.hide()
            return
        self.continue_title.setText(lesson.title)
        self.continue_course.setText(lesson.course_title)
        self.continue_progress.setValue(lesson.percent)
        self.continue_progress.show()
        self.continue_button.setText(
            self.tr("▶ Resume at {resume_ms}").format(resume_ms=clock_text(lesson.resume_ms))
            if lesson.resume_ms > 0
            else self.tr("▶ Play")
        )
        self.continue_button.show()

    def _fill_courses(self, courses: list[CourseStats]) -> None:
        _clear(self.courses_grid)
        if not courses:
            self.courses_grid.addWidget(
                _label(self.tr("None yet: a course shows here once you start it."), "homeMuted", wrap=True),
                0,
                0,
            )
            return
        for row, course in enumerate(courses):
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(course.percent)
            bar.setFormat(percent_text(course.percent / 100))
            bar.setMinimumWidth(90)
            left = duration_text(course.time_left_ms)
            speed = (
                self.tr(" at {rate}").format(rate=rate_text(course.rate))
                if abs(course.rate - 1.0) > 1e-6
                else ""
            )
            detail = self.tr("{watched} of %n lesson(s) · {left} left", "", course.lessons).format(
                watched=course.watched_lessons, left=left
            )
            detail += speed
            if course.unknown_lengths:
                detail += self.tr(" (+{count} not yet measured)").format(count=course.unknown_lengths)
            self.courses_grid.addWidget(_label(course.title), row * 2, 0, 1, 2)
            self.courses_grid.addWidget(bar, row * 2 + 1, 0)
            self.courses_grid.addWidget(_label(detail, "homeMuted", wrap=True), row * 2 + 1, 1)

    def _fill_regions(self) -> None:
        _clear(self.regions_grid)
        regions = self.context.stats.regions()
        if not regions:
            self.regions_grid.addWidget(
                _label(self.tr("No positions in your courses yet."), "homeMuted", wrap=True), 0, 0
            )
            return
        for row, region in enumerate(regions):
            bar = QProgressBar()
            bar.setRange(0, max(1, region.positions))
            bar.setValue(region.practised)
            bar.setFormat(self.tr("{done} of {count}").format(done=region.practised, count=region.positions))
            bar.setMaximumWidth(160)
            bar.setMinimumWidth(48)  # "3 of 12" still fits; the pane may be narrow
            self.regions_grid.addWidget(_label(region_name(region.region), wrap=True), row, 0)
            self.regions_grid.addWidget(bar, row, 1)
            holds = self.tr("%n hold(s)", "", region.sessions)
            self.regions_grid.addWidget(_label(holds, "homeMuted"), row, 2)

    def _resume(self) -> None:
        if self._continue_lesson is not None:
            lesson = self._continue_lesson
            self.open_lesson_requested.emit(lesson.lesson_id, lesson.resume_ms)

    def _open_recent(self, item: QListWidgetItem) -> None:
        lesson_id = item.data(LESSON_ROLE)
        if lesson_id is not None:
            self.open_lesson_requested.emit(int(lesson_id), None)


def _clear(layout: QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()
