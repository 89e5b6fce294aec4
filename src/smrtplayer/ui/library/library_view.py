"""The course library as cards: thumbnail, title, regions, lessons, duration, progress; import by drop.

Every action goes through ``context.library``: imports, verifications and relinks run as background
jobs followed by a ``JobDialog``; the cards repaint on ``courses_changed``. Thumbnails are frames of
each course's first lesson, cached under the thumbnails folder and decoded by the shared frame
grabber (one long-lived player, see ``smrtplayer.holds.handout``), never by a player of our own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.wording import CHECK_FILES, counted
from smrtplayer.models.library import CourseSummary
from smrtplayer.ui.common.flow_layout import FlowLayout
from smrtplayer.ui.common.theme import set_themed_style
from smrtplayer.ui.library.import_invitation import ImportInvitation
from smrtplayer.ui.library.verify_dialog import JobDialog, VerifyDialog

log = logging.getLogger(__name__)

THUMB = QSize(160, 90)
_PALETTE = ["#1f6fb4", "#2e8b57", "#b35c00", "#7a4fb0", "#a33a3a", "#2b7a7a", "#6b6b1f"]


def region_names(ids: tuple[str, ...]) -> str:
    try:
        from smrtplayer.models.regions import default_taxonomy

        names = default_taxonomy().regions
        return ", ".join(names[region].name if region in names else region for region in ids)
    except SmrtError:
        return ", ".join(ids)


def placeholder(title: str) -> QPixmap:
    pixmap = QPixmap(THUMB)
    pixmap.fill(QColor(_PALETTE[sum(map(ord, title)) % len(_PALETTE)]))
    painter = QPainter(pixmap)
    painter.setPen(QColor("white"))
    font = QFont()
    font.setPointSize(22)
    font.setBold(True)
    painter.setFont(font)
    initials = "".join(word[0] for word in title.split() if word[:1].isalnum())[:3].upper()
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, initials or "?")
    painter.end()
    return pixmap


class CourseCard(QFrame):
    activated = Signal(int)
    verify_requested = Signal(int)
    remove_requested = Signal(int)
    relink_requested = Signal(int)

    def __init__(self, course: CourseSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.course = course
        self.setObjectName("courseCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(THUMB)
        self.thumbnail.setPixmap(placeholder(course.title))
        self.title = self._label(course.title, bold=True)
        self.regions = self._label(region_names(course.regions) or "No body region")
        how = {"builtin": "built in", "copied": "in the library", "linked": "used in place"}.get(
            course.kind, ""
        )
        self.summary = self._label(
            f"{counted(course.lesson_count, 'lesson')} · {clock_text(course.total_duration_ms)} · {how}"
        )
        self.progress = QProgressBar(self)
        self.show_progress(course)
        self.missing = self._label(f"Missing: the folder {course.root_path} is gone or empty.")
        self.missing.setObjectName("missingLabel")
        set_themed_style(self.missing, "color: $error_text;")
        self.missing.setVisible(not course.available)
        self.relink_button = QPushButton("Find the folder…", self)
        self.relink_button.setVisible(not course.available and course.kind != "builtin")
        self.verify_button = QPushButton(f"{CHECK_FILES}…", self)
        self.verify_button.setEnabled(course.available)
        self.remove_button = QPushButton("Remove…", self)
        self.remove_button.setVisible(course.kind != "builtin")
        self.relink_button.clicked.connect(lambda: self.relink_requested.emit(course.id))
        self.verify_button.clicked.connect(lambda: self.verify_requested.emit(course.id))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(course.id))

        text = QVBoxLayout()
        for widget in (self.title, self.regions, self.summary, self.progress, self.missing):
            text.addWidget(widget)
        buttons = FlowLayout()  # the buttons wrap onto a second line in a narrow pane
        for button in (self.relink_button, self.verify_button, self.remove_button):
            buttons.addWidget(button)
        text.addLayout(buttons)
        # Thumbnail beside the text when there is room, above it in a narrow pane.
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        self._row.addLayout(text, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        side_by_side = self.width() >= THUMB.width() * 2 + 80
        self._row.setDirection(
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )

    def show_progress(self, course: CourseSummary) -> None:
        self.progress.setRange(0, max(1, course.lesson_count))
        self.progress.setValue(min(course.watched_count, course.lesson_count))
        self.progress.setFormat(f"{course.watched_count} of {course.lesson_count} watched")

    def _label(self, text: str, *, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # titles and paths come from the user's files
        label.setWordWrap(True)
        if bold:
            font = label.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.15)
            label.setFont(font)
        return label

    def set_thumbnail(self, image: QImage) -> None:
        if image.isNull():
            return
        scaled = image.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
        )
        self.thumbnail.setPixmap(QPixmap.fromImage(scaled))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.course.id)
        super().mouseDoubleClickEvent(event)


class LibraryView(QWidget):
    """All courses as cards. Drop a folder, a .zip or video files on it to import them."""

    course_activated = Signal(int)
    #: "Import a course…" on the invitation: the window asks which zip or videos
    import_files_requested = Signal()

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, thumbnails: bool = True
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._thumbnails = thumbnails
        self.cards: dict[int, CourseCard] = {}
        self.dialogs: list[JobDialog] = []
        #: asks the user to confirm a removal; replaced in tests
        self.confirm: Callable[[str, str], bool] = self._ask
        self.setAcceptDrops(True)
        self.hint = QLabel("Drop a course folder, a .zip or video files here to add them.", self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.import_button = QPushButton("Add a course folder…", self)
        self.import_button.clicked.connect(self._choose_folder)
        # With the demo alone in the library, an invitation says what can be imported instead.
        self.invitation = ImportInvitation(self)
        self.invitation.files_requested.connect(self.import_files_requested)
        self.invitation.folder_requested.connect(self._choose_folder)
        header = QVBoxLayout()
        header.addWidget(self.invitation)
        header.addWidget(self.hint)
        header.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # cards fit the width
        scroll.setWidget(self._list)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(scroll, 1)
        context.library.courses_changed.connect(self.reload)
        self._grabber_connected = False
        self.reload()

    # ---------------------------------------------------------------------------------- cards
    @Slot()
    def reload(self) -> None:
        for card in self.cards.values():
            card.setParent(None)
            card.deleteLater()
        self.cards.clear()
        courses = self.context.library.courses()
        self.invitation.follow(courses)
        self.hint.setVisible(self.invitation.isHidden())
        self.import_button.setVisible(self.invitation.isHidden())
        for index, course in enumerate(courses):
            card = CourseCard(course, self._list)
            card.activated.connect(self.course_activated)
            card.verify_requested.connect(self.verify)
            card.remove_requested.connect(self.remove)
            card.relink_requested.connect(self.relink)
            self._list_layout.insertWidget(index, card)
            self.cards[course.id] = card
            self._load_thumbnail(course)

    def refresh_progress(self, *_changed: object) -> None:
        """A lesson was marked watched or not: the cards' counts follow at once (not at the next
        import), as the lessons list's ticks and Home do."""
        for course in self.context.library.courses():
            card = self.cards.get(course.id)
            if card is not None:
                card.show_progress(course)

    def _thumbnail_request(self, course: CourseSummary) -> tuple[Path, Path, int] | None:
        first = self.context.library.first_lesson(course.id)
        if first is None:
            return None
        at_ms = min(3000, (first.duration_ms or 6000) // 5)
        return first.path, self.context.paths.thumbnails / "courses" / f"{first.fingerprint}.jpg", at_ms

    def _load_thumbnail(self, course: CourseSummary) -> None:
        request = self._thumbnail_request(course)
        if request is None:
            return
        video, cache, at_ms = request
        if cache.is_file():
            self.cards[course.id].set_thumbnail(QImage(str(cache)))
            return
        if not self._thumbnails or not course.available or not video.is_file():
            return
        from smrtplayer.player.frame_grabber import FrameGrabber, FrameRequest

        grabber = FrameGrabber.shared()
        if not self._grabber_connected:
            grabber.grabbed.connect(self._on_grabbed)
            self._grabber_connected = True
        # Negative keys: the handout exporter uses the same grabber with step numbers (>= 0).
        context = self.context
        grabber.request([FrameRequest(-course.id, video, at_ms, cache, wanted=lambda: not context.closed)])

    @Slot(int, QImage)
    def _on_grabbed(self, key: int, image: QImage) -> None:
        card = self.cards.get(-key) if key < 0 else None
        if card is not None:
            card.set_thumbnail(image)

    # -------------------------------------------------------------------------------- actions
    def import_paths(self, paths: list[Path]) -> JobDialog | None:
        try:
            job = self.context.library.start_import(paths[0] if len(paths) == 1 else paths)
        except SmrtError as error:
            self._tell(str(error))
            return None
        return self._follow(JobDialog(job, "Adding a course", self))

    @Slot(int)
    def verify(self, course_id: int) -> JobDialog | None:
        course = self.context.library.course(course_id)
        if course is None:
            return None
        try:
            job = self.context.library.start_verify(course_id)
        except SmrtError as error:
            self._tell(str(error))
            return None
        dialog = VerifyDialog(job, course.title, self)
        # Files found missing: the card offers "Find the course folder…" at once.
        dialog.completed.connect(lambda _report: self.context.library.refresh_availability())
        return self._follow(dialog)

    @Slot(int)
    def relink(self, course_id: int) -> JobDialog | None:
        course = self.context.library.course(course_id)
        if course is None:
            return None
        folder = QFileDialog.getExistingDirectory(
            self, f"Where is the folder of “{course.title}” now?", str(course.root_path.parent)
        )
        return self.relink_to(course_id, Path(folder)) if folder else None

    def relink_to(self, course_id: int, folder: Path) -> JobDialog | None:
        try:
            job = self.context.library.start_relink(course_id, folder)
        except SmrtError as error:
            self._tell(str(error))
            return None
        return self._follow(JobDialog(job, "Looking for the lessons", self))

    @Slot(int)
    def remove(self, course_id: int) -> bool:
        course = self.context.library.course(course_id)
        if course is None or not self.confirm(f"Remove “{course.title}”?", removal_message(course)):
            return False
        try:
            self.context.library.remove_course(course_id)
        except SmrtError as error:
            self._tell(str(error))
            return False
        return True

    def _follow(self, dialog: JobDialog) -> JobDialog:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _code, dialog=dialog: self.dialogs.remove(dialog))
        dialog.show()
        return dialog

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a course folder (or a DVD's VIDEO_TS folder)")
        if folder:
            self.import_paths([Path(folder)])

    def _ask(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _tell(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Library", message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    # ------------------------------------------------------------------------------- dropping
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


def removal_message(course: CourseSummary) -> str:
    kept = "Your progress, notes and positions are kept and come back if you add the course again."
    if course.kind == "copied":
        return (
            f"Its copy in the library ({course.root_path}) will be deleted. The files you added it "
            f"from are not touched. {kept}"
        )
    return (
        f"Linked files are never deleted: the videos stay where they are ({course.root_path}). "
        f"Only the library entry is removed. {kept}"
    )
