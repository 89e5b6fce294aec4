"""The main window: courses and lessons on the left, the video with its transport on the right.

Every player action is a QAction built from ``ui/shortcuts.py``: its key works anywhere in the
window (a foot pedal that types keys included), even in full screen where the menus are hidden.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QChildEvent,
    QCoreApplication,
    QEvent,
    QMargins,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTabBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer import APP_NAME
from smrtplayer.app.context import AppContext
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text
from smrtplayer.models.library import Lesson, RelinkReport
from smrtplayer.models.settings import AUTOPLAY_NEXT_S, PAUSED_AT_QUIT, SUBTITLE_SCALE
from smrtplayer.player.media_source import advises_checking_files
from smrtplayer.player.resume import at_the_end
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.elided import ElidedButton, ElidedLabel
from smrtplayer.ui.common.focus_ring import FocusRing, add_focus_rings
from smrtplayer.ui.common.i18n import rate_text
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.common.shortcuts import ShortcutBindings, apply_bindings, build_actions
from smrtplayer.ui.common.theme import set_themed_style, theme_manager
from smrtplayer.ui.common.tree_items import top_level_items
from smrtplayer.ui.player.transport import TransportBar
from smrtplayer.ui.player.video_view import OSD_MS, VideoView
from smrtplayer.ui.shell.action_feedback import ActionFeedback
from smrtplayer.ui.shell.focus_mode import FocusMode
from smrtplayer.ui.shell.language_menu import LanguageMenu
from smrtplayer.ui.shell.layout_memory import lessons_width, restore_splitter, save_layout
from smrtplayer.ui.shell.panel_focus import Panel, PanelFocus
from smrtplayer.ui.shell.pedal_hold import OPTION as PEDAL_OPTION
from smrtplayer.ui.shell.pedal_hold import PedalHoldToPlay
from smrtplayer.ui.shell.resume_capture import TakenPicture, layout_now, take_resume_picture
from smrtplayer.ui.shell.start_picture import start_size
from smrtplayer.ui.shell.theme_menu import ThemeMenu

if TYPE_CHECKING:
    from smrtplayer.player.abloop import ABLoop
    from smrtplayer.player.resume_picture import StartLayout
    from smrtplayer.ui.shell.workspace import Workspace

log = logging.getLogger(__name__)
LESSON_ROLE = Qt.ItemDataRole.UserRole
COURSE_ROLE = Qt.ItemDataRole.UserRole
VOLUME_STEP = 0.05
PANELS_AT_THE_LATEST_MS = 1500
SUBTITLE_SCALE_STEP = 1.15
#: more controls than any window has: Tab gives up passing over hidden ones after this many
_TAB_STOPS_AT_MOST = 500
# Keys the course and lesson lists keep for themselves while they have the focus.
_LIST_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Return}


def hear_the_backend() -> None:
    """Deliver what the media backend has reported so far, while the window is still being built.

    At start-up the lesson's file opens on the backend's threads; it reports "loaded" through a queued
    call, which the event loop would deliver only once the whole window is built and shown. Heard
    between the steps of building, the player seeks to the resume point at once and that frame is
    decoded while the rest of the window is made. Only queued calls are delivered: no input, paint,
    layout or timer event reaches a half-built widget.
    """
    QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)


class _ListKeys(QObject):
    """Lets a focused list use the arrow keys to move, instead of the player's shortcuts."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and Qt.Key(event.key()) in _LIST_KEYS
            and not event.modifiers()
        ):
            event.accept()
        return False


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: AppContext,
        *,
        panels_after_first_frame: bool = False,
        start_picture: tuple[QImage, int] | None = None,
    ) -> None:
        """``panels_after_first_frame``: build the index, notes, hold and library panels only once
        the first frame is on screen (the app's start-up does this, so the lesson shows sooner).
        ``start_picture``: the picture kept at the last close and the time it shows, on screen in the
        video until the decoder's frame arrives (``ui/shell/start_picture.py``)."""
        super().__init__()
        # the picture taken at close (``resume_capture.py``)
        self.taken_picture: TakenPicture | None = None
        self.context = context
        self.playback = context.playback
        self._planned_start: tuple[Lesson, int] | None = None  # worked out once, used by start()
        if panels_after_first_frame:
            self._preload_start_lesson()
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 680)
        self.bindings = ShortcutBindings(context.keymap, self)
        self.actions_by_id = build_actions(self, self.bindings)
        self.bindings.changed.connect(lambda: apply_bindings(self.actions_by_id, self.bindings))
        self.last_capture: str | None = None
        self._docks_before_fullscreen: dict[object, bool] = {}

        self.course_list = QListWidget()
        self.course_list.setObjectName("courseList")
        self.course_list.setAccessibleName(self.tr("Courses"))
        self.course_list.setAccessibleDescription(self.tr("Choosing a course lists its lessons below"))
        self.course_list.currentItemChanged.connect(self._on_course_selected)
        # Long course titles wrap instead of hiding behind a sideways scroll bar.
        self.course_list.setWordWrap(True)
        self.course_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.lesson_tree = QTreeWidget()
        self.lesson_tree.setObjectName("lessonTree")
        self.lesson_tree.setAccessibleName(self.tr("Lessons"))
        self.lesson_tree.setAccessibleDescription(self.tr("Enter plays the lesson where you stopped"))
        self.lesson_tree.setHeaderLabels([self.tr("Lesson"), self.tr("Length")])
        self.lesson_tree.setRootIsDecorated(False)
        self.lesson_tree.header().setStretchLastSection(False)
        self.lesson_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lesson_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.lesson_tree.itemActivated.connect(self._on_lesson_activated)
        self._list_keys = _ListKeys(self)
        self.course_list.installEventFilter(self._list_keys)
        self.lesson_tree.installEventFilter(self._list_keys)

        self.continue_button = ElidedButton(mode=Qt.TextElideMode.ElideMiddle)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setAccessibleDescription(
            self.tr("Opens the lesson you watched last, where you stopped")
        )
        self.continue_button.clicked.connect(self.continue_last)
        self.continue_button.hide()
        self._continue_target: Lesson | None = None

        self.left_panel = QWidget()
        left_layout = QVBoxLayout(self.left_panel)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.continue_button)
        left_layout.addWidget(_heading(self.tr("Courses")))
        left_layout.addWidget(self.course_list, 1)
        left_layout.addWidget(_heading(self.tr("Lessons")))
        left_layout.addWidget(self.lesson_tree, 2)

        self.lesson_title = ElidedLabel(name="lessonTitle")
        title_font = self.lesson_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.lesson_title.setFont(title_font)

        self.video_view = VideoView()
        self.video_view.set_subtitle_scale(context.settings.get(SUBTITLE_SCALE))
        self.video_view.setAccessibleDescription(
            self.tr("The lesson's picture; the player's keys work here (Space plays, ? lists them)")
        )
        self._video_focus_ring = FocusRing(self.video_view)
        if start_picture is not None:
            self.video_view.show_start_picture(*start_picture)
        # the first lesson opened is the start's, which the kept picture shows: it is not cleared
        self._keeps_start_picture = start_picture is not None
        if panels_after_first_frame:
            hear_the_backend()
        self.transport = TransportBar(context, self.actions_by_id)

        self.error_area = QLabel("")
        self.error_area.setObjectName("errorArea")
        self.error_area.setTextFormat(Qt.TextFormat.PlainText)
        self.error_area.setWordWrap(True)
        set_themed_style(
            self.error_area,
            "QLabel#errorArea { background: $warning_bg; color: $warning_text; padding: 6px; "
            "border: 1px solid $warning_border; border-radius: 3px; }",
        )
        self.error_area.hide()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        self._right_layout = right_layout
        self._panels_room = QMargins()  # see keep_room_for_the_panels
        right_layout.addWidget(self.lesson_title)
        right_layout.addWidget(self.video_view, 1)
        right_layout.addWidget(self.error_area)
        right_layout.addWidget(self.transport)

        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.left_panel)
        self.splitter.addWidget(right)
        # A wider window widens the video, not the lessons panel; the panel collapses to the edge.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([lessons_width(self.width()), 800])
        self.setCentralWidget(self.splitter)

        self.focus_mode = FocusMode(self, self.transport, self._focus_hidden_widgets)
        self.focus_mode.changed.connect(self.actions_by_id["focus_mode"].setChecked)
        self.video_view.setMouseTracking(True)  # a move over the picture brings the transport back
        self.panel_focus = PanelFocus(self, self.panels)
        self._connect_actions()
        self.feedback = ActionFeedback(self.playback, self.video_view, self.actions_by_id, self)
        if panels_after_first_frame:
            hear_the_backend()
        self._build_menus()
        self._connect_playback()
        context.library.courses_changed.connect(self.reload_courses)
        context.library.problem_reported.connect(self.show_problem)
        for problem in context.library.problems:
            self.show_problem(problem)
        self.reload_courses()
        self._update_continue()
        self._workspace: Workspace | None = None
        if panels_after_first_frame:
            self.fit_to_screen()
            self._defer_workspace()
        else:
            self.ensure_workspace()
        self.setAcceptDrops(True)
        self.bindings.save_failed.connect(self.show_problem)
        if self.bindings.problem:
            self.show_problem(self.bindings.problem)
        self._pedal = PedalHoldToPlay(self, self.bindings, self.playback)
        self._pedal_listening = False
        self.bindings.changed.connect(self._follow_pedal_option)
        self._follow_pedal_option()
        name_controls(self)
        self.video_view.setFocus()  # the player's keys first; the lists take arrows once clicked
        if panels_after_first_frame:
            hear_the_backend()

    def _follow_pedal_option(self) -> None:
        """The pedal filter hears every event of the application (a Python call each, ~10 % of the GUI
        thread while a 1080p lesson plays), so it listens only while "hold to play" is on."""
        wanted = self.bindings.option(PEDAL_OPTION)
        app = QApplication.instance()
        if app is None or wanted == self._pedal_listening:
            return
        if wanted:
            app.installEventFilter(self._pedal)
        else:
            app.removeEventFilter(self._pedal)
        self._pedal_listening = wanted

    # ------------------------------------------------------------------------------- setup
    def _connect_actions(self) -> None:
        playback = self.playback
        handlers = {
            "play_pause": playback.toggle_play,
            "pause": playback.pause,
            "back_5": lambda: playback.skip(-5000),
            "forward_5": lambda: playback.skip(5000),
            "back_10": lambda: playback.skip(-10000),
            "forward_10": lambda: playback.skip(10000),
            "previous_position": playback.previous_position,
            "next_position": playback.next_position,
            "previous_lesson": playback.previous_lesson,
            "next_lesson": playback.next_lesson,
            "volume_up": lambda: playback.set_volume(playback.volume() + VOLUME_STEP),
            "volume_down": lambda: playback.set_volume(playback.volume() - VOLUME_STEP),
            "mute": playback.toggle_mute,
            "fullscreen": self.toggle_fullscreen,
            "focus_mode": self.toggle_focus_mode,
            "escape": self._escape,
            "slower": playback.slower,
            "faster": playback.faster,
            "normal_speed": playback.reset_rate,
            "loop_a": playback.set_loop_a,
            "loop_b": self._set_loop_b,
            "loop_clear": playback.clear_loop,
            "loop_position": self._loop_position,
            "frame_back": lambda: playback.step_frame(-1),
            "frame_forward": lambda: playback.step_frame(+1),
            "mirror": self._toggle_mirror,
            "capture": self.capture_frame,
            "subtitles": lambda: playback.set_subtitles_enabled(not playback.subtitles_enabled()),
            "subtitles_bigger": lambda: self._scale_subtitles(SUBTITLE_SCALE_STEP),
            "subtitles_smaller": lambda: self._scale_subtitles(1 / SUBTITLE_SCALE_STEP),
            "watched": playback.toggle_watched,
            "continue": self.continue_last,
            "shortcuts": self.show_shortcuts,
            "next_panel": lambda: self._focus_panel(+1),
            "previous_panel": lambda: self._focus_panel(-1),
        }
        for action_id, action in self.actions_by_id.items():
            if action_id in handlers:
                action.triggered.connect(handlers[action_id])
            self.addAction(action)  # keys keep working when the menu bar is hidden (full screen)

    def _build_menus(self) -> None:
        actions = self.actions_by_id
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(actions["continue"])
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        play_menu = self.menuBar().addMenu(self.tr("&Playback"))
        play_groups: tuple[tuple[str, ...], ...] = (
            ("play_pause", "pause"),
            ("back_5", "forward_5", "back_10", "forward_10"),
            ("previous_position", "next_position", "previous_lesson", "next_lesson"),
            ("volume_up", "volume_down", "mute"),
        )
        for group in play_groups:
            for action_id in group:
                play_menu.addAction(actions[action_id])
            play_menu.addSeparator()
        self.autoplay_action = QAction(self.tr("Play the next lesson after a countdown"), self)
        self.autoplay_action.setObjectName("action_autoplay")
        self.autoplay_action.setCheckable(True)
        self.autoplay_action.setChecked(self._autoplay_seconds() > 0)
        self.autoplay_action.toggled.connect(self._set_autoplay)
        play_menu.addAction(self.autoplay_action)

        study_menu = self.menuBar().addMenu(self.tr("&Study"))
        for group in (
            ("slower", "faster", "normal_speed"),
            ("loop_a", "loop_b", "loop_position", "loop_clear"),
            ("frame_back", "frame_forward", "capture"),
            ("watched",),
        ):
            for action_id in group:
                study_menu.addAction(actions[action_id])
            study_menu.addSeparator()

        view_menu = self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for action_id in (
            "fullscreen",
            "focus_mode",
            "mirror",
            "subtitles",
            "subtitles_bigger",
            "subtitles_smaller",
        ):
            view_menu.addAction(actions[action_id])
        view_menu.addSeparator()
        view_menu.addMenu(ThemeMenu(theme_manager(self.context.settings), self))
        view_menu.addMenu(LanguageMenu(self.context.settings, self))
        self.lessons_panel_action = QAction(self.tr("Lessons panel"), self)
        self.lessons_panel_action.setObjectName("action_lessons_panel")
        self.lessons_panel_action.setCheckable(True)
        self.lessons_panel_action.setChecked(True)
        self.lessons_panel_action.toggled.connect(self.set_lessons_panel_shown)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        view_menu.addAction(self.lessons_panel_action)
        view_menu.addSeparator()
        view_menu.addAction(actions["next_panel"])
        view_menu.addAction(actions["previous_panel"])

        help_menu = self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(actions["shortcuts"])
        about = QAction(self.tr("&About smrtplayer"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _connect_playback(self) -> None:
        playback = self.playback
        view = self.video_view
        playback.frame_ready.connect(view.show_frame)
        playback.still_ready.connect(view.show_still)
        playback.media_failed.connect(self._on_media_failed)
        playback.lesson_opened.connect(self._on_lesson_opened)
        playback.duration_changed.connect(self._on_duration)
        playback.subtitle_changed.connect(view.set_subtitle)
        playback.subtitle_tracks_changed.connect(self._on_subtitle_tracks)
        playback.rate_changed.connect(self._on_rate)
        playback.loop_changed.connect(self._on_loop)
        playback.watched_changed.connect(self._on_watched)
        playback.progress_saved.connect(lambda _ms: self._update_continue())
        playback.position_changed.connect(self._follow_continue)
        playback.save_failed.connect(self.show_problem)
        playback.countdown.started.connect(self._on_countdown)
        playback.countdown.ticked.connect(lambda _s: self._on_countdown(None, None))
        playback.countdown.cancelled.connect(view.hide_countdown)
        playback.countdown.finished.connect(lambda _lesson: view.hide_countdown())
        for button, description in (
            (view.retry_button, self.tr("Opens the lesson's file again")),
            (view.relink_button, self.tr("The course was moved: show where its folder is now")),
            (view.check_files_button, self.tr("Compares the course's files with what it lists")),
            (view.skip_button, self.tr("Leaves this lesson and opens the next")),
            (view.play_next_button, self.tr("Starts the next lesson without waiting")),
            (view.cancel_next_button, self.tr("Stays on this lesson")),
        ):
            button.setAccessibleDescription(description)
        view.retry_button.clicked.connect(playback.retry)
        view.relink_button.clicked.connect(self.relink_course)
        view.check_files_button.clicked.connect(self.check_course_files)
        view.skip_button.clicked.connect(playback.next_lesson)
        view.play_next_button.clicked.connect(playback.countdown.skip_wait)
        view.cancel_next_button.clicked.connect(playback.countdown.cancel)
        view.clicked.connect(playback.toggle_play)
        view.double_clicked.connect(self.toggle_fullscreen)

    def _start_point(self) -> tuple[Lesson, int] | None:
        """Where the window opens: where "Continue" goes (the last lesson where it stopped, or the
        course's next one when it was watched to its end), or the demo's first lesson on a first run."""
        target = self.playback.continue_target()
        if target is not None:
            return target
        for course in self.context.library.courses():
            lessons = self.context.library.lessons(course.id)
            if lessons:
                return lessons[0], 0
        return None

    def _preload_start_lesson(self) -> None:
        # The file opens on the backend's thread while the rest of the window is built; start()
        # then carries on with it.
        self._planned_start = self._start_point()
        if self._planned_start is not None:
            self.playback.preload(*self._planned_start)

    def start(self, *, autoplay: bool) -> None:
        """Open the lesson to continue with (see ``_start_point``), ready to play or playing.

        It stays paused when it was paused at the last quit, and on a first run (the demo waits on
        its first lesson rather than playing through all three by itself)."""
        start, self._planned_start = self._planned_start or self._start_point(), None
        if start is None:
            self.video_view.clear(self.tr("No courses yet."))
            return
        first_run = self.playback.continue_target() is None
        if first_run or self.context.settings.get(PAUSED_AT_QUIT):
            autoplay = False
        lesson, start_ms = start
        self.select_course(lesson.course_id)
        self.playback.open_lesson(lesson, autoplay=autoplay, start_ms=start_ms)
        self.video_view.setFocus()

    # ----------------------------------------------------------------------------- courses
    def reload_courses(self) -> None:
        current = self.course_list.currentItem()
        current_id = current.data(COURSE_ROLE) if current else None
        self.course_list.blockSignals(True)
        self.course_list.clear()
        for course in self.context.library.courses():
            label = course.title + ("  " + self.tr("(demo)") if course.kind == "builtin" else "")
            if not course.available:
                label += "  " + self.tr("[missing]")
            item = QListWidgetItem(label)
            item.setData(COURSE_ROLE, course.id)
            item.setToolTip(self.tr("%n lesson(s)", "", course.lesson_count))
            self.course_list.addItem(item)
            if course.id == current_id:
                self.course_list.setCurrentItem(item)
        self.course_list.blockSignals(False)
        if self.course_list.currentItem() is None and self.course_list.count():
            self.course_list.setCurrentRow(0)

    def select_course(self, course_id: int) -> None:
        for row in range(self.course_list.count()):
            item = self.course_list.item(row)
            if item.data(COURSE_ROLE) == course_id:
                self.course_list.setCurrentItem(item)
                self._fill_lessons(course_id)
                return

    def _on_course_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self._fill_lessons(int(item.data(COURSE_ROLE)))

    def _fill_lessons(self, course_id: int) -> None:
        self.lesson_tree.clear()
        playing = self.playback.lesson
        lessons = self.context.library.lessons(course_id)
        # A course in parts ("Part 1", "Hips & Sacrum" ...) shows each part's name above its lessons.
        with_sections = len({lesson.section_title for lesson in lessons}) > 1
        section: str | None = None
        for lesson in lessons:
            if with_sections and lesson.section_title != section:
                section = lesson.section_title
                self._add_section_heading(section or self.tr("Other lessons"))
            mark = "✓ " if lesson.watched else ""
            row_text = f"{mark}{lesson.ordinal + 1}. {lesson.title}"
            item = QTreeWidgetItem([row_text, clock_text(lesson.duration_ms)])
            item.setData(0, LESSON_ROLE, lesson.id)
            # The row is elided to the list's width: the tooltip has all of it, and its part.
            item.setToolTip(
                0, plain_tooltip(f"{row_text}\n{lesson.section_title}" if lesson.section_title else row_text)
            )
            self.lesson_tree.addTopLevelItem(item)
            if playing is not None and playing.id == lesson.id:
                self.lesson_tree.setCurrentItem(item)

    def refill_lessons(self) -> None:
        """Read the shown course's lessons again (their ✓ after a restore or a data import)."""
        course_id = self._current_course_id()
        if course_id is not None:
            self._fill_lessons(course_id)

    def _add_section_heading(self, title: str) -> None:
        heading = QTreeWidgetItem([title, ""])
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)  # not selectable, not a lesson: skipped by the keys
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        self.lesson_tree.addTopLevelItem(heading)
        heading.setFirstColumnSpanned(True)

    def lesson_items(self) -> list[QTreeWidgetItem]:
        """The rows of the lessons list that are lessons (not section headings)."""
        return [item for item in top_level_items(self.lesson_tree) if item.data(0, LESSON_ROLE) is not None]

    def _current_course_id(self) -> int | None:
        item = self.course_list.currentItem()
        return int(item.data(COURSE_ROLE)) if item is not None else None

    def _on_lesson_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        lesson_id = item.data(0, LESSON_ROLE)
        if lesson_id is None:  # a section heading
            return
        lesson = self.context.library.lesson(int(lesson_id))
        if lesson is not None:
            self.playback.open_lesson(lesson, autoplay=True)
            self.video_view.setFocus()

    def fit_to_screen(self) -> None:
        """Open large enough for video, lessons and the index side by side, never off-screen."""
        screen = self.screen()
        if screen is None:
            return
        self.resize(self.start_size())
        width = self.width()
        if self.lessons_panel_shown():
            left = lessons_width(width)
            self.splitter.setSizes([left, max(400, width - left)])

    def start_size(self) -> QSize:
        """The size the window opens at on its screen (``fit_to_screen``)."""
        screen = self.screen()
        if screen is None:
            return self.size()
        size = start_size(screen.availableGeometry())
        return QSize(max(size.width(), self.minimumSizeHint().width()), size.height())

    def keep_room_for_the_panels(self, layout: StartLayout) -> None:
        """Until the side panels are built, put the video where it will be once they are: where the
        last close had it (``layout``, kept with the picture at the window's start size), with the
        panels' room left empty; so it neither shrinks nor moves when they come, and the start
        window's picture (``start_picture.py``) is where the video is from the first paint on.

        Called once the window is shown (its layout done). The room is kept around the video's column
        (docks left or right, the lessons panel as the user left it, the status bar below); the
        transport, narrower then, wraps as it will. If the video does not land where it was, the room
        is given back at once.
        """
        if self._workspace is not None or self.size() != QSize(*layout.window):
            return
        restore_splitter(self.splitter, self.context.settings)  # laid out at once: the window is shown
        video = QRect(*layout.video)
        now = QRect(self.video_view.mapTo(self, QPoint(0, 0)), self.video_view.size())
        # Beside it first: the transport, narrower, may wrap onto another row, which moves the video's
        # bottom; then above and below it.
        room = QMargins(video.left() - now.left(), 0, now.right() - video.right(), 0)
        if min(room.left(), room.right()) < 0 or video.width() < now.width() // 2:
            log.info("no room kept for the panels: the video's place at the last close does not fit")
            return
        self._keep_room(room)
        now = QRect(self.video_view.mapTo(self, QPoint(0, 0)), self.video_view.size())
        below = QMargins(0, video.top() - now.top(), 0, now.bottom() - video.bottom())
        if min(below.top(), below.bottom()) >= 0:
            self._keep_room(below)
        placed = QRect(self.video_view.mapTo(self, QPoint(0, 0)), self.video_view.size())
        off_by = (placed.topLeft() - video.topLeft()).manhattanLength() + abs(placed.width() - video.width())
        if off_by + abs(placed.height() - video.height()) > 4:
            log.info("no room kept for the panels: the video would be at %s, not %s", placed, video)
            self._give_back_the_panels_room()
            self._right_layout.activate()

    def _keep_room(self, room: QMargins) -> None:
        self._right_layout.setContentsMargins(self._right_layout.contentsMargins() + room)
        self._panels_room += room
        self._right_layout.activate()

    def _give_back_the_panels_room(self) -> None:
        if self._panels_room.isNull():
            return
        self._right_layout.setContentsMargins(self._right_layout.contentsMargins() - self._panels_room)
        self._panels_room = QMargins()

    # ------------------------------------------------------------------------------- panels
    def lessons_panel_shown(self) -> bool:
        return self.splitter.sizes()[0] > 0

    def set_lessons_panel_shown(self, shown: bool) -> None:
        """Collapse the lessons panel to the window's edge, or bring it back at its default width."""
        if shown == self.lessons_panel_shown():
            return
        total = sum(self.splitter.sizes())
        left = lessons_width(self.width()) if shown else 0
        self.splitter.setSizes([left, max(1, total - left)])
        self.lessons_panel_action.setChecked(shown)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self.lessons_panel_action.setChecked(self.lessons_panel_shown())

    def toggle_focus_mode(self) -> None:
        self.focus_mode.set_active(not self.focus_mode.is_active())
        self.video_view.setFocus()

    def _focus_hidden_widgets(self) -> list[QWidget]:
        """What focus mode hides besides the transport: everything but the video."""
        widgets: list[QWidget] = [self.lesson_title, self.menuBar(), self.statusBar(), self.error_area]
        left = self.splitter.widget(0)
        if left is not None:
            widgets.append(left)
        widgets += [dock for dock in self.findChildren(QDockWidget) if not dock.isFloating()]
        return widgets

    @property
    def workspace(self) -> Workspace:
        return self.ensure_workspace()

    def ensure_workspace(self) -> Workspace:
        """The panels around the player (library, home, index, notes, holds), built on first need."""
        if self._workspace is None:
            from smrtplayer.ui.shell.workspace import WindowParts, Workspace

            self._give_back_the_panels_room()  # the panels take it now
            self._workspace = Workspace(
                WindowParts(
                    window=self,
                    context=self.context,
                    playback=self.playback,
                    splitter=self.splitter,
                    left_panel=self.left_panel,
                    video_view=self.video_view,
                    seek_bar=self.transport.seek_bar,
                    actions_by_id=self.actions_by_id,
                    keymap=self.bindings,
                    file_menu=self.file_menu,
                    view_menu=self.view_menu,
                    help_menu=self.help_menu,
                    open_lesson_at=self.open_lesson_at,
                    select_course=self.select_course,
                    set_mirrored=self.set_mirrored,
                    fit_to_screen=self.fit_to_screen,
                    show_problem=self.show_problem,
                    reload_courses=self.reload_courses,
                    refill_lessons=self.refill_lessons,
                )
            )
            self.lessons_panel_action.setChecked(self.lessons_panel_shown())
            name_controls(self)
            add_focus_rings(self)
            self._video_after_the_left_panel()
        return self._workspace

    def _video_after_the_left_panel(self) -> None:
        """Tab goes from the left panel to the video, then on to the side panels (the panels are
        built after the video, which would otherwise come last, after the status bar)."""
        tabs = self.workspace.left_tabs
        left = _tab_stops(tabs)
        if left:
            # The buttons shown over the picture (a lesson that will not play) move with it.
            video = [self.video_view, *_tab_stops(self.video_view)]
            for before, after in zip([left[-1], *video], video, strict=False):
                QWidget.setTabOrder(before, after)

    def focusNextPrevChild(self, next: bool) -> bool:
        # A side panel behind another's tab is moved off screen, not hidden: Tab would go on into
        # its controls, out of sight. Tab passes over them (F6 brings such a panel to the front).
        moved = super().focusNextPrevChild(next)
        for _step in range(_TAB_STOPS_AT_MOST):
            focus = QApplication.focusWidget()
            if not moved or focus is None or not self._behind_a_tab(focus):
                break
            moved = super().focusNextPrevChild(next)
        return moved

    def _behind_a_tab(self, widget: QWidget) -> bool:
        for dock in self.findChildren(QDockWidget):
            if dock.isAncestorOf(widget) and not dock.isHidden() and dock.visibleRegion().isEmpty():
                return True
        return False

    def _focus_panel(self, step: int) -> None:
        panel = self.panel_focus.next() if step > 0 else self.panel_focus.previous()
        if panel is not None:
            self.statusBar().showMessage(panel.name.replace("&", ""), 2000)

    def panels(self) -> list[Panel]:
        """The window's panels in their order on screen, for F6 and Shift+F6."""
        workspace = self._workspace
        if workspace is None:
            found = [Panel(self.tr("Lessons"), self.left_panel)]
        else:
            tabs = workspace.left_tabs
            found = [Panel(tabs.tabText(tabs.currentIndex()), tabs.currentWidget(), frame=tabs)]
        found.append(Panel(self.tr("Video"), self.video_view))
        if workspace is not None:
            docks = (workspace.index_dock, workspace.notes_dock, workspace.hold_dock, workspace.indexing_dock)
            found += [Panel(dock.windowTitle(), dock.widget(), dock) for dock in docks]
        return found

    def _defer_workspace(self) -> None:
        # The first frame is what the user waits for; the panels follow right after it is on screen
        # (not merely decoded: building them takes ~200 ms and would delay its paint), or after a
        # short while when nothing plays (no lesson, a broken file).
        def build() -> None:
            if self._workspace is None and not self.context.closed:  # closed: the app is ending
                with self.playback.frames_held_back():  # no backlog of decoded frames meanwhile
                    self.ensure_workspace()

        connection = self.video_view.first_frame_painted.connect(lambda: QTimer.singleShot(0, self, build))
        QTimer.singleShot(PANELS_AT_THE_LATEST_MS, self, build)
        QTimer.singleShot(PANELS_AT_THE_LATEST_MS, self, lambda: QObject.disconnect(connection))

    def open_lesson_at(self, lesson_id: int, start_ms: int | None) -> None:
        """Open a lesson at a time (a search result, a note, home): its course comes forward too."""
        lesson = self.context.library.lesson(lesson_id)
        if lesson is None:
            return
        self.select_course(lesson.course_id)
        self.playback.open_lesson(lesson, autoplay=True, start_ms=start_ms)
        self.video_view.setFocus()

    def open_external_path(self, path: Path) -> None:
        """A path handed over by the system (``smrtplayer PATH`` or a second start).

        A lesson (or course folder) already in the library opens in its course where it stopped; only a
        path new to the library is imported.
        """
        known = self.context.library.known_lesson_at(path)
        if known is not None:
            self.open_lesson_at(known.id, None)
            return
        self.workspace.import_paths([path])

    def childEvent(self, event: QChildEvent) -> None:
        super().childEvent(event)
        # The side panels' tab bars are made by the window as panels are moved and tabbed together,
        # each new one taking Tab focus by default: they stay out of the Tab chain, like the first
        # (F6 brings each side panel to the front instead).
        # Only a polished child is looked at: a child just added is still being constructed, and
        # handing it to Python then makes PySide load every class it knows of to find its type
        # (~220 enum classes, ~7 MiB).
        if event.polished() and isinstance(child := event.child(), QTabBar):
            child.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from smrtplayer.ui.library.drops import dropped_paths

        if dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        from smrtplayer.ui.library.drops import dropped_paths

        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.workspace.import_paths(paths)

    # ------------------------------------------------------------------------------ continue
    def continue_last(self) -> None:
        """Open the lesson watched most recently, where it stopped (or the next one after its end)."""
        target = self.playback.continue_target()
        if target is None:
            return
        lesson, position = target
        current = self.playback.lesson
        if current is None or current.id != lesson.id or self.playback.has_failed():
            self.select_course(lesson.course_id)
            self.playback.open_lesson(lesson, autoplay=True, start_ms=position)
        else:
            if position == 0 and at_the_end(self.playback.position_ms(), self.playback.duration_ms()):
                self.playback.seek(0)  # finished: again from the start
            self.playback.play()
        self.video_view.setFocus()

    def _shows(self, lesson: Lesson) -> bool:
        """``lesson`` is open and one of its frames is on screen (so its clock is its own, not the
        previous lesson's or 0 while its resume point is still being sought)."""
        current = self.playback.lesson
        return current is not None and current.id == lesson.id and self.playback.frame_start_ms() >= 0

    def _update_continue(self) -> None:
        if self.context.closed:
            return  # a deferred update after the data was closed (the app is ending)
        target = self.playback.continue_target()
        if target is None:
            self._continue_target = None
            self.continue_button.hide()
            return
        lesson, position = target
        self._continue_target = lesson
        self._set_continue_text(lesson, position)
        self.continue_button.set_tooltip_intro(
            self.tr("Open the lesson you watched last, where you stopped (Ctrl+R)")
        )
        self.continue_button.show()

    def _set_continue_text(self, lesson: Lesson, position_ms: int) -> None:
        self.continue_button.setText(
            self.tr("▶  Continue: {title} at {clock_text}").format(
                title=lesson.title, clock_text=clock_text(position_ms)
            )
        )

    def _follow_continue(self, position_ms: int) -> None:
        # Between saves the button follows the clock of the lesson it names, second by second.
        lesson = self._continue_target
        if lesson is None or not self._shows(lesson):
            return
        if not at_the_end(position_ms, self.playback.duration_ms()):  # at the end: the next save moves on
            self._set_continue_text(lesson, position_ms)

    # ----------------------------------------------------------------------------- playback
    def _on_lesson_opened(self, lesson: Lesson) -> None:
        self.lesson_title.setText(
            f"{lesson.section_title} · {lesson.title}" if lesson.section_title else lesson.title
        )
        self.setWindowTitle(self.tr("{title} — smrtplayer").format(title=lesson.title))
        if not (self._keeps_start_picture and self.video_view.shows_start_picture()):
            self.video_view.clear(self.tr("Loading…"))
        self._keeps_start_picture = False
        self.video_view.hide_countdown()
        self.error_area.hide()
        # After the event: the player records this lesson as the last one opened right after saying so.
        QTimer.singleShot(0, self, self._update_continue)
        self.actions_by_id["watched"].setChecked(lesson.watched or self.playback.is_watched())
        if self._current_course_id() != lesson.course_id:
            self.select_course(lesson.course_id)
        for item in top_level_items(self.lesson_tree):
            if item.data(0, LESSON_ROLE) == lesson.id:
                self.lesson_tree.setCurrentItem(item)

    def _on_duration(self, duration_ms: int) -> None:
        lesson = self.playback.lesson
        if lesson is not None and duration_ms > 0:
            self.context.library.record_duration(lesson, duration_ms)

    def _on_media_failed(self, message: str) -> None:
        lesson = self.playback.lesson
        view = self.video_view
        view.show_message(message)
        view.skip_button.setEnabled(self.playback.neighbour_lesson(+1) is not None)
        course = self.context.library.find_course(str(lesson.course_id)) if lesson else None
        moved = lesson is not None and not Path(lesson.path).exists()
        view.relink_button.setVisible(moved and course is not None and course.kind != "builtin")
        view.check_files_button.setVisible(
            not moved and course is not None and advises_checking_files(message)
        )
        # Said once, in the video area with its buttons, not again in the strip below it.

    def check_course_files(self) -> None:
        """The lesson's file is damaged or incomplete: check the whole course's files against what
        the course lists, in the same dialog as Library → Check files…."""
        lesson = self.playback.lesson
        if lesson is not None:
            self.workspace.library_view.verify(lesson.course_id)

    def relink_course(self) -> None:
        """The lesson's file is gone: ask where the course folder is now, and reattach it there."""
        lesson = self.playback.lesson
        if lesson is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self,
            self.tr("Where is the folder of “{title}” now?").format(title=lesson.title),
            str(Path(lesson.path).parent.parent),
        )
        if not folder:
            return
        try:
            job = self.context.library.start_relink(lesson.course_id, Path(folder))
        except SmrtError as error:
            self.show_problem(str(error))
            return
        self.video_view.flash(self.tr("Looking for the lessons…"))
        job.finished.connect(lambda report: self._reopen_after_relink(lesson.id, report))
        job.failed.connect(self._on_media_failed)

    def _reopen_after_relink(self, lesson_id: int, report: object = None) -> None:
        if isinstance(report, RelinkReport):
            # Said where the user looks (the picture) and kept a while in the status bar.
            said = relink_confirmation(report)
            self.statusBar().showMessage(said, 15_000)
            self.video_view.flash(said)
        lesson = self.context.library.lesson(lesson_id)
        if lesson is not None:
            self.playback.open_lesson(lesson, autoplay=True)

    def _on_subtitle_tracks(self, tracks: list[str]) -> None:
        self.actions_by_id["subtitles"].setEnabled(bool(tracks))
        self.actions_by_id["subtitles"].setChecked(self.playback.subtitles_enabled())

    def _on_rate(self, rate: float) -> None:
        # Said when a course opens at its own speed; opening at the speed already playing says nothing
        # (a "Speed 1×" over every lesson opened). A key's change is said by ``ActionFeedback``.
        changed = abs(rate - self.video_view.rate()) > 1e-6
        self.video_view.set_rate(rate)
        if changed and self.playback.lesson is not None:
            self.video_view.flash(self.tr("Speed {rate}").format(rate=rate_text(rate)))

    def _on_loop(self, loop: ABLoop) -> None:
        if loop.a_ms is not None and loop.b_ms is not None:
            passes = f"  {loop.passes_done + 1}/{loop.repeats}" if loop.repeats else ""
            self.video_view.set_loop_text(
                self.tr("Loop {a_ms}–{b_ms}{passes}").format(
                    a_ms=clock_text(loop.a_ms), b_ms=clock_text(loop.b_ms), passes=passes
                )
            )
        elif loop.a_ms is not None:
            self.video_view.set_loop_text(
                self.tr("Loop from {a_ms}: press B").format(a_ms=clock_text(loop.a_ms))
            )
        else:
            self.video_view.set_loop_text("")

    def _set_loop_b(self) -> None:
        if not self.playback.set_loop_b():
            self.video_view.flash(self.tr("The loop's end must come after its start"))
        else:
            self.video_view.flash(self.tr("Loop end set"), OSD_MS)

    def _loop_position(self) -> None:
        if not self.playback.loop_current_position():
            self.video_view.flash(self.tr("This lesson has no positions to loop"))
        else:
            self.video_view.flash(self.tr("Looping this position"), OSD_MS)

    def _on_watched(self, fingerprint: str, watched: bool) -> None:
        lesson = self.playback.lesson
        if lesson is not None and lesson.fingerprint == fingerprint:
            self.actions_by_id["watched"].setChecked(watched)
        course_id = self._current_course_id()
        if course_id is not None:
            self._fill_lessons(course_id)

    def _on_countdown(self, lesson: Lesson | None, seconds: int | None) -> None:
        countdown = self.playback.countdown
        following = countdown.lesson
        if following is None:
            return
        self.video_view.show_countdown(
            self.tr("Next: {title}\nstarts in {remaining_s} s").format(
                title=following.title, remaining_s=countdown.remaining_s()
            )
        )

    def _autoplay_seconds(self) -> int:
        return self.context.settings.get(AUTOPLAY_NEXT_S)

    def _set_autoplay(self, enabled: bool) -> None:
        self.context.settings.set(AUTOPLAY_NEXT_S, AUTOPLAY_NEXT_S.default if enabled else 0)
        if not enabled:
            self.playback.countdown.cancel()

    def _escape(self) -> None:
        if self.playback.countdown.is_active():
            self.playback.countdown.cancel()
        elif self.isFullScreen():
            self.toggle_fullscreen()
        elif self.focus_mode.is_active():
            self.toggle_focus_mode()

    # --------------------------------------------------------------------------------- view
    def toggle_fullscreen(self) -> None:
        full = not self.isFullScreen()
        for widget in (self.workspace.left_tabs, self.lesson_title, self.menuBar()):
            widget.setVisible(not full)
        for dock in (self.workspace.index_dock, self.workspace.notes_dock, self.workspace.hold_dock):
            if full:
                self._docks_before_fullscreen[dock] = dock.isVisible()
                dock.hide()
            elif self._docks_before_fullscreen.get(dock, True):
                dock.show()
        if full:
            self.error_area.hide()
            self.showFullScreen()
        else:
            self.showNormal()
        self.actions_by_id["fullscreen"].setChecked(full)
        self.video_view.setFocus()

    def _toggle_mirror(self) -> None:
        self.set_mirrored(not self.video_view.is_mirrored())

    def set_mirrored(self, mirrored: bool) -> None:
        """Mirror the picture (by hand, by the working side, or by a treatment sequence)."""
        self.video_view.set_mirrored(mirrored)
        self.actions_by_id["mirror"].setChecked(mirrored)

    def _scale_subtitles(self, factor: float) -> None:
        self.video_view.set_subtitle_scale(self.video_view.subtitle_scale() * factor)
        scale = round(self.video_view.subtitle_scale(), 3)
        self.context.settings.set(SUBTITLE_SCALE, scale)
        self.video_view.flash(self.tr("Subtitles {scale} %").format(scale=round(scale * 100)))

    def capture_frame(self) -> None:
        """Save the frame as the viewer sees it (mirrored if it is) and put it on the clipboard."""
        from smrtplayer.player.capture import save_capture  # loaded on first use, not at start

        lesson = self.playback.lesson
        image = self.video_view.displayed_image()
        try:
            path = save_capture(
                image,
                self.context.paths.data / "captures",
                lesson.title if lesson else "smrtplayer",
                self.playback.frame_start_ms(),
                mirrored=self.video_view.is_mirrored(),
            )
        except SmrtError as error:
            self.video_view.flash(self.tr("Nothing captured"))
            self.statusBar().showMessage(str(error), 8000)
            return
        QGuiApplication.clipboard().setImage(image)
        self.last_capture = str(path)
        self.video_view.flash(self.tr("Frame captured"))
        self.statusBar().showMessage(
            self.tr("Saved to {path} and copied to the clipboard.").format(path=path), 8000
        )

    def _remember_layout(self) -> None:
        """Keep the panels as the user arranged them (not as full screen or focus mode hides them)."""
        if self._workspace is None or self.context.read_only_reason is not None or self.context.closed:
            return  # before the docks exist there is nothing of theirs to keep
        self.focus_mode.set_active(False)
        if self.isFullScreen():
            self.toggle_fullscreen()
        save_layout(self, self.splitter, self.context.settings)

    def show_shortcuts(self) -> None:
        from smrtplayer.ui.shell.shortcut_sheet import ShortcutSheet  # loaded on first use, not at start

        sheet = ShortcutSheet(self.bindings, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()

    def show_problem(self, message: str) -> None:
        self.error_area.setText(message)
        if not self.isFullScreen():
            self.error_area.show()

    def _show_about(self) -> None:
        from smrtplayer.ui.shell.about_box import AboutBox

        AboutBox(self.context.paths.data, self).exec()

    def _take_resume_picture(self) -> TakenPicture | None:
        """The frame on screen for the next start to show first (``ui/shell/resume_capture.py``)."""
        if self.context.closed:
            return None
        try:
            window_layout = self.layout()
            if window_layout is not None:
                window_layout.activate()  # the panels focus mode hid are back in place
            layout = layout_now(self, self.video_view) if self.size() == self.start_size() else None
            return take_resume_picture(self, self.playback, self.video_view, layout)
        except Exception:  # closing goes on without it; the next start waits for its decoded frame
            log.warning("could not take the resume picture", exc_info=True)
            return None

    def closeEvent(self, event: QCloseEvent) -> None:
        from smrtplayer.ui.holds.hold_panel import confirm_close_during_hold

        asking_allowed = not self.property("closing_without_questions")
        if asking_allowed and not confirm_close_during_hold(self, self.context):
            event.ignore()
            return
        # At the frame on screen (the player's clock can be a frame or two behind it): the next start
        # opens on the very frame the user last saw, which it shows first (``resume_capture.py``).
        self.playback.save_closing_position()
        self._remember_layout()  # (out of focus mode and full screen first)
        self.taken_picture = self._take_resume_picture()
        if self.playback.lesson is not None and self.context.read_only_reason is None:
            # Reopened as it was left: paused stays paused (speed is kept per course by the player).
            try:
                self.context.settings.set(PAUSED_AT_QUIT, not self.playback.is_playing())
            except Exception:  # closing goes on whatever the store says; the log keeps why
                log.warning("could not remember whether the lesson was paused", exc_info=True)
        super().closeEvent(event)


def _tab_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab can stop at, in their focus-chain order."""
    stops: list[QWidget] = []
    widget = container.nextInFocusChain()
    for _step in range(_TAB_STOPS_AT_MOST):
        if widget is None or widget is container:
            break
        if container.isAncestorOf(widget) and widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def relink_confirmation(report: RelinkReport) -> str:
    """ "Found: 3 lessons relinked in /media/usb/Course" (and how many are still missing)."""
    text = QCoreApplication.translate(
        "MainWindow", "Found: %n lesson(s) relinked in {folder}", "", report.matched
    ).format(folder=report.root_path)
    if report.missing:
        text += QCoreApplication.translate("MainWindow", "; {count} still missing").format(
            count=len(report.missing)
        )
    return text
