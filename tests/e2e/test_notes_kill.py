"""A note typed into the real notes panel survives the process being killed (SIGKILL, no clean-up).

The app runs in a subprocess (offscreen Qt), the text is typed with real key events, and the process
is killed one second after the last key: the product's promise is that such a note is on disk.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.ui.notes.notes_panel import NotesPanel

app = QApplication([])
context = AppContext.open(AppPaths.resolve(sys.argv[1]))
course = context.library.courses()[0]
lesson = context.library.lessons(course.id)[0]
panel = NotesPanel(context, position_provider=lambda: 2000)
panel.set_lesson(lesson)
panel.resize(400, 500)
panel.show()
card = panel.new_note()
text = sys.argv[2]
mode = sys.argv[3]
if mode == "all":
    QTest.keyClicks(card.editor, text)
    print("typed", flush=True)
else:
    position = 0
    def type_one():
        global position
        QTest.keyClicks(card.editor, text[position])
        position += 1
        print(f"typed {position}", flush=True)
        if position < len(text):
            QTimer.singleShot(15, type_one)
    QTimer.singleShot(0, type_one)
app.exec()
"""


def _start(data_dir: Path, text: str, mode: str) -> subprocess.Popen[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("DISPLAY", None)
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), text, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=environment,
    )


def _wait_for(process: subprocess.Popen[str], prefix: str) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(prefix):
            return line
    raise AssertionError(f"the app ended (code {process.wait()}) before printing {prefix!r}")


def _notes(data_dir: Path) -> list[str]:
    # A plain connection, as the next start would: SQLite replays the WAL the killed process left.
    conn = sqlite3.connect(data_dir / "smrtplayer.sqlite3")
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return [row[0] for row in conn.execute("SELECT body FROM notes WHERE deleted = 0")]
    finally:
        conn.close()


def test_a_note_typed_one_second_before_sigkill_is_there_on_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    text = "Gluteus medius: thumb 2 cm above the trochanter, knee soft, hold 30 s."
    process = _start(data_dir, text, "all")
    try:
        _wait_for(process, "typed")
        time.sleep(1.0)  # the promise: one second between the last key and the crash
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert _notes(data_dir) == [text]

    # And the app itself opens normally on what the killed process left.
    restarted = subprocess.run(
        [sys.executable, "-m", "smrtplayer", "--data-dir", str(data_dir), "courses"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert restarted.returncode == 0, restarted.stderr


def test_killed_while_typing_leaves_a_clean_prefix_of_the_text(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    text = "Piriformis, prone: slow approach, wait for the release before moving on. " * 2
    process = _start(data_dir, text, "one-by-one")
    try:
        _wait_for(process, "typed 60")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    saved = _notes(data_dir)
    assert len(saved) == 1
    assert text.startswith(saved[0]), "never a torn or mixed text"
