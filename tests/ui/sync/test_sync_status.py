"""Sync in the running app: rounds off the GUI thread, started by the folder changing, and the status
bar's status with "Sync now". Real databases, a real folder, a real event loop."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from helpers.syncdata import Device
from smrtplayer.sync import service as service_module
from smrtplayer.sync.service import SyncService, SyncStatus
from smrtplayer.ui.sync.status import SyncStatusWidget, status_text

T1 = "2026-03-01T10:00:00.000+00:00"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "Sync"
    path.mkdir()
    return path


@pytest.fixture
def here(tmp_path: Path) -> Iterator[Device]:
    device = Device.open(tmp_path, "here")
    yield device
    device.close()


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Device]:
    device = Device.open(tmp_path, "other")
    yield device
    device.close()


def _service(device: Device, folder: Path | None, qtbot: Any) -> SyncService:
    chosen = {"folder": "" if folder is None else str(folder)}
    flushed: list[bool] = []
    service = SyncService(
        device.store.path,
        device.state_path,
        folder=lambda: chosen["folder"],
        remember_folder=lambda value: chosen.__setitem__("folder", value),
        before_round=lambda: flushed.append(True),
        debounce_ms=50,
    )
    service.flushed = flushed  # type: ignore[attr-defined]
    return service


def test_a_round_starts_when_another_device_writes_into_the_folder(
    here: Device, other: Device, folder: Path, qtbot: Any
) -> None:
    service = _service(here, folder, qtbot)
    try:
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            service.start()
        assert service.status.last_sync_at and service.status.devices == ()
        assert service.flushed  # type: ignore[attr-defined]
        other.write_note("n1", "from the clinic", T1)
        with qtbot.waitSignal(service.data_merged, timeout=30_000):
            other.sync(folder)  # the file watcher sees the new device folder and its file
        qtbot.waitUntil(lambda: not service.status.running, timeout=30_000)
        assert here.live_notes() == {"n1": "from the clinic"}
        assert len(service.status.devices) == 1
    finally:
        service.close()


def test_the_round_runs_off_the_gui_thread_while_the_window_keeps_running(
    here: Device, other: Device, folder: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(200):
        other.write_note(f"n{number}", f"note {number}", T1)
    other.sync(folder)
    real_round = service_module.run_round
    gui_ticked = threading.Event()
    threads: list[threading.Thread] = []

    def gated_round(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        # Waits for the GUI thread's timer: were the window blocked by the round, this would never end.
        assert gui_ticked.wait(20), "the GUI event loop did not run while the round was going"
        return real_round(*args, **kwargs)

    monkeypatch.setattr(service_module, "run_round", gated_round)
    service = _service(here, folder, qtbot)
    ticker = QTimer(interval=5)
    ticker.timeout.connect(gui_ticked.set)
    try:
        with qtbot.waitSignal(service.data_merged, timeout=30_000):
            service.sync_now()
            assert service.status.running
            ticker.start()
        assert threads and threads[0] is not threading.main_thread()
        assert len(here.live_notes()) == 200
    finally:
        ticker.stop()
        service.close()


def test_the_status_bar_shows_devices_and_conflicts_and_syncs_now(
    here: Device, other: Device, folder: Path, qtbot: Any
) -> None:
    service = _service(here, None, qtbot)
    widget = SyncStatusWidget(service)
    qtbot.addWidget(widget)
    try:
        assert widget.label.text() == "Sync: off" and not widget.sync_button.isEnabled()
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            service.set_folder(folder)
        here.write_note("n1", "first", T1)
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            widget.sync_button.click()
        other.sync(folder)
        here.write_note("n1", "edited here", "2026-03-01T11:00:00.000+00:00")
        other.write_note("n1", "edited there <b>at once</b>", "2026-03-01T11:00:01.000+00:00")
        other.sync(folder)
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            widget.sync_button.click()
        text = widget.label.text()
        assert "Synced" in text and "1 other device" in text and "1 conflict kept" in text
        assert "kept twice" in widget.toolTip()
        assert sorted(here.live_notes().values()) == ["edited here", "edited there <b>at once</b>"]
    finally:
        service.close()


def test_status_text_says_what_is_wrong() -> None:
    assert status_text(SyncStatus()) == "Sync: off"
    assert status_text(SyncStatus(folder="/x", running=True)) == "Syncing…"
    assert "failed" in status_text(SyncStatus(folder="/x", error="The sync folder /x does not exist"))


def test_a_folder_gone_missing_shows_the_reason_and_changes_nothing(
    here: Device, folder: Path, qtbot: Any
) -> None:
    here.write_note("n1", "kept", T1)
    service = _service(here, folder, qtbot)
    folder.rmdir()
    try:
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            service.sync_now()
        assert "does not exist" in service.status.error
        assert here.live_notes() == {"n1": "kept"}
    finally:
        service.close()


def test_a_closed_service_never_reads_the_closed_store(here: Device, folder: Path, qtbot: Any) -> None:
    closed = {"yes": False}

    def folder_setting() -> str:
        assert not closed["yes"], "the setting was read after closing (the app's store is closed)"
        return str(folder)

    service = SyncService(
        here.store.path, here.state_path, folder=folder_setting, remember_folder=lambda _value: None
    )
    with qtbot.waitSignal(service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running):
        service.sync_now()
    service.close()
    closed["yes"] = True
    service.start()
    service.schedule()
    service.sync_now()
    service._on_folder_changed(str(folder))
    qtbot.wait(50)


def test_the_periodic_look_runs_a_round_only_when_the_folder_changed(
    here: Device, other: Device, folder: Path, qtbot: Any
) -> None:
    service = _service(here, folder, qtbot)
    rounds: list[bool] = []
    service.status_changed.connect(lambda status: rounds.append(True) if status.running else None)
    try:
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            service.sync_now()
        rounds.clear()
        service._on_scan()  # nothing new in the folder: no round
        assert rounds == [] and not service.status.running
        other.write_note("n1", "arrived unnoticed by the watcher", T1)
        other.sync(folder)
        with qtbot.waitSignal(service.data_merged, timeout=30_000):
            service._on_scan()
        assert rounds  # the look saw the new files (the watcher may have too)
        qtbot.waitUntil(lambda: not service.status.running, timeout=30_000)
    finally:
        service.close()


def test_sessions_go_out_only_once_the_box_is_ticked(here: Device, folder: Path, qtbot: Any) -> None:
    chosen = {"sessions": False}
    service = SyncService(
        here.store.path,
        here.state_path,
        folder=lambda: str(folder),
        remember_folder=lambda _value: None,
        include_private=lambda: chosen["sessions"],
        remember_include_private=lambda value: chosen.__setitem__("sessions", value),
        debounce_ms=50,
    )
    widget = SyncStatusWidget(service)
    qtbot.addWidget(widget)
    with here.store.write():
        here.store.conn.execute(
            "INSERT INTO sessions (client_label, started_at, ended_at) VALUES ('Client A', ?, ?)", [T1, T1]
        )
    try:
        assert not widget.sessions_box.isChecked()
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            service.sync_now()
        assert b"Client A" not in b"".join(path.read_bytes() for path in folder.rglob("*.jsonl"))
        with qtbot.waitSignal(
            service.status_changed, timeout=30_000, check_params_cb=lambda s: not s.running
        ):
            widget.sessions_box.click()  # ticking it sends them with the next round
        assert chosen["sessions"]
        assert b"Client A" in b"".join(path.read_bytes() for path in folder.rglob("*.jsonl"))
    finally:
        service.close()
