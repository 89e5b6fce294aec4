"""The sync status in the status bar: the last sync, the devices seen, what waits, the conflicts kept,
and "Sync now" / "Sync folder…"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from smrtplayer.common.wording import counted
from smrtplayer.sync.service import SyncService, SyncStatus
from smrtplayer.ui.common.plain_text import plain_tooltip


def status_text(status: SyncStatus) -> str:
    if not status.folder:
        return "Sync: off"
    if status.running:
        return "Syncing…"
    if status.error:
        return "Sync: failed (see the tooltip)"
    if not status.last_sync_at:
        return "Sync: not yet"
    parts = [f"Synced {_local_time(status.last_sync_at)}", counted(len(status.devices), "other device")]
    if status.waiting:
        parts.append(f"{status.waiting} waiting")
    if status.conflicts:
        parts.append(counted(status.conflicts, "conflict") + " kept")
    return " · ".join(parts)


def status_details(status: SyncStatus) -> str:
    if not status.folder:
        return "Choose a folder that Syncthing (or another synced folder, or a USB stick) carries."
    lines = [f"Sync folder: {status.folder}"]
    if status.error:
        lines.append(status.error)
    if status.last_sync_at:
        lines.append(f"Last round: {status.last_sent} sent, {status.last_received} received.")
    lines.append("Devices seen: " + (", ".join(status.devices) or "none yet"))
    if status.conflicts:
        lines.append(
            "Notes edited on two computers at once are kept twice: the newer edit, and the other as "
            "a copy beside it."
        )
    lines.extend(status.problems)
    return "\n".join(lines)


def _local_time(text: str) -> str:
    try:
        return datetime.fromisoformat(text).astimezone().strftime("%H:%M")
    except ValueError:
        return text


class SyncStatusWidget(QWidget):
    def __init__(self, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_button = QPushButton("Sync now")
        self.sync_button.clicked.connect(sync.sync_now)
        self.folder_button = QPushButton("Sync folder…")
        self.folder_button.clicked.connect(self._choose_folder)
        # Client data stays on this computer unless the user ticks this.
        self.sessions_box = QCheckBox("Sessions too")
        self.sessions_box.setToolTip(
            "Also send your sessions with clients (client data) to your other computers."
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
        chosen = QFileDialog.getExistingDirectory(self, "Choose the folder your sync engine carries")
        if chosen:
            self._sync.set_folder(Path(chosen))
