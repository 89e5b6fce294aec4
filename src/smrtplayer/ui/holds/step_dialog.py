"""A plan step that is not a course position: a kind (roll, rest on a tender spot, passes, reminder,
recheck, hold, rest), its name, a preset or a structure of the taxonomy, and the figures its kind
uses. The step is checked like any stored step before the dialog closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.models.plan_checks import check_step
from smrtplayer.models.plans import PASSES, ROLL, STEP_KINDS, PlanStep
from smrtplayer.models.presets import MAX_HOLD_MS, HoldRejected, Preset
from smrtplayer.models.regions import Taxonomy
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.theme import set_themed_style
from smrtplayer.ui.holds.wording import kind_name, preset_name

SIDES = (
    (QT_TRANSLATE_NOOP("StepDialog", "Both sides"), "both"),
    (QT_TRANSLATE_NOOP("StepDialog", "Right"), "R"),
    (QT_TRANSLATE_NOOP("StepDialog", "Left"), "L"),
)
DEFAULT_SECONDS = {"hold": 30, "roll": 90, "tender-rest": 40, "passes": 0, "rest": 15}


class StepDialog(QDialog):
    def __init__(self, presets: list[Preset], taxonomy: Taxonomy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepDialog")
        self.setWindowTitle(self.tr("Add a step"))
        self._taxonomy = taxonomy
        self.kind = QComboBox()
        self.kind.setObjectName("stepKind")
        for kind in STEP_KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.name = QLineEdit()
        self.name.setObjectName("stepName")
        self.preset = QComboBox()
        self.preset.setObjectName("stepPreset")
        self.preset.addItem("—", None)
        for preset in presets:
            self.preset.addItem(preset_name(preset), preset)
        self.structure = QLineEdit()
        self.structure.setObjectName("stepStructure")
        self.structure.setPlaceholderText(self.tr("optional: adductors, AC3, piriformis…"))
        self.side = QComboBox()
        for text, value in SIDES:
            self.side.addItem(self.tr(text), value)
        self.seconds = QSpinBox()
        self.seconds.setRange(0, MAX_HOLD_MS // 1000)
        self.seconds.setSuffix(" s")
        self.passes = QSpinBox()
        self.passes.setRange(0, 100)
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 60)
        self.cadence.setSuffix(self.tr(" s per pass"))
        self.cue_every = QSpinBox()
        self.cue_every.setRange(0, 600)
        self.cue_every.setSuffix(self.tr(" s (0: none)"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Drink 10–20 oz of water · Client moves · …"))
        self.problem = QLabel("")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        set_themed_style(self.problem, "QLabel { color: $error_text; }")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleDescription(
            self.tr("Adds the step to the end of the plan")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            self.tr("Closes without adding a step")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("Kind"), self.kind),
            (self.tr("Name"), self.name),
            (self.tr("From a preset"), self.preset),
            (self.tr("Structure"), self.structure),
            (self.tr("Side"), self.side),
            (self.tr("Time"), self.seconds),
            (self.tr("Passes"), self.passes),
            (self.tr("Cadence"), self.cadence),
            (self.tr("Move-along cue every"), self.cue_every),
            (self.tr("Text or cue"), self.text),
        ):
            form.addRow(label, widget)
        form.addRow(self.problem)
        form.addRow(buttons)
        for widget, description in (
            (
                self.kind,
                self.tr("A hold, a roll, a rest on a tender spot, passes, a rest, a reminder or a recheck"),
            ),
            (self.name, self.tr("How the step is shown in the plan and in table mode")),
            (self.preset, self.tr("Fills in the time from a preset")),
            (self.side, self.tr("The client's side the step treats")),
            (self.seconds, self.tr("How long the step lasts")),
            (self.passes, self.tr("How many passes (Active Release)")),
            (self.cadence, self.tr("The time each pass takes")),
            (self.cue_every, self.tr("A soft cue to move along the structure, every so many seconds")),
        ):
            widget.setAccessibleDescription(description)
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self._on_kind()
        name_controls(self)

    def _on_kind(self) -> None:
        kind = self.kind.currentData()
        timed = kind not in ("reminder", "recheck")
        self.seconds.setEnabled(timed and kind != PASSES)
        self.seconds.setValue(DEFAULT_SECONDS.get(kind, 0))
        self.passes.setEnabled(kind == PASSES)
        self.cadence.setEnabled(kind == PASSES)
        if kind == PASSES and not self.passes.value():
            self.passes.setValue(8)
            self.cadence.setValue(4)
        self.cue_every.setEnabled(kind == ROLL)
        self.side.setEnabled(kind in ("hold", "roll", "tender-rest", "passes"))
        if not self.name.isModified():
            self.name.setText(kind_name(kind))

    def _on_preset(self) -> None:
        preset = self.preset.currentData()
        if preset is None:
            return
        self.seconds.setValue(preset.hold_ms // 1000)
        if not self.name.isModified():
            self.name.setText(preset_name(preset))

    def step(self) -> PlanStep:
        """The step as filled in; ``HoldRejected`` says what to fix."""
        kind = self.kind.currentData()
        structure = ""
        if self.structure.text().strip():
            found = self._taxonomy.structure_named(self.structure.text())
            if found is None:
                closest = self._taxonomy.closest("structure", self.structure.text())
                hint = self.tr(" Did you mean “{name}”?").format(name=closest) if closest else ""
                raise HoldRejected(
                    self.tr("“{name}” is not a structure I know.").format(name=self.structure.text().strip())
                    + hint
                )
            structure = found.id
        passes = self.passes.value() if kind == PASSES else 0
        cadence_ms = self.cadence.value() * 1000 if kind == PASSES else 0
        hold_ms = passes * cadence_ms if kind == PASSES else self.seconds.value() * 1000
        if kind in ("reminder", "recheck"):
            hold_ms = 0
        preset = self.preset.currentData()
        step = PlanStep(
            kind=kind,
            hold_ms=hold_ms,
            title=" ".join(self.name.text().split()) or kind_name(kind),
            side=self.side.currentData() if kind in ("hold", "roll", "tender-rest", "passes") else "both",
            technique=preset.technique if preset is not None else "",
            passes=passes,
            cadence_ms=cadence_ms,
            cue_every_ms=self.cue_every.value() * 1000 if kind == ROLL else 0,
            text=" ".join(self.text.text().split()),
            structure=structure,
            preset_key=preset.key if preset is not None else "",
        )
        return check_step(step, self.tr("This step"))

    def accept(self) -> None:
        try:
            self.step()
        except HoldRejected as error:
            self.problem.setText(str(error))
            return
        super().accept()
