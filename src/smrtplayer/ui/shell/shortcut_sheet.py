"""The shortcut sheet (opened with ?): every action and its keys, and where keys are re-bound."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.plain_text import plain_tooltip
from smrtplayer.ui.common.shortcuts import (
    ACTIONS,
    PRESETS,
    SPECS,
    TABLE_MEANING,
    ShortcutBindings,
    key_text,
    table_command_title,
)

ACTION_ROLE = Qt.ItemDataRole.UserRole


class ShortcutSheet(QDialog):
    def __init__(self, bindings: ShortcutBindings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(820, 720)
        self._bindings = bindings

        intro = QLabel(
            self.tr(
                "Every action has a key, and table mode obeys the same keys (its last column says what a "
                "key does there). To change one, select it, click “Add key” and press the new key (a "
                "foot pedal's or a clicker's key works too). A key taken from another action is moved "
                "here."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        self.table = QTableWidget(len(ACTIONS), 4, self)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Action"), self.tr("Keys"), self.tr("In table mode")]
        )
        self.table.setAccessibleName(self.tr("Actions and their keys"))
        self.table.setAccessibleDescription(self.tr("Choose an action, then Add key or Remove keys below"))
        self.table.setHorizontalHeaderLabels(
            ["", self.tr("Action"), self.tr("Keys"), self.tr("In table mode")]
        )
        self.table.verticalHeader().hide()
        # A long action name wraps in its row rather than being cut at the column's edge.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        font = self.table.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.table.setFont(font)

        self.key_edit = QKeySequenceEdit(self)
        self.key_edit.setObjectName("keyEdit")
        self.key_edit.setAccessibleName(self.tr("New key"))
        self.key_edit.setAccessibleDescription(self.tr("Press the key (or the pedal) for the chosen action"))
        self.key_edit.setMaximumSequenceLength(1)
        self.key_edit.setEnabled(False)
        self.key_edit.editingFinished.connect(self._key_captured)
        self.add_button = QPushButton(self.tr("Add key"), self)
        self.add_button.clicked.connect(self._start_capture)
        self.clear_button = QPushButton(self.tr("Remove keys"), self)
        self.clear_button.clicked.connect(self._clear_keys)
        self.reset_button = QPushButton(self.tr("Default"), self)
        self.reset_button.clicked.connect(self._reset_selected)
        reset_all = QPushButton(self.tr("All defaults"), self)
        reset_all.clicked.connect(self._reset_all)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        for button, description in (
            (self.add_button, self.tr("Waits for a key (or a pedal) to give the chosen action")),
            (self.clear_button, self.tr("The chosen action keeps no key")),
            (self.reset_button, self.tr("The chosen action gets its first keys back")),
            (reset_all, self.tr("Every action gets its first keys back")),
            (close, self.tr("Closes this list; the keys are already saved")),
        ):
            button.setAccessibleDescription(description)
        self.status = QLabel("")
        self.status.setObjectName("sheetStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        presets_row = QHBoxLayout()
        presets_row.addWidget(QLabel(self.tr("Presets:")))
        self.preset_buttons: dict[str, QPushButton] = {}
        for preset_id, preset in PRESETS.items():
            button = QPushButton(preset.label, self)
            button.setObjectName(f"preset_{preset_id}")
            button.setToolTip(plain_tooltip(preset.description))
            button.clicked.connect(lambda _checked=False, chosen=preset_id: self.apply_preset(chosen))
            presets_row.addWidget(button)
            self.preset_buttons[preset_id] = button
        presets_row.addStretch(1)
        self.hold_to_play = QCheckBox(
            self.tr("Pedal held down plays, released pauses (the play / pause keys)")
        )
        self.hold_to_play.setObjectName("holdToPlay")
        self.hold_to_play.setAccessibleDescription(self.tr("For a pedal used like a dictation machine's"))
        self.hold_to_play.setChecked(bindings.option("pedal_hold_to_play"))
        self.hold_to_play.toggled.connect(lambda on: bindings.set_option("pedal_hold_to_play", on))
        where = QLabel(
            self.tr("Kept in {file_path} (copy it to another computer for the same keys).").format(
                file_path=bindings.file_path
            )
        )
        where.setObjectName("keymapPath")
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        edit_row = QHBoxLayout()
        edit_row.addWidget(self.add_button)
        edit_row.addWidget(self.key_edit, 1)
        edit_row.addWidget(self.clear_button)
        edit_row.addWidget(self.reset_button)
        bottom = QHBoxLayout()
        bottom.addWidget(reset_all)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.status)
        layout.addLayout(presets_row)
        layout.addWidget(self.hold_to_play)
        layout.addWidget(where)
        layout.addLayout(bottom)

        self._fill()
        self.table.selectRow(0)
        bindings.changed.connect(self._fill)
        name_controls(self)

    # ------------------------------------------------------------------------------ table
    def _fill(self) -> None:
        for row, spec in enumerate(ACTIONS):
            group = QTableWidgetItem(spec.group)
            name = QTableWidgetItem(spec.label)
            name.setData(ACTION_ROLE, spec.id)
            keys = QTableWidgetItem(key_text(self._bindings.keys(spec.id)) or "—")
            if not self._bindings.is_default(spec.id):
                font = keys.font()
                font.setBold(True)
                keys.setFont(font)
            self.table.setItem(row, 0, group)
            self.table.setItem(row, 1, name)
            self.table.setItem(row, 2, keys)
            meaning = TABLE_MEANING.get(spec.id)
            self.table.setItem(row, 3, QTableWidgetItem(table_command_title(meaning) if meaning else ""))

    def selected_action(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 1)
        return str(item.data(ACTION_ROLE)) if item else None

    def row_of(self, action_id: str) -> int:
        return next(row for row, spec in enumerate(ACTIONS) if spec.id == action_id)

    # ---------------------------------------------------------------------------- editing
    def _start_capture(self) -> None:
        if self.selected_action() is None:
            return
        self.key_edit.setEnabled(True)
        self.key_edit.clear()
        self.key_edit.setFocus()
        self.status.setText(self.tr("Press the new key…"))

    def add_key(self, action_id: str, key: str) -> None:
        portable = QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
        previous = self._bindings.owner_of(portable)
        self._bindings.bind(action_id, (*self._bindings.keys(action_id), portable))
        moved = (
            self.tr(" (taken from “{label}”)").format(label=SPECS[previous].label)
            if previous and previous != action_id
            else ""
        )
        self.status.setText(
            self.tr("{key_text} now does “{label}”{moved}.").format(
                key_text=key_text((portable,)), label=SPECS[action_id].label, moved=moved
            )
        )

    def apply_preset(self, preset_id: str) -> None:
        preset = PRESETS[preset_id]
        self._bindings.apply_preset(preset_id)
        self.status.setText(f"{preset.label}: {preset.description}")

    def _key_captured(self) -> None:
        action_id = self.selected_action()
        sequence = self.key_edit.keySequence()
        self.key_edit.setEnabled(False)
        if action_id is None or sequence.isEmpty():
            self.status.setText("")
            return
        self.add_key(action_id, sequence.toString(QKeySequence.SequenceFormat.PortableText))
        self.table.selectRow(self.row_of(action_id))

    def _clear_keys(self) -> None:
        action_id = self.selected_action()
        if action_id is not None:
            self._bindings.bind(action_id, ())
            self.table.selectRow(self.row_of(action_id))

    def _reset_selected(self) -> None:
        action_id = self.selected_action()
        if action_id is not None:
            self._bindings.reset(action_id)
            self.table.selectRow(self.row_of(action_id))

    def _reset_all(self) -> None:
        self._bindings.reset()
