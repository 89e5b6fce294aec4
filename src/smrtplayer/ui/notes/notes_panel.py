"""NotesPanel: the notes of the open lesson, rendered as Markdown and edited in place, saved while typing.

Reads and writes go through ``context.notes`` (NotesService); seeks go out through ``seek_requested``.
The panel knows the playback position and frame only through two callables the window gives it, so
it never touches the player.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    QTime,
    QTimer,
    QUrl,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QAction, QFocusEvent, QImage, QKeyEvent, QKeySequence, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.filenames import safe_filename
from smrtplayer.common.richtext import SafeTextDocument, safe_resource, set_safe_markdown
from smrtplayer.common.timetext import clock_text
from smrtplayer.models.library import Lesson
from smrtplayer.models.notes import Note
from smrtplayer.models.positions import Position
from smrtplayer.notes.export import collect, write_markdown, write_pdf
from smrtplayer.notes.service import MARKDOWN_FEATURES, linkify_times, seek_target, time_link
from smrtplayer.ui.common.elided import ElidedLabel
from smrtplayer.ui.common.focus_ring import add_focus_rings
from smrtplayer.ui.common.i18n import date_text, day_month
from smrtplayer.ui.common.theme import set_themed_style

# Default keys (the window may take the actions over with its own, configurable, bindings).
NEW_NOTE_KEY = "Ctrl+N"
NEW_UNPINNED_NOTE_KEY = "Ctrl+Shift+N"
INSERT_TIME_KEY = "Ctrl+T"
_FUNCTION_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F35.value + 1)

_STYLE = """
QFrame#noteCard { background: palette(base); border: 1px solid $border; border-radius: 6px; }
QFrame#noteCard[editing="true"] { border: 1px solid $accent; }
QToolButton#pinButton { color: $link; font-weight: bold; border: none; padding: 1px 16px 1px 4px; }
QToolButton#pinButton:hover { background: $accent_soft; border-radius: 3px; }
QToolButton#pinButton::menu-button { border: none; width: 14px; }
QToolButton#pinButton:focus { border: 2px solid palette(highlight); border-radius: 3px; }
QLabel#noteMeta { color: $muted; }
QFrame#notesBanner { background: $warning_bg; border: 1px solid $warning_border; border-radius: 4px; }
QFrame#notesBanner[kind="error"] { background: $error_bg; border: 1px solid $error_border; }
QFrame#notesBanner[kind="info"] { background: $info_bg; border: 1px solid $info_border; }
QLabel#notesEmpty { color: $muted; padding: 18px 8px; }
"""


def _plain_label(text: str = "", *, name: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never HTML
    if name:
        label.setObjectName(name)
    return label


class NoteView(QTextBrowser):
    """A note rendered from Markdown (raw HTML off; no image but the app's own frame thumbnails, from
    ``image_folder``, is ever opened: others show their link text); ``@m:ss`` links seek."""

    seek_requested = Signal(int)
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, image_folder: Path | None = None) -> None:
        super().__init__(parent)
        self._safe_document = SafeTextDocument(self, image_folder=image_folder)
        self.setDocument(self._safe_document)
        self.setObjectName("noteView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        self.document().setDocumentMargin(2)
        self.anchorClicked.connect(self._on_anchor)
        self._empty = True

    def set_body(self, body: str) -> None:
        self._empty = not body.strip()
        if self._empty:
            self.setPlainText(self.tr("Empty note: click to write."))
            set_themed_style(self, "color: $muted; font-style: italic;")
        else:
            set_themed_style(self, "")
            set_safe_markdown(self._safe_document, linkify_times(body), MARKDOWN_FEATURES)
        self._fit()

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # a Qt override
        return safe_resource(kind, name, self._safe_document.image_folder)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        clicked_link = bool(self.anchorAt(event.position().toPoint()))
        selected = self.textCursor().hasSelection()
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not clicked_link and not selected:
            self.edit_requested.emit()

    def _fit(self) -> None:
        document = self.document()
        document.setTextWidth(max(50, self.viewport().width()))
        self.setFixedHeight(math.ceil(document.size().height()) + 2 * self.frameWidth() + 2)

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        target = seek_target(url.toString())
        if target is not None:
            self.seek_requested.emit(target)


class NoteEditor(QPlainTextEdit):
    """The note's Markdown as typed; Esc (or leaving it) shows it rendered again."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setPlaceholderText(
            self.tr(
                "Write in Markdown: **bold**, - lists. @1:23 links to a time; {tostring} inserts the "
                "current one. Saved as you type."
            ).format(tostring=QKeySequence(INSERT_TIME_KEY).toString(QKeySequence.SequenceFormat.NativeText))
        )
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """As tall as the text (5 to 20 lines): the card grows while typing instead of scrolling."""
        lines = max(5.0, min(20.0, self.document().size().height() + 1))
        margins = self.contentsMargins()
        height = lines * self.fontMetrics().lineSpacing() + 2 * self.document().documentMargin()
        self.setFixedHeight(math.ceil(height) + margins.top() + margins.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        # Keys typed into a note are the note's: the player's single-key shortcuts (Space, Esc,
        # PgUp, letters...) must not fire while writing. Ctrl/Alt combinations and F-keys still do.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            if modifiers == Qt.KeyboardModifier.NoModifier and event.key() not in _FUNCTION_KEYS:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finished.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Switching windows or opening a menu is not leaving the note.
        if event.reason() not in (
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.MenuBarFocusReason,
        ):
            self.finished.emit()


class NoteCard(QFrame):
    """One note: its pin (time or position), when it was written, the text; edited in place."""

    def __init__(self, panel: NotesPanel, note: Note, pinned_ms: int | None, position_title: str) -> None:
        super().__init__(panel)
        self.setObjectName("noteCard")
        self.panel = panel
        self.note = note

        self.pin_button = QToolButton(self)
        self.pin_button.setObjectName("pinButton")
        self.pin_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.pin_button.setText(f"▶ {clock_text(pinned_ms)}" if pinned_ms is not None else self.tr("No time"))
        self.pin_button.setToolTip(
            self.tr("Play from here")
            if pinned_ms is not None
            else self.tr("Pin this note to a time or a position")
        )
        self.pin_button.setMenu(QMenu(self.pin_button))
        self.pin_button.menu().aboutToShow.connect(self._fill_pin_menu)
        if pinned_ms is not None:
            self.pin_button.clicked.connect(lambda: panel.seek_requested.emit(pinned_ms))
        else:
            self.pin_button.clicked.connect(self.pin_button.showMenu)

        self.position_label = ElidedLabel(position_title, name="noteMeta")
        self.date_label = _plain_label(_when(note.updated_at), name="noteMeta")
        self.delete_button = QToolButton(self)
        self.delete_button.setObjectName("deleteNoteButton")
        self.delete_button.setText("✕")
        self.delete_button.setAutoRaise(True)
        self.delete_button.setToolTip(self.tr("Delete this note (you can undo it)"))
        self.delete_button.setAccessibleName(self.tr("Delete note"))
        self.delete_button.clicked.connect(lambda: panel.delete_note(self.note.uid))

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(6)
        header.addWidget(self.pin_button)
        header.addWidget(self.position_label, 1)
        header.addWidget(self.date_label)
        header.addWidget(self.delete_button)

        self.view = NoteView(self, image_folder=panel.notes.thumbnails_dir)
        self.view.set_body(note.body)
        self.view.seek_requested.connect(panel.seek_requested)
        self.view.edit_requested.connect(self.start_editing)
        self.editor = NoteEditor(self)
        self.editor.setPlainText(note.body)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.finished.connect(self.finish_editing)
        self.editor.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.view)
        layout.addWidget(self.editor)
        if panel.read_only:
            self.delete_button.setEnabled(False)
            self.pin_button.menu().setEnabled(False)
        # Built after the window's rings were laid: the frameless text and the flat ✕ show no focus.
        add_focus_rings(self)

    @property
    def editing(self) -> bool:
        return self.editor.isVisibleTo(self)

    def start_editing(self) -> None:
        if self.panel.read_only or self.editing:
            return
        self.panel.card_started_editing(self)
        self.setProperty("editing", True)
        self._restyle()
        self.view.hide()
        self.editor.show()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def finish_editing(self) -> None:
        if not self.editing:
            return
        self.setProperty("editing", False)
        self._restyle()
        self.view.set_body(self.editor.toPlainText())
        self.editor.hide()
        self.view.show()
        self.panel.card_finished_editing(self)

    def insert_time(self, ms: int) -> None:
        cursor = self.editor.textCursor()
        before = self.editor.toPlainText()[: cursor.position()]
        prefix = "" if not before or before[-1].isspace() else " "
        cursor.insertText(f"{prefix}{time_link(ms)} ")
        self.editor.setTextCursor(cursor)

    def _restyle(self) -> None:
        self.style().unpolish(self)
        self.style().polish(self)

    def _on_text_changed(self) -> None:
        self.panel.note_typed(self.note.uid, self.editor.toPlainText())

    def _fill_pin_menu(self) -> None:
        menu = self.pin_button.menu()
        menu.clear()
        now = self.panel.current_position_ms()
        if now is not None:
            menu.addAction(
                self.tr("Pin to the current time ({clock_text})").format(clock_text=clock_text(now)),
                self._pin_now,
            )
        positions = self.panel.positions
        if positions:
            submenu = menu.addMenu(self.tr("Pin to a position"))
            for position in positions:
                # QAction text is plain; "&" would be taken for a shortcut marker.
                label = f"{clock_text(position.start_ms)}  {position.title}".replace("&", "&&")
                submenu.addAction(label, self._pinner(position.uid))
        if self.note.time_ms is not None or self.note.position_uid:
            menu.addAction(self.tr("Remove the pin"), lambda: self.panel.pin_note(self.note.uid, None, None))

    def _pin_now(self) -> None:
        now = self.panel.current_position_ms()
        if now is not None:
            self.panel.pin_note(self.note.uid, now, None)

    def _pin_position(self, uid: str) -> None:
        self.panel.pin_note(self.note.uid, None, uid)

    def _pinner(self, uid: str) -> Callable[[], None]:
        return lambda: self._pin_position(uid)


