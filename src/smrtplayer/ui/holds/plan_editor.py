"""Treatment plans: build one from positions across courses, set sides, holds, rests and repeats,
reorder, duplicate, delete; run it in table mode; export or print it as a one-page handout."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, Unpack

from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.holds.handout import HandoutExporter, paint_plan
from smrtplayer.holds.legs import rest_step, step_for_position, validate_plan
from smrtplayer.models.plans import MAX_REPEATS, PASSES, Plan, PlanStep
from smrtplayer.models.positions import Position
from smrtplayer.models.presets import MAX_HOLD_MS, MIN_HOLD_MS, HoldRejected
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.i18n import short_number_text
from smrtplayer.ui.common.messages import show_problem
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.common.tree_items import child_items, top_level_items
from smrtplayer.ui.holds.dialogs import default_export_name
from smrtplayer.ui.holds.step_dialog import StepDialog
from smrtplayer.ui.holds.wording import kind_name, plan_length_text

if TYPE_CHECKING:  # print support is loaded only when printing
    from PySide6.QtPrintSupport import QPrinter

PLAN_ROLE = Qt.ItemDataRole.UserRole
SIDE_CHOICES = (
    (QT_TRANSLATE_NOOP("PlanEditor", "Right"), "R"),
    (QT_TRANSLATE_NOOP("PlanEditor", "Left"), "L"),
    (QT_TRANSLATE_NOOP("PlanEditor", "Both sides"), "both"),
)
COLUMNS = (
    QT_TRANSLATE_NOOP("PlanEditor", "Step"),
    QT_TRANSLATE_NOOP("PlanEditor", "Side"),
    QT_TRANSLATE_NOOP("PlanEditor", "Hold (s)"),
    QT_TRANSLATE_NOOP("PlanEditor", "Repeats"),
    QT_TRANSLATE_NOOP("PlanEditor", "Video"),
    QT_TRANSLATE_NOOP("PlanEditor", "Kind"),
)
SIDE_ORDERS = (
    (QT_TRANSLATE_NOOP("PlanEditor", "Each step right, then left"), "each"),
    (QT_TRANSLATE_NOOP("PlanEditor", "All right, then all left"), "all"),
)
#: what the Video column says of a step's lesson
COURSE_REMOVED = QT_TRANSLATE_NOOP("PlanEditor", "course removed")
FILE_MISSING = QT_TRANSLATE_NOOP("PlanEditor", "file missing")
VIDEO_OK = QT_TRANSLATE_NOOP("PlanEditor", "ok")


class _StepChanges(TypedDict, total=False):
    """The fields of a step that its row's editors change."""

    side: str
    hold_ms: int
    repeats: int


