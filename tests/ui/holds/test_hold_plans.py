"""The plan editor: build a plan from positions across the library, edit, reorder, duplicate, delete,
refuse what cannot run, run it, and export or print the one-page handout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from helpers.fixtures import Advance
from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import rest_step
from smrtplayer.models.plans import Plan
from smrtplayer.ui.holds.plan_editor import PlanEditor, PositionPicker
from smrtplayer.ui.holds.table_mode import TableModeWindow


@pytest.fixture
def editor(context: AppContext, qtbot) -> PlanEditor:  # type: ignore[no-untyped-def]
    dialog = PlanEditor(context)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def tick(picker: PositionPicker, *titles: str) -> None:
    items = {item.text(0): item for item in picker.position_items()}
    for title in titles:
        items[title].setCheckState(0, Qt.CheckState.Checked)


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def build_hip_plan(context: AppContext, editor: PlanEditor) -> None:
    editor.new_plan()
    editor.title_edit.setText("Hip and piriformis")
    picker = PositionPicker(context, editor)
    tick(picker, "Gluteus medius, posterior fibres", "Gluteus medius, anterior fibres", "Piriformis, prone")
    editor.add_positions(picker.chosen())
    editor.steps_table.selectRow(1)
    editor.add_rest(15)  # after the second step


def test_a_plan_built_from_positions_with_sides_rests_and_repeats(
    context: AppContext, editor: PlanEditor
) -> None:
    build_hip_plan(context, editor)
    table = editor.steps_table
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [
        "Gluteus medius, posterior fibres",
        "Gluteus medius, anterior fibres",
        "Rest",
        "Piriformis, prone",
    ]
    table.cellWidget(3, 1).setCurrentIndex(table.cellWidget(3, 1).findData("both"))  # piriformis both sides
    table.cellWidget(3, 3).setValue(2)  # twice
    table.cellWidget(0, 2).setValue(45)  # a longer first hold
    editor.steps_table.selectRow(3)
    editor.move_step(-1)  # piriformis before the rest
    assert editor.save()

    plan = context.holds.plans.all()[0]
    assert plan.title == "Hip and piriformis"
    assert [(s.title, s.side, s.hold_ms, s.repeats) for s in plan.steps] == [
        ("Gluteus medius, posterior fibres", "R", 45_000, 1),
        ("Gluteus medius, anterior fibres", "L", 30_000, 1),
        ("Piriformis, prone", "both", 45_000, 2),
        ("Rest", "both", 15_000, 1),
    ]
    assert "4 steps" in editor.summary.text()


def test_plans_are_duplicated_reordered_and_deleted(
    context: AppContext, editor: PlanEditor, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    build_hip_plan(context, editor)
    editor.save()
    editor.duplicate_plan()
    assert [editor.plan_list.item(i).text() for i in range(editor.plan_list.count())] == [
        "Hip and piriformis",
        "Hip and piriformis (copy)",
    ]
    editor.move_plan(-1)
    assert editor.plan_list.item(0).text() == "Hip and piriformis (copy)"
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    editor.delete_plan()
    assert [plan.title for plan in context.holds.plans.all()] == ["Hip and piriformis"]


def test_an_empty_plan_is_refused_with_a_message(
    context: AppContext, editor: PlanEditor, problems: list[str]
) -> None:
    runs: list[object] = []
    editor.run_requested.connect(runs.append)
    editor.new_plan()
    editor.run()
    editor.export_to(Path("/nonexistent/never.pdf"))
    assert runs == []
    assert len(problems) == 2 and all("no steps" in text for text in problems)


def test_run_hands_the_saved_plan_to_table_mode(context: AppContext, editor: PlanEditor) -> None:
    build_hip_plan(context, editor)
    runs: list[object] = []
    editor.run_requested.connect(runs.append)
    editor.run()
    assert len(runs) == 1 and runs[0].id is not None and len(runs[0].steps) == 4  # type: ignore[attr-defined]


@pytest.mark.time_limit(60)
def test_export_and_print_give_one_page(
    context: AppContext, editor: PlanEditor, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    build_hip_plan(context, editor)
    out = tmp_path / "handout.pdf"
    with qtbot.waitSignal(editor._exporter.finished, timeout=20_000):
        editor.export_to(out)
    assert out.is_file() and pdf_pages(out) == 1
    assert "Handout written to" in editor.summary.text()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    plan = editor.current_plan()
    assert plan is not None
    with qtbot.waitSignal(editor._exporter.frames_collected, timeout=20_000):
        editor.print_to(printer, plan)
    assert printed.is_file() and pdf_pages(printed) == 1


@pytest.mark.time_limit(60)
def test_printing_then_running_the_plan_in_table_mode_passes_qt_nothing_it_cannot_convert(
    context: AppContext, editor: PlanEditor, advance: Advance, tmp_path: Path, qtbot, capfd
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    build_hip_plan(context, editor)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    plan = editor.current_plan()
    assert plan is not None
    with qtbot.waitSignal(editor._exporter.frames_collected, timeout=20_000) as collected:
        editor.print_to(printer, plan)
    frames = collected.args[0]
    assert sorted(frames) == [0, 1, 3], "a frame for each position step reaches the page, by step index"

    with qtbot.waitSignal(editor.run_requested) as requested:
        editor.run()
    table = TableModeWindow(context, requested.args[0])
    qtbot.addWidget(table)
    table.show()
    QTest.keyClick(table, Qt.Key.Key_Space)
    for _ in range(4):
        advance(30_000)
        qtbot.wait(10)
    context.holds.runner.stop()
    assert "copy-convert" not in capfd.readouterr().err


def test_the_picker_filters_and_keeps_the_ticking_order(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = PositionPicker(context)
    qtbot.addWidget(picker)
    picker.filter.setText("piri")
    visible = [item.text(0) for item in picker.position_items() if not item.isHidden()]
    assert visible == ["Piriformis, prone", "Piriformis, counterstrain"]
    tick(picker, "Piriformis, counterstrain", "Piriformis, prone")
    assert [p.title for p in picker.chosen()] == ["Piriformis, counterstrain", "Piriformis, prone"]


def test_plans_written_elsewhere_show_but_keep_the_edit(context: AppContext, editor: PlanEditor) -> None:
    build_hip_plan(context, editor)
    editor.title_edit.setText("Hip, typed not saved")
    other = context.holds.save_plan(Plan(title="Neck", steps=(rest_step(20_000),)))
    titles = [editor.plan_list.item(i).text() for i in range(editor.plan_list.count())]
    assert titles == ["Hip, typed not saved", "Neck"]
    assert editor.steps_table.rowCount() == 4, "the steps being edited stay"

    current = editor.current_plan()
    assert current is not None and current.id is not None
    context.holds.delete_plan(current.id)
    assert editor.current_plan() is not None and editor.current_plan().id == other  # type: ignore[union-attr]
    assert [editor.plan_list.item(i).text() for i in range(editor.plan_list.count())] == ["Neck"]


def test_enter_in_the_editor_does_not_make_a_new_plan(context: AppContext, editor: PlanEditor, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    editor.new_plan()
    editor.title_edit.setText("Hip")
    editor.save()
    count = len(context.holds.plans.all())
    for widget in (editor.title_edit, editor.plan_list, editor.steps_table):
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Return)
    assert len(context.holds.plans.all()) == count, "no empty plan made by Enter"
    assert editor.plan_list.currentItem().text().startswith("Hip")
    assert editor.title_edit.text() == "Hip", "the list and the editor show the same plan"


def test_the_picker_shows_long_position_names_whole(context: AppContext, media, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from helpers.player import add_course

    clip = media.clip(seconds=4.0, size=(96, 54), fps=10)
    long_names = (
        (0, 2000, "Gluteus medius & minimus, posterior fibres"),
        (2000, 4000, "Gluteus medius & minimus, anterior fibres"),
    )
    add_course(context, tmp_path / "c", [("Hip", clip)], uid="long", positions={"Hip": long_names})
    picker = PositionPicker(context)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    items = {item.text(0): item for item in picker.position_items()}
    for _start, _end, name in long_names:
        rect = picker.tree.visualItemRect(items[name])
        # The room for the name in its row: the text must fit there, on one line or wrapped.
        room = rect.adjusted(28, 0, 0, 0)  # the check box before the name
        needed = picker.tree.fontMetrics().boundingRect(room, int(Qt.TextFlag.TextWordWrap), name)
        assert rect.height() >= needed.height(), f"{name} is shown whole, wrapped if need be"
        assert items[name].toolTip(0) == name
