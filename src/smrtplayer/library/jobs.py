"""Slow library work (import, verify, relink) on a worker thread, reported through queued Qt signals.

The work function runs on a plain Python thread and must not touch the database (its connection
belongs to the main thread) or any widget. It reports through two private signals connected with
``QueuedConnection`` to slots of this QObject, which lives on the main thread: the public signals are
therefore always emitted on the main thread, whatever is connected to them. The optional ``finish``
step (storing the result) runs there too, before ``finished``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from smrtplayer.common.errors import Cancelled, SmrtError
from smrtplayer.library.job_progress import JobProgress, ProgressSink, StopCheck

log = logging.getLogger(__name__)

Work = Callable[[ProgressSink, StopCheck], Any]


class BackgroundJob(QObject):
    #: JobProgress, at most ~10 per second
    progressed = Signal(object)
    #: the result of ``finish`` (or of the work when there is no finish step)
    finished = Signal(object)
    #: a message for the user
    failed = Signal(str)
    cancelled = Signal()

    _progress_from_worker = Signal(object)
    _done_from_worker = Signal(object, object)

    def __init__(
        self,
        name: str,
        work: Work,
        finish: Callable[[Any], Any] | None = None,
        discard: Callable[[Any], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._work = work
        self._finish = finish
        self._discard = discard
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._done = threading.Event()
        self.outcome: str | None = None  # finished | failed | cancelled
        self._progress_from_worker.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)
        self._done_from_worker.connect(self._complete, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"job {self.name} was already started")
        self._thread = threading.Thread(target=self._run, name=f"smrtplayer-{self.name}", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop; ``cancelled`` follows once it has cleaned up."""
        self._stop.set()

    def is_running(self) -> bool:
        return self._thread is not None and self.outcome is None

    def wait_for_worker(self, timeout_s: float | None = None) -> bool:
        """Block until the worker thread is done (its result may still be waiting in the event queue)."""
        return self._done.wait(timeout_s)

    def _run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self._work(self._progress_from_worker.emit, self._stop.is_set)
            if self._stop.is_set() and self._discard is not None:
                # Stopped after the work was done: undo it rather than store it.
                self._discard(result)
                error = Cancelled("Cancelled.")
        except BaseException as exc:  # reported to the main thread; nothing may escape a thread
            error = exc
        finally:
            self._done.set()
        self._done_from_worker.emit(result, error)

    @Slot(object)
    def _relay_progress(self, progress: JobProgress) -> None:
        if self.outcome is None:
            self.progressed.emit(progress)

    @Slot(object, object)
    def _complete(self, result: Any, error: BaseException | None) -> None:
        if error is None and self._stop.is_set() and self._discard is not None:
            # Cancelled while the result was on its way here: undo it rather than store it.
            self._discard(result)
            error = Cancelled("Cancelled.")
        if error is None:
            try:
                if self._finish is not None:
                    result = self._finish(result)
            except BaseException as exc:
                error = exc
        if error is None:
            self.outcome = "finished"
            self.finished.emit(result)
        elif isinstance(error, Cancelled):
            self.outcome = "cancelled"
            self.cancelled.emit()
        elif isinstance(error, SmrtError):
            self.outcome = "failed"
            self.failed.emit(str(error))
        else:
            log.error("%s failed", self.name, exc_info=(type(error), error, error.__traceback__))
            self.outcome = "failed"
            self.failed.emit(f"{self.name} failed unexpectedly: {type(error).__name__}: {error}")
