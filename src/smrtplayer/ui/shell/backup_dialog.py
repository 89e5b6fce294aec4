"""BackupDialog: the backups (with "Back up now" and restore), and moving data to another computer.

Also ``show_startup_notices``: what start-up recovery restored, or that the data is read-only, told
once the window is up. Every message is plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smrtplayer.app.context import AppContext
from smrtplayer.app.data_transfer import FILE_SUFFIX, ImportReport
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.wording import counted
from smrtplayer.models.backups import BackupInfo, describe_counts, format_local
from smrtplayer.ui.common.messages import message_box

INFO_ROLE = Qt.ItemDataRole.UserRole


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(1, round(size / 1024))} KB"


def show_startup_notices(context: AppContext, parent: QWidget | None = None) -> list[QMessageBox]:
    """Tell the user what recovery did or that the data is read-only (non-modal boxes, returned)."""
    boxes = []
    if context.recovery is not None:
        boxes.append(
            message_box(
                parent,
                QMessageBox.Icon.Warning,
                "Your data was restored",
                context.recovery.message,
                QMessageBox.StandardButton.Ok,
            )
        )
    if context.read_only:
        boxes.append(
            message_box(
                parent,
                QMessageBox.Icon.Information,
                "Opened read-only",
                context.notices[-1],
                QMessageBox.StandardButton.Ok,
            )
        )
    for box in boxes:
        box.setModal(False)
        box.show()
    return boxes


class BackupDialog(QDialog):
    #: the data was replaced (a restore or an import): every view reloads
    data_replaced = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle("Backups and moving your data")
        self.resize(640, 520)
        self.context = context

        backups_box = QGroupBox("Backups of your notes and progress")
        self.tree = QTreeWidget()
        self.tree.setObjectName("backupList")
        self.tree.setHeaderLabels(["Taken", "Kind", "Size"])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 200)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.back_up_button = QPushButton("Back up now")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.clicked.connect(self._ask_restore)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self._delete_selected)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(context.backups.keep)
        self.keep.valueChanged.connect(self._keep_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(_plain("Keep daily backups:"))
        buttons.addWidget(self.keep)
        backups_layout = QVBoxLayout(backups_box)
        backups_layout.addWidget(
            _plain(
                "smrtplayer backs up its database once a day and before an import or a restore. "
                f"They are kept in {context.backups.folder}."
            )
        )
        backups_layout.addWidget(self.tree, 1)
        backups_layout.addLayout(buttons)

        move_box = QGroupBox("Move to another computer")
        self.export_button = QPushButton("Export all data…")
        self.export_button.clicked.connect(self._ask_export)
        self.import_button = QPushButton("Import data…")
        self.import_button.clicked.connect(self._ask_import)
        move_buttons = QHBoxLayout()
        move_buttons.addWidget(self.export_button)
        move_buttons.addWidget(self.import_button)
        move_buttons.addStretch(1)
        move_layout = QVBoxLayout(move_box)
        move_layout.addWidget(
            _plain(
                "One file with your notes, progress, positions, practice log, plans and settings. Import it "
                "on the other computer: it is merged with what is there, nothing is duplicated, and the "
                "courses are matched by their content, whatever their folders."
            )
        )
        move_layout.addLayout(move_buttons)

        self.status = _plain()
        self.status.setObjectName("backupStatus")
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(backups_box, 1)
        layout.addWidget(move_box)
        layout.addLayout(bottom)
        if context.read_only:
            for button in (self.back_up_button, self.restore_button, self.delete_button, self.import_button):
                button.setEnabled(False)
            self.keep.setEnabled(False)
            self.status.setText(f"Read-only: {context.read_only_reason}.")
        self.reload()

    # ------------------------------------------------------------------------------- actions
    def reload(self) -> None:
        self.tree.clear()
        for info in self.context.backups.all():
            item = QTreeWidgetItem([format_local(info.taken_at), info.label, _size(info.size_bytes)])
            item.setData(0, INFO_ROLE, info)
            self.tree.addTopLevelItem(item)
        newest = self.tree.topLevelItem(0)
        if newest is not None:
            self.tree.setCurrentItem(newest)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        item = self.tree.currentItem()
        info = item.data(0, INFO_ROLE) if item is not None else None
        return info if isinstance(info, BackupInfo) else None

    def back_up_now(self) -> BackupInfo | None:
        try:
            self.context.notes.flush()
            info = self.context.backups.back_up_now()
        except SmrtError as error:
            self.status.setText(str(error))
            return None
        self.reload()
        self.status.setText(f"Backed up ({_size(info.size_bytes)}).")
        return info

    def restore(self, info: BackupInfo) -> bool:
        """Restore ``info`` (the caller asked the user first)."""
        try:
            self.context.notes.flush()
            report = self.context.backups.restore(info)
        except SmrtError as error:
            self.status.setText(str(error))
            return False
        self.context.notes.reload_all()
        self.reload()
        when = format_local(report.backup_taken_at)
        self.status.setText(
            f"Restored the backup of {when}: {describe_counts(report.counts)}. "
            "What you had just before is kept as a backup too."
        )
        self.data_replaced.emit()
        return True

    def export_to(self, path: Path) -> Path | None:
        try:
            summary = self.context.data_transfer.export_to(path)
        except SmrtError as error:
            self.status.setText(str(error))
            return None
        notes = summary.counts.get("notes", 0)
        self.status.setText(
            f"Exported to {summary.path} ({counted(notes, 'note')} and the rest of your data)."
        )
        return summary.path

    def import_from(self, path: Path) -> ImportReport | None:
        try:
            report = self.context.data_transfer.import_from(path)
        except SmrtError as error:
            self.status.setText(str(error))
            return None
        self.reload()
        self.status.setText("Imported. " + " ".join(line.rstrip(".") + "." for line in report.lines()))
        self.data_replaced.emit()
        return report

    # ------------------------------------------------------------------------------- dialogs
    def _update_buttons(self) -> None:
        chosen = self.selected() is not None and not self.context.read_only
        self.restore_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _keep_changed(self, value: int) -> None:
        try:
            self.context.backups.set_keep(value)
        except SmrtError as error:
            self.status.setText(str(error))
        self.reload()

    def _ask_restore(self) -> None:
        info = self.selected()
        if info is None:
            return
        box = message_box(
            self,
            QMessageBox.Icon.Question,
            "Restore this backup?",
            f"Your notes and progress will be as they were on {format_local(info.taken_at)}. What you have "
            "now is backed up first, so this can be undone.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        )
        box.button(QMessageBox.StandardButton.Ok).setText("Restore")
        if box.exec() == QMessageBox.StandardButton.Ok:
            self.restore(info)

    def _delete_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        try:
            self.context.backups.delete(info)
        except (SmrtError, OSError) as error:
            self.status.setText(str(error))
        self.reload()

    def _ask_export(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Export all data",
            str(Path.home() / f"smrtplayer-data{FILE_SUFFIX}"),
            f"smrtplayer data (*{FILE_SUFFIX})",
        )
        if chosen:
            path = Path(chosen)
            self.export_to(path if path.suffix else path.with_suffix(FILE_SUFFIX))

    def _ask_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Import data", str(Path.home()), f"smrtplayer data (*{FILE_SUFFIX});;All files (*)"
        )
        if chosen:
            self.import_from(Path(chosen))
