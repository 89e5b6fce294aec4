"""The main window: courses and lessons on the left, the video with its transport on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer import __version__
from smrtplayer.context import AppContext
from smrtplayer.models import Lesson
from smrtplayer.ui.format import format_ms
from smrtplayer.ui.transport import TransportBar
from smrtplayer.ui.video_view import VideoView

LESSON_ROLE = Qt.ItemDataRole.UserRole
COURSE_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.playback = context.playback
        self.setWindowTitle("smrtplayer")
        self.resize(1100, 640)

        self.course_list = QListWidget()
        self.course_list.setObjectName("courseList")
        self.course_list.setAccessibleName("Courses")
        self.course_list.currentItemChanged.connect(self._on_course_selected)

        self.lesson_tree = QTreeWidget()
        self.lesson_tree.setObjectName("lessonTree")
        self.lesson_tree.setAccessibleName("Lessons")
        self.lesson_tree.setHeaderLabels(["Lesson", "Length"])
        self.lesson_tree.setRootIsDecorated(False)
        self.lesson_tree.setColumnWidth(0, 230)
        self.lesson_tree.itemActivated.connect(self._on_lesson_activated)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(_heading("Courses"))
        left_layout.addWidget(self.course_list, 1)
        left_layout.addWidget(_heading("Lessons"))
        left_layout.addWidget(self.lesson_tree, 2)

        self.lesson_title = QLabel("")
        self.lesson_title.setObjectName("lessonTitle")
        self.lesson_title.setTextFormat(Qt.TextFormat.PlainText)
        title_font = self.lesson_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.lesson_title.setFont(title_font)

        self.video_view = VideoView()
        self.transport = TransportBar(context)

        self.error_area = QLabel("")
        self.error_area.setObjectName("errorArea")
        self.error_area.setTextFormat(Qt.TextFormat.PlainText)
        self.error_area.setWordWrap(True)
        self.error_area.setStyleSheet(
            "QLabel#errorArea { background: #fff3cd; color: #5a4300; padding: 6px; "
            "border: 1px solid #e0c36a; border-radius: 3px; }"
        )
        self.error_area.hide()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.lesson_title)
        right_layout.addWidget(self.video_view, 1)
        right_layout.addWidget(self.error_area)
        right_layout.addWidget(self.transport)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 780])
        self.setCentralWidget(splitter)

        self._build_menus()
        self.playback.frame_ready.connect(self.video_view.show_frame)
        self.playback.media_failed.connect(self._on_media_failed)
        self.playback.lesson_opened.connect(self._on_lesson_opened)
        self.playback.duration_changed.connect(self._on_duration)
        context.library.courses_changed.connect(self.reload_courses)
        context.library.problem_reported.connect(self.show_problem)
        for problem in context.library.problems:
            self.show_problem(problem)
        self.reload_courses()

    # ------------------------------------------------------------------------------- setup
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        play_menu = self.menuBar().addMenu("&Playback")
        for text, shortcut, slot in (
            ("Play / Pause", "Space", self.playback.toggle_play),
            ("Back 5 s", "Left", lambda: self.playback.skip(-5000)),
            ("Forward 5 s", "Right", lambda: self.playback.skip(5000)),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            play_menu.addAction(action)
            self.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About smrtplayer", self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def start(self, *, autoplay: bool) -> None:
        """Open the lesson the user was last watching, or the demo's first lesson on a first run."""
        lesson: Lesson | None = None
        last = self.context.progress.last_opened()
        if last:
            lesson = self.context.library.lesson_by_fingerprint(last)
        if lesson is None:
            for course in self.context.library.courses():
                lessons = self.context.library.lessons(course.id)
                if lessons:
                    lesson = lessons[0]
                    break
        if lesson is None:
            self.video_view.clear("No courses yet.")
            return
        self.select_course(lesson.course_id)
        self.playback.open_lesson(lesson, autoplay=autoplay)

    # ----------------------------------------------------------------------------- courses
    def reload_courses(self) -> None:
        current = self.course_list.currentItem()
        current_id = current.data(COURSE_ROLE) if current else None
        self.course_list.blockSignals(True)
        self.course_list.clear()
        for course in self.context.library.courses():
            label = course.title + ("  (demo)" if course.kind == "builtin" else "")
            if not course.available:
                label += "  [missing]"
            item = QListWidgetItem(label)
            item.setData(COURSE_ROLE, course.id)
            item.setToolTip(f"{course.lesson_count} lessons")
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
        for lesson in self.context.library.lessons(course_id):
            mark = "✓ " if lesson.watched else ""
            item = QTreeWidgetItem(
                [f"{mark}{lesson.ordinal + 1}. {lesson.title}", format_ms(lesson.duration_ms)]
            )
            item.setData(0, LESSON_ROLE, lesson.id)
            item.setToolTip(
                0,
                f"{lesson.section_title}: {lesson.title}" if lesson.section_title else lesson.title,
            )
            self.lesson_tree.addTopLevelItem(item)
            if playing is not None and playing.id == lesson.id:
                self.lesson_tree.setCurrentItem(item)

    def _on_lesson_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        lesson = self.context.library.lesson(int(item.data(0, LESSON_ROLE)))
        if lesson is not None:
            self.playback.open_lesson(lesson, autoplay=True)

    # ----------------------------------------------------------------------------- playback
    def _on_lesson_opened(self, lesson: Lesson) -> None:
        self.lesson_title.setText(
            f"{lesson.section_title} · {lesson.title}" if lesson.section_title else lesson.title
        )
        self.setWindowTitle(f"{lesson.title} — smrtplayer")
        self.video_view.clear("Loading…")
        self.error_area.hide()
        for row in range(self.lesson_tree.topLevelItemCount()):
            item = self.lesson_tree.topLevelItem(row)
            if item.data(0, LESSON_ROLE) == lesson.id:
                self.lesson_tree.setCurrentItem(item)

    def _on_duration(self, duration_ms: int) -> None:
        lesson = self.playback.lesson
        if lesson is not None and duration_ms > 0:
            self.context.library.record_duration(lesson, duration_ms)

    def _on_media_failed(self, message: str) -> None:
        self.video_view.show_message(message)
        self.show_problem(message)

    def show_problem(self, message: str) -> None:
        self.error_area.setText(message)
        self.error_area.show()

    def _show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle("About smrtplayer")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"smrtplayer {__version__}\n\nAn offline study player for manual-therapy video courses.\n"
            f"Data folder: {self.context.paths.data}"
        )
        box.exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.playback.save_position()
        super().closeEvent(event)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