class _Banner(QFrame):
    """A message above the notes: read-only, a save problem, an undo offer, an export result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesBanner")
        self.label = _plain_label()
        self.label.setWordWrap(True)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self._action: Callable[[], None] | None = None
        self.action_button.clicked.connect(self._run_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        self.kind = ""
        self.hide()

    def show_message(
        self, text: str, kind: str = "warning", action: tuple[str, Callable[[], None]] | None = None
    ) -> None:
        self.kind = kind
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        if action is None:
            self._action = None
            self.action_button.hide()
        else:
            self.action_button.setText(action[0])
            self._action = action[1]
            self.action_button.show()
        self.show()

    def clear(self, kind: str | None = None) -> None:
        if kind is None or self.kind == kind:
            self.kind = ""
            self.hide()

    def _run_action(self) -> None:
        action, self._action = self._action, None
        self.clear()
        if action is not None:
            action()


class NotesPanel(QWidget):
    #: the user clicked a time (a note's pin or an ``@m:ss`` link): the window seeks the player
    seek_requested = Signal(int)
    #: the times to mark on the seek bar for the open lesson (sorted ms)
    marks_changed = Signal(list)

    def __init__(
        self,
        context: AppContext,
        *,
        position_provider: Callable[[], int] | None = None,
        frame_provider: Callable[[], QImage] | None = None,
        own_shortcuts: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        set_themed_style(self, _STYLE)
        self.context = context
        self.notes = context.notes
        self._position_provider = position_provider
        self._frame_provider = frame_provider
        self.lesson: Lesson | None = None
        self.positions: list[Position] = []
        self.cards: list[NoteCard] = []
        self._editing: NoteCard | None = None
        self._reload_pending = False
        self._frame_ready: SignalInstance | None = None
        self._frame_hook: QMetaObject.Connection | None = None

        title = _plain_label(self.tr("Notes"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.lesson_label = ElidedLabel(name="noteMeta")
        self.new_button = QPushButton(self.tr("+ Note at current time"))
        self.new_button.setObjectName("newNoteButton")
        self.new_button.setAccessibleDescription(self.tr("A pinned note linked to the time on screen"))
        self.new_button.clicked.connect(lambda: self.new_note(pinned=True))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setAccessibleDescription(self.tr("Saves this course's notes as a file"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.tr("Export notes"), self.export_button)
        export_menu.addAction(self.tr("This lesson as Markdown…"), lambda: self._ask_export("lesson", "md"))
        export_menu.addAction(self.tr("This lesson as PDF…"), lambda: self._ask_export("lesson", "pdf"))
        export_menu.addSeparator()
        export_menu.addAction(
            self.tr("The whole course as Markdown…"), lambda: self._ask_export("course", "md")
        )
        export_menu.addAction(self.tr("The whole course as PDF…"), lambda: self._ask_export("course", "pdf"))
        self.export_button.setMenu(export_menu)

        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.lesson_label, 1)
        header.addWidget(self.new_button)
        header.addWidget(self.export_button)

        self.banner = _Banner(self)
        self.empty_label = _plain_label(name="notesEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(2, 2, 2, 2)
        self._list_layout.setSpacing(8)
        self._list_layout.addWidget(self.empty_label)
        self._list_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(self.tr("Notes of this lesson"))
        self.scroll_area.setAccessibleDescription(self.tr("Your notes, newest last; Tab moves through them"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self._list)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll_area, 1)

        # With own_shortcuts=False the actions carry no keys: the window binds its own to them.
        self._own_shortcuts = own_shortcuts
        self.new_note_action = self._action(
            self.tr("New note at the current time"), NEW_NOTE_KEY, self.new_note
        )
        self.new_unpinned_action = self._action(
            self.tr("New note without a time"), NEW_UNPINNED_NOTE_KEY, lambda: self.new_note(pinned=False)
        )
        self.insert_time_action = self._action(
            self.tr("Insert the current time"), INSERT_TIME_KEY, self.insert_current_time
        )

        self.notes.notes_changed.connect(self._on_notes_changed)
        self.notes.save_failed.connect(self._on_save_failed)
        self.notes.saved.connect(self._on_saved)
        if self.notes.read_only:
            self.new_button.setEnabled(False)
            for action in (self.new_note_action, self.new_unpinned_action, self.insert_time_action):
                action.setEnabled(False)
            self.banner.show_message(
                self.tr("Notes are read-only: {read_only_reason}.").format(
                    read_only_reason=self.notes.read_only_reason
                ),
                "info",
            )
        self.set_lesson(None)

    # -------------------------------------------------------------------------------- public
    @property
    def read_only(self) -> bool:
        return self.notes.read_only

    def set_lesson(self, lesson: Lesson | None) -> None:
        """Show the notes of ``lesson`` (connect ``PlaybackController.lesson_opened`` here)."""
        if self._editing is not None:
            self._editing.finish_editing()
        self.lesson = lesson
        self.positions = self.context.library.positions(lesson) if lesson is not None else []
        self.lesson_label.setText(lesson.title if lesson is not None else "")
        self.new_button.setEnabled(lesson is not None and not self.read_only)
        self.export_button.setEnabled(lesson is not None)
        self.reload()
        self._hook_frames()

    def reload(self) -> None:
        if self._editing is not None:
            self._reload_pending = True
            return
        self._reload_pending = False
        for card in self.cards:
            self._list_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        if self.lesson is None:
            self.empty_label.setText(self.tr("Open a lesson to see its notes."))
            self.empty_label.show()
            self.marks_changed.emit([])
            return
        titles = {position.uid: position.title for position in self.positions}
        for index, note in enumerate(self.notes.notes_for(self.lesson.fingerprint)):
            card = NoteCard(self, note, self.notes.pinned_time(note), titles.get(note.position_uid or "", ""))
            self._list_layout.insertWidget(index, card)
            card.show()  # now, not when the layout gets round to it: a new note takes the focus at once
            self.cards.append(card)
        self.empty_label.setVisible(not self.cards)
        self.empty_label.setText(
            self.tr(
                "No notes for this lesson yet.\nPress {new_note_keys} (or “Note at current time”) while "
                "watching to write one, pinned to the moment on screen."
            ).format(new_note_keys=self._new_note_keys())
        )
        self.marks_changed.emit(self.notes.marks(self.lesson.fingerprint))

    def new_note(self, pinned: bool = True) -> NoteCard | None:
        """A new note (at the current time unless ``pinned`` is False), open for typing."""
        if self.lesson is None or self.read_only:
            return None
        time_ms = self.current_position_ms() if pinned else None
        frame = self._frame_provider() if (self._frame_provider and time_ms is not None) else None
        if self._editing is not None:
            self._editing.finish_editing()
        try:
            note = self.notes.create(self.lesson.fingerprint, time_ms=time_ms, frame=frame)
        except SmrtError as error:
            self.banner.show_message(str(error), "error")
            return None
        card = self.card(note.uid)
        if card is not None:
            card.start_editing()
            self.scroll_area.ensureWidgetVisible(card)
        return card

    def insert_current_time(self) -> None:
        """Type ``@m:ss`` of the current time into the note being written (or a new one)."""
        now = self.current_position_ms()
        if now is None or self.read_only:
            return
        card = self._editing or self.new_note(pinned=True)
        if card is not None:
            card.insert_time(now)

    def card(self, uid: str) -> NoteCard | None:
        return next((card for card in self.cards if card.note.uid == uid), None)

    @property
    def editing_card(self) -> NoteCard | None:
        return self._editing

    def current_position_ms(self) -> int | None:
        return None if self._position_provider is None else max(0, int(self._position_provider()))

    def pin_note(self, uid: str, time_ms: int | None, position_uid: str | None) -> None:
        try:
            self.notes.set_pin(uid, time_ms=time_ms, position_uid=position_uid)
        except SmrtError as error:
            self.banner.show_message(str(error), "error")

    def delete_note(self, uid: str) -> None:
        card = self.card(uid)
        if card is not None and card.editing:
            card.finish_editing()
        try:
            removed = self.notes.delete(uid)
        except SmrtError as error:
            self.banner.show_message(str(error), "error")
            return
        if removed is not None:
            preview = removed.title[:60] or self.tr("an empty note")
            self.banner.show_message(
                self.tr("Deleted “{preview}”.").format(preview=preview),
                "info",
                (self.tr("Undo"), lambda: self.notes.undelete(removed)),
            )

    def export_notes(self, scope: str, destination: Path) -> Path:
        """Write the notes of the lesson or its whole course to ``destination`` (.md or .pdf)."""
        if self.lesson is None:
            raise SmrtError(self.tr("Open a lesson first."))
        self.notes.flush()
        course = self.context.library.find_course(str(self.lesson.course_id))
        course_title = course.title if course is not None else ""
        if scope == "course":
            lessons = self.context.library.lessons(self.lesson.course_id)
            document = collect(self.notes, lessons, title=course_title or self.tr("Notes"), subtitle="Notes")
        else:
            document = collect(self.notes, [self.lesson], title=self.lesson.title, subtitle=course_title)
        if destination.suffix.lower() == ".pdf":
            return write_pdf(document, destination)
        return write_markdown(document, destination)

    def follow_frames(self, frame_ready: SignalInstance) -> None:
        """Listen to the frames shown (``PlaybackController.frame_ready``) while, and only while, a
        note of the open lesson waits for its thumbnail: not a Python call for every frame played."""
        self._frame_ready = frame_ready
        self._hook_frames()

    def _hook_frames(self) -> None:
        waiting = (
            self._frame_ready is not None
            and self.lesson is not None
            and self.notes.waits_for_thumbnails(self.lesson.fingerprint)
        )
        if waiting and self._frame_hook is None and self._frame_ready is not None:
            self._frame_hook = self._frame_ready.connect(self.on_frame_ready)
        elif not waiting and self._frame_hook is not None:
            QObject.disconnect(self._frame_hook)
            self._frame_hook = None

    def follows_frames(self) -> bool:
        return self._frame_hook is not None

    @Slot(object)
    def on_frame_ready(self, _frame: object = None) -> None:
        """A frame is on screen: keep it as the thumbnail of a note pinned here that has none."""
        if self.lesson is None or self._frame_provider is None or self._position_provider is None:
            return
        wanted = self.notes.wanted_thumbnail(self.lesson.fingerprint, int(self._position_provider()))
        if wanted is not None:
            self.notes.save_thumbnail(self.lesson.fingerprint, wanted, self._frame_provider())
            self._hook_frames()  # the last one waiting: frames are no longer needed

    # ------------------------------------------------------------------------- from the cards
    def card_started_editing(self, card: NoteCard) -> None:
        if self._editing is not None and self._editing is not card:
            self._editing.finish_editing()
        self._editing = card

    def card_finished_editing(self, card: NoteCard) -> None:
        if self._editing is card:
            self._editing = None
        # After the current event: the card that emitted this may be deleted by the reload.
        QTimer.singleShot(0, lambda: self.notes.end_editing(card.note.uid))
        if self._reload_pending:
            QTimer.singleShot(0, self.reload)

    def note_typed(self, uid: str, text: str) -> None:
        try:
            self.notes.edit(uid, text)
        except SmrtError as error:
            self.banner.show_message(str(error), "error")

    # --------------------------------------------------------------------------------- slots
    @Slot(str)
    def _on_notes_changed(self, fingerprint: str) -> None:
        if fingerprint == "":
            # Every note was replaced (a restore, a data import; what was typed was saved first):
            # the note open in the editor may be gone, and typing on would bring it back.
            self._discard_editing()
        if self.lesson is not None and fingerprint in ("", self.lesson.fingerprint):
            self.reload()
            self._hook_frames()

    def _discard_editing(self) -> None:
        card, self._editing = self._editing, None
        if card is not None:
            card.editor.blockSignals(True)  # its keystrokes no longer save anything

    @Slot(str)
    def _on_save_failed(self, message: str) -> None:
        self.banner.show_message(message, "error")

    @Slot()
    def _on_saved(self) -> None:
        self.banner.clear("error")

    def _new_note_keys(self) -> str:
        keys = self.new_note_action.shortcuts()
        text = self.tr(" or ").join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
        return text or self.tr("the “new note” key")

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if self._own_shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _ask_export(self, scope: str, kind: str) -> None:
        if self.lesson is None:
            return
        name = self.lesson.title if scope == "lesson" else self.tr("course notes")
        suffix = ".pdf" if kind == "pdf" else ".md"
        filters = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Markdown (*.md)")
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export notes"),
            str(Path.home() / f"{safe_filename(name, fallback='notes')}{suffix}"),
            filters,
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            written = self.export_notes(scope, path)
        except SmrtError as error:
            self.banner.show_message(str(error), "error")
            return
        self.banner.show_message(self.tr("Notes exported to {written}.").format(written=written), "info")


def _when(timestamp: str) -> str:
    try:
        moment = datetime.fromisoformat(timestamp).astimezone()
    except ValueError:
        return ""
    today = datetime.now().astimezone().date()
    if moment.date() == today:
        time = QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
        return QCoreApplication.translate("NotesPanel", "today {time}").format(time=time)
    if moment.year == today.year:
        return day_month(moment.date())
    return date_text(moment.date())
