"""The panels around the video: library, home, body-region index and notes, with their menus.

``MainWindow`` owns the player area; this module installs everything else onto it so the window's
own module stays about playing. The window hands over what the panels may use as ``WindowParts``
(its widgets, menus and the few actions panels trigger), so this module never imports the window's:
the window builds the workspace lazily, after the first frame, and the two never import each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QBoxLayout,
    QDockWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.holds.runner import SequenceRunner
from smrtplayer.models.plans import RECHECK
from smrtplayer.models.settings import WHATS_HERE_SHOWN
from smrtplayer.player.hover_frames import HoverFrames
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.focus_ring import add_focus_rings
from smrtplayer.ui.common.shortcuts import ShortcutBindings
from smrtplayer.ui.index.index_panel import IndexPanel
from smrtplayer.ui.library.home_view import HomeView
from smrtplayer.ui.library.import_chooser import choose_course_to_import
from smrtplayer.ui.library.import_invitation import ImportInvitation
from smrtplayer.ui.library.library_view import LibraryView
from smrtplayer.ui.notes.notes_panel import NotesPanel
from smrtplayer.ui.shell.layout_memory import docks_width, lessons_width, restore_layout
from smrtplayer.ui.shell.whats_here import WhatsHerePanel
from smrtplayer.ui.sync.status import SyncStatusWidget

if TYPE_CHECKING:
    from smrtplayer.app.context import AppContext
    from smrtplayer.models.backups import IntegrityReport
    from smrtplayer.player.controller import PlaybackController
    from smrtplayer.ui.holds.hold_panel import HoldPanel
    from smrtplayer.ui.index.indexing_panel import IndexingPanel
    from smrtplayer.ui.notes.search_dialog import SearchDialog
    from smrtplayer.ui.player.seek_bar import SeekBar
    from smrtplayer.ui.player.video_view import VideoView
    from smrtplayer.ui.shell.backup_dialog import BackupDialog

BACKUP_CHECK_MS = 60 * 60 * 1000  # the daily backup is taken at most once a day; look hourly
FIRST_BACKUP_DELAY_MS = 10 * 1000  # the day's first backup: the start leaves it out (it delays the video)


#: The hold badge's colours: running, the last seconds, done (counting overtime), paused.
HOLD_RUNNING = QColor(21, 76, 140, 220)
HOLD_ENDING = QColor(196, 98, 0, 230)
HOLD_DONE = QColor(20, 122, 52, 230)
HOLD_PAUSED = QColor(90, 90, 90, 220)
LAST_SECONDS_MS = 5000
#: How often the window looks for courses changed by another process (one small query).
LIBRARY_WATCH_MS = 2000
#: look for moved or unplugged course folders every this many library checks (10 s)
AVAILABILITY_EVERY_TICKS = 5


@dataclass(frozen=True)
class WindowParts:
    """What the panels may use of the main window: the window itself (docks, menu bar, status bar),
    the player area's widgets and menus, and the window's actions that panels trigger."""

    window: QMainWindow
    context: AppContext
    playback: PlaybackController
    splitter: QSplitter
    left_panel: QWidget
    video_view: VideoView
    seek_bar: SeekBar
    actions_by_id: dict[str, QAction]
    keymap: ShortcutBindings
    file_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    open_lesson_at: Callable[[int, int | None], None]
    select_course: Callable[[int], None]
    set_mirrored: Callable[[bool], None]
    fit_to_screen: Callable[[], None]
    show_problem: Callable[[str], None]
    reload_courses: Callable[[], None]
    refill_lessons: Callable[[], None]


class Workspace(QObject):
    def __init__(self, parts: WindowParts) -> None:
        # A child of the window: its timers die with the window, never firing on a closed store.
        super().__init__(parts.window)
        self.parts = parts
        self.window = window = parts.window
        self.context = context = parts.context
        playback = parts.playback

        # Left: the lesson list (the window's own), the library as cards, and home.
        self.library_view = LibraryView(context)
        self.library_view.course_activated.connect(self._show_course)
        self.library_view.import_files_requested.connect(self.import_course)
        self.home_view = HomeView(context)
        self.home_view.open_lesson_requested.connect(
            lambda lesson_id, start_ms: parts.open_lesson_at(lesson_id, start_ms)
        )
        self.left_tabs = QTabWidget()
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.setAccessibleName(self.tr("Lessons, library and home"))
        self.left_tabs.setAccessibleDescription(
            self.tr(
                "The open course's lessons, every course, and where you stopped; F6 moves on to the video"
            )
        )
        self.left_tabs.addTab(parts.left_panel, self.tr("Lessons"))
        self.left_tabs.addTab(self.library_view, self.tr("Library"))
        self.left_tabs.addTab(self.home_view, self.tr("Home"))
        left_shown = parts.splitter.sizes()[0] > 0
        parts.splitter.insertWidget(0, self.left_tabs)
        # With the demo alone in the library, the course list invites an import too.
        self.lessons_invitation = ImportInvitation(compact=True)
        self.lessons_invitation.setObjectName("lessonsInvitation")
        self.lessons_invitation.files_requested.connect(self.import_course)
        self.lessons_invitation.folder_requested.connect(self.library_view.invitation.folder_requested)
        _insert_beside(parts.left_panel.findChild(QWidget, "courseList"), self.lessons_invitation, below=True)
        self._follow_library()
        context.library.courses_changed.connect(self._follow_library)
        parts.splitter.setCollapsible(1, False)
        if left_shown:
            width = lessons_width(window.width())
            parts.splitter.setSizes([width, max(400, window.width() - width)])

        # Right: the body-region index and the notes, as docks the user can move or close.
        self.index_panel = IndexPanel(context)
        self.index_panel.position_opened.connect(lambda row: parts.select_course(row.course_id))
        self.notes_panel = NotesPanel(
            context,
            position_provider=playback.position_ms,
            frame_provider=playback.current_image,
            own_shortcuts=False,
        )
        self.notes_panel.seek_requested.connect(playback.seek)
        self.notes_panel.marks_changed.connect(parts.seek_bar.set_note_marks)
        self.hover_frames = HoverFrames(context.paths.thumbnails / "hover", self)
        parts.seek_bar.hovered.connect(self._preview_hovered_time)
        parts.seek_bar.hover_ended.connect(self.hover_frames.stop)
        self.hover_frames.ready.connect(parts.seek_bar.show_grabbed_preview)
        self.index_dock = self._dock(self.tr("Body index"), "indexDock", self.index_panel)
        self.notes_dock = self._dock(self.tr("Notes"), "notesDock", self.notes_panel)
        # The hold panel is taller than a 1280x720 screen leaves the docks: it scrolls instead of
        # making the window taller than the screen. The hold and indexing panels (their controls, plan
        # editor, table mode and handouts: ~50 modules) are built when first shown or needed.
        self._hold_panel: HoldPanel | None = None
        self._indexing_panel: IndexingPanel | None = None
        self.hold_area = hold_area = _scrolling("holdPanelScroll")
        hold_area.setAccessibleName(self.tr("Hold timer"))
        hold_area.setAccessibleDescription(
            self.tr("Holds, their length and cues; treatment plans and table mode")
        )
        self.hold_dock = self._dock(self.tr("Hold timer"), "holdDock", hold_area)
        window.tabifyDockWidget(self.index_dock, self.notes_dock)
        window.tabifyDockWidget(self.notes_dock, self.hold_dock)
        # Its panel goes into a box of its own: the dock's widget stays what F6 and the tests hold.
        self.indexing_area = QWidget()
        self.indexing_area.setObjectName("indexingArea")
        self._indexing_box = QVBoxLayout(self.indexing_area)
        self._indexing_box.setContentsMargins(0, 0, 0, 0)
        self.indexing_dock = self._dock(self.tr("Index this lesson"), "indexingDock", self.indexing_area)
        window.tabifyDockWidget(self.hold_dock, self.indexing_dock)
        self.indexing_dock.hide()  # opened from the Index menu (Ctrl+Shift+I)
        self.index_dock.raise_()
        window.resizeDocks([self.index_dock], [docks_width(window.width())], Qt.Orientation.Horizontal)

        playback.lesson_opened.connect(self.notes_panel.set_lesson)
        playback.lesson_opened.connect(context.index.track_lesson)
        playback.position_changed.connect(context.index.track_playhead)
        self.notes_panel.follow_frames(playback.frame_ready)
        context.index.positions_changed.connect(playback.reload_positions)
        if playback.lesson is not None:
            # Built after the start opened a lesson (the panels follow its first frame): catch up.
            self.notes_panel.set_lesson(playback.lesson)
            context.index.track_lesson(playback.lesson)
            context.index.track_playhead(playback.position_ms())
        context.index.mirror_changed.connect(self._on_side_mirror)
        # A running hold or sequence owns the mirror (it flips the picture at each side change), so
        # the main window and table mode always show the same side; the working side takes over
        # again when it ends.
        runner = context.holds.runner
        runner.mirrored_changed.connect(parts.set_mirrored)
        # A running hold or sequence asks through the hold panel (a recheck's figure, a lesson missing).
        runner.active_changed.connect(lambda active: self.hold_panel if active else None)
        self.hold_dock.visibilityChanged.connect(lambda shown: self.hold_panel if shown else None)
        self.indexing_dock.visibilityChanged.connect(lambda shown: self.indexing_panel if shown else None)
        runner.active_changed.connect(
            lambda active: parts.set_mirrored(runner.mirrored() if active else context.index.mirror.mirrored)
        )
        self._connect_hold_badge()
        # A hold cancels autoplay: the next lesson must not start while the therapist holds.
        context.holds.timer.started.connect(self._cancel_autoplay)
        playback.countdown.started.connect(self._cancel_autoplay)
        context.holds.runner.logged.connect(lambda _entry: context.index.refresh())
        context.library.courses_changed.connect(self.home_view.refresh)
        playback.watched_changed.connect(self.library_view.refresh_progress)

        # The first launch's "what's here", above the video; Help shows it again.
        self.whats_here = WhatsHerePanel(parts.actions_by_id)
        self.whats_here.hide()
        _insert_beside(parts.video_view, self.whats_here, below=False)
        parts.actions_by_id["fullscreen"].toggled.connect(self._on_fullscreen)

        self._connect_actions()
        self._build_menus()
        parts.fit_to_screen()
        window.resizeDocks([self.index_dock], [docks_width(window.width())], Qt.Orientation.Horizontal)
        restore_layout(window, parts.splitter, context.settings)

        # Courses imported or removed from a terminal (`smrtplayer import`) while the window is open.
        self._watch_ticks = 0
        self._library_watch = QTimer(self)
        self._library_watch.setInterval(LIBRARY_WATCH_MS)
        self._library_watch.timeout.connect(self._look_for_library_changes)
        self._library_watch.start()
        # Course folders moved or deleted since the last run: looked for now that the lesson shows
        # (the start-up leaves it out, as it costs a stat per lesson in the worst case).
        context.library.refresh_availability()
        context.library.refresh_if_changed_elsewhere()  # remembers where the library stands now
        # The full database check (index content too), off the GUI thread on its own connection.
        context.integrity.checked.connect(self._on_integrity_checked)
        context.integrity.start()
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(FIRST_BACKUP_DELAY_MS)
        self._backup_timer.timeout.connect(self._daily_backup)
        self._backup_timer.start()
        self._connect_sync()
        QTimer.singleShot(0, self, self._after_show)

    # ------------------------------------------------------------------------------- setup
    def _follow_library(self) -> None:
        self.lessons_invitation.follow(self.context.library.course_listing())  # no lesson is read

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    @property
    def hold_panel(self) -> HoldPanel:
        """The hold panel, built on first need: its dock shown, a hold started, one of its actions."""
        if self._hold_panel is None:
            from smrtplayer.ui.holds.hold_panel import HoldPanel

            panel = HoldPanel(self.context, keymap=self.parts.keymap)
            self.hold_area.setWidget(panel)
            self.hold_area.updateGeometry()  # its minimum width is the panel's now: the docks widen to it
            self._hold_panel = panel
            _finish_late_panel(panel)
        return self._hold_panel

    @property
    def indexing_panel(self) -> IndexingPanel:
        """The indexing mode's panel, built when it is first opened."""
        if self._indexing_panel is None:
            from smrtplayer.ui.index.indexing_panel import IndexingPanel

            panel = IndexingPanel(self.context)
            self._indexing_box.addWidget(panel)
            panel.show()  # at once (a layout shows a widget added to a shown box only later): it takes keys
            self._indexing_panel = panel
            _finish_late_panel(panel)
        return self._indexing_panel

    def _connect_actions(self) -> None:
        actions = self.parts.actions_by_id
        runner = self.context.holds.runner
        handlers = {
            "mark_start": self.index_panel.mark_start,
            "mark_end": self.index_panel.mark_end,
            "index_lesson": self.open_indexing,
            "note_new": self._new_note,
            "note_time": self.notes_panel.insert_current_time,
            "search": self.open_search,
            "import_course": self.import_course,
            "hold_position": self._hold_this_position,
            "hold_pause": runner.toggle_pause,
            "hold_add_10": lambda: runner.add_time(10_000),
            "hold_less_10": lambda: runner.add_time(-10_000),
            "hold_next": runner.next,
            "hold_back": runner.back,
            "hold_other_side": runner.other_side,
            "hold_stop": runner.stop,
            "hold_confirm": runner.confirm,
            **{f"tenderness_{value}": partial(_recheck_if_asked, runner, value) for value in range(10)},
            "table_mode": lambda: self.hold_panel.open_table_mode(),
            "plans": lambda: self.hold_panel.open_plans(),
            "practice_log": lambda: self.hold_panel.open_log(),
        }
        for action_id, handler in handlers.items():
            actions[action_id].triggered.connect(lambda _checked=False, h=handler: h())

    def _build_menus(self) -> None:
        window = self.window
        actions = self.parts.actions_by_id
        menu_bar = window.menuBar()
        file_menu = self.parts.file_menu
        first = file_menu.actions()[0]  # the window's File menu is never empty: it ends with Quit
        file_menu.insertAction(first, actions["import_course"])
        backups = QAction(self.tr("Backups and moving data…"), window)
        backups.setObjectName("action_backups")
        backups.triggered.connect(self.open_backups)
        file_menu.insertAction(first, backups)
        file_menu.insertSeparator(first)

        index_menu = menu_bar.addMenu(self.tr("&Index"))
        for action in (
            actions["search"],
            actions["mark_start"],
            actions["mark_end"],
            actions["index_lesson"],
            self.index_panel.undo_action,
            self.index_panel.redo_action,
        ):
            index_menu.addAction(action)
        index_menu.addSeparator()
        index_menu.addAction(self.index_panel.export_action)
        index_menu.addAction(self.index_panel.import_action)

        notes_menu = menu_bar.addMenu(self.tr("&Notes"))
        notes_menu.addAction(actions["note_new"])
        notes_menu.addAction(actions["note_time"])
        export_menu = self.notes_panel.export_button.menu()
        if export_menu is not None:
            notes_menu.addMenu(export_menu)

        holds_menu = menu_bar.addMenu(self.tr("&Holds"))
        for group in (
            (
                "hold_position",
                "hold_pause",
                "hold_add_10",
                "hold_less_10",
                "hold_next",
                "hold_back",
                "hold_other_side",
                "hold_stop",
                "hold_confirm",
            ),
            ("table_mode",),
            ("plans", "practice_log"),
        ):
            for action_id in group:
                holds_menu.addAction(actions[action_id])
            holds_menu.addSeparator()

        help_menu = self.parts.help_menu
        whats_here = QAction(QCoreApplication.translate("Workspace", "What's here"), window)
        whats_here.setObjectName("action_whats_here")
        whats_here.triggered.connect(self.show_whats_here)
        help_actions = help_menu.actions()
        if len(help_actions) > 1:
            help_menu.insertAction(help_actions[1], whats_here)  # after the keys, before About
        else:
            help_menu.addAction(whats_here)

        view_menu = self.parts.view_menu
        view_menu.addSeparator()
        for dock in (self.index_dock, self.notes_dock, self.hold_dock):
            view_menu.addAction(dock.toggleViewAction())
        # Keep Help last.
        for menu in (index_menu, notes_menu, holds_menu):
            menu_bar.insertMenu(self.parts.help_menu.menuAction(), menu)

    def _on_integrity_checked(self, report: IntegrityReport) -> None:
        if report.message is not None:
            self.parts.show_problem(report.message)

    def _after_show(self) -> None:
        if self.context.recovery is not None or self.context.read_only:
            from smrtplayer.ui.shell.backup_dialog import show_startup_notices

            self._notices = show_startup_notices(self.context, self.window)
        if not self.context.closed and not self.context.settings.get(WHATS_HERE_SHOWN):
            self.show_whats_here()

    def show_whats_here(self) -> None:
        """The short "what's here" above the video (by itself once, at the first launch)."""
        if self.window.isFullScreen():
            return
        self.whats_here.present()
        if self.context.read_only_reason is None and not self.context.settings.get(WHATS_HERE_SHOWN):
            self.context.settings.set(WHATS_HERE_SHOWN, True)

    def _on_fullscreen(self, full: bool) -> None:
        if full:
            self.whats_here.hide()  # the video alone; Help shows it again afterwards
        if not self.context.closed:  # a window closed at once: its store is gone
            self.context.sync.start()

    def _connect_sync(self) -> None:
        """The status in the status bar; a round after the user's changes, and views reloaded after
        changes from another computer came in."""
        sync = self.context.sync
        self.sync_status = SyncStatusWidget(sync)
        self.window.statusBar().addPermanentWidget(self.sync_status)
        context = self.context
        for changed in (
            context.notes.notes_changed,
            context.index.positions_changed,
            context.holds.plans_changed,
            context.holds.presets_changed,
            context.holds.practice_log_changed,
            context.settings.changed,
            # Pausing or stopping saves the resume point: it travels then, not at the next look.
            context.playback.playing_changed,
        ):
            changed.connect(sync.schedule)
        sync.data_merged.connect(self.data_replaced)

    # ----------------------------------------------------------------------------- actions
    def _show_course(self, course_id: int) -> None:
        self.parts.select_course(course_id)
        self.left_tabs.setCurrentWidget(self.parts.left_panel)

    def _hold_this_position(self) -> None:
        self.hold_dock.show()
        self.hold_dock.raise_()
        self.hold_panel.hold_this_position()

    def _new_note(self) -> None:
        self.notes_dock.show()
        self.notes_dock.raise_()
        self.notes_panel.new_note()

    def _look_for_library_changes(self) -> None:
        if self.context.closed:  # the window outlived its data (closing, tests)
            self._library_watch.stop()
            return
        library = self.context.library
        library.refresh_if_changed_elsewhere()
        self._watch_ticks += 1
        if self._watch_ticks % AVAILABILITY_EVERY_TICKS == 0:
            # A course folder moved or unplugged while the window is open: its card says so and
            # offers "Find the course folder…" (one listing per lesson folder; 36 ms for 20,000
            # lessons all gone, far less otherwise).
            library.refresh_availability()

    def _on_side_mirror(self, mirrored: bool, _badge: str) -> None:
        if not self.context.holds.runner.is_active():
            self.parts.set_mirrored(mirrored)

    def _cancel_autoplay(self, *_args: object) -> None:
        countdown = self.parts.playback.countdown
        if countdown.is_active() and self.context.holds.timer.is_active():
            countdown.cancel()

    def _connect_hold_badge(self) -> None:
        """The hold's countdown stays on the video whatever panel is in front (notes, index...)."""
        holds, video = self.context.holds, self.parts.video_view
        timer, runner = holds.timer, holds.runner

        def update(*_args: object) -> None:
            if not timer.is_active():
                video.set_hold_badge("", None)
                return
            leg = runner.current() if runner.is_active() else None
            sides = {"L": self.tr(" · CLIENT'S LEFT"), "R": self.tr(" · CLIENT'S RIGHT")}
            side = sides.get(leg.side if leg else "", "")
            time = timer.display()
            if timer.is_paused():
                video.set_hold_badge(self.tr("HOLD {time} paused").format(time=time) + side, HOLD_PAUSED)
            elif timer.is_overtime():
                video.set_hold_badge(self.tr("DONE {time}").format(time=time) + side, HOLD_DONE)
            elif timer.remaining_ms() <= LAST_SECONDS_MS:
                video.set_hold_badge(self.tr("HOLD {time}").format(time=time) + side, HOLD_ENDING)
            else:
                video.set_hold_badge(self.tr("HOLD {time}").format(time=time) + side, HOLD_RUNNING)

        for signal in (timer.tick, timer.overtime, timer.adjusted, timer.started, timer.paused_changed):
            signal.connect(update)
        for signal in (timer.done, timer.ended, runner.step_started, runner.sequence_finished):
            signal.connect(update)
        update()

    def _preview_hovered_time(self, at_ms: int) -> None:
        lesson = self.parts.playback.lesson
        if lesson is not None:
            image = self.hover_frames.request(lesson, at_ms, self.parts.seek_bar.devicePixelRatioF())
            if image is not None:
                self.parts.seek_bar.show_preview(image, HoverFrames.bucket(at_ms))

    def open_indexing(self) -> IndexingPanel:
        """Show the indexing mode for the lesson on screen, its table ready for keys."""
        self.indexing_dock.show()
        self.indexing_dock.raise_()
        self.indexing_panel.table.setFocus()
        if self.indexing_panel.current_row() is None and self.indexing_panel.model.rowCount():
            self.indexing_panel.select_row(0)
        return self.indexing_panel

    def open_search(self) -> SearchDialog:
        from smrtplayer.ui.notes.search_dialog import SearchDialog

        dialog = SearchDialog(self.context, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(
            lambda result: self.parts.open_lesson_at(result.lesson_id, result.start_ms)
        )
        dialog.open()
        return dialog

    def open_backups(self) -> BackupDialog:
        from smrtplayer.ui.shell.backup_dialog import BackupDialog

        dialog = BackupDialog(self.context, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.data_replaced.connect(self.data_replaced)
        dialog.open()
        return dialog

    def data_replaced(self) -> None:
        """A restore or a data import changed what every view shows: all of them read it again.
        (The notes panel follows the notes service's own signal.)"""
        self.parts.reload_courses()
        self.parts.refill_lessons()
        self.library_view.reload()
        self.home_view.refresh()
        if self._hold_panel is not None:  # one built later reads them then
            self._hold_panel.reload_presets()
        self.context.index.refresh()

    def import_course(self) -> None:
        """File → Import…: a zip, videos or a folder, chosen in one dialog."""
        chosen = choose_course_to_import(self.window)
        if chosen:
            self.import_paths(chosen)

    def import_paths(self, paths: list[Path]) -> None:
        self.left_tabs.setCurrentWidget(self.library_view)
        self.library_view.import_paths(paths)

    def _daily_backup(self) -> None:
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        context = self.context
        if context.read_only:
            return
        try:
            context.backups.daily()
        except Exception as error:  # a failed backup must never stop the study session
            self.window.statusBar().showMessage(
                self.tr("The daily backup failed: {error}").format(error=error), 15000
            )


def _insert_beside(anchor: QWidget | None, widget: QWidget, *, below: bool) -> None:
    """Put ``widget`` right below (or above) ``anchor`` in the box layout that holds it."""
    parent = anchor.parentWidget() if anchor is not None else None
    layout = parent.layout() if parent is not None else None
    if anchor is None or not isinstance(layout, QBoxLayout) or layout.indexOf(anchor) < 0:
        widget.setParent(None)  # nowhere to show it: it stays out of sight
        return
    layout.insertWidget(layout.indexOf(anchor) + (1 if below else 0), widget)


def _recheck_if_asked(runner: SequenceRunner, value: int) -> None:
    """A digit answers a recheck on screen; at any other moment it does nothing."""
    leg = runner.current()
    if runner.phase == SequenceRunner.WAITING and leg is not None and leg.kind == RECHECK:
        runner.recheck(value)


class _VerticalScroll(QScrollArea):
    """Scrolls a panel up and down, never sideways: it is never narrower than the panel plus its
    vertical scroll bar, which appears when a hold's controls make the panel taller than the dock
    (without the bar's width reserved, the panel's right edge was cut off at 1280×720)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        panel = self.widget()
        if panel is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return QSize(max(hint.width(), panel.minimumSizeHint().width() + bar + frame), hint.height())


def _finish_late_panel(panel: QWidget) -> None:
    """What the window does for the panels it builds at once (names for icon buttons, focus rings)."""
    name_controls(panel)
    add_focus_rings(panel)


def _scrolling(name: str) -> QScrollArea:
    """A scroll area for a panel set into it later."""
    area = _VerticalScroll()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
