"""The course library as cards: thumbnail, title, regions, lessons, duration, progress; import by drop.

The cards are one item view over a model of the library service's course summaries (read once, then
updated row by row from the service's signals) and a delegate that paints them, so showing 2,000
courses costs what showing the few visible ones costs. Thumbnails are asked for by the cards on
screen only and made off the GUI thread (``thumbnails``).

Every action goes through ``context.library``: imports, verifications and relinks run as background
jobs followed by a ``JobDialog``. Each card action is a painted button, an entry of the card's context
menu and a key: Enter opens, Delete removes (after the same question), the menu key opens the menu.

The cards (view, model, delegate, thumbnails) are built when the library is first shown or asked about:
it is a tab behind the lessons, and a lesson usually plays without it ever being looked at.
"""

from __future__ import annotations

import builtins  # the class's ``list`` (its cards) hides the built-in in its annotations
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget

from smrtplayer.app.context import AppContext
from smrtplayer.common.errors import SmrtError
from smrtplayer.models.library import CourseListing, CourseSummary
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.focus_ring import add_focus_rings
from smrtplayer.ui.library.drops import dropped_paths, take_drop
from smrtplayer.ui.library.import_invitation import ImportInvitation

if TYPE_CHECKING:
    from smrtplayer.ui.library.course_card import CourseCardDelegate
    from smrtplayer.ui.library.course_list_view import CourseListView
    from smrtplayer.ui.library.course_model import CourseListModel
    from smrtplayer.ui.library.thumbnails import ThumbnailCache
    from smrtplayer.ui.library.verify_dialog import JobDialog

__all__ = ["LibraryView", "dropped_paths", "removal_message", "take_drop"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Cards:
    view: CourseListView
    model: CourseListModel
    delegate: CourseCardDelegate
    thumbnails: ThumbnailCache


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

        self._grab_thumbnails = thumbnails
        self._cards: _Cards | None = None
        self._show_invitation(context.library.course_listing())
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(header)
        context.library.courses_changed.connect(self.reload)

    def _built_cards(self) -> _Cards:
        if self._cards is None:
            from smrtplayer.ui.library.course_card import CourseCardDelegate
            from smrtplayer.ui.library.course_list_view import CourseListView
            from smrtplayer.ui.library.course_model import CourseListModel
            from smrtplayer.ui.library.thumbnails import ThumbnailCache

            context = self.context
            thumbnails = ThumbnailCache(
                context.library,
                context.paths.thumbnails / "courses",
                grab=self._grab_thumbnails,
                still_wanted=lambda: not context.closed,
                on_screen=self.shows,
                parent=self,
            )
            model = CourseListModel(context.library, self)
            view = CourseListView(self)
            view.setAccessibleName(self.tr("Courses"))
            view.setAccessibleDescription(self.tr("A card per course, with its progress; Enter opens it"))
            delegate = CourseCardDelegate(view, thumbnails)
            view.setItemDelegate(delegate)
            view.setModel(model)
            self._cards = _Cards(view, model, delegate, thumbnails)
            thumbnails.ready.connect(self._thumbnail_ready)
            delegate.action_requested.connect(self.act)
            view.action_requested.connect(self.act)
            view.menu_requested.connect(self._show_menu)
            view.activated.connect(self._on_activated)
            view.dropped.connect(self.import_paths)
            self._layout.addWidget(view, 1)
            # What the window does for the widgets it builds at once: names for icon buttons, focus
            # rings (each added once: the header has its own already).
            name_controls(self)
            add_focus_rings(self)
        return self._cards

    @property
    def list(self) -> CourseListView:
        return self._built_cards().view

    @property
    def model(self) -> CourseListModel:
        return self._built_cards().model

    @property
    def delegate(self) -> CourseCardDelegate:
        return self._built_cards().delegate

    @property
    def thumbnails(self) -> ThumbnailCache:
        return self._built_cards().thumbnails

    def setVisible(self, visible: bool) -> None:
        # Built just before the library is first shown (its tab brought forward): the cards are then
        # laid out for the width it shows at, as if they had been there all along.
        if visible:
            self._built_cards()
        super().setVisible(visible)

    # ---------------------------------------------------------------------------------- cards
    @Slot()
    def reload(self) -> None:
        """The library changed: rows come and go, the others keep their place and the current card."""
        listing = self.context.library.course_listing()
        self._show_invitation(listing)
        cards = self._cards
        if cards is not None:  # cards built later read the library then
            cards.thumbnails.retry_missing()
            cards.model.replace(listing)

    def _show_invitation(self, listing: builtins.list[CourseListing]) -> None:
        self.invitation.follow(listing)
        self.hint.setVisible(self.invitation.isHidden())
        self.import_button.setVisible(self.invitation.isHidden())

    def refresh_progress(self, fingerprint: object = None, *_changed: object) -> None:
        """A lesson was marked watched or not: the cards' counts follow at once (not at the next
        import), as the lessons list's ticks and Home do. Only the lesson's course is read again."""
        if self._cards is None:
            return  # cards built later read the counts then
        library = self.context.library
        lesson = library.lesson_by_fingerprint(fingerprint) if isinstance(fingerprint, str) else None
        if lesson is None:
            self.reload()
            return
        course = library.course(lesson.course_id)
        if course is not None:
            self.model.update_course(course)

    def course_ids(self) -> builtins.list[int]:
        return self.model.course_ids()

    def shows(self, course_id: int) -> bool:
        """The course's card is on screen now."""
        row = self.model.row_of(course_id) if self._cards is not None and self.isVisible() else None
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
        from smrtplayer.ui.library.course_model import COURSE_ROLE

        course = index.data(COURSE_ROLE)
        if isinstance(course, CourseSummary):
            self.course_activated.emit(course.id)

    @Slot(str, int)
    def act(self, action: str, course_id: int) -> object:
        """One of a card's actions, from its button, its menu or a key."""
        from smrtplayer.ui.library.course_card import OPEN, RELINK, REMOVE, VERIFY

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
        from smrtplayer.ui.library.course_card import OPEN, RELINK, REMOVE, VERIFY, action_text

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
    def import_paths(self, paths: builtins.list[Path]) -> JobDialog | None:
        from smrtplayer.ui.library.verify_dialog import JobDialog

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
        from smrtplayer.ui.library.verify_dialog import VerifyDialog

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
        from smrtplayer.ui.library.verify_dialog import JobDialog

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
