"""Search dialog, home view, study chart and backup dialog, driven like a user would, offscreen."""

from __future__ import annotations

import html
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.notes.search import SearchResult
from smrtplayer.store.stats import StatsRepository
from smrtplayer.ui.library.home_view import HomeView
from smrtplayer.ui.library.stats_chart import HAVE_QTCHARTS, StudyChart
from smrtplayer.ui.notes.search_dialog import SearchDialog, result_html
from smrtplayer.ui.shell.backup_dialog import BackupDialog, show_startup_notices


def _lessons(context: AppContext):  # type: ignore[no-untyped-def]
    return context.library.lessons(context.library.courses()[0].id)


# ------------------------------------------------------------------------------------ search
def test_search_as_you_type_and_enter_opens_the_lesson_at_the_note(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lessons(context)[1]
    context.notes.create(lesson.fingerprint, time_ms=2500, body="sacrotuberous ligament: go slowly")
    context.notes.flush()
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.query, "sacrotub")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=3000)
    assert "1 result" in dialog.status.text()
    with qtbot.waitSignal(dialog.open_requested, timeout=2000) as opened:
        QTest.keyClick(dialog.query, Qt.Key.Key_Return)
    result = opened.args[0]
    assert isinstance(result, SearchResult)
    assert result.lesson_id == lesson.id and result.start_ms == 2500


def test_arrow_keys_walk_the_results_from_the_box(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    dialog.query.setText("gluteus")
    found = dialog.run_search()
    assert len(found) >= 3 and dialog.results.currentRow() == 0
    QTest.keyClick(dialog.query, Qt.Key.Key_Down)
    QTest.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 2 and dialog.query.hasFocus()


def test_a_position_result_shows_its_side_and_side_words_filter(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.query, "glute med posterior right")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=3000)
    result = dialog.result_at(0)
    assert result is not None and result.kind == "position"
    assert "client's right side" in html.unescape(result_html(result))
    dialog.query.clear()
    QTest.keyClicks(dialog.query, "gluteus medius")
    qtbot.waitUntil(lambda: dialog.results.count() >= 3, timeout=3000)
    shown = [html.unescape(result_html(r)) for r in dialog.run_search() if r.kind == "position"]
    assert any("client's left side" in markup for markup in shown)
    assert any("client's right side" in markup for markup in shown)