class PositionPicker(QDialog):
    """Every course's positions, by course and lesson; tick the ones to add, in the order wanted."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add positions"))
        self.resize(760, 560)
        self.tree = QTreeWidget()
        self.tree.setObjectName("positionTree")
        self.tree.setAccessibleName(self.tr("Positions by course and lesson"))
        self.tree.setAccessibleDescription(self.tr("Tick the positions to add, in the order wanted"))
        self.tree.setHeaderLabels([self.tr("Position"), self.tr("Side"), self.tr("Hold")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Names wrap rather than elide: "Gluteus medius & …" hid posterior from anterior fibres.
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: piriformis, psoas…"))
        self.filter.textChanged.connect(self._apply_filter)
        self._checked_order: list[Position] = []
        for course in context.library.courses():
            course_item = QTreeWidgetItem([course.title])
            for lesson in context.library.lessons(course.id):
                positions = context.library.positions(lesson)
                if not positions:
                    continue
                lesson_item = QTreeWidgetItem([lesson.title])
                for position in positions:
                    step = step_for_position(position)
                    item = QTreeWidgetItem([position.title, position.side, f"{step.hold_ms // 1000} s"])
                    item.setToolTip(0, plain_tooltip(position.title))
                    item.setData(0, PLAN_ROLE, position)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Unchecked)
                    lesson_item.addChild(item)
                course_item.addChild(lesson_item)
            if course_item.childCount():
                self.tree.addTopLevelItem(course_item)
        self.tree.expandAll()
        self.tree.itemChanged.connect(self._on_changed)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleDescription(
            self.tr("Adds the ticked positions to the plan, in the order ticked")
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleDescription(
            self.tr("Closes without adding anything")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        name_controls(self)

    def position_items(self) -> list[QTreeWidgetItem]:
        return [
            position
            for course in top_level_items(self.tree)
            for lesson in child_items(course)
            for position in child_items(lesson)
        ]

    def _on_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        position = item.data(0, PLAN_ROLE)
        if position is None:
            return
        if item.checkState(0) == Qt.CheckState.Checked and position not in self._checked_order:
            self._checked_order.append(position)
        elif item.checkState(0) != Qt.CheckState.Checked and position in self._checked_order:
            self._checked_order.remove(position)

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        for item in self.position_items():
            haystack = item.text(0).casefold()
            item.setHidden(bool(words) and not all(word in haystack for word in words))

    def chosen(self) -> list[Position]:
        """The ticked positions, in the order they were ticked."""
        return list(self._checked_order)


class PlanEditor(QDialog):
    run_requested = Signal(object)  # Plan, validated

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.setWindowTitle(self.tr("Treatment plans"))
        self.resize(980, 600)
        self.context = context
        self.holds = context.holds
        self._plan: Plan | None = None
        self._steps: list[PlanStep] = []
        self._loading = False
        self._writing = False  # this editor's own writes: it already shows what they changed
        self._exporter = HandoutExporter(context.library, context.paths.cache, self)
        self._exporter.finished.connect(self._on_exported)
        self._exporter.failed.connect(lambda message: show_problem(self, self.tr("Export failed"), message))

        self.plan_list = QListWidget()
        self.plan_list.setObjectName("planList")
        # Long plan names wrap instead of hiding behind a sideways scroll bar.
        self.plan_list.setWordWrap(True)
        self.plan_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.plan_list.setAccessibleName(self.tr("Plans"))
        self.plan_list.setAccessibleDescription(self.tr("Choosing a plan shows its steps"))
        self.plan_list.currentItemChanged.connect(self._on_plan_selected)
        self.new_button = QPushButton(self.tr("New"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.plan_up_button = QPushButton("↑")
        self.plan_down_button = QPushButton("↓")

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("planTitle")
        self.title_edit.setPlaceholderText(self.tr("Name of the plan"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes for the handout (optional)"))
        self.notes_edit.setAccessibleDescription(self.tr("Printed under the plan's steps"))
        self.title_edit.setAccessibleDescription(self.tr("Shown in the list and on the handout"))
        self.notes_edit.setMaximumHeight(70)
        self.steps_table = QTableWidget(0, len(COLUMNS))
        self.steps_table.setObjectName("stepsTable")
        self.steps_table.setAccessibleName(self.tr("Steps of the plan"))
        self.steps_table.setAccessibleDescription(self.tr("In the order they run; F2 renames a step"))
        self.steps_table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.steps_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.steps_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Only the step's name is edited in place (its item alone is editable).
        self.steps_table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.add_positions_button = QPushButton(self.tr("Add positions…"))
        self.add_rest_button = QPushButton(self.tr("Add rest…"))
        self.add_step_button = QPushButton(self.tr("Add step…"))
        self.add_step_button.setObjectName("addStep")
        self.add_step_button.setToolTip(
            self.tr(
                "A roll, a rest on a tender spot, passes, a reminder, a recheck: from a preset or a structure"
            )
        )
        self.template_button = QPushButton(self.tr("From a template…"))
        self.template_button.setObjectName("fromTemplate")
        self.side_order = QComboBox()
        self.side_order.setObjectName("sideOrder")
        self.side_order.setAccessibleName(self.tr("Order of the sides"))
        self.side_order.setAccessibleDescription(self.tr("Which side each step treats first"))
        for text, value in SIDE_ORDERS:
            self.side_order.addItem(self.tr(text), value)
        self.remove_step_button = QPushButton(self.tr("Remove"))
        self.step_up_button = QPushButton(self.tr("Move up"))
        self.step_down_button = QPushButton(self.tr("Move down"))
        self.summary = QLabel("")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self.tr("Save"))
        self.run_button = QPushButton(self.tr("Run in table mode"))
        self.export_button = QPushButton(self.tr("Export handout (PDF)…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.plan_up_button.setAccessibleName(self.tr("Move the plan up"))
        self.plan_down_button.setAccessibleName(self.tr("Move the plan down"))
        for button, description in (
            (self.new_button, self.tr("An empty plan")),
            (self.duplicate_button, self.tr("A copy of the chosen plan, to change")),
            (self.delete_button, self.tr("Deletes the chosen plan, after asking")),
            (self.plan_up_button, self.tr("Earlier in the list of plans")),
            (self.plan_down_button, self.tr("Later in the list of plans")),
            (self.add_positions_button, self.tr("Positions from your courses, each a step")),
            (self.add_rest_button, self.tr("A pause between steps")),
            (self.template_button, self.tr("A plan to start from, built in")),
            (self.remove_step_button, self.tr("Takes the chosen step out of the plan")),
            (self.step_up_button, self.tr("The chosen step runs earlier")),
            (self.step_down_button, self.tr("The chosen step runs later")),
            (self.save_button, self.tr("Keeps the plan's changes")),
            (self.run_button, self.tr("Runs the plan's steps full screen, one after the other")),
            (self.export_button, self.tr("A PDF of the plan to give the client")),
            (self.print_button, self.tr("The handout on paper")),
        ):
            button.setAccessibleDescription(description)

        self._build_layout()
        # Enter in the title or a table must not press a button: it made a new empty plan.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self._connect()
        self.reload()
        name_controls(self)

    # ---------------------------------------------------------------------------------- layout
    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Plans")))
        left_layout.addWidget(self.plan_list, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            row.addWidget(button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.template_button)
        row = QHBoxLayout()
        row.addWidget(self.plan_up_button)
        row.addWidget(self.plan_down_button)
        left_layout.addLayout(row)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title_edit)
        right_layout.addWidget(self.notes_edit)
        right_layout.addWidget(self.side_order)
        right_layout.addWidget(self.steps_table, 1)
        row = QHBoxLayout()
        for button in (
            self.add_positions_button,
            self.add_step_button,
            self.add_rest_button,
            self.remove_step_button,
            self.step_up_button,
            self.step_down_button,
        ):
            row.addWidget(button)
        right_layout.addLayout(row)
        right_layout.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        for button in (self.print_button, self.export_button, self.run_button):
            row.addWidget(button)
        right_layout.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new_plan)
        self.duplicate_button.clicked.connect(self.duplicate_plan)
        self.delete_button.clicked.connect(self.delete_plan)
        self.plan_up_button.clicked.connect(lambda: self.move_plan(-1))
        self.plan_down_button.clicked.connect(lambda: self.move_plan(+1))
        self.add_positions_button.clicked.connect(self.pick_positions)
        self.add_rest_button.clicked.connect(self.ask_rest)
        self.add_step_button.clicked.connect(self.ask_step)
        self.template_button.clicked.connect(self.ask_template)
        self.side_order.currentIndexChanged.connect(lambda _i: self._update_summary())
        self.steps_table.itemChanged.connect(self._on_step_renamed)
        self.remove_step_button.clicked.connect(self.remove_step)
        self.step_up_button.clicked.connect(lambda: self.move_step(-1))
        self.step_down_button.clicked.connect(lambda: self.move_step(+1))
        self.title_edit.textEdited.connect(self._on_title_edited)
        self.save_button.clicked.connect(self.save)
        self.run_button.clicked.connect(self.run)
        self.export_button.clicked.connect(self.ask_export)
        self.print_button.clicked.connect(self.print_plan)
        # A bound slot: Qt drops it with this dialog (deleted on close), and the service outlives it.
        self.holds.plans_changed.connect(self._on_plans_changed)

    # ---------------------------------------------------------------------------------- plans
    def reload(self, select_id: int | None = None) -> None:
        if select_id is None and self._plan is not None:
            select_id = self._plan.id
        self._fill_plan_list(select_id)
        if self.plan_list.currentItem() is None and self.plan_list.count():
            self.plan_list.setCurrentRow(0)
        elif self.plan_list.currentItem() is not None:
            self._load(self.holds.plan(int(self.plan_list.currentItem().data(PLAN_ROLE))))
        else:
            self._load(None)

    def _fill_plan_list(self, select_id: int | None) -> None:
        self.plan_list.blockSignals(True)
        self.plan_list.clear()
        for plan in self.holds.all_plans():
            item = QListWidgetItem(plan.title)
            item.setToolTip(plain_tooltip(plan.title))
            item.setData(PLAN_ROLE, plan.id)
            self.plan_list.addItem(item)
            if plan.id == select_id:
                self.plan_list.setCurrentItem(item)
        self.plan_list.blockSignals(False)

    def _on_plan_selected(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if previous is not None and self._plan is not None:
            self.save(quiet=True)
        self._load(self.holds.plan(int(current.data(PLAN_ROLE))) if current else None)

    @contextmanager
    def _own_write(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    @Slot()
    def _on_plans_changed(self) -> None:
        """Plans written elsewhere (another editor): show the list as stored now, keeping the plan
        being edited as it is typed, unless it is gone."""
        if self._writing:
            return
        if self._plan is not None and self._plan.id is not None and self.holds.plan(self._plan.id) is None:
            self._plan = None
            self.reload()
            return
        self._fill_plan_list(self._plan.id if self._plan is not None else None)
        item = self.plan_list.currentItem()
        if item is not None:
            item.setText(self.title_edit.text().strip() or self.tr("Untitled plan"))

    def _load(self, plan: Plan | None) -> None:
        self._loading = True
        self._plan = plan
        self._steps = list(plan.steps) if plan else []
        self.title_edit.setText(plan.title if plan else "")
        self.notes_edit.setPlainText(plan.notes if plan else "")
        self.side_order.setCurrentIndex(max(0, self.side_order.findData(plan.side_order if plan else "each")))
        editing = (self.title_edit, self.notes_edit, self.steps_table, self.save_button, self.run_button)
        for widget in (
            *editing,
            self.export_button,
            self.print_button,
            self.add_positions_button,
            self.add_rest_button,
            self.add_step_button,
            self.side_order,
        ):
            widget.setEnabled(plan is not None)
        self._loading = False
        self._fill_steps()

    def _on_title_edited(self, text: str) -> None:
        item = self.plan_list.currentItem()
        if item is not None:
            item.setText(text.strip() or self.tr("Untitled plan"))

    def current_plan(self) -> Plan | None:
        if self._plan is None:
            return None
        return replace(
            self._plan,
            title=self.title_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
            steps=tuple(self._steps),
            side_order=self.side_order.currentData() or "each",
        )

    def new_plan(self) -> None:
        if self._plan is not None:
            self.save(quiet=True)
        with self._own_write():
            plan_id = self.holds.save_plan(Plan(title=self.tr("New plan")))
        self._plan = None
        self.reload(plan_id)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def duplicate_plan(self) -> None:
        if self._plan is None or self._plan.id is None:
            return
        self.save(quiet=True)
        with self._own_write():
            copy_id = self.holds.duplicate_plan(self._plan.id)
        self.reload(copy_id)

    def delete_plan(self) -> None:
        if self._plan is None or self._plan.id is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete plan"),
            self.tr("Delete the plan “{title}”? Its practice log stays.").format(title=self._plan.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        with self._own_write():
            self.holds.delete_plan(self._plan.id)
        self._plan = None
        self.reload()

    def move_plan(self, delta: int) -> None:
        if self._plan is not None and self._plan.id is not None:
            self.save(quiet=True)
            with self._own_write():
                self.holds.move_plan(self._plan.id, delta)
            self.reload(self._plan.id)

    def save(self, *, quiet: bool = False) -> bool:
        plan = self.current_plan()
        if plan is None:
            return False
        if not plan.title:
            if not quiet:
                show_problem(self, self.tr("Cannot save"), self.tr("A plan needs a name."))
            plan = replace(plan, title=self.tr("Untitled plan"))
        try:
            with self._own_write():
                plan_id = self.holds.save_plan(plan)
        except (HoldRejected, ValueError) as error:
            if not quiet:
                show_problem(self, self.tr("Cannot save"), str(error))
            return False
        self._plan = self.holds.plan(plan_id)
        item = self.plan_list.currentItem()
        if item is not None and self._plan is not None:
            item.setText(self._plan.title)
        return True

    # ---------------------------------------------------------------------------------- steps
    def _fill_steps(self) -> None:
        table = self.steps_table
        table.blockSignals(True)  # filling is not renaming
        table.setRowCount(len(self._steps))
        for row, step in enumerate(self._steps):
            name = QTableWidgetItem(step.title or kind_name(step.kind))
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsEditable)
            # The name is elided to its column; the tooltip has it whole, with the technique.
            name.setToolTip(plain_tooltip("\n".join(part for part in (name.text(), step.technique) if part)))
            table.setItem(row, 0, name)
            kind = QTableWidgetItem(_kind_text(step))
            kind.setToolTip(plain_tooltip(kind.text()))  # a reminder's text is elided to the column
            kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 5, kind)
            side = QComboBox()
            for text, value in SIDE_CHOICES:
                side.addItem(self.tr(text), value)
            side.setCurrentIndex(max(0, side.findData(step.side)))
            side.setEnabled(step.is_sided)
            side.currentIndexChanged.connect(
                lambda _i, row=row, box=side: self._set_step(row, side=box.currentData())
            )
            table.setCellWidget(row, 1, side)
            hold = QSpinBox()
            hold.setRange(MIN_HOLD_MS // 1000, MAX_HOLD_MS // 1000)
            hold.setSuffix(" s")
            hold.setValue(step.hold_ms // 1000)
            hold.setEnabled(step.is_timed and step.kind != PASSES)  # passes: passes × cadence
            hold.valueChanged.connect(lambda value, row=row: self._set_step(row, hold_ms=value * 1000))
            table.setCellWidget(row, 2, hold)
            repeats = QSpinBox()
            repeats.setRange(1, MAX_REPEATS)
            repeats.setValue(step.repeats)
            repeats.valueChanged.connect(lambda value, row=row: self._set_step(row, repeats=value))
            table.setCellWidget(row, 3, repeats)
            state = self._video_state(step)
            video = QTableWidgetItem(self.tr(state) if state else "")
            video.setFlags(video.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 4, video)
        table.blockSignals(False)
        self._update_summary()

    def _on_step_renamed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if self._loading or item.column() != 0 or not 0 <= row < len(self._steps):
            return
        title = " ".join(item.text().split())
        if title and title != self._steps[row].title:
            self._steps[row] = replace(self._steps[row], title=title)
            self._update_summary()

    def _video_state(self, step: PlanStep) -> str:
        if step.is_rest or not step.has_video:
            return ""
        lesson = self.context.library.lesson_by_fingerprint(step.lesson_fingerprint or "")
        if lesson is None:
            return COURSE_REMOVED
        return VIDEO_OK if Path(lesson.path).is_file() else FILE_MISSING

    def _set_step(self, row: int, **changes: Unpack[_StepChanges]) -> None:
        if self._loading or not 0 <= row < len(self._steps):
            return
        self._steps[row] = replace(self._steps[row], **changes)
        self._update_summary()

    def _update_summary(self) -> None:
        plan = self.current_plan()
        if plan is None or not plan.steps:
            self.summary.setText(self.tr("Add positions from any course, then rests between them if wanted."))
            return
        missing = sum(1 for step in plan.steps if self._video_state(step) in (COURSE_REMOVED, FILE_MISSING))
        text = plan_length_text(plan)
        if missing:
            text += self.tr("; %n step(s) without a playable lesson", "", missing)
        self.summary.setText(text)

    def add_positions(self, positions: list[Position]) -> None:
        row = self._selected_row()
        at = row + 1 if row >= 0 else len(self._steps)
        for offset, position in enumerate(positions):
            self._steps.insert(at + offset, step_for_position(position))
        self._fill_steps()
        self.steps_table.selectRow(at + len(positions) - 1)

    def add_rest(self, seconds: int) -> None:
        try:
            step = rest_step(seconds * 1000)
        except HoldRejected as error:
            show_problem(self, self.tr("Cannot add this rest"), str(error))
            return
        row = self._selected_row()
        at = row + 1 if row >= 0 else len(self._steps)
        self._steps.insert(at, step)
        self._fill_steps()
        self.steps_table.selectRow(at)

    def add_step(self, step: PlanStep) -> None:
        """Add a step that is not a course position (linked to one on its structure, when one fits)."""
        row = self._selected_row()
        at = row + 1 if row >= 0 else len(self._steps)
        self._steps.insert(at, self.holds.linked(step))
        self._fill_steps()
        self.steps_table.selectRow(at)

    def ask_step(self) -> None:
        dialog = StepDialog(self.holds.all_presets(), self.context.index.taxonomy, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_step(dialog.step())

    def copy_template(self, key: str) -> int:
        """A new plan of the user's own from a built-in template, selected to be changed."""
        if self._plan is not None:
            self.save(quiet=True)
        with self._own_write():
            plan_id = self.holds.copy_template(key)
        self._plan = None
        self.reload(plan_id)
        return plan_id

    def ask_template(self) -> None:
        templates = self.holds.templates()
        names = [template.title for template in templates]
        name, ok = QInputDialog.getItem(
            self, self.tr("New plan from a template"), self.tr("Template:"), names, 0, False
        )
        if ok and name in names:
            self.copy_template(templates[names.index(name)].key)

    def pick_positions(self) -> None:
        picker = PositionPicker(self.context, self)
        if picker.exec() == QDialog.DialogCode.Accepted:
            self.add_positions(picker.chosen())

    def ask_rest(self) -> None:
        seconds, ok = QInputDialog.getInt(
            self, self.tr("Add rest"), self.tr("Rest (seconds):"), 15, MIN_HOLD_MS // 1000, 600
        )
        if ok:
            self.add_rest(seconds)

    def remove_step(self) -> None:
        row = self._selected_row()
        if row >= 0:
            del self._steps[row]
            self._fill_steps()
            if self._steps:
                self.steps_table.selectRow(min(row, len(self._steps) - 1))

    def move_step(self, delta: int) -> None:
        row = self._selected_row()
        target = row + delta
        if row < 0 or not 0 <= target < len(self._steps):
            return
        self._steps.insert(target, self._steps.pop(row))
        self._fill_steps()
        self.steps_table.selectRow(target)

    def _selected_row(self) -> int:
        rows = self.steps_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    # --------------------------------------------------------------------------- run / export
    def _valid_plan(self, title: str) -> Plan | None:
        plan = self.current_plan()
        if plan is None:
            return None
        try:
            return validate_plan(plan)
        except HoldRejected as error:
            show_problem(self, title, str(error))
            return None

    def run(self) -> None:
        plan = self._valid_plan(self.tr("Cannot run this plan"))
        if plan is None:
            return
        self.save(quiet=True)
        self.run_requested.emit(self._plan or plan)

    def ask_export(self) -> None:
        plan = self._valid_plan(self.tr("Cannot export this plan"))
        if plan is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export handout"),
            default_export_name(plan),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        plan = self._valid_plan(self.tr("Cannot export this plan"))
        if plan is not None:
            self.export_button.setEnabled(False)
            self._exporter.export(plan, path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def _on_exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.summary.setText(self.tr("Handout written to {path}").format(path=path))

    def print_plan(self) -> None:
        plan = self._valid_plan(self.tr("Cannot print this plan"))
        if plan is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer, plan)

    def print_to(self, printer: QPrinter, plan: Plan) -> None:
        """Collect the frames, then paint the page on ``printer``."""

        def paint(frames: dict[int, QImage]) -> None:
            self._exporter.frames_collected.disconnect(paint)
            painter = QPainter(printer)
            try:
                paint_plan(
                    painter,
                    QRectF(painter.viewport()),
                    plan,
                    frames,
                    positions=self._exporter.positions(plan),
                )
            finally:
                painter.end()

        self._exporter.frames_collected.connect(paint)
        self._exporter.collect(plan)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save(quiet=True)
        super().closeEvent(event)


def _kind_text(step: PlanStep) -> str:
    text = kind_name(step.kind)
    if step.kind == PASSES:
        text += f": {step.passes} × {short_number_text(step.cadence_ms / 1000)} s"
    elif step.text:
        text += f": {step.text}"
    return text
