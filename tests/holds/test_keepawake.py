"""Keeping the screen awake during holds.

Linux: a private D-Bus daemon (``dbus-daemon``, when installed) with a stand-in
``org.freedesktop.ScreenSaver`` service carries the real calls: the inhibit arrives, and releasing it
makes our inhibiting client leave the bus, which is how every implementation drops an inhibition.
Without a session bus or without the service, holding degrades silently. Windows and macOS are OS
edges this machine cannot run, so only their calls are stood in for.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject

from smrtplayer.holds.keepawake import (
    ES_CONTINUOUS,
    ES_DISPLAY_REQUIRED,
    ES_SYSTEM_REQUIRED,
    FreedesktopBackend,
    KeepAwake,
    MacBackend,
    WindowsBackend,
)


class FakeScreenSaver(QDBusVirtualObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, list[Any], str]] = []

    def introspect(self, path: str) -> str:
        return ""

    def handleMessage(self, message: QDBusMessage, connection: QDBusConnection) -> bool:
        self.calls.append((message.member(), list(message.arguments()), message.service()))
        reply = message.createReply()
        if message.member() == "Inhibit":
            reply.setArguments([4242])
        connection.send(reply)
        return True


@pytest.fixture
def private_bus(qapp) -> Iterator[str]:  # type: ignore[no-untyped-def]
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


def _connect(address: str, name: str) -> QDBusConnection:
    connection = QDBusConnection.connectToBus(address, name)
    assert connection.isConnected()
    return connection


def test_inhibit_goes_over_dbus_and_release_drops_it(private_bus: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    service_bus = _connect(private_bus, "test-screensaver")
    fake = FakeScreenSaver()
    assert service_bus.registerVirtualObject("/org/freedesktop/ScreenSaver", fake)
    assert service_bus.registerService("org.freedesktop.ScreenSaver")
    observer = _connect(private_bus, "test-observer")
    try:
        keep = KeepAwake(lambda owner: FreedesktopBackend(owner, bus_address=private_bus))
        changes: list[bool] = []
        keep.inhibited_changed.connect(changes.append)
        keep.hold("Hold: piriformis, right")
        backend = keep.backend
        assert isinstance(backend, FreedesktopBackend)
        client = backend.unique_name()
        qtbot.waitUntil(keep.is_inhibited, timeout=5000)
        assert fake.calls == [("Inhibit", ["smrtplayer", "Hold: piriformis, right"], client)]
        assert observer.interface().isServiceRegistered(client).value()

        keep.hold()  # idempotent: one inhibition per run
        keep.release()
        assert not keep.is_held() and not keep.is_inhibited()
        qtbot.waitUntil(lambda: not observer.interface().isServiceRegistered(client).value(), timeout=5000)
        assert changes == [True, False]
        assert len(fake.calls) == 1
    finally:
        service_bus.unregisterService("org.freedesktop.ScreenSaver")
        service_bus.unregisterObject("/org/freedesktop/ScreenSaver")
        QDBusConnection.disconnectFromBus("test-screensaver")
        QDBusConnection.disconnectFromBus("test-observer")


def test_a_bus_without_the_screensaver_service_degrades_silently(private_bus: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    keep = KeepAwake(lambda owner: FreedesktopBackend(owner, bus_address=private_bus))
    keep.hold()
    backend = keep.backend
    assert isinstance(backend, FreedesktopBackend)
    qtbot.waitUntil(lambda: backend._watcher is None, timeout=5000)  # the error reply came back
    assert keep.is_held() and not keep.is_inhibited()
    assert backend.unique_name() is None, "the connection is closed again"
    keep.release()


def test_without_a_session_bus_nothing_happens(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    keep = KeepAwake(lambda owner: FreedesktopBackend(owner))
    keep.hold()
    assert keep.is_held() and not keep.is_inhibited()
    keep.release()
    assert not keep.is_held()


def test_windows_asks_for_the_display_and_gives_it_back(qapp) -> None:  # type: ignore[no-untyped-def]
    calls: list[int] = []
    keep = KeepAwake(lambda owner: WindowsBackend(set_state=lambda flags: calls.append(flags) or 1))
    keep.hold()
    assert keep.is_inhibited()
    keep.release()
    assert calls == [ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED, ES_CONTINUOUS]


def test_macos_runs_caffeinate_for_the_length_of_the_hold(qapp) -> None:  # type: ignore[no-untyped-def]
    class Process:
        terminated = False

        def terminate(self) -> None:
            self.terminated = True

        def wait(self) -> int:
            return 0

    started: list[list[str]] = []
    process = Process()

    def spawn(argv: list[str]) -> Process:
        started.append(argv)
        return process

    keep = KeepAwake(lambda owner: MacBackend(spawn=spawn))
    keep.hold()
    assert started[0][:3] == ["/usr/bin/caffeinate", "-d", "-i"] and "-w" in started[0]
    keep.release()
    assert process.terminated


def test_a_failing_os_call_never_stops_a_hold(qapp) -> None:  # type: ignore[no-untyped-def]
    def broken(flags: int) -> int:
        raise OSError("no kernel32 here")

    keep = KeepAwake(lambda owner: WindowsBackend(set_state=broken))
    keep.hold()
    assert keep.is_held() and not keep.is_inhibited()
    keep.release()


def test_the_screen_is_kept_awake_exactly_while_a_hold_or_sequence_runs(
    context, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    holds = context.holds
    runner = holds.runner
    assert not holds.keep_awake.is_held()
    runner.hold_preset(30_000)
    assert holds.keep_awake.is_held()
    runner.toggle_pause()
    assert holds.keep_awake.is_held(), "a paused hold is still a hold in progress"
    runner.stop()
    assert not holds.keep_awake.is_held()
