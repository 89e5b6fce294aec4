"""Sync in the main window: the status bar shows it, a round runs once the window is up, changes from
another computer show in the notes, and a note written here goes out by itself."""

from __future__ import annotations

from pathlib import Path

from helpers.syncdata import FINGERPRINT, Device
from smrtplayer.app.context import AppContext
from smrtplayer.models.settings import SYNC_FOLDER
from smrtplayer.sync.journal import APP_FOLDER
from smrtplayer.ui.shell.main_window import MainWindow
from smrtplayer.ui.sync.status import SyncStatusWidget


def test_the_window_syncs_at_start_and_after_a_change(context: AppContext, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "Sync"
    folder.mkdir()
    clinic = Device.open(tmp_path, "clinic")
    try:
        clinic.write_note("from-clinic", "written at the clinic", "2026-03-01T10:00:00.000+00:00")
        clinic.sync(folder)
        context.settings.set(SYNC_FOLDER, str(folder))
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.show()
        window.start(autoplay=False)
        status = window.findChild(SyncStatusWidget)
        assert status is not None and status.isVisibleTo(window)
        qtbot.waitUntil(lambda: context.notes.note("from-clinic") is not None, timeout=20_000)
        qtbot.waitUntil(lambda: "Synced" in status.label.text(), timeout=20_000)
        assert "1 other device" in status.label.text()

        context.notes.create(FINGERPRINT, time_ms=1000, body="written in the window")
        own = [path for path in (folder / APP_FOLDER).iterdir() if path.name != clinic.sync(folder).device]

        def sent() -> bool:
            return any(b"written in the window" in file.read_bytes() for file in own[0].glob("*.jsonl"))

        qtbot.waitUntil(sent, timeout=20_000)  # debounced, then off the GUI thread
        clinic.sync(folder)
        assert "written in the window" in clinic.live_notes().values()
    finally:
        context.sync.close()
        clinic.close()
