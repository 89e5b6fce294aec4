"""Sync in a running app: rounds off the GUI thread, started by the user, at start, after changes
(debounced), and when the folder changes (a file watcher, plus a periodic scan for engines and file
systems that the watcher misses).

A round runs on a worker thread with its own database connection (WAL and ``BEGIN IMMEDIATE`` let the
window write meanwhile); the GUI thread only saves the note being typed, starts the thread and shows
the result, so the window never waits on the folder or the merge.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from smrtplayer.common.errors import SmrtError
from smrtplayer.store.db import Store

if TYPE_CHECKING:
    from smrtplayer.sync.rounds import RoundReport

log = logging.getLogger(__name__)

#: after a change, wait this long for the next one before a round (typing a note is many changes)
DEBOUNCE_MS = 3000
#: the periodic look at the folder, for changes the file watcher did not report (a round only when
#: another device's files changed: a look is a directory listing, a round reads every item here)
SCAN_INTERVAL_MS = 60_000
#: a round every this many looks all the same, for changes here that no signal announces (progress)
ROUND_EVERY_SCANS = 10


def run_round(store: Store, folder: Path, state_path: Path, *, include_private: bool = False) -> RoundReport:
    """One round (``smrtplayer.sync.rounds.run_round``), on the worker thread."""
    # imported at first use: not needed while a lesson plays (no sync folder, or between rounds)
    from smrtplayer.sync.rounds import run_round as run

    return run(store, folder, state_path, include_private=include_private)


@dataclass(frozen=True)
class SyncStatus:
    folder: str = ""
    running: bool = False
    last_sync_at: str = ""
    devices: tuple[str, ...] = ()
    #: other devices' journal files not merged yet (still arriving, damaged)
    waiting: int = 0
    conflicts: int = 0
    last_sent: int = 0
    last_received: int = 0
    error: str = ""
    problems: tuple[str, ...] = field(default_factory=tuple)


class SyncService(QObject):
    """``sync_now()``, ``schedule()``, ``set_folder()``; ``status_changed`` and ``data_merged`` tell."""

    status_changed = Signal(object)  # SyncStatus
    #: a round merged changes from another computer into the database: views read it again
    data_merged = Signal()
    _finished = Signal(object, object)  # RoundReport | None, status dict | error text

    def __init__(
        self,
        database: Path,
        state_path: Path,
        *,
        folder: Callable[[], str],
        remember_folder: Callable[[str], None],
        include_private: Callable[[], bool] = lambda: False,
        remember_include_private: Callable[[bool], None] = lambda _value: None,
        before_round: Callable[[], object] = lambda: None,
        read_only_reason: str | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._state_path = state_path
        self._folder = folder
        self._remember_folder = remember_folder
        self._include_private = include_private
        self._remember_include_private = remember_include_private
        self._before_round = before_round
        self._read_only_reason = read_only_reason
        self._thread: threading.Thread | None = None
        self._again = False
        self._closed = False
        self._device = ""  # this computer's id in the folder, known after the first round
        self._status = SyncStatus(folder=folder())
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(self.sync_now)
        self._scan = QTimer(self, interval=SCAN_INTERVAL_MS)
        self._scan.timeout.connect(self._on_scan)
        self._scans = 0
        self._seen: tuple[tuple[str, int, int], ...] = ()
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._on_folder_changed)
        self._finished.connect(self._on_finished)

    @property
    def status(self) -> SyncStatus:
        return self._status

    @property
    def enabled(self) -> bool:
        # Closed first: after closing, the setting cannot be read (the app's store is closed).
        return not self._closed and self._read_only_reason is None and bool(self._folder())

    def start(self) -> None:
        """A first round now, then the watcher and the periodic scan (nothing without a folder)."""
        if not self.enabled:
            return
        self._watch()
        self._scan.start()
        self.sync_now()

    def set_folder(self, folder: Path) -> None:
        self._remember_folder(str(folder))
        self._status = SyncStatus(folder=str(folder))
        self.status_changed.emit(self._status)
        self.start()

    @property
    def sessions_included(self) -> bool:
        """Do this computer's sessions with clients (client data) go out too?"""
        return self._include_private()

    def include_sessions(self, included: bool) -> None:
        self._remember_include_private(included)
        if included:
            self.schedule()

    @Slot()
    def schedule(self) -> None:
        """Something changed here: a round once the changes pause."""
        if self.enabled:
            self._debounce.start()

    @Slot()
    def sync_now(self) -> None:
        if not self.enabled:
            return
        if self._thread is not None:
            self._again = True  # one more round once this one is done: it may have missed the change
            return
        self._debounce.stop()
        self._before_round()
        folder = Path(self._folder())
        self._set_status(running=True, folder=str(folder), error="")
        self._thread = threading.Thread(
            target=self._round, args=(folder, self._include_private()), name="sync-round", daemon=True
        )
        self._thread.start()

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Wait for a running round (closing, tests); False if it is still running."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout_s)
            return not thread.is_alive()
        return True

    def close(self) -> None:
        self._closed = True
        self._debounce.stop()
        self._scan.stop()
        self.wait()

    # ------------------------------------------------------------------------------ worker thread
    def _round(self, folder: Path, include_private: bool) -> None:
        from smrtplayer.sync.status import sync_status  # imported at first use, like run_round

        try:
            store = Store.open(self._database)
            try:
                report = run_round(store, folder, self._state_path, include_private=include_private)
            finally:
                store.close()
            status = sync_status(folder, self._state_path)
        except SmrtError as error:
            self._finished.emit(None, str(error))
            return
        except Exception as error:  # a failed round must never stop the study session
            log.exception("sync round failed")
            self._finished.emit(
                None, f"The sync failed: {error}. Nothing was half-merged; it will be tried again."
            )
            return
        self._finished.emit(report, status)

    # -------------------------------------------------------------------------------- GUI thread
    @Slot(object, object)
    def _on_finished(self, report: RoundReport | None, result: Any) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        if self._closed:
            return  # delivered after closing: nothing is shown any more, and the store is gone
        if report is None:
            self._set_status(running=False, error=str(result))
        else:
            self._set_status(
                running=False,
                last_sync_at=result["last_sync_at"],
                devices=tuple(device["name"] or device["device"] for device in result["devices"]),
                waiting=result["waiting"],
                conflicts=result["conflicts"],
                last_sent=report.sent,
                last_received=report.received,
                problems=tuple(result["problems"]),
            )
            self._device = report.device
            self._seen = self._listing()
            self._scans = 0
            if report.received:
                self.data_merged.emit()
            self._watch()
        if self._again and not self._closed:
            self._again = False
            self.sync_now()

    def _set_status(self, **changes: Any) -> None:
        values = {**self._status.__dict__, **changes}
        self._status = SyncStatus(**values)
        self.status_changed.emit(self._status)

    def _watch(self) -> None:
        """The app folder (a new device) and every other device's folder (its new files)."""
        from smrtplayer.sync.journal import APP_FOLDER, device_folders  # imported at first use

        folder = Path(self._folder())
        root = folder / APP_FOLDER
        wanted = [str(root)] if root.is_dir() else [str(folder)]
        own = self._device
        wanted += [str(path) for device, path in device_folders(folder).items() if device != own]
        missing = [path for path in wanted if path not in self._watcher.directories()]
        if missing:
            self._watcher.addPaths(missing)

    def _listing(self) -> tuple[tuple[str, int, int], ...]:
        """The other devices' journal files as (name, size, time): what a look compares."""
        from smrtplayer.sync.journal import device_folders, journal_files  # imported at first use

        found = []
        for device, path in device_folders(Path(self._folder())).items():
            if device == self._device:
                continue
            for file in journal_files(path):
                try:
                    stat = file.stat()
                except OSError:
                    continue
                found.append((f"{device}/{file.name}", stat.st_size, stat.st_mtime_ns))
        return tuple(found)

    @Slot()
    def _on_scan(self) -> None:
        if not self.enabled:
            return
        self._scans += 1
        if self._scans >= ROUND_EVERY_SCANS or self._listing() != self._seen:
            self.sync_now()

    @Slot(str)
    def _on_folder_changed(self, _path: str) -> None:
        if self._closed:
            return
        self._watch()
        self.schedule()
