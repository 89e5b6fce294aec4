"""BackupDialog: the backups (with "Back up now" and restore), and moving data to another computer.

Also ``show_startup_notices``: what start-up recovery restored, or that the data is read-only, told
once the window is up. Every message is plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from smrtplayer.models.backups import BackupInfo
from smrtplayer.ui.common.accessibility import name_controls
from smrtplayer.ui.common.i18n import moment_text, size_text
from smrtplayer.ui.common.messages import message_box

INFO_ROLE = Qt.ItemDataRole.UserRole


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _size(size: int) -> str:
    return size_text(size)


def show_startup_notices(context: AppContext, parent: QWidget | None = None) -> list[QMessageBox]:
    """Tell the user what recovery did or that the data is read-only (non-modal boxes, returned)."""
    boxes = []
    if context.recovery is not None:
        boxes.append(
            message_box(
                parent,
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("BackupDialog", "Your data was restored"),
                context.recovery.message,
                QMessageBox.StandardButton.Ok,
            )
        )
    if context.read_only:
        boxes.append(
            message_box(
                parent,
                QMessageBox.Icon.Information,
                QCoreApplication.translate("BackupDialog", "Opened read-only"),
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
        self.setWindowTitle(self.tr("Backups and moving your data"))
        self.resize(640, 520)
        self.context = context

        backups_box = QGroupBox(self.tr("Backups of your notes and progress"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("backupList")
        self.tree.setAccessibleDescription(self.tr("Choose one to restore it or to delete it"))
        self.tree.setHeaderLabels([self.tr("Taken"), self.tr("Kind"), self.tr("Size")])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 200)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self._ask_restore)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._delete_selected)
        self.keep = QSpinBox()
        self.keep.setAccessibleName(self.tr("Daily backups kept"))
        self.keep.setAccessibleDescription(self.tr("Older ones are deleted as new ones are made"))
        self.keep.setRange(1, 365)
        self.keep.setValue(context.backups.keep)
        self.keep.valueChanged.connect(self._keep_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(_plain(self.tr("Keep daily backups:")))
        buttons.addWidget(self.keep)
        backups_layout = QVBoxLayout(backups_box)
        backups_layout.addWidget(
            _plain(
                self.tr(
                    "smrtplayer backs up its database once a day and before an import or a restore. "
                    "They are kept in {folder}."
                ).format(folder=context.backups.folder)
            )
        )
        backups_layout.addWidget(self.tree, 1)
        backups_layout.addLayout(buttons)

        move_box = QGroupBox(self.tr("Move to another computer"))
        self.export_button = QPushButton(self.tr("Export all data…"))
        self.export_button.clicked.connect(self._ask_export)
        self.import_button = QPushButton(self.tr("Import data…"))
        self.import_button.clicked.connect(self._ask_import)
        move_buttons = QHBoxLayout()
        move_buttons.addWidget(self.export_button)
        move_buttons.addWidget(self.import_button)
        move_buttons.addStretch(1)
        move_layout = QVBoxLayout(move_box)
        move_layout.addWidget(
            _plain(
                self.tr(
                    "One file with your notes, progress, positions, practice log, plans and settings. "
                    "Import it on the other computer: it is merged with what is there, nothing is "
                    "duplicated, and the courses are matched by their content, whatever their folders."
                )
            )
        )
        move_layout.addLayout(move_buttons)

        self.status = _plain()
        self.status.setObjectName("backupStatus")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        for button, description in (
            (self.back_up_button, self.tr("Copies your notes, progress and positions now")),
            (self.restore_button, self.tr("Puts the chosen backup in place of today's data, after asking")),
            (self.delete_button, self.tr("Deletes the chosen backup")),
            (self.export_button, self.tr("One file with all your data, to move to another computer")),
            (self.import_button, self.tr("Reads a file exported on another computer, after asking how")),
            (close, self.tr("Closes this window")),
        ):
            button.setAccessibleDescription(description)
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
            self.status.setText(
                self.tr("Read-only: {read_only_reason}.").format(read_only_reason=context.read_only_reason)
            )
        self.reload()
        name_controls(self)

    # ------------------------------------------------------------------------------- actions
    def reload(self) -> None:
        self.tree.clear()
        for info in self.context.backups.all():
            item = QTreeWidgetItem([moment_text(info.taken_at), self.tr(info.label), _size(info.size_bytes)])
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
        self.status.setText(self.tr("Backed up ({size_bytes}).").format(size_bytes=_size(info.size_bytes)))
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
        when = moment_text(report.backup_taken_at)
        self.status.setText(
            self.tr(
                "Restored the backup of {when}: {counts}. What you had just before is kept as a backup too."
            ).format(when=when, counts=self._counts_text(report.counts))
        )
        self.data_replaced.emit()
        return True

    def _counts_text(self, counts: dict[str, int]) -> str:
        """ "3 notes, 1 course" (only what there is), as ``describe_counts`` words it."""
        words = {
            "notes": lambda n: self.tr("%n note(s)", "", n),
            "lessons with progress": lambda n: self.tr("%n lesson(s) with progress", "", n),
            "positions you marked": lambda n: self.tr("%n position(s) you marked", "", n),
            "practice entries": lambda n: self.tr("%n practice entry(s)", "", n),
            "plans": lambda n: self.tr("%n plan(s)", "", n),
            "courses": lambda n: self.tr("%n course(s)", "", n),
        }
        parts = [
            words[name](count) if name in words else f"{count} {name}"
            for name, count in counts.items()
            if count
        ]
        return ", ".join(parts) if parts else self.tr("no notes or progress yet")

    def export_to(self, path: Path) -> Path | None:
        try:
            summary = self.context.data_transfer.export_to(path)
        except SmrtError as error:
            self.status.setText(str(error))
            return None
        notes = summary.counts.get("notes", 0)
        self.status.setText(
            self.tr("Exported to {path} (%n note(s) and the rest of your data).", "", notes).format(
                path=summary.path
            )
        )
        return summary.path

    def import_from(self, path: Path) -> ImportReport | None:
        try:
            report = self.context.data_transfer.import_from(path)
        except SmrtError as error:
            self.status.setText(str(error))
            return None
        self.reload()
        self.status.setText(
            self.tr("Imported.") + " " + " ".join(line.rstrip(".") + "." for line in report.lines())
        )
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
            self.tr("Restore this backup?"),
            self.tr(
                "Your notes and progress will be as they were on {taken_at}. What you have now is backed "
                "up first, so this can be undone."
            ).format(taken_at=moment_text(info.taken_at)),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        )
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Restore"))
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
            self.tr("Export all data"),
            str(Path.home() / f"smrtplayer-data{FILE_SUFFIX}"),
            self.tr("smrtplayer data (*{file_suffix})").format(file_suffix=FILE_SUFFIX),
        )
        if chosen:
            path = Path(chosen)
            self.export_to(path if path.suffix else path.with_suffix(FILE_SUFFIX))

    def _ask_import(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import data"),
            str(Path.home()),
            self.tr("smrtplayer data (*{file_suffix});;All files (*)").format(file_suffix=FILE_SUFFIX),
        )
        if chosen:
            self.import_from(Path(chosen))
