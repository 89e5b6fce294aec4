"""Sync through a folder: a round that brings in 10,000 changes from another device, and what the
history already merged adds to a round.

Figures (real databases and journal files in a temporary folder on this machine's disk):

* the sending round on the other device (dump, diff, journal file written with fsync) and the size
  of its journal file;
* the receiving round (read, validate, merge in one transaction per file), beside the peer from the
  same run: ``import-data`` of an export of the same data (the manual way this replaces);
* 1,000 changes received by a device with no history, and by one that merged 50,000 items before:
  the merge grows with the changes, not with the history;
* the longest the GUI thread's event loop went without running (a 1 ms timer) while the service ran
  the 10,000-change round on its worker thread. Target from the issue: <= 50 ms.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, write_results
from smrtplayer.models.notes import Note
from smrtplayer.store.db import Store
from smrtplayer.store.exchange.exportfile import export_data, import_data
from smrtplayer.store.notes import store_note
from smrtplayer.sync.journal import APP_FOLDER
from smrtplayer.sync.rounds import run_round

CHANGES = 10_000
HISTORY = 50_000
SMALL = 1_000


def _fill(store: Store, count: int, prefix: str) -> None:
    """``count`` changes: notes, user positions and practice-log entries, a third each."""
    when = "2026-03-01T10:00:00.000+00:00"
    with store.write():
        conn = store.conn
        for number in range(count // 3):
            store_note(
                conn,
                Note(
                    f"{prefix}n{number}",
                    f"sha256:lesson{number % 100}",
                    number,
                    None,
                    f"note {number}",
                    when,
                    when,
                ),
                checkpoint=False,
            )
        conn.executemany(
            "INSERT INTO positions (uid, lesson_fingerprint, source, start_ms, end_ms, title, muscles, "
            "created_at, updated_at) VALUES (?, ?, 'user', 1000, 2000, ?, '[\"psoas\"]', ?, ?)",
            [
                (f"{prefix}p{n}", f"sha256:lesson{n % 100}", f"Position {n}", when, when)
                for n in range(count // 3)
            ],
        )
        conn.executemany(
            "INSERT INTO practice_log (title, side, technique, planned_ms, actual_ms, completed, started_at, "
            "ended_at) VALUES (?, 'R', 'SMRT', 30000, 30000, 1, ?, ?)",
            [
                (
                    f"{prefix}hold {n}",
                    f"2026-03-01T10:{n // 600 % 60:02d}:{n // 10 % 60:02d}.{n % 10}00+00:00",
                    when,
                )
                for n in range(count - 2 * (count // 3))
            ],
        )


def _timed(action: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000, result


def _receive(root: Path, name: str, changes: int, history: int) -> float:
    """ms of the round in which a device with ``history`` merged items receives ``changes`` more."""
    folder = root / f"{name}-folder"
    folder.mkdir()
    receiver = Store.open(root / f"{name}-receiver.sqlite3")
    state = root / f"{name}-receiver.json"
    if history:
        old = Store.open(root / f"{name}-old.sqlite3")
        _fill(old, history, "old")
        run_round(old, folder, root / f"{name}-old.json")
        old.close()
        run_round(receiver, folder, state)
    sender = Store.open(root / f"{name}-sender.sqlite3")
    _fill(sender, changes, "new")
    run_round(sender, folder, root / f"{name}-sender.json")
    sender.close()
    elapsed, _ = _timed(lambda: run_round(receiver, folder, state, send=False))
    receiver.close()
    return elapsed


def _gui_stall(root: Path) -> float:
    """The longest gap between 1 ms timer ticks on the GUI thread while a 10,000-change round runs."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from smrtplayer.sync.service import SyncService

    app = QApplication.instance() or QApplication([])
    folder = root / "gui-folder"
    folder.mkdir()
    sender = Store.open(root / "gui-sender.sqlite3")
    _fill(sender, CHANGES, "gui")
    run_round(sender, folder, root / "gui-sender.json")
    sender.close()
    receiver = Store.open(root / "gui-receiver.sqlite3")
    service = SyncService(
        receiver.path, root / "gui-receiver.json", folder=lambda: str(folder), remember_folder=lambda _f: None
    )
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer(interval=1)
    timer.timeout.connect(tick)
    done: list[bool] = []
    service.status_changed.connect(lambda status: done.append(True) if not status.running else None)
    timer.start()
    last[0] = time.perf_counter()
    service.sync_now()
    while not done:
        app.processEvents()
        time.sleep(0.0005)
    timer.stop()
    service.close()
    receiver.close()
    return max(gaps) if gaps else 0.0


def main() -> None:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "folder"
        folder.mkdir()
        sender = Store.open(root / "sender.sqlite3")
        _fill(sender, CHANGES, "s")
        send_ms, _ = _timed(lambda: run_round(sender, folder, root / "sender.json"))
        journal = next((folder / APP_FOLDER).rglob("changes-*.jsonl"))
        receiver = Store.open(root / "receiver.sqlite3")
        receive_ms, received = _timed(lambda: run_round(receiver, folder, root / "receiver.json", send=False))
        export = root / "export.smrtdata"
        export_data(sender, export)
        peer = Store.open(root / "peer.sqlite3")
        import_ms, _ = _timed(lambda: import_data(peer, export))
        for store in (sender, receiver, peer):
            store.close()
        figures += [
            Figure(f"sending round, {CHANGES:,} changes", round(send_ms, 1), "ms"),
            Figure(
                f"journal file, {CHANGES:,} changes",
                round(journal.stat().st_size / 1024, 1),
                "KiB",
                note=f"{journal.stat().st_size / CHANGES:.0f} bytes a change",
            ),
            Figure(
                f"receiving round, {CHANGES:,} changes ({received.received} merged)",  # type: ignore[attr-defined]
                round(receive_ms, 1),
                "ms",
                peer="import-data of an export of the same data",
                peer_value=round(import_ms, 1),
            ),
        ]
        small = _receive(root, "small", SMALL, 0)
        small_history = _receive(root, "history", SMALL, HISTORY)
        figures.append(
            Figure(
                f"receiving {SMALL:,} changes after {HISTORY:,} merged before",
                round(small_history, 1),
                "ms",
                peer=f"receiving {SMALL:,} changes with no history",
                peer_value=round(small, 1),
            )
        )
        figures.append(
            Figure(
                f"longest GUI-thread stall during a {CHANGES:,}-change round",
                round(_gui_stall(root), 1),
                "ms",
                note="target <= 50 ms",
            )
        )
    write_results("sync", figures)


if __name__ == "__main__":
    main()
