"""PositionForm: the small form for a position the user marks or edits.

Title, times, region, muscles (comma separated, completed from the taxonomy), side, client position,
technique and hold time. Every change is checked by ``IndexService.validate`` and the reasons are
shown under the form; Save stays disabled until there are none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.common.timetext import clock_text
from smrtplayer.index import IndexService
from smrtplayer.models.positions import PositionDraft
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.plain_text import plain_label
from smrtplayer.ui.common.region_names import region_name
from smrtplayer.ui.common.theme import set_themed_style


class _ListCompleter(QCompleter):
    """Completes the name after the last comma, keeping the names before it."""

    def __init__(self, words: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(words, self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        before = [part.strip() for part in text.split(",")[:-1] if part.strip()]
        return ", ".join([*before, str(index.data())]) + ", "


class PositionForm(QDialog):
    def __init__(
        self,
        service: IndexService,
        draft: PositionDraft,
        *,
        lesson_title: str,
        editing_uid: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._draft = draft
        self._editing = editing_uid
        taxonomy = service.taxonomy
        self.setWindowTitle(self.tr("Edit position") if editing_uid else self.tr("New position"))
        self.setObjectName("positionForm")

        self.title = QLineEdit(draft.title, self)
        self.title.setObjectName("positionTitle")
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setMaxLength(300)

        self.start = _seconds(draft.start_ms, self, "Start")
        self.end = _seconds(draft.end_ms, self, "End")
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel(self.tr("to"), self))
        times.addWidget(self.end)
        self.span = QLabel(self)
        self.span.setTextFormat(Qt.TextFormat.PlainText)
        times.addWidget(self.span, 1)

        self.region = QComboBox(self)
        self.region.setObjectName("positionRegion")
        self.region.setAccessibleName(self.tr("Body region"))
        self.region.addItem(self.tr("Choose a region…"), "")
        for region in [*taxonomy.body_regions(), *taxonomy.positioning_regions()]:
            self.region.addItem(region_name(region.name), region.id)
        index = self.region.findData(taxonomy.canonical("region", draft.region) or draft.region)
        self.region.setCurrentIndex(max(0, index))

        self.muscles = QLineEdit(", ".join(draft.muscles), self)
        self.muscles.setObjectName("positionMuscles")
        self.muscles.setAccessibleName(self.tr("Muscles and structures, separated by commas"))
        self.muscles.setPlaceholderText(self.tr("e.g. gluteus medius, TFL"))
        names = sorted({s.name for s in taxonomy.structures.values()}, key=str.casefold)
        self.muscles.setCompleter(_ListCompleter(names, self.muscles))

        self.sides = QButtonGroup(self)
        side_row = QHBoxLayout()
        for value, text in (
            ("L", self.tr("Client's left")),
            ("R", self.tr("Client's right")),
            ("both", self.tr("Both / either")),
        ):
            button = QRadioButton(text, self)
            button.setObjectName(f"side-{value}")
            button.setProperty("side", value)
            button.setChecked(draft.side == value)
            self.sides.addButton(button)
            side_row.addWidget(button)

        self.client = _editable_combo(
            self,
            "Client position",
            [t.name for t in taxonomy.client_positions.values()],
            self.tr("Client position"),
        )
        self.client.setCurrentText(draft.client_position)
        self.technique = _editable_combo(
            self, "Technique", [t.name for t in taxonomy.techniques.values()], self.tr("Technique")
        )
        self.technique.setCurrentText(draft.technique)

        self.hold = QSpinBox(self)
        self.hold.setObjectName("positionHold")
        self.hold.setAccessibleName(self.tr("Hold time in seconds; 0 for none"))
        self.hold.setRange(0, 3600)
        self.hold.setSuffix(" s")
        self.hold.setSpecialValueText(self.tr("no hold time"))
        self.hold.setValue((draft.hold_ms or 0) // 1000)

        form = QFormLayout()
        form.addRow(plain_label(self.tr("Lesson: {lesson_title}").format(lesson_title=lesson_title), self))
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("Time"), times)  # a row of two fields: no single buddy for a mnemonic
        form.addRow(self.tr("&Region"), self.region)
        form.addRow(self.tr("&Muscles"), self.muscles)
        form.addRow(self.tr("Side"), side_row)
        form.addRow(self.tr("&Client position"), self.client)
        form.addRow(self.tr("Tech&nique"), self.technique)
        form.addRow(self.tr("&Hold"), self.hold)
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.problems = QLabel(self)
        self.problems.setObjectName("positionProblems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        set_themed_style(self.problems, "color: $error_text;")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._describe_fields()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        for signal in (
            self.title.textChanged,
            self.muscles.textChanged,
            self.client.currentTextChanged,
            self.technique.currentTextChanged,
        ):
            signal.connect(self._check)
        self.start.valueChanged.connect(self._check)
        self.end.valueChanged.connect(self._check)
        self.region.currentIndexChanged.connect(self._check)
        self.hold.valueChanged.connect(self._check)
        self.sides.buttonToggled.connect(self._check)
        self._check()
        self.title.setFocus()
        self.title.selectAll()
        name_controls(self)

    def _describe_fields(self) -> None:
        """What each field is for, beyond its name, for a screen reader."""
        sides = {
            "L": self.tr("The demonstration treats the client's left side"),
            "R": self.tr("The demonstration treats the client's right side"),
            "both": self.tr("Either side, or both at once"),
        }
        for button in self.sides.buttons():
            button.setAccessibleDescription(sides[str(button.property("side"))])
        for widget, description in (
            (self.title, self.tr("How the position is listed and searched")),
            (self.start, self.tr("Where the position starts in the lesson")),
            (self.end, self.tr("Where it ends; the loop plays from start to end")),
            (self.region, self.tr("Where on the body map the position is listed")),
            (self.client, self.tr("How the client lies or sits")),
            (self.technique, self.tr("SMRT, counterstrain, Active Release…")),
            (self.hold, self.tr("The hold timer's length for this position")),
            (self.buttons.button(QDialogButtonBox.StandardButton.Save), self.tr("Keeps the position")),
            (
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
                self.tr("Closes without keeping it"),
            ),
        ):
            widget.setAccessibleDescription(description)

    def draft(self) -> PositionDraft:
        checked = self.sides.checkedButton()
        return PositionDraft(
            lesson_fingerprint=self._draft.lesson_fingerprint,
            start_ms=round(self.start.value() * 1000),
            end_ms=round(self.end.value() * 1000),
            title=self.title.text(),
            region=str(self.region.currentData() or ""),
            muscles=tuple(part.strip() for part in self.muscles.text().split(",") if part.strip()),
            side=str(checked.property("side")) if checked else "both",
            client_position=self.client.currentText(),
            technique=self.technique.currentText(),
            hold_ms=self.hold.value() * 1000 or None,
        )

    def reasons(self) -> list[str]:
        draft = self._service.normalized(self.draft())
        return self._service.validate(draft, replacing=self._editing)

    def _check(self) -> None:
        draft = self.draft()
        self.span.setText(
            f"{clock_text(draft.start_ms, tenths=True)} – {clock_text(draft.end_ms, tenths=True)}"
        )
        reasons = self.reasons()
        self.problems.setText("\n".join(reasons))
        self.problems.setVisible(bool(reasons))
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not reasons)


def _seconds(ms: int, parent: QWidget, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setObjectName(f"position{name}")
    box.setAccessibleName(QCoreApplication.translate("PositionForm", "{name}, in seconds").format(name=name))
    box.setDecimals(1)
    box.setRange(0, 48 * 3600)
    box.setSingleStep(0.5)
    box.setSuffix(" s")
    box.setValue(ms / 1000)
    return box


def _editable_combo(parent: QWidget, name: str, items: list[str], shown_name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName("position" + name.replace(" ", ""))
    combo.setAccessibleName(shown_name)
    combo.setEditable(True)
    combo.addItem("")
    combo.addItems(items)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo
