"""SearchDialog: one box that searches notes, lesson titles, positions and muscles as you type.

Results are drawn by a delegate: every piece of user text is HTML-escaped and only our own bold marks
the matches, so a note containing ``<img>`` shows those characters. Activating a result asks the
window (``open_requested``) to open the lesson at the result's time.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.richtext import SafeTextDocument
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.notes.search import SearchResult, highlight_parts
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.theme import tones

RESULT_ROLE = Qt.ItemDataRole.UserRole
TYPE_DELAY_MS = 120
KIND_LABELS = {
    "note": QT_TRANSLATE_NOOP("SearchDialog", "Note"),
    "lesson": QT_TRANSLATE_NOOP("SearchDialog", "Lesson"),
    "position": QT_TRANSLATE_NOOP("SearchDialog", "Position"),
}


def side_text(side: str) -> str:
    """A position's side as the index panel says it; empty for a note or a lesson."""
    if side == "L":
        return QCoreApplication.translate("SearchDialog", "client's left side")
    if side == "R":
        return QCoreApplication.translate("SearchDialog", "client's right side")
    if side == "both":
        return QCoreApplication.translate("SearchDialog", "either side")
    return ""


def result_html(result: SearchResult, *, selected: bool = False, palette: QPalette | None = None) -> str:
    """The row as HTML built from escaped plain text; matches in bold; secondary text in the muted tone
    of ``palette`` (the application's when not given)."""

    def marked(text: str) -> str:
        return "".join(
            f"<b>{html.escape(chunk)}</b>" if hit else html.escape(chunk)
            for chunk, hit in highlight_parts(text)
        )

    muted = "#e8eef8" if selected else tones(palette or QGuiApplication.palette()).muted
    kind = QCoreApplication.translate("SearchDialog", KIND_LABELS.get(result.kind, result.kind))
    snippet = " ".join(result.snippet.split())
    side = side_text(result.side)
    if side:
        side = f"&nbsp;&nbsp;<span style='color:{muted}'>{html.escape(side)}</span>"
    lines = [
        f"<span style='color:{muted}'>{html.escape(kind)}</span>&nbsp;&nbsp;{marked(result.title)}{side}",
        f"<span style='color:{muted}'>{html.escape(result.context)}</span>",
    ]
    if snippet and result.kind != "lesson":
        lines.append(marked(snippet))
    colour = " style='color:white'" if selected else ""
    return f"<div{colour}>{'<br>'.join(lines)}</div>"


class _ResultDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, result: SearchResult, selected: bool) -> QTextDocument:
        document = SafeTextDocument()  # escaped text only, and still nothing is ever loaded by name
        document.setDefaultFont(option.font)
        document.setDocumentMargin(4)
        document.setHtml(result_html(result, selected=selected, palette=option.palette))
        document.setTextWidth(max(100, option.rect.width()))
        return document

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        result = index.data(RESULT_ROLE)
        if not isinstance(result, SearchResult):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, result, selected)
        painter.save()
        painter.translate(option.rect.topLeft())
        if not result.openable:
            painter.setOpacity(0.6)
        document.drawContents(painter)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        result = index.data(RESULT_ROLE)
        if not isinstance(result, SearchResult):
            return super().sizeHint(option, index)
        document = self._document(option, result, False)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)


class SearchDialog(QDialog):
    #: open this result's lesson at its time (the window plays it)
    open_requested = Signal(object)  # SearchResult

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search notes, lessons and positions"))
        self.resize(620, 480)
        self.context = context
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText(self.tr("Search notes, lessons, positions, muscles…"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Results"))
        self.results.setAccessibleDescription(self.tr("Enter opens the lesson at the time found"))
        self.results.setItemDelegate(_ResultDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.itemActivated.connect(self._activate)
        self.status = QLabel("")
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self._open_first)
        name_controls(self)

    def run_search(self) -> list[SearchResult]:
        self._timer.stop()
        text = self.query.text()
        found = self.context.search.search(text) if text.strip() else []
        self.results.clear()
        for result in found:
            item = QListWidgetItem()
            item.setData(RESULT_ROLE, result)
            self.results.addItem(item)
        if not text.strip():
            self.status.setText(
                self.tr("Type a word, a muscle or a region; every word must match (the start of it).")
            )
        elif not found:
            self.status.setText(self.tr("Nothing found for “{strip}”.").format(strip=text.strip()))
        else:
            count = self.tr("%n result(s)", "", len(found))
            if self.context.search.narrowed:
                count += self.tr(
                    " (many notes match: the best of the newest are shown; add a word to narrow it)"
                )
            self.status.setText(self.tr("{count}. Enter opens the lesson.").format(count=count))
        if found:
            self.results.setCurrentRow(0)
        return found

    def result_at(self, row: int) -> SearchResult | None:
        item = self.results.item(row)
        value = item.data(RESULT_ROLE) if item is not None else None
        return value if isinstance(value, SearchResult) else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the box move through the results without leaving the box.
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
            and self.results.count()
        ):
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def _open_first(self) -> None:
        if self._timer.isActive():
            self.run_search()
        item = self.results.currentItem()
        if item is not None:
            self._activate(item)

    def _activate(self, item: QListWidgetItem) -> None:
        result = item.data(RESULT_ROLE)
        if not isinstance(result, SearchResult):
            return
        if not result.openable:
            self.status.setText(
                self.tr(
                    "That lesson is not in your library. Add its course (or relink it) to open it; the note "
                    "is kept."
                )
            )
            return
        self.open_requested.emit(result)
        self.accept()
