"""IndexingPanel: index one lesson from the keyboard, beside the video.

A table of the open lesson's positions, whatever their source (course manifest, disc or file
chapter, the user's own). With the table focused:

* ``M`` cuts the position playing at the frame on screen (while playing, at any speed);
* ``Enter`` names the row: suggestions from the taxonomy (structures, regions, techniques), names
  used nearby first; ``Up``/``Down`` choose, ``Enter`` takes the highlighted one, ``Esc`` cancels;
* ``L``, ``R``, ``B`` set the side (left, right, both) and go on to the next row;
* digits set the hold in seconds (``3``, ``0`` is 30 s);
* ``Delete`` joins the row to the one before;
* ``,`` and ``.`` step a frame back and forth, ``[`` moves the row's start to the frame on screen;
* ``Space`` plays and pauses; a row chosen with the arrows or the mouse is jumped to at once.

Every change is an IndexService operation (one undo step each); the table shows what it returns.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.index import PositionRejected
from smrtplayer.index.naming import NameChoice, NameSuggester
from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import Position
from smrtplayer.ui.common.elided import ElidedLabel
from smrtplayer.ui.common.plain_text import plain_label, plain_tooltip

if TYPE_CHECKING:
    from smrtplayer.app.context import AppContext

COLUMNS = (
    QT_TRANSLATE_NOOP("IndexingPanel", "Start"),
    QT_TRANSLATE_NOOP("IndexingPanel", "End"),
    QT_TRANSLATE_NOOP("IndexingPanel", "Name"),
    QT_TRANSLATE_NOOP("IndexingPanel", "Side"),
    QT_TRANSLATE_NOOP("IndexingPanel", "Hold"),
    QT_TRANSLATE_NOOP("IndexingPanel", "From"),
)
NAME_COLUMN = 2
SIDE_KEYS = {Qt.Key.Key_L: "L", Qt.Key.Key_R: "R", Qt.Key.Key_B: "both"}
SIDE_TEXT = {"L": "L", "R": "R", "both": "L+R"}
SOURCE_TEXT = {
    "user": QT_TRANSLATE_NOOP("IndexingPanel", "yours"),
    "manifest": QT_TRANSLATE_NOOP("IndexingPanel", "course"),
    "chapter": QT_TRANSLATE_NOOP("IndexingPanel", "chapter"),
}
#: digits typed further apart than this start a new hold rather than extend it
HOLD_TYPING_S = 1.5
HINT = QT_TRANSLATE_NOOP(
    "IndexingPanel",
    "M split here · Enter name · L/R/B side · digits hold (s) · Delete join with previous · "
    ", . frame step · [ start here · Space play",
)


class LessonRowsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Position] = []

    def set_rows(self, rows: list[Position]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("IndexingPanel", COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            # The name is elided to its column: the whole of it, escaped (never taken for markup).
            return plain_tooltip(row.title) if index.column() == NAME_COLUMN else None
        return (
            clock_text(row.start_ms, tenths=True),
            clock_text(row.end_ms, tenths=True),
            row.title,
            SIDE_TEXT.get(row.side, row.side),
            f"{row.hold_ms // 1000} s" if row.hold_ms else "",
            QCoreApplication.translate("IndexingPanel", SOURCE_TEXT.get(row.source_name, row.source_name)),
        )[index.column()]


class IndexingPanel(QWidget):
    """The indexing mode for the lesson on screen."""

    #: an operation was refused; the reason is also shown under the table
    refused = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexingPanel")
        self._index = context.index
        self._playback = context.playback
        self._suggester = NameSuggester(self._index.taxonomy)
        self._lesson: Lesson | None = None
        self._suggestions: list[NameChoice] = []
        self._hold_digits = ""
        self._hold_typed_at = 0.0
        self._quiet_selection = False
        #: where the last M cut (the frame that was on screen)
        self.last_split_ms: int | None = None

        # A long lesson title elides (whole in its tooltip) rather than widen the window off-screen.
        self.title = ElidedLabel("", self, name="indexingTitle")
        self.hint = plain_label(self.tr(HINT), self, name="indexingHint")
        self.hint.setWordWrap(True)
        self.model = LessonRowsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("indexingTable")
        self.table.setAccessibleName(self.tr("Positions of this lesson"))
        self.table.setAccessibleDescription(
            self.tr("One row per position: M splits at the playhead, Enter names the row, L, R or B its side")
        )
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)

        self.name_editor = QLineEdit(self.table.viewport())
        self.name_editor.setObjectName("indexingNameEditor")
        self.name_editor.hide()
        self.name_editor.installEventFilter(self)
        self.name_editor.textEdited.connect(self._update_suggestions)
        self.suggestion_list = QListWidget(self)
        self.suggestion_list.setObjectName("indexingSuggestions")
        self.suggestion_list.setAccessibleName(self.tr("Suggested names"))
        self.suggestion_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestion_list.hide()
        self.message = plain_label("", self, name="indexingMessage")
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.suggestion_list)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)

        self._index.positions_changed.connect(self.reload)
        self._playback.lesson_opened.connect(self.set_lesson)
        if self._playback.lesson is not None:
            self.set_lesson(self._playback.lesson)

    # ------------------------------------------------------------------------------ contents
    @Slot(object)
    def set_lesson(self, lesson: Lesson | None) -> None:
        self._lesson = lesson
        self.title.setText(
            self.tr("Indexing “{title}”").format(title=lesson.title)
            if lesson
            else self.tr("Open a lesson to index it")
        )
        self.cancel_naming()
        self.reload()

    @property
    def lesson(self) -> Lesson | None:
        return self._lesson

    @Slot()
    def reload(self) -> None:
        current = self.current_row()
        self._select_after(self._index.lesson_rows(self._lesson) if self._lesson else [], current)

    def _select_after(self, rows: list[Position], focus: Position | str | None) -> None:
        uid = focus.uid if isinstance(focus, Position) else focus
        self._quiet_selection = True
        try:
            self.model.set_rows(rows)
            row = next((i for i, p in enumerate(rows) if p.uid == uid), None)
            if row is None and isinstance(focus, Position):
                # The row became the user's copy: the one now at its place.
                row = next((i for i, p in enumerate(rows) if p.start_ms == focus.start_ms), None)
            if row is not None:
                self.table.setCurrentIndex(self.model.index(row, NAME_COLUMN))
        finally:
            self._quiet_selection = False

    def current_row(self) -> Position | None:
        index = self.table.currentIndex()
        return (
            self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None
        )

    def select_row(self, row: int) -> None:
        """Make ``row`` current (and jump to it, as the arrow keys do)."""
        self.table.setCurrentIndex(self.model.index(row, NAME_COLUMN))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._hold_digits = ""
        if self._quiet_selection or not current.isValid() or current.row() == previous.row():
            return
        self._playback.jump_to(self.model.rows[current.row()].start_ms)

    # ------------------------------------------------------------------------------ operations
    def _run(self, operation: str, *args: object) -> str | None:
        """Call an IndexService operation; show its refusal instead of raising."""
        try:
            uid = getattr(self._index, operation)(*args)
        except (PositionRejected, SmrtError) as error:
            reasons = error.reasons if isinstance(error, PositionRejected) else [str(error)]
            self.message.setText(" ".join(reasons))
            self.refused.emit(" ".join(reasons))
            return None
        self.message.clear()
        return str(uid) if uid else None

    def frame_on_screen_ms(self) -> int:
        shown = self._playback.frame_start_ms()
        return shown if shown >= 0 else self._playback.position_ms()

    def split_here(self) -> None:
        if self._lesson is None:
            return
        at_ms = self.frame_on_screen_ms()
        uid = self._run("split_position", self._lesson, at_ms)
        if uid:
            self.last_split_ms = at_ms
            self._select_after(self.model.rows, uid)

    def set_side(self, side: str) -> None:
        row = self.current_row()
        if row is None:
            return
        uid = self._run("set_position_side", row.uid, side)
        if uid:
            self._select_after(self.model.rows, uid)
            next_row = self.table.currentIndex().row() + 1
            if next_row < self.model.rowCount():
                self.select_row(next_row)

    def type_hold_digit(self, digit: str) -> None:
        row = self.current_row()
        if row is None:
            return
        now = time.monotonic()
        if now - self._hold_typed_at > HOLD_TYPING_S:
            self._hold_digits = ""
        self._hold_typed_at = now
        self._hold_digits = (self._hold_digits + digit).lstrip("0")[-4:]
        if not self._hold_digits:
            return
        digits = self._hold_digits
        uid = self._run("set_position_hold", row.uid, int(digits) * 1000)
        if uid:
            self._select_after(self.model.rows, uid)
            self._hold_digits = digits  # the reselection must not forget them

    def join_with_previous(self) -> None:
        row = self.current_row()
        if row is not None:
            uid = self._run("merge_into_previous", row.uid)
            if uid:
                self._select_after(self.model.rows, uid)

    def start_here(self) -> None:
        row = self.current_row()
        if row is not None:
            uid = self._run("move_position_start", row.uid, self.frame_on_screen_ms())
            if uid:
                self._select_after(self.model.rows, uid)

    # ----------------------------------------------------------------------------------- naming
    def begin_naming(self) -> None:
        row = self.current_row()
        if row is None or self._lesson is None:
            return
        names, regions = self._index.naming_context(self._lesson, row.start_ms)
        self._suggester.set_context(names, regions)
        rect = self.table.visualRect(self.model.index(self.table.currentIndex().row(), NAME_COLUMN))
        self.name_editor.setGeometry(rect)
        self.name_editor.clear()
        self.name_editor.setPlaceholderText(row.title)
        self.name_editor.show()
        self.name_editor.setFocus()
        self._update_suggestions("")

    def is_naming(self) -> bool:
        return self.name_editor.isVisible()

    def suggestions(self) -> list[str]:
        return [choice.name for choice in self._suggestions]

    def highlighted_suggestion(self) -> str | None:
        row = self.suggestion_list.currentRow()
        return self._suggestions[row].name if 0 <= row < len(self._suggestions) else None

    @Slot(str)
    def _update_suggestions(self, text: str) -> None:
        self._suggestions = self._suggester.suggest(text)
        self.suggestion_list.clear()
        self.suggestion_list.addItems([choice.name for choice in self._suggestions])
        self.suggestion_list.setVisible(bool(self._suggestions))
        if self._suggestions:
            self.suggestion_list.setCurrentRow(0)

    def commit_naming(self) -> None:
        row = self.current_row()
        name = self.highlighted_suggestion() or self.name_editor.text()
        self.cancel_naming()
        if row is not None and name.strip():
            uid = self._run("name_position", row.uid, name)
            if uid:
                self._select_after(self.model.rows, uid)

    def cancel_naming(self) -> None:
        self.name_editor.hide()
        self.suggestion_list.hide()
        self._suggestions = []
        self.table.setFocus()

    # ------------------------------------------------------------------------------------- keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) or not isinstance(
            event, QKeyEvent
        ):
            return super().eventFilter(watched, event)
        if watched is self.name_editor:
            handled = self._editor_key(event, act=kind == QEvent.Type.KeyPress)
        elif watched is self.table:
            handled = self._table_key(event, act=kind == QEvent.Type.KeyPress)
        else:
            handled = False
        if handled:
            event.accept()  # a ShortcutOverride accepted keeps the window's shortcut for this key away
        return handled

    def _editor_key(self, event: QKeyEvent, *, act: bool) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            if act and self._suggestions:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = (self.suggestion_list.currentRow() + step) % len(self._suggestions)
                self.suggestion_list.setCurrentRow(row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            if act:
                self.commit_naming() if key != Qt.Key.Key_Escape else self.cancel_naming()
            return True
        if event.type() == QEvent.Type.ShortcutOverride and event.text().isprintable() and event.text():
            return False  # typing: the editor takes it (not the window's one-letter shortcuts)
        return False

    def _table_key(self, event: QKeyEvent, *, act: bool) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier,):
            return False
        actions = {
            Qt.Key.Key_M: self.split_here,
            Qt.Key.Key_Return: self.begin_naming,
            Qt.Key.Key_Enter: self.begin_naming,
            Qt.Key.Key_Delete: self.join_with_previous,
            Qt.Key.Key_Backspace: self.join_with_previous,
            Qt.Key.Key_BracketLeft: self.start_here,
            Qt.Key.Key_Comma: lambda: self._playback.step_frame(-1),
            Qt.Key.Key_Period: lambda: self._playback.step_frame(1),
            Qt.Key.Key_Space: self._playback.toggle_play,
        }
        if key in actions:
            if act:
                actions[Qt.Key(key)]()
            return True
        if key in SIDE_KEYS:
            if act:
                self.set_side(SIDE_KEYS[Qt.Key(key)])
            return True
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            if act:
                self.type_hold_digit(chr(key))
            return True
        return False
