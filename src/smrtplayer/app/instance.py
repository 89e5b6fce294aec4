"""One window per data folder: a second start hands its request to the running window and exits.

A QLockFile in the data folder decides who is first (race-free, and a lock left by a crashed process
is detected as stale); the first process listens on a QLocalServer (a local socket, never the
network) named after the data folder. Later processes connect, send one JSON line and wait for the
acknowledgement.
"""

from __future__ import annotations

import json
import logging
import ntpath
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from smrtplayer.app.paths import AppPaths
from smrtplayer.common.digests import blake2b

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 2000
MAX_REQUEST_BYTES = 64 * 1024
#: How long a start waits for a window that holds the lock but does not answer. A window that is
#: closing still holds the lock while it saves (its event loop has ended, so it cannot answer);
#: a start in that moment waits for it instead of refusing.
OWNER_WAIT_S = 8.0
RETRY_INTERVAL_S = 0.25


@dataclass(frozen=True)
class StartOutcome:
    kind: Literal["first", "handed_over", "no_answer"]
    #: process id recorded in the lock when the owner did not answer (0 when unknown)
    owner_pid: int = 0


def server_name(paths: AppPaths, platform: str = sys.platform) -> str:
    """One name per data folder. Windows and macOS file systems ignore case (and Windows takes / for
    \\): two spellings of one folder must reach the same window, or the second start would find the
    lock taken and nobody listening. The name is short and plain: a named pipe on Windows, a socket
    file in the temporary folder elsewhere (at most 104 bytes on macOS)."""
    folder = str(paths.data)
    if platform == "win32":
        folder = ntpath.normcase(folder)
    elif platform == "darwin":
        folder = folder.casefold()
    digest = blake2b(folder.encode(), digest_size=8).hexdigest()
    return f"smrtplayer-{digest}"


class InstanceGuard(QObject):
    #: a request handed over by a later start, e.g. {"action": "open", "path": "/x/course.zip"}
    request_received = Signal(dict)

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(paths)
        self._lock = QLockFile(str(paths.data / "window.lock"))
        self._lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the first; it then listens for later starts."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # No permission or unknown error: run anyway rather than refuse to start.
            log.warning("cannot use the instance lock (%s); continuing", self._lock.error())
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name)  # a socket file left by a crashed first instance
        if not server.listen(self._name):
            log.warning("cannot listen for other starts: %s", server.errorString())
            return True
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def claim(
        self,
        request: dict[str, Any],
        wait_s: float = OWNER_WAIT_S,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> StartOutcome:
        """Become the first instance, or hand ``request`` to the one that is; wait for an owner
        that holds the lock without answering (closing, or still starting) up to ``wait_s``, unless
        ``should_stop`` (the system asked this process to end)."""
        deadline = time.monotonic() + wait_s
        while True:
            if self.acquire():
                return StartOutcome("first")
            if self.hand_over(request):
                return StartOutcome("handed_over")
            if time.monotonic() >= deadline or should_stop():
                return StartOutcome("no_answer", owner_pid=self.owner_pid())
            time.sleep(RETRY_INTERVAL_S)

    def owner_pid(self) -> int:
        pid, _host, _app = self._lock.getLockInfo()  # an unreadable lock gives a pid of 0
        return max(0, int(pid))

    def hand_over(self, request: dict[str, Any]) -> bool:
        """Send ``request`` to the running instance; True when it acknowledged."""
        socket = QLocalSocket()
        for _attempt in range(10):
            socket.connectToServer(self._name)
            if socket.waitForConnected(CONNECT_TIMEOUT_MS // 10):
                break
            socket.abort()
        else:
            return False
        socket.write(json.dumps(request).encode() + b"\n")
        socket.flush()
        acknowledged = False
        if socket.waitForReadyRead(CONNECT_TIMEOUT_MS):
            acknowledged = bytes(socket.readLine().data()).strip() == b"ok"
        socket.disconnectFromServer()
        return acknowledged

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    @Slot()
    def _on_new_connection(self) -> None:
        assert self._server is not None
        socket = self._server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._read_request(socket))
        socket.disconnected.connect(socket.deleteLater)

    def _read_request(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > MAX_REQUEST_BYTES:
                socket.abort()
            return
        line = bytes(socket.readLine(MAX_REQUEST_BYTES).data())
        try:
            request = json.loads(line)
        except (ValueError, RecursionError):
            socket.abort()
            return
        if not isinstance(request, dict):
            socket.abort()
            return
        socket.write(b"ok\n")
        socket.flush()
        self.request_received.emit(request)
