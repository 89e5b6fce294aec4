"""The full database check after start: on a thread of its own, its result told on the GUI thread."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from smrtplayer.models.backups import IntegrityReport
from smrtplayer.store.db import DatabaseError
from smrtplayer.store.integrity import IntegrityCheck

log = logging.getLogger(__name__)

#: how long closing waits for an interrupted check to let go of the database
STOP_WAIT_S = 5.0


class IntegrityWatch(QObject):
    #: IntegrityReport, delivered on the thread this object lives in
    checked = Signal(object)

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check = IntegrityCheck(database)
        self._thread: threading.Thread | None = None
        self.report: IntegrityReport | None = None

    def start(self) -> None:
        """Begin the check once; later calls do nothing."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the check is over (tests, self-test); True when it is."""
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def stop(self) -> None:
        self._check.interrupt()
        self.wait(STOP_WAIT_S)

    def _run(self) -> None:
        try:
            report = self._check.run()
        except DatabaseError as error:  # interrupted by closing, or the disk went away: next start
            log.info("the full database check did not finish: %s", error)
            return
        if report.problems:
            log.warning("full database check: %s (repaired: %s)", report.problems[:5], report.repaired)
        else:
            log.info("full database check: ok")
        self.report = report
        self.checked.emit(report)
