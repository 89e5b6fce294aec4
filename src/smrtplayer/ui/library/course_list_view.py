"""The library's cards in a list view: one column, laid out for the width, with mouse, keys and drops."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from smrtplayer.models.library import CourseSummary
from smrtplayer.ui.library.course_card import OPEN, REMOVE, CourseCardDelegate
from smrtplayer.ui.library.course_model import COURSE_ROLE
from smrtplayer.ui.library.drops import take_drop


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
