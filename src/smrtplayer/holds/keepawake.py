"""Keep the screen awake while a hold or a sequence runs, and let it sleep again afterwards.

* Linux (and BSDs): the freedesktop ``org.freedesktop.ScreenSaver.Inhibit`` call over the session bus
  (KDE, GNOME through gsd-screensaver-proxy, Xfce, LXQt, Cinnamon, MATE implement it).
  The call goes out on a D-Bus connection of its own, asynchronously, so a slow or missing service
  never blocks the GUI. Releasing closes that connection: every implementation drops the inhibitions
  of a client that leaves the bus (which also covers a crash). ``UnInhibit`` is not sent because it
  takes an unsigned 32-bit cookie, a D-Bus type PySide6 cannot marshal from Python (an ``int`` goes out
  as signed ``i`` and strict services reject it).
* Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)`` on the
  GUI thread, and ``ES_CONTINUOUS`` alone to release.
* macOS: ``caffeinate -d -i -w <our pid>``, the system's own tool around the IOKit power assertions;
  killed to release, and it exits by itself if smrtplayer dies.

Anything missing (no session bus, no screensaver service, no caffeinate) degrades silently: the hold
still runs; the screen may blank as it would for any other program.
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
INTERFACE = "org.freedesktop.ScreenSaver"
CALL_TIMEOUT_MS = 3000

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002

_connection_names = itertools.count(1)


class _Backend:
    name = "none"

    def acquire(self, reason: str) -> None:
        pass

    def release(self) -> None:
        pass


class FreedesktopBackend(_Backend):
    """Inhibit over D-Bus; ``bus_address`` picks a private bus (tests), default the session bus."""

    name = "freedesktop"

    def __init__(
        self, owner: KeepAwake, bus_address: str | None = None, app_name: str = "smrtplayer"
    ) -> None:
        self._owner = owner
        self._bus_address = bus_address
        self._app_name = app_name
        self._connection_name: str | None = None
        self._watcher: Any = None

    def acquire(self, reason: str) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

        name = f"smrtplayer-keep-awake-{os.getpid()}-{next(_connection_names)}"
        if self._bus_address is None:
            if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and not _default_session_socket():
                log.info("no D-Bus session bus: the screen is not kept awake")
                return
            connection = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        else:
            connection = QDBusConnection.connectToBus(self._bus_address, name)
        if not connection.isConnected():
            log.info("cannot reach the D-Bus session bus: the screen is not kept awake")
            QDBusConnection.disconnectFromBus(name)
            return
        self._connection_name = name
        message = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "Inhibit")
        message.setArguments([self._app_name, reason])
        self._watcher = QDBusPendingCallWatcher(connection.asyncCall(message, CALL_TIMEOUT_MS), self._owner)
        self._watcher.finished.connect(self._owner._on_inhibit_reply)

    def on_reply(self, watcher: Any) -> bool:
        reply = watcher.reply()
        watcher.deleteLater()
        if watcher is self._watcher:
            self._watcher = None
        from PySide6.QtDBus import QDBusMessage

        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            log.info("screen saver inhibit refused (%s): the screen is not kept awake", reply.errorName())
            self.release()
            return False
        return self._connection_name is not None

    def release(self) -> None:
        if self._connection_name is None:
            return
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self._connection_name)
        self._connection_name = None

    def unique_name(self) -> str | None:
        """Our inhibiting connection's bus name (tests check the service sees it leave)."""
        if self._connection_name is None:
            return None
        from PySide6.QtDBus import QDBusConnection

        return str(QDBusConnection(self._connection_name).baseService())


def _default_session_socket() -> bool:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and Path(runtime, "bus").exists()


class WindowsBackend(_Backend):
    name = "windows"

    def __init__(self, set_state: Callable[[int], int] | None = None) -> None:
        self._set_state = set_state

    def _call(self, flags: int) -> None:
        set_state = self._set_state
        if set_state is None:
            import ctypes

            set_state = ctypes.windll.kernel32.SetThreadExecutionState  # type: ignore[attr-defined]
        if not set_state(flags):
            # KeepAwake logs it and does not report the screen as kept awake.
            raise OSError("SetThreadExecutionState failed")

    def acquire(self, reason: str) -> None:
        self._call(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED)

    def release(self) -> None:
        self._call(ES_CONTINUOUS)


class MacBackend(_Backend):
    name = "macos"

    def __init__(self, spawn: Callable[[list[str]], Any] | None = None) -> None:
        self._spawn = spawn or _popen
        self._process: Any = None

    def acquire(self, reason: str) -> None:
        # No caffeinate raises OSError: KeepAwake logs it and does not report the screen as kept awake.
        self._process = None
        self._process = self._spawn(["/usr/bin/caffeinate", "-d", "-i", "-w", str(os.getpid())])

    def release(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait()
            self._process = None


def _popen(argv: list[str]) -> Any:
    import subprocess  # imported at first use: not needed while a lesson plays (only macOS spawns)

    return subprocess.Popen(argv, stdin=subprocess.DEVNULL)


def default_backend(owner: KeepAwake, platform: str = sys.platform) -> _Backend:
    if platform == "win32":
        return WindowsBackend()
    if platform == "darwin":
        return MacBackend()
    return FreedesktopBackend(owner)


class KeepAwake(QObject):
    """``hold(reason)`` while something runs, ``release()`` after; calls are idempotent."""

    inhibited_changed = Signal(bool)  # True once the system confirmed (D-Bus) or at once elsewhere

    def __init__(
        self, backend_factory: Callable[[KeepAwake], _Backend] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._backend = (backend_factory or default_backend)(self)
        self._held = False
        self._confirmed = False

    @property
    def backend(self) -> _Backend:
        return self._backend

    def is_held(self) -> bool:
        return self._held

    def is_inhibited(self) -> bool:
        return self._confirmed

    def hold(self, reason: str = "A timed hold is running") -> None:
        if self._held:
            return
        self._held = True
        try:
            self._backend.acquire(reason)
        except Exception as error:  # an OS edge we cannot test everywhere must never stop a hold
            log.info("keeping the screen awake failed: %s", error)
            return
        if not isinstance(self._backend, FreedesktopBackend) and self._backend.name != "none":
            self._set_confirmed(True)

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        try:
            self._backend.release()
        except Exception as error:
            log.info("releasing the screen failed: %s", error)
        self._set_confirmed(False)

    def set_held(self, held: bool) -> None:
        if held:
            self.hold()
        else:
            self.release()

    @Slot(object)
    def _on_inhibit_reply(self, watcher: Any) -> None:
        backend = self._backend
        if isinstance(backend, FreedesktopBackend) and backend.on_reply(watcher) and self._held:
            self._set_confirmed(True)

    def _set_confirmed(self, confirmed: bool) -> None:
        if confirmed != self._confirmed:
            self._confirmed = confirmed
            self.inhibited_changed.emit(confirmed)
