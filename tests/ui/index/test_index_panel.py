"""The index panel on a real library and player: search, region clicks, opening a position at its
start, marking one's own position while watching (with the form and undo), side, sharing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from smrtplayer.app.context import AppContext
from smrtplayer.models.library import Lesson
from smrtplayer.ui.index.index_panel import IndexPanel


@pytest.fixture
def panel(context: AppContext, qtbot) -> IndexPanel:  # type: ignore[no-untyped-def]
    widget = IndexPanel(context)
    qtbot.addWidget(widget)
    widget.resize(440, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _titles(panel: IndexPanel) -> list[str]:
    return [panel.model.row_at(i).position.title for i in range(panel.model.rowCount())]  # type: ignore[union-attr]


def _lesson(context: AppContext, title: str) -> Lesson:
    course = context.library.courses()[0]
    return next(lesson for lesson in context.library.lessons(course.id) if lesson.title == title)


def test_typing_lists_positions_by_synonym_and_typo(panel: IndexPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(panel.search_box, "glute med, pirifomis")
    assert panel.summary.text() == "4 positions · Gluteus medius or Piriformis"
    assert _titles(panel)[0] == "Gluteus medius, posterior fibres"
    panel.search_box.clear()
    qtbot.keyClicks(panel.search_box, "qwxz")
    assert panel.model.rowCount() == 0
    assert "qwxz" in panel.summary.text()


def test_a_click_on_the_body_map_lists_the_region(panel: IndexPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    canvas = panel.body_map.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.anchor("hips-sacrum"))
    assert panel.summary.text() == "4 positions · Hips & Sacrum"
    assert len(_titles(panel)) == 4
    assert panel.body_map.region_button("hips-sacrum").accessibleName() == "Hips & Sacrum, 4 positions"
    assert canvas.selected == "hips-sacrum"
    qtbot.keyClicks(panel.search_box, "subscap")  # words typed next: the list is no longer the region's
    assert canvas.selected is None


def test_the_body_map_counts_the_demos_positions_per_side(panel: IndexPanel) -> None:
    canvas = panel.body_map.canvas
    [(text, point)] = canvas.badges("shoulder-axilla")  # Subscapularis: the client's left only
    assert text == "L 1" and point.x() > canvas.figures[0].rect.center().x()
    assert dict(canvas.badges("hips-sacrum")).keys() == {"R 2", "L 2"}


def test_the_region_tree_lists_structures_with_positions(panel: IndexPanel, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel.tabs.setCurrentIndex(1)
    hips = next(
        panel.region_tree.topLevelItem(i)
        for i in range(panel.region_tree.topLevelItemCount())
        if panel.region_tree.topLevelItem(i).text(0) == "Hips & Sacrum"
    )
    assert hips.text(1) == "4"
    hips.setExpanded(True)
    children = {hips.child(i).text(0): hips.child(i) for i in range(hips.childCount())}
    assert {"Gluteus medius", "Piriformis", "Glutes", "Deep hip rotators"} <= set(children)
    panel._on_tree_item(children["Piriformis"])
    assert _titles(panel) == ["Piriformis, prone", "Piriformis, counterstrain"]


def test_a_row_is_described_for_screen_readers(panel: IndexPanel) -> None:
    panel.search("subscapularis")
    text = panel.model.data(panel.model.index(0), Qt.ItemDataRole.AccessibleTextRole)
    assert text == (
        "Subscapularis, supine. smrtplayer Demo: Hips & Shoulder, lesson Subscapularis. at 0:00.5. "
        "client's left side. hold 20 seconds. not watched."
    )


def test_activating_a_position_opens_its_lesson_at_its_start(
    panel: IndexPanel, context: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    panel.search("piriformis scs")
    with qtbot.waitSignal(panel.position_opened):
        panel.results.activated.emit(panel.model.index(0))
    playback = context.playback
    assert playback.lesson is not None and playback.lesson.title == "Piriformis"
    qtbot.waitUntil(lambda: playback.position_ms() >= 3000, timeout=10000)
    assert playback.position_ms() < 5500  # it started at the position, not at the beginning


def test_marking_a_position_while_watching(panel: IndexPanel, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    playback = context.playback
    playback.open_lesson(_lesson(context, "Subscapularis"), autoplay=False, start_ms=1000)
    qtbot.waitUntil(lambda: playback.position_ms() == 1000, timeout=10000)
    panel.mark_start()
    assert "Start marked at 0:01" in panel.mark_label.text()
    playback.seek(3500)
    qtbot.waitUntil(lambda: playback.position_ms() == 3500, timeout=10000)
    form = panel.mark_end()
    assert form is not None
    assert (form.start.value(), form.end.value()) == (1.0, 3.5)
    assert form.region.currentData() == "shoulder-axilla"  # from the publisher's position there
    form.title.setText("Subscapularis, my hand placement")
    form.muscles.setText("subscap, pec minr")
    save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert "closest known: 'pec minor (Pectoralis minor)'" in form.problems.text()
    form.muscles.setText("subscap, pec minor")
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    panel.search_box.setText("pec minor")
    assert _titles(panel) == ["Subscapularis, my hand placement"]
    row = panel.model.row_at(0)
    assert row is not None and row.position.muscles == ("Subscapularis", "Pectoralis minor")

    panel.undo_action.trigger()
    assert _titles(panel) == []
    panel.redo_action.trigger()
    assert _titles(panel) == ["Subscapularis, my hand placement"]

    edit = panel.edit_row(panel.model.row_at(0))  # type: ignore[arg-type]
    edit.title.setText("Subscap, my way")
    qtbot.mouseClick(edit.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert _titles(panel) == ["Subscap, my way"]
    panel.delete_row(panel.model.row_at(0))  # type: ignore[arg-type]
    assert _titles(panel) == []
    assert "Undo to bring it back" in panel.mark_label.text()


def test_marking_without_a_lesson_says_what_to_do(panel: IndexPanel) -> None:
    panel.mark_start()
    assert panel.mark_label.text() == "Open a lesson first."


def test_working_side_buttons_set_the_mirroring_side(panel: IndexPanel, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    right = panel.findChild(type(panel.side_buttons.buttons()[0]), "workingSideR")
    qtbot.mouseClick(right, Qt.MouseButton.LeftButton)
    assert context.index.working_side == "R"
    context.index.set_working_side("L")
    assert panel.findChild(type(right), "workingSideL").isChecked()


def test_share_and_import_from_the_panel(panel: IndexPanel, context: AppContext, tmp_path: Path) -> None:
    from smrtplayer.models.positions import PositionDraft

    lesson = _lesson(context, "Piriformis")
    context.index.add_position(PositionDraft(lesson.fingerprint, 100, 900, "Piri, mine", "hips-sacrum"))
    path = tmp_path / "piri.smrtindex.json"
    assert panel.export_course(lesson.course_id, path) == 1
    assert panel.summary.text() == f"Exported 1 position to {path}."
    panel.import_file(path)
    assert (
        panel.summary.text()
        == "Imported 0 positions for “smrtplayer Demo: Hips & Shoulder”. 1 was already here."
    )
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    panel.import_file(tmp_path / "bad.json")
    assert "not an smrtplayer index file" in panel.summary.text()


def test_a_position_marked_while_watching_shows_on_the_seek_bar_at_once(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from helpers.player import open_window

    window = open_window(context, qtbot)
    panel = window.workspace.index_panel
    playback = context.playback
    playback.open_lesson(_lesson(context, "Subscapularis"), autoplay=False, start_ms=1000)
    qtbot.waitUntil(lambda: playback.position_ms() == 1000, timeout=10000)
    before = len(playback.positions)
    QApplication.processEvents()  # layouts settle
    narrowest = panel.minimumSizeHint().width()
    panel.mark_start()
    QApplication.processEvents()
    assert panel.minimumSizeHint().width() <= narrowest, "the mark's message wraps instead"
    playback.seek(3500)
    qtbot.waitUntil(lambda: playback.position_ms() == 3500, timeout=10000)
    form = panel.mark_end()
    assert form is not None
    form.title.setText("Subscapularis, my hand placement")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert len(playback.positions) == before + 1
    assert "Subscapularis, my hand placement" in [p.title for p in window.transport.seek_bar._positions]
    QApplication.processEvents()
    assert panel.minimumSizeHint().width() <= narrowest, "'Undo add “…”' stays in the menu and tooltip"
    assert panel.undo_action.text().startswith("Undo add")
    panel.undo_action.trigger()
    assert len(playback.positions) == before, "and it goes with an undo"


def test_a_chapter_row_can_be_edited_and_becomes_the_users_own(
    panel: IndexPanel, context: AppContext, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from helpers.media import write_clip

    folder = tmp_path / "Chaptered"
    folder.mkdir()
    chapters = [(0, 4000, "Teres major, client's right"), (4000, 8000, "Interlude")]
    write_clip(
        folder / "01 - Shoulder.mkv", seconds=8, size=(64, 48), fps=5, rgb=(5, 5, 5), chapters=chapters
    )
    context.library.import_course(folder)
    panel.search("teres major")
    assert "Teres major, client's right" in _titles(panel)
    row = next(
        panel.model.row_at(i)
        for i in range(panel.model.rowCount())
        if panel.model.row_at(i).position.title == "Teres major, client's right"  # type: ignore[union-attr]
    )
    assert row is not None and row.position.source_name == "chapter"
    assert [a.text() for a in panel.row_menu(row).actions() if a.text()] == [
        "Open at its start",
        "Practised",
        "Edit…",
    ]
    panel.search("piriformis scs")
    demo = panel.model.row_at(0)
    assert demo is not None and "Edit…" not in [a.text() for a in panel.row_menu(demo).actions()]

    panel.search_box.setText("teres major")  # what the list shows again after a change
    form = panel.edit_row(row)
    form.title.setText("Teres major, my hold")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "Changed" in panel.mark_label.text(), panel.mark_label.text()
    assert "Teres major, my hold" in _titles(panel)
    mine = context.index.positions.get(row.position.uid)
    assert mine is not None and (mine.source, mine.origin, mine.side) == ("user", "chapter", "R")
