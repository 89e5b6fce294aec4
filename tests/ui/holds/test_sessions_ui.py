"""Sessions in the widgets (offscreen, real context): the hold panel starts one with an optional client
label and shows "last time with this client"; the practice log groups entries by session, saves the
session summary and deletes a client's data, naming the backups that still hold it."""

from __future__ import annotations

from pathlib import Path

from helpers.clock import MS, FakeClock
from smrtplayer.app.context import AppContext
from smrtplayer.ui.holds import hold_panel
from smrtplayer.ui.holds.hold_panel import HoldPanel
from smrtplayer.ui.holds.practice_log_view import PracticeLogView


def counterstrain(context: AppContext, hold_clock: FakeClock, after: int) -> None:
    runner = context.holds.runner
    runner.run_plan(next(p for p in context.holds.templates() if p.key == "counterstrain-tender-point"))
    runner.recheck(10)
    for _ in range(960):
        hold_clock.now += 100 * MS
        runner.timer.poll()
    runner.recheck(after)


def test_the_hold_panel_starts_a_session_and_shows_last_time(
    context: AppContext, hold_clock: FakeClock, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(hold_panel, "show_problem", lambda _parent, title, text: shown.append(text))
    panel = HoldPanel(context)
    qtbot.addWidget(panel)
    assert not panel.start_session("<b>AB</b>")
    assert shown and "plain text" in shown[0] and context.holds.all_sessions() == []
    assert panel.start_session("AB")
    assert "Session with AB running" in panel.session_info.text()
    assert "Last time" not in panel.session_info.text()
    counterstrain(context, hold_clock, after=2)
    panel.toggle_session()  # ends it
    assert context.holds.current_session() is None
    assert panel.start_session("AB")
    assert "Last time with this client" in panel.session_info.text()
    assert "tenderness 10 → 2 (80 % less)" in panel.session_info.text()


def test_the_log_groups_by_session_saves_a_summary_and_deletes_a_client(
    context: AppContext, hold_clock: FakeClock, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    holds = context.holds
    counterstrain(context, hold_clock, after=3)  # no session
    holds.start_session("AB")
    counterstrain(context, hold_clock, after=5)
    holds.end_session()
    view = PracticeLogView(context)
    qtbot.addWidget(view)
    texts = [view.table.item(row, 0).text() for row in range(view.table.rowCount())]
    assert len(texts) == 3 and texts[0].startswith("Session ") and texts[0].endswith("— AB")
    assert view.table.item(1, 9).text() == "50 %  under 70 %", "a counterstrain recheck under 70 % is flagged"
    assert view.table.item(2, 9).text() == "70 %"
    view.table.selectRow(1)
    assert view.summary_button.isEnabled() and view.delete_client_button.isEnabled()
    session = view.selected_session()
    assert session is not None
    written = view.save_session_summary(session.id, tmp_path / "ab.pdf")
    assert written is not None and written.read_bytes().startswith(b"%PDF")
    backup = context.backups.back_up_now("manual")
    message = view.delete_client("AB")
    assert "Deleted 1 session(s) and 1 log entries" in message and str(backup.path) in message
    assert view.table.rowCount() == 1, "the client's rows are gone from the log at once"
    view.table.selectRow(0)
    assert not view.summary_button.isEnabled()