def test_results_show_user_text_as_text(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lessons(context)[0]
    context.notes.create(
        lesson.fingerprint, body='<img src="x"> <a href="http://example.org">tensor</a> fasciae'
    )
    context.notes.flush()
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.query.setText("tensor fasciae")
    result = dialog.run_search()[0]
    markup = result_html(result)
    assert "<img" not in markup and "<a " not in markup
    assert "&lt;img src=&quot;x&quot;&gt;" in markup and "<b>tensor</b>" in markup


def test_a_result_for_a_lesson_not_in_the_library_says_why_it_does_not_open(
    context: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    context.notes.create("fp1-not-here", body="orphan trapezius note")
    context.notes.flush()
    dialog = SearchDialog(context)
    qtbot.addWidget(dialog)
    dialog.query.setText("orphan trapezius")
    dialog.run_search()
    with qtbot.assertNotEmitted(dialog.open_requested):
        dialog.results.itemActivated.emit(dialog.results.item(0))
    assert "not in your library" in dialog.status.text()


# -------------------------------------------------------------------------------------- home
def test_home_shows_continue_courses_and_study_time(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context)
    context.progress.save_position(lessons[1].fingerprint, 2500)
    context.playback_state.checkpoint(lessons[1].fingerprint, 2500, lessons[1].duration_ms, [(0, 2500)])
    today = datetime.now().astimezone().date()
    repo = StatsRepository(context.store)
    repo.add_study_time("here", today.isoformat(), 20 * 60_000)
    repo.add_study_time("here", (today - timedelta(days=1)).isoformat(), 10 * 60_000)
    home = HomeView(context)
    qtbot.addWidget(home)
    home.show()
    assert home.continue_title.text() == "Piriformis"
    assert home.continue_button.text() == "▶ Resume at 0:02"
    assert "2 days in a row" in home.streak_label.text() and "30 min" in home.streak_label.text()
    assert [ms for _day, ms in home.chart.days][-2:] == [10 * 60_000, 20 * 60_000]
    with qtbot.waitSignal(home.open_lesson_requested, timeout=2000) as opened:
        QTest.mouseClick(home.continue_button, Qt.MouseButton.LeftButton)
    assert opened.args == [lessons[1].id, 2500]


def test_home_resumes_where_the_lessons_list_continues(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lessons = _lessons(context)
    first = lessons[0]
    duration = first.duration_ms or 6000
    context.playback_state.checkpoint(first.fingerprint, duration, duration, [(0, duration)])
    context.progress.save_position(first.fingerprint, duration, duration)
    expected = context.playback.continue_target()
    assert expected == (lessons[1], 0), "watched to its end: Continue moves on to the next lesson"
    home = HomeView(context)
    qtbot.addWidget(home)
    home.show()
    assert home.continue_title.text() == lessons[1].title
    with qtbot.waitSignal(home.open_lesson_requested, timeout=2000) as opened:
        QTest.mouseClick(home.continue_button, Qt.MouseButton.LeftButton)
    assert opened.args == [lessons[1].id, 0]


def test_home_on_a_first_start_invites_instead_of_showing_empty_boxes(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    home = HomeView(context)
    qtbot.addWidget(home)
    home.show()
    assert home.continue_title.text() == "Nothing watched yet"
    assert not home.continue_button.isVisible()
    assert "No streak yet" in home.streak_label.text()


def test_study_chart_uses_qtcharts(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = StudyChart()
    qtbot.addWidget(chart)
    today = datetime.now().astimezone().date()
    chart.set_days([(today - timedelta(days=n), n * 60_000) for n in range(30, -1, -1)])
    chart.show()
    assert HAVE_QTCHARTS and chart.uses_qtcharts
    assert not chart.grab().isNull()


# ------------------------------------------------------------------------------------ backups
def test_back_up_now_restore_and_tell_the_views(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    lesson = _lessons(context)[0]
    context.notes.create(lesson.fingerprint, body="in the backup")
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    before = dialog.tree.topLevelItemCount()
    QTest.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == before + 1
    backup = dialog.selected()
    assert backup is not None and backup.kind == "manual"
    context.notes.create(lesson.fingerprint, body="after the backup")
    context.notes.flush()
    with qtbot.waitSignal(dialog.data_replaced, timeout=2000):
        assert dialog.restore(backup)
    assert [n.body for n in context.notes.notes_for(lesson.fingerprint)] == ["in the backup"]
    assert "Restored the backup" in dialog.status.text() and "1 note" in dialog.status.text()


def test_a_restore_from_the_window_refreshes_every_view(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Notes (even one open in the editor), note marks, lesson ticks and hold presets all show the
    restored data at once, and typing on in the old editor brings nothing back."""
    from helpers.player import open_paused, open_window

    window = open_window(context, qtbot)
    lesson = _lessons(context)[0]
    open_paused(context, qtbot, lesson)
    backup = context.backups.back_up_now("manual")
    notes = window.workspace.notes_panel
    card = notes.new_note()
    assert card is not None and notes._editing is card
    QTest.keyClicks(card.editor, "gone after the restore")
    context.holds.presets.save("My 90 s", 90_000)
    window.workspace.hold_panel.reload_presets()
    context.progress.set_watched(lesson.fingerprint, True)
    window.refill_lessons()
    assert window.lesson_items()[0].text(0).startswith("✓")
    assert window.transport.seek_bar.note_marks()

    dialog = window.workspace.open_backups()
    assert dialog.restore(backup)
    assert notes.cards == [] and window.transport.seek_bar.note_marks() == []
    assert not window.lesson_items()[0].text(0).startswith("✓")
    assert window.workspace.hold_panel.preset_combo.findText("My 90 s") < 0
    QTest.keyClicks(card.editor, " and more")
    context.notes.flush()
    assert context.notes.notes_for(lesson.fingerprint) == []
    dialog.close()


def test_export_and_import_from_the_dialog(context: AppContext, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lesson = _lessons(context)[0]
    context.notes.create(lesson.fingerprint, body="travelling note")
    dialog = BackupDialog(context)
    qtbot.addWidget(dialog)
    path = dialog.export_to(tmp_path / "data.smrtdata")
    assert path is not None and "(1 note and the rest of your data)" in dialog.status.text()
    other = AppContext.open(AppPaths.resolve(tmp_path / "other"))
    try:
        other_dialog = BackupDialog(other)
        qtbot.addWidget(other_dialog)
        with qtbot.waitSignal(other_dialog.data_replaced, timeout=2000):
            assert other_dialog.import_from(path) is not None
        assert "notes: 1 added" in other_dialog.status.text()
        assert [n.body for n in other.notes.notes_for(lesson.fingerprint)] == ["travelling note"]
        bad = tmp_path / "bad.smrtdata"
        bad.write_bytes(path.read_bytes()[:200])
        assert other_dialog.import_from(bad) is None
        assert "incomplete" in other_dialog.status.text()
    finally:
        other.close()


def test_startup_notices_are_plain_text_boxes(context: AppContext, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(context, "read_only_reason", "the data folder <b>/media/x</b> cannot be written")
    boxes = show_startup_notices(context)
    assert len(boxes) == 1
    box = boxes[0]
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "<b>/media/x</b>" in box.text()
    assert box.icon() == QMessageBox.Icon.Information


def test_study_chart_draws_its_own_bars_without_qtcharts(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The frozen bundle may leave QtCharts out: the chart is then painted by hand."""
    from smrtplayer.ui.library import stats_chart

    monkeypatch.setattr(stats_chart, "HAVE_QTCHARTS", False)
    chart = stats_chart.StudyChart()
    qtbot.addWidget(chart)
    today = datetime.now().astimezone().date()
    chart.set_days([(today - timedelta(days=n), (n % 5) * 600_000) for n in range(13, -1, -1)])
    chart.resize(420, 180)
    chart.show()
    image = chart.grab().toImage()
    assert not chart.uses_qtcharts
    blue = [image.pixelColor(x, image.height() - 40) for x in range(40, image.width() - 10, 4)]
    assert any(colour.blue() > 150 and colour.red() < 120 for colour in blue), "bars are drawn"


def test_a_narrow_study_chart_leaves_out_day_numbers_it_cannot_fit(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Fourteen "…" under the bars say nothing; the heading above the chart names the period."""
    chart = StudyChart()
    qtbot.addWidget(chart)
    today = date(2026, 11, 21)
    chart.set_days([(today - timedelta(days=n), 0) for n in range(13, -1, -1)])
    chart.resize(520, 180)
    chart.show()
    assert chart.day_labels_fit()
    chart.resize(170, 180)  # the Home column in a narrow left pane
    assert not chart.day_labels_fit()
    if chart.uses_qtcharts:
        axis = chart._categories
        assert axis is not None and not axis.labelsVisible()
        chart.resize(520, 180)
        assert axis.labelsVisible()
