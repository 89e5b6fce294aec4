"""The plan editor with step kinds (offscreen, real context and demo course): a plan from a template,
steps from a preset or a structure (linked to a course position when one fits), names edited in place,
the side order, and bad steps refused in the dialog with a message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import expand
from smrtplayer.ui.holds.plan_editor import PlanEditor
from smrtplayer.ui.holds.step_dialog import StepDialog


@pytest.fixture
def editor(context: AppContext, qtbot) -> PlanEditor:  # type: ignore[no-untyped-def]
    view = PlanEditor(context)
    qtbot.addWidget(view)
    view.show()
    return view


def dialog(context: AppContext, qtbot) -> StepDialog:  # type: ignore[no-untyped-def]
    box = StepDialog(context.holds.all_presets(), context.index.taxonomy)
    qtbot.addWidget(box)
    return box


def test_a_template_copied_into_a_plan_is_changed_and_saved(context: AppContext, editor: PlanEditor) -> None:
    plan_id = editor.copy_template("adductors-smr")
    assert editor.title_edit.text() == "Inner thigh (adductors) self-myofascial release"
    assert editor.side_order.currentData() == "all"
    assert [editor.steps_table.item(row, 5).text() for row in range(4)][:2] == [
        "Reminder: Drink 10–20 oz of water",
        "Roll: Move along the muscle",
    ]
    editor.steps_table.item(1, 0).setText("Roll the inner thigh")  # as typed in the cell
    editor.side_order.setCurrentIndex(editor.side_order.findData("each"))
    assert editor.save()
    stored = context.holds.plan(plan_id)
    assert stored is not None and stored.steps[1].title == "Roll the inner thigh"
    assert stored.side_order == "each"
    assert [(leg.kind, leg.side) for leg in expand(stored)][1:3] == [("roll", "R"), ("roll", "L")]


def test_a_step_from_a_preset_or_a_structure_links_to_a_course_position(
    context: AppContext,
    editor: PlanEditor,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    editor.new_plan()
    box = dialog(context, qtbot)
    box.kind.setCurrentIndex(box.kind.findData("tender-rest"))
    box.preset.setCurrentIndex(box.preset.findText("Foam roller: rest on a tender spot 45 s"))
    box.structure.setText("inner thigh")
    step = box.step()
    assert (step.kind, step.hold_ms, step.structure, step.preset_key) == (
        "tender-rest",
        45_000,
        "adductors",
        "tender-45",
    )
    assert step.title == "Foam roller: rest on a tender spot 45 s"
    editor.add_step(step)
    box = dialog(context, qtbot)
    box.kind.setCurrentIndex(box.kind.findData("hold"))
    QTest.keyClicks(box.name, "Gluteus medius, posterior fibres")
    box.structure.setText("glute med")
    box.side.setCurrentIndex(box.side.findData("R"))
    editor.add_step(box.step())
    linked = editor.current_plan().steps[1]  # type: ignore[union-attr]
    assert linked.has_video and linked.position_uid, "plays the course's demonstration"
    assert not editor.current_plan().steps[0].has_video  # type: ignore[union-attr]
    assert editor.steps_table.item(1, 4).text() == "ok"
    assert editor.save()


@pytest.mark.parametrize(
    ("kind", "setup", "message"),
    [
        ("passes", {"cadence": 0}, "cadence of 0 s"),
        ("roll", {"seconds": 0}, "not possible"),
        ("reminder", {}, "needs its text"),
        ("hold", {"structure": "gluteus maximum"}, "not a structure"),
    ],
)
def test_a_bad_step_is_refused_in_the_dialog(
    context: AppContext,
    qtbot,
    kind: str,
    setup: dict[str, object],
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    box = dialog(context, qtbot)
    box.kind.setCurrentIndex(box.kind.findData(kind))
    if "cadence" in setup:
        box.cadence.setValue(int(setup["cadence"]))  # type: ignore[call-overload]
    if "seconds" in setup:
        box.seconds.setValue(int(setup["seconds"]))  # type: ignore[call-overload]
    if "structure" in setup:
        box.structure.setText(str(setup["structure"]))
    box.accept()
    assert message in box.problem.text()
    assert box.result() != StepDialog.DialogCode.Accepted
    assert box.problem.textFormat() == Qt.TextFormat.PlainText
