"""Every text the user (or a course, an import) supplies reaches Qt as plain text.

A course whose every text field is ``<img src="/dev/zero">``: rendered as rich text it would make Qt
read /dev/zero whole (``std::bad_alloc``) on show or on hover. The main window, its docks and the dialogs
a user opens from them are walked: no label, tooltip or item shows it as markup, and it shows as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QTabBar,
    QTextEdit,
    QToolTip,
    QWidget,
)

from helpers.clock import FakeClock
from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import step_for_position
from smrtplayer.models.plans import Plan
from smrtplayer.models.positions import PositionDraft
from smrtplayer.store.db import utc_now
from smrtplayer.ui.holds.hold_panel import HoldPanel
from smrtplayer.ui.holds.plan_editor import PlanEditor, PositionPicker
from smrtplayer.ui.holds.practice_log_view import PracticeLogView, TendernessDialog
from smrtplayer.ui.holds.table_mode import TableModeWindow
from smrtplayer.ui.index.position_form import PositionForm
from smrtplayer.ui.shell.main_window import MainWindow

MARKUP = '<img src="/dev/zero">'
HOSTILE = f"{MARKUP} x"


def _fill_with_markup(context: AppContext) -> None:
    course = context.library.courses()[0]
    lessons = context.library.lessons(course.id)
    context.index.add_position(
        PositionDraft(lessons[0].fingerprint, 500, 2500, HOSTILE, "hips-sacrum", ("psoas",), "R")
    )
    context.notes.create(lessons[0].fingerprint, time_ms=1000, body=HOSTILE)
    assert context.notes.flush()
    now = utc_now()
    conn = context.store.conn
    with context.store.write():
        conn.execute("UPDATE courses SET title = ?, publisher = ?", [HOSTILE, HOSTILE])
        conn.execute("UPDATE sections SET title = ?", [HOSTILE])
        conn.execute("UPDATE lessons SET title = ?, verify_detail = ?", [HOSTILE, HOSTILE])
        conn.execute(
            "UPDATE positions SET title = ?, technique = ?, client_position = ?, muscles = ?",
            [HOSTILE, HOSTILE, HOSTILE, json.dumps([HOSTILE])],
        )
        conn.execute("UPDATE attachments SET title = ?", [HOSTILE])
        plan_id = conn.execute(
            "INSERT INTO plans (title, notes, ordinal, created_at, updated_at) VALUES (?, ?, 0, ?, ?)",
            [HOSTILE, HOSTILE, now, now],
        ).lastrowid
        position_uid = conn.execute("SELECT uid FROM positions LIMIT 1").fetchone()[0]
        conn.execute(
            "INSERT INTO plan_steps (plan_id, ordinal, kind, hold_ms, title, technique, position_uid) "
            "VALUES (?, 0, 'hold', 30000, ?, ?, ?)",
            [plan_id, HOSTILE, HOSTILE, position_uid],
        )
        conn.execute(
            "INSERT INTO practice_log (title, side, technique, planned_ms, actual_ms, completed, "
            "started_at, ended_at, position_uid) VALUES (?, 'R', ?, 30000, 30000, 1, ?, ?, ?)",
            [HOSTILE, HOSTILE, now, now, position_uid],
        )
        conn.execute(
            "INSERT INTO hold_presets (name, technique, hold_ms, created_at) VALUES (?, ?, 30000, ?)",
            [HOSTILE, HOSTILE, now],
        )


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> Iterator[tuple[str, str]]:
    parent = parent or QModelIndex()
    try:
        columns = max(1, model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount to itself
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role, kind in ((Qt.ItemDataRole.ToolTipRole, "item tooltip"),):
                value = index.data(role)
                if isinstance(value, str):
                    yield kind, value
            if (column == 0 and columns > 1) or (column == 0 and model.rowCount(index) > 0):
                yield from _model_texts(model, index)


def _shown_as_markup(text: str) -> bool:
    """Qt renders ``text`` as rich text and the markup is in it unescaped."""
    return QtGui.Qt.mightBeRichText(text) and "<img" in text


def _problems(root: QWidget) -> tuple[list[str], int]:
    found: list[str] = []
    seen_markup = 0
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if _shown_as_markup(widget.toolTip()):
            found.append(f"{name}: tooltip {widget.toolTip()!r}")
        for action in widget.actions():
            if _shown_as_markup(action.toolTip()):
                found.append(f"{name}: action tooltip {action.toolTip()!r}")
        if isinstance(widget, QLabel) and MARKUP in widget.text():
            seen_markup += 1
            if widget.textFormat() != Qt.TextFormat.PlainText and QtGui.Qt.mightBeRichText(widget.text()):
                found.append(f"{name}: label shown as rich text {widget.text()!r}")
        if isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                if _shown_as_markup(widget.tabToolTip(tab)):
                    found.append(f"{name}: tab tooltip {widget.tabToolTip(tab)!r}")
        models = []
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            models.append(widget.model())
        if isinstance(widget, QComboBox):
            models.append(widget.model())
        for model in models:
            for kind, text in _model_texts(model):
                if _shown_as_markup(text):
                    found.append(f"{name}: {kind} {text!r}")
        if isinstance(widget, QTextEdit):
            text = widget.toPlainText()
            if MARKUP in text:
                seen_markup += 1
            if "<img" in widget.document().toHtml() and MARKUP not in text and "&lt;img" not in text:
                found.append(f"{name}: rich text document renders the markup")
    return found, seen_markup


@pytest.fixture
def hostile_window(context: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:  # type: ignore[no-untyped-def]
    _fill_with_markup(context)
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.ensure_workspace()
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    window.open_lesson_at(lesson.id, 1000)
    qtbot.waitUntil(lambda: context.playback.lesson is not None, timeout=5000)
    qtbot.wait(300)
    return window


def test_the_window_and_its_docks_show_user_markup_as_text(hostile_window: MainWindow) -> None:
    window = hostile_window
    workspace = window.workspace
    # The panels built when first shown, opened as a user would: the library's cards, the hold timer.
    workspace.left_tabs.setCurrentWidget(workspace.library_view)
    workspace.hold_dock.raise_()
    QApplication.processEvents()
    assert workspace.library_view.model.rowCount() and workspace.hold_area.widget() is not None
    found, seen = _problems(window)
    for panel in (workspace.library_view, workspace.home_view):
        panel_found, panel_seen = _problems(panel)
        found += panel_found
        seen += panel_seen
    assert not found, "\n".join(found)
    assert seen >= 3, "the markup is on screen as text (course, lesson, position, note...)"
    assert MARKUP in window.lesson_title.text()


def test_dialogs_show_user_markup_as_text(hostile_window: MainWindow, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = hostile_window
    search = window.workspace.open_search()
    search.query.setText("img")
    qtbot.wait(400)
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    draft = PositionDraft(
        lesson.fingerprint, 500, 2500, HOSTILE, "hips-sacrum", (HOSTILE,), "R", technique=HOSTILE
    )
    dialogs: list[QWidget] = [
        search,
        PlanEditor(context),
        PositionPicker(context),
        PracticeLogView(context),
        PositionForm(context.index, draft, lesson_title=HOSTILE),
        TendernessDialog(context.holds.practice.recent()[0]),
    ]
    found: list[str] = []
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(50)
        found += _problems(dialog)[0]
    assert not found, "\n".join(found)


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform, raising the tooltip
def test_hovering_a_position_on_the_seek_bar_shows_its_title_as_text(
    hostile_window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    seek_bar = hostile_window.transport.seek_bar
    qtbot.waitUntil(lambda: bool(seek_bar._positions), timeout=5000)
    position = seek_bar._positions[0]
    x = next(x for x in range(seek_bar.width()) if position.start_ms <= seek_bar.ms_at(x) < position.end_ms)
    QTest.mouseMove(seek_bar, QPoint(x, seek_bar.height() // 2))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert not _shown_as_markup(QToolTip.text()), QToolTip.text()
    assert "&lt;img" in QToolTip.text(), "the title is in the tooltip, escaped"


@pytest.mark.qt_log_ignore("text-to-speech plug-in")  # no speech engine here: names are not spoken
def test_table_mode_and_the_hold_panel_show_user_markup_as_text(  # type: ignore[no-untyped-def]
    context: AppContext, hold_clock: FakeClock, qtbot
) -> None:
    _fill_with_markup(context)
    lesson = context.library.lessons(context.library.courses()[0].id)[0]
    position = next(item for item in context.library.positions(lesson) if MARKUP in item.title)
    plan = Plan(title=HOSTILE, steps=(step_for_position(position), step_for_position(position, side="L")))
    table = TableModeWindow(context, plan)
    qtbot.addWidget(table)
    table.resize(1280, 720)
    table.show()
    qtbot.waitExposed(table)
    try:
        QTest.keyClick(table, Qt.Key.Key_Space)  # start: the step's title, technique and the next one show
        assert context.holds.runner.is_active()
        table.grab()
        assert MARKUP in table.title.text()
        found, seen = _problems(table)
        panel = HoldPanel(context)
        qtbot.addWidget(panel)
        panel.show()
        panel_found, panel_seen = _problems(panel)
    finally:
        context.holds.runner.stop()
    assert not found + panel_found, "\n".join(found + panel_found)
    assert seen + panel_seen >= 2, "the title shows, as text"
