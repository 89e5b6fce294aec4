"""The course library as cards: thumbnail, title, regions, lessons, duration, progress; import by drop.

The cards are one item view over a model of the library service's course summaries (read once, then
updated row by row from the service's signals) and a delegate that paints them, so showing 2,000
courses costs what showing the few visible ones costs. Thumbnails are asked for by the cards on
screen only and made off the GUI thread (``thumbnails``).

Every action goes through ``context.library``: imports, verifications and relinks run as background
jobs followed by a ``JobDialog``. Each card action is a painted button, an entry of the card's context
menu and a key: Enter opens, Delete removes (after the same question), the menu key opens the menu.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.errors import SmrtError
from smrtplayer.models.library import CourseListing, CourseSummary
from smrtplayer.ui.library.course_card import (
    OPEN,
    RELINK,
    REMOVE,
    VERIFY,
    CourseCardDelegate,
    action_text,
)
from smrtplayer.ui.library.course_model import COURSE_ROLE, CourseListModel
from smrtplayer.ui.library.import_invitation import ImportInvitation
from smrtplayer.ui.library.thumbnails import ThumbnailCache
from smrtplayer.ui.library.verify_dialog import JobDialog, VerifyDialog

log = logging.getLogger(__name__)


class CourseListView(QListView):
    """The cards: one column, each as wide as the view; drops go to ``dropped``."""

    dropped = Signal(list)  # list[Path]
    action_requested = Signal(str, int)  # action, course id
    menu_requested = Signal(int, QPoint)  # course id, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout_width = -1
        self.setObjectName("courseCards")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # cards fit the width
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)

    def card_delegate(self) -> CourseCardDelegate:
        delegate = self.itemDelegate()
        assert isinstance(delegate, CourseCardDelegate)
        return delegate

    # --------------------------------------------------------------------------------- layout
    def updateGeometries(self) -> None:
        # A card's height follows the width (thumbnail beside or above the text, buttons wrapping):
        # the one size the view keeps for all cards is worked out again when it changes. Laying out
        # 2,000 cards asks the model about each, so not again when the height stays.
        width = self.viewport().width()
        if width != self._layout_width:
            self._layout_width = width
            delegate = self.itemDelegate()
            if isinstance(delegate, CourseCardDelegate) and delegate.hinted_height not in (
                -1,
                delegate.card_height(width, self.font()),
            ):
                self.setUniformItemSizes(False)
                self.setUniformItemSizes(True)
                self.scheduleDelayedItemsLayout()
        super().updateGeometries()

    # ---------------------------------------------------------------------------------- mouse
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self._hover(event.position().toPoint())

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._hover(None)

    def _hover(self, position: QPoint | None) -> None:
        delegate = self.card_delegate()
        index = self.indexAt(position) if position is not None else QModelIndex()
        button = delegate.button_at(index, position) if position is not None and index.isValid() else None
        before = delegate.hovered
        if delegate.set_hovered((index.row(), button.action) if button else None):
            for hovered in (before, delegate.hovered):
                if hovered is not None:
                    self.update(self.model().index(hovered[0], 0))

    # ------------------------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        course = self.currentIndex().data(COURSE_ROLE)
        if event.key() == Qt.Key.Key_Delete and isinstance(course, CourseSummary):
            self.action_requested.emit(REMOVE, course.id)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(course, CourseSummary):
            self.action_requested.emit(OPEN, course.id)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if index.isValid():
                self.setCurrentIndex(index)
        else:  # the menu key: the current card's menu, shown on the card
            index = self.currentIndex()
        course = index.data(COURSE_ROLE) if index.isValid() else None
        if not isinstance(course, CourseSummary):
            return
        where = event.globalPos()
        if event.reason() != QContextMenuEvent.Reason.Mouse:
            where = self.viewport().mapToGlobal(self.visualRect(index).center())
        self.menu_requested.emit(course.id, where)

    # ------------------------------------------------------------------------------- dropping
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        take_drop(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        take_drop(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = take_drop(event)
        if paths:
            self.dropped.emit(paths)


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
        self.dialogs: list[JobDialog] = []
        #: asks the user to confirm a removal; replaced in tests
        self.confirm: Callable[[str, str], bool] = self._ask
        self.setAcceptDrops(True)
        self.hint = QLabel(self.tr("Drop a course folder, a .zip or video files here to add them."), self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Add a course folder…"), self)
        self.import_button.setAccessibleDescription(self.tr("Imports the videos of a folder as a course"))
        self.import_button.clicked.connect(self._choose_folder)
        # With the demo alone in the library, an invitation says what can be imported instead.
        self.invitation = ImportInvitation(self)
        self.invitation.files_requested.connect(self.import_files_requested)
        self.invitation.folder_requested.connect(self._choose_folder)
        header = QVBoxLayout()
        header.addWidget(self.invitation)
        header.addWidget(self.hint)
        header.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.thumbnails = ThumbnailCache(
            context.library,
            context.paths.thumbnails / "courses",
            grab=thumbnails,
            still_wanted=lambda: not context.closed,
            on_screen=self.shows,
            parent=self,
        )
        self.model = CourseListModel(context.library, self)
        self._show_invitation(self.model.listing())
        self.list = CourseListView(self)
        self.list.setAccessibleName(self.tr("Courses"))
        self.list.setAccessibleDescription(self.tr("A card per course, with its progress; Enter opens it"))
        self.delegate = CourseCardDelegate(self.list, self.thumbnails)
        self.list.setItemDelegate(self.delegate)
        self.list.setModel(self.model)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self.delegate.action_requested.connect(self.act)
        self.list.action_requested.connect(self.act)
        self.list.menu_requested.connect(self._show_menu)
        self.list.activated.connect(self._on_activated)
        self.list.dropped.connect(self.import_paths)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        context.library.courses_changed.connect(self.reload)

    # ---------------------------------------------------------------------------------- cards
    @Slot()
    def reload(self) -> None:
        """The library changed: rows come and go, the others keep their place and the current card."""
        self.thumbnails.retry_missing()
        listing = self.context.library.course_listing()
        self._show_invitation(listing)
        self.model.replace(listing)

    def _show_invitation(self, listing: list[CourseListing]) -> None:
        self.invitation.follow(listing)
        self.hint.setVisible(self.invitation.isHidden())
        self.import_button.setVisible(self.invitation.isHidden())

    def refresh_progress(self, fingerprint: object = None, *_changed: object) -> None:
        """A lesson was marked watched or not: the cards' counts follow at once (not at the next
        import), as the lessons list's ticks and Home do. Only the lesson's course is read again."""
        library = self.context.library
        lesson = library.lesson_by_fingerprint(fingerprint) if isinstance(fingerprint, str) else None
        if lesson is None:
            self.reload()
            return
        course = library.course(lesson.course_id)
        if course is not None:
            self.model.update_course(course)

    def course_ids(self) -> list[int]:
        return self.model.course_ids()

    def shows(self, course_id: int) -> bool:
        """The course's card is on screen now."""
        row = self.model.row_of(course_id) if self.isVisible() else None
        if row is None:
            return False
        return self.list.visualRect(self.model.index(row)).intersects(self.list.viewport().rect())

    @Slot(int)
    def _thumbnail_ready(self, course_id: int) -> None:
        row = self.model.row_of(course_id)
        if row is not None:
            self.list.update(self.model.index(row))

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        course = index.data(COURSE_ROLE)
        if isinstance(course, CourseSummary):
            self.course_activated.emit(course.id)

    @Slot(str, int)
    def act(self, action: str, course_id: int) -> object:
        """One of a card's actions, from its button, its menu or a key."""
        if action == OPEN:
            self.course_activated.emit(course_id)
            return True
        if action == VERIFY:
            return self.verify(course_id)
        if action == RELINK:
            return self.relink(course_id)
        if action == REMOVE:
            return self.remove(course_id)
        return None

    def card_menu(self, course_id: int) -> QMenu | None:
        """The card's context menu: every action its buttons and keys offer, and Open."""
        course = self.context.library.course(course_id)
        if course is None:
            return None
        menu = QMenu(self)
        entries = [(OPEN, True, "Return"), (VERIFY, course.available, "")]
        if course.kind != "builtin":
            if not course.available:
                entries.append((RELINK, True, ""))
            entries.append((REMOVE, True, "Del"))
        for action, enabled, key in entries:
            item = menu.addAction(action_text(action))
            item.setEnabled(enabled)
            item.setObjectName(action)
            if key:
                item.setShortcut(key)  # shown as a hint; the list answers the key itself
            item.triggered.connect(lambda _checked=False, action=action: self.act(action, course_id))
        return menu

    @Slot(int, QPoint)
    def _show_menu(self, course_id: int, where: QPoint) -> None:
        menu = self.card_menu(course_id)
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(where)

    # -------------------------------------------------------------------------------- actions
    def import_paths(self, paths: list[Path]) -> JobDialog | None:
        try:
            job = self.context.library.start_import(paths[0] if len(paths) == 1 else paths)
        except SmrtError as error:
            self._tell(str(error))
            return None
        return self._follow(JobDialog(job, self.tr("Adding a course"), self))

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
            self,
            self.tr("Where is the folder of “{title}” now?").format(title=course.title),
            str(course.root_path.parent),
        )
        return self.relink_to(course_id, Path(folder)) if folder else None

    def relink_to(self, course_id: int, folder: Path) -> JobDialog | None:
        try:
            job = self.context.library.start_relink(course_id, folder)
        except SmrtError as error:
            self._tell(str(error))
            return None
        return self._follow(JobDialog(job, self.tr("Looking for the lessons"), self))

    @Slot(int)
    def remove(self, course_id: int) -> bool:
        course = self.context.library.course(course_id)
        if course is None or not self.confirm(
            self.tr("Remove “{title}”?").format(title=course.title), removal_message(course)
        ):
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
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a course folder (or a DVD's VIDEO_TS folder)")
        )
        if folder:
            self.import_paths([Path(folder)])

    def _ask(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _tell(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Library"), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    # ------------------------------------------------------------------------------- dropping
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        take_drop(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = take_drop(event)
        if paths:
            self.import_paths(paths)


def take_drop(event: QDropEvent) -> list[Path]:
    """Accept a drag or drop that carries local files or folders (and return them); refuse any other."""
    paths = dropped_paths(event)
    if paths:
        event.acceptProposedAction()
    else:
        event.ignore()
    return paths


def dropped_paths(event: QDropEvent) -> list[Path]:
    data = event.mimeData()
    if not data.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


def removal_message(course: CourseSummary) -> str:
    kept = QCoreApplication.translate(
        "LibraryView",
        "Your progress, notes and positions are kept and come back if you add the course again.",
    )
    if course.kind == "copied":
        return QCoreApplication.translate(
            "LibraryView",
            "Its copy in the library ({path}) will be deleted. "
            "The files you added it from are not touched. {kept}",
        ).format(path=course.root_path, kept=kept)
    return QCoreApplication.translate(
        "LibraryView",
        "Linked files are never deleted: the videos stay where they are ({path}). "
        "Only the library entry is removed. {kept}",
    ).format(path=course.root_path, kept=kept)
