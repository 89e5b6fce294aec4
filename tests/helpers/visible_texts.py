"""Every text a user can read in a window: labels, buttons, menus and their actions, titles, group boxes,
tabs, tooltips, placeholders, combo items and header labels, each with where it was found.

Used by the translation tests: a pseudo translator marks every translated text, and a text without the
mark that is not user data (titles from the library, numbers, clock times) was never translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

OPEN, CLOSE = "⟦", "⟧"


class PseudoTranslator(QTranslator):
    """Returns every message wrapped in ⟦…⟧: a text shown without the brackets never went through Qt's
    translation. Plural forms come back with their count, as a real catalogue's would."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        self.asked.add((context, source))
        return f"{OPEN}{source}{CLOSE}"

    def isEmpty(self) -> bool:
        return False


@dataclass(frozen=True)
class Shown:
    where: str
    text: str


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _action_texts(actions: Iterable[QAction], where: str, seen: set[int]) -> Iterator[Shown]:
    for action in actions:
        if action.isSeparator() or not action.isVisible() or id(action) in seen:
            continue
        seen.add(id(action))
        name = action.objectName() or action.text()
        yield Shown(f"{where} action {name!r}", _plain(action.text()))
        if action.toolTip() and action.toolTip() != _plain(action.text()):
            yield Shown(f"{where} action {name!r} tooltip", action.toolTip())
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield Shown(f"{where} menu {name!r}", _plain(menu.title()))
            yield from _action_texts(menu.actions(), f"{where} > {_plain(menu.title())}", seen)


def visible_texts(window: QWidget) -> list[Shown]:
    """The texts of ``window`` and its visible children (and of the menus their actions open)."""
    found: list[Shown] = []
    seen_actions: set[int] = set()
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if widget.isWindow() or isinstance(widget, QDockWidget):
            found.append(Shown(f"{where} title", widget.windowTitle()))
        if widget.toolTip():
            found.append(Shown(f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            found.append(Shown(where, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append(Shown(where, _plain(widget.text())))
            menu = getattr(widget, "menu", lambda: None)()
            if isinstance(menu, QMenu):
                found.extend(_action_texts(menu.actions(), where, seen_actions))
        elif isinstance(widget, QGroupBox):
            found.append(Shown(where, _plain(widget.title())))
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            found.append(Shown(f"{where} placeholder", widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            found.extend(Shown(f"{where} item {row}", widget.itemText(row)) for row in range(widget.count()))
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                found.append(Shown(f"{where} tab {tab}", _plain(widget.tabText(tab))))
                found.append(Shown(f"{where} tab {tab} tooltip", widget.tabToolTip(tab)))
        elif isinstance(widget, QProgressBar) and widget.isTextVisible():
            found.append(Shown(where, widget.text()))
        header = (
            widget.header()
            if isinstance(widget, QTreeView)
            else widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else None
        )
        if header is not None and not header.isHidden() and header.model() is not None:
            for section in range(header.count()):
                label = header.model().headerData(
                    section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
                if isinstance(label, str):
                    found.append(Shown(f"{where} header {section}", label))
        if isinstance(widget, QMainWindow):
            found.extend(_action_texts(widget.menuBar().actions(), f"{where} menu bar", seen_actions))
        found.extend(_action_texts(widget.actions(), where, seen_actions))
    return [shown for shown in found if shown.text.strip()]


_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
#: clock times, counts, percentages, sizes, key names Qt gives (F1, Ctrl+K), single letters (A / B loop ends)
_NOT_WORDS = re.compile(r"\b(?:[A-Za-z]|F\d{1,2}|[A-Z]\d|\d+\w*)\b")


def untranslated(shown: Iterable[Shown], user_data: Iterable[str]) -> list[Shown]:
    """The texts with a word outside the pseudo brackets that is not user data."""
    data = sorted({text for text in user_data if text}, key=len, reverse=True)
    bad = []
    for item in shown:
        rest = item.text
        for piece in data:
            rest = rest.replace(piece, " ")
        previous = None
        while previous != rest:  # a translated text may hold another translated text
            previous = rest
            rest = _MARKED.sub(" ", rest)
        rest = _NOT_WORDS.sub(" ", rest)
        if re.search(r"[^\W\d_]{2,}", rest):
            bad.append(item)
    return bad


def install(translator: QTranslator) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)


def remove(translator: QTranslator) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    app.removeTranslator(translator)
