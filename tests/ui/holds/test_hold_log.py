"""The practice-log window: rows newest first, tenderness filled in afterwards, delete, CSV export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from smrtplayer.app.context import AppContext
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.ui.holds import practice_log_view
from smrtplayer.ui.holds.practice_log_view import PracticeLogView


def add(context: AppContext, title: str, ended: str, **more: object) -> int:
    values: dict[str, object] = {
        "title": title,
        "planned_ms": 30_000,
        "actual_ms": 30_000,
        "completed": True,
        "started_at": ended,
        "ended_at": ended,
        "side": "R",
    }
    values.update(more)
    return context.holds.practice.add(PracticeEntry(**values))  # type: ignore[arg-type]


@pytest.fixture
def view(context: AppContext, qtbot) -> PracticeLogView:  # type: ignore[no-untyped-def]
    add(context, "Piriformis, prone", "2026-03-01T10:00:00.000+00:00", tender_before=8, tender_after=3)
    add(context, "Psoas", "2026-03-01T10:05:00.000+00:00", completed=False, actual_ms=12_400, side="L")
    widget = PracticeLogView(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cells(view: PracticeLogView, row: int) -> list[str]:
    return [view.table.item(row, column).text() for column in range(view.table.columnCount())]


def test_rows_are_newest_first_with_the_change_in_tenderness(view: PracticeLogView) -> None:
    assert view.table.rowCount() == 2
    assert cells(view, 0)[1:] == ["Psoas", "Left", "30 s", "12 s", "stopped early", "", "", "", "", "Hold"]
    assert cells(view, 1)[1:] == [
        "Piriformis, prone",
        "Right",
        "30 s",
        "30 s",
        "yes",
        "8",
        "3",
        "−5",
        "62 %",
        "Hold",
    ]
    assert "2 holds, 1 held to the end" in view.summary.text()
    assert "down 5.0 points" in view.summary.text()


def test_tenderness_can_be_filled_in_afterwards(
    context: AppContext, view: PracticeLogView, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def answer(dialog: practice_log_view.TendernessDialog) -> int:
        dialog.before.setValue(6)
        dialog.after.setValue(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(practice_log_view.TendernessDialog, "exec", answer)
    view.table.selectRow(0)
    view.edit_tenderness()
    assert cells(view, 0)[6:] == ["6", "2", "−4", "67 %", "Hold"]
    assert context.holds.practice.recent()[0].reduction == 4


def test_a_new_hold_appears_as_soon_as_it_is_logged(context: AppContext, view: PracticeLogView) -> None:
    context.holds.runner.hold_preset(20_000, "Subscapularis")
    context.holds.runner.stop()
    assert view.table.rowCount() == 3


def test_tenderness_given_elsewhere_is_shown_at_once(context: AppContext, view: PracticeLogView) -> None:
    newest = context.holds.log_entries()[0]
    assert newest.id is not None
    context.holds.set_entry_tenderness(newest.id, before=5, after=4)
    assert cells(view, 0)[6:] == ["5", "4", "−1", "20 %", "Hold"]


def test_delete_and_export(context: AppContext, view: PracticeLogView, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    view.table.selectRow(0)
    view.delete_selected()
    assert view.table.rowCount() == 1
    out = tmp_path / "log.csv"
    assert view.export_to(out) == 1
    assert "Piriformis, prone" in out.read_text(encoding="utf-8-sig")
    assert "1 hold written" in view.summary.text()


def test_a_closed_log_window_is_not_reached_by_the_next_hold(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window is deleted when closed (as the hold panel opens it); a hold logged afterwards
    must not call into its deleted table."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt

    widget = PracticeLogView(context)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.show()
    with qtbot.waitSignal(widget.destroyed, timeout=3000):
        widget.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    entry = add(context, "Psoas", "2026-03-02T10:00:00.000+00:00")
    context.holds.runner.logged.emit(entry)  # raised "Internal C++ object already deleted" before
    open_again = PracticeLogView(context)
    qtbot.addWidget(open_again)
    assert open_again.table.rowCount() == 1
