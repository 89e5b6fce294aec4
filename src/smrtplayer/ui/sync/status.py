"""The sync status in the status bar: the last sync, the devices seen, what waits, the conflicts kept,
and "Sync now" / "Sync folder…"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime, Slot
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from smrtplayer.sync.service import SyncService, SyncStatus
from smrtplayer.ui.common.plain_text import plain_tooltip


def status_text(status: SyncStatus) -> str:
    if not status.folder:
        return QCoreApplication.translate("SyncStatus", "Sync: off")
    if status.running:
        return QCoreApplication.translate("SyncStatus", "Syncing…")
    if status.error:
        return QCoreApplication.translate("SyncStatus", "Sync: failed (see the tooltip)")
    if not status.last_sync_at:
        return QCoreApplication.translate("SyncStatus", "Sync: not yet")
    parts = [
        QCoreApplication.translate("SyncStatus", "Synced {time}").format(
            time=_local_time(status.last_sync_at)
        ),
        QCoreApplication.translate("SyncStatus", "%n other device(s)", "", len(status.devices)),
    ]
    if status.waiting:
        parts.append(QCoreApplication.translate("SyncStatus", "{count} waiting").format(count=status.waiting))
    if status.conflicts:
        parts.append(QCoreApplication.translate("SyncStatus", "%n conflict(s) kept", "", status.conflicts))
    return " · ".join(parts)


def status_details(status: SyncStatus) -> str:
    if not status.folder:
        return QCoreApplication.translate(
            "SyncStatus", "Choose a folder that Syncthing (or another synced folder, or a USB stick) carries."
        )
    lines = [QCoreApplication.translate("SyncStatus", "Sync folder: {folder}").format(folder=status.folder)]
    if status.error:
        lines.append(status.error)
    if status.last_sync_at:
        lines.append(
            QCoreApplication.translate("SyncStatus", "Last round: {sent} sent, {received} received.").format(
                sent=status.last_sent, received=status.last_received
            )
        )
    lines.append(
        QCoreApplication.translate("SyncStatus", "Devices seen: {devices}").format(
            devices=", ".join(status.devices) or QCoreApplication.translate("SyncStatus", "none yet")
        )
    )
    if status.conflicts:
        lines.append(
            QCoreApplication.translate(
                "SyncStatus",
                "Notes edited on two computers at once are kept twice: the newer edit, and the other as "
                "a copy beside it.",
            )
        )
    lines.extend(status.problems)
    return "\n".join(lines)


def _local_time(text: str) -> str:
    try:
        moment = datetime.fromisoformat(text).astimezone()
        return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
    except ValueError:
        return text


class SyncStatusWidget(QWidget):
    def __init__(self, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setAccessibleDescription(self.tr("Exchanges changes with your other computers now"))
        self.sync_button.clicked.connect(sync.sync_now)
        self.folder_button = QPushButton(self.tr("Sync folder…"))
        self.folder_button.setAccessibleDescription(self.tr("The shared folder your computers sync through"))
        self.folder_button.clicked.connect(self._choose_folder)
        # Client data stays on this computer unless the user ticks this.
        self.sessions_box = QCheckBox(self.tr("Sessions too"))
        self.sessions_box.setToolTip(
            self.tr("Also send your sessions with clients (client data) to your other computers.")
        )
        self.sessions_box.setChecked(sync.sessions_included)
        self.sessions_box.toggled.connect(sync.include_sessions)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.sync_button)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.sessions_box)
        sync.status_changed.connect(self.show_status)
        self.show_status(sync.status)

    @Slot(object)
    def show_status(self, status: SyncStatus) -> None:
        self.label.setText(status_text(status))
        self.setToolTip(plain_tooltip(status_details(status)))
        self.sync_button.setEnabled(bool(status.folder) and not status.running)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder your sync engine carries"))
        if chosen:
            self._sync.set_folder(Path(chosen))
