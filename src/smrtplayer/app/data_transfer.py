"""Moving the user's data to another computer, as the window and the CLI do it.

The file format, its validation and the merge live in ``store.exchange.exportfile`` (loaded at the first
export or import: the window never needs it while a lesson plays); this service adds
what an export or import means in a running app: notes being typed are saved first, the data cannot be
changed while it is read-only, a backup is taken before an import, and every view is told afterwards
(``data_replaced``) so nothing shows what the import replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from smrtplayer.notes.service import NotesService
from smrtplayer.store.backups import BackupService, ReadOnlyData
from smrtplayer.store.db import Store
from smrtplayer.store.exchange_report import FILE_SUFFIX, ExportSummary, ImportReport

__all__ = ["FILE_SUFFIX", "DataTransfer", "ExportSummary", "ImportReport"]


class DataTransfer(QObject):
    """``export_to`` and ``import_from``: the two user actions on the export file."""

    #: an import changed notes, progress, positions or plans under every view
    data_replaced = Signal()

    def __init__(
        self,
        store: Store,
        backups: BackupService,
        notes: NotesService,
        *,
        read_only_reason: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._backups = backups
        self._notes = notes
        self._read_only_reason = read_only_reason

    def export_to(self, path: Path, *, include_sessions: bool = False) -> ExportSummary:
        """Write everything the user made to ``path``, with the note being typed included. A
        therapist's sessions (client data, and what was logged in them) only with ``include_sessions``."""
        # imported at first use: not needed while a lesson plays
        from smrtplayer.store.exchange.exportfile import export_data

        self._notes.flush()
        return export_data(self._store, path, include_private=include_sessions)

    def import_from(self, path: Path) -> ImportReport:
        """Validate the whole file, back up, merge it in one transaction, then tell every view."""
        if self._read_only_reason is not None:
            raise ReadOnlyData(f"Nothing can be imported: {self._read_only_reason}.")
        # imported at first use: not needed while a lesson plays
        from smrtplayer.store.exchange.exportfile import import_data

        self._notes.flush()
        report = import_data(self._store, path, backup=lambda: self._backups.back_up_now("pre-import").path)
        self._notes.reload_all()
        self.data_replaced.emit()
        return report
