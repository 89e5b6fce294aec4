"""One kind of work, done in a loop by the real app code until the process is killed (SIGKILL).

Run as ``python worker.py KIND --data DIR --journal FILE --run N --seed S`` (offscreen Qt). After each
operation returns successfully, a line is appended to the acknowledgement journal (a file outside the
data folder, written with ``os.write`` and ``os.fsync``): the harness then checks that everything the
journal acknowledges is in the data folder after the kill. Kinds:

* ``play``: plays the first lesson of the library's first imported course; journals the resume point
  read back after opening (``open``), every save the controller acknowledges (``saved``, from
  ``progress_saved``) and, without fsync, the positions it has seen played (``seen``).
* ``note``: types notes through ``NotesService`` in bursts of keystrokes; when the service says
  everything typed is on disk (``saved``), journals each note's body (``ack``). The whole text a note
  is going to get is journalled first (``plan``), so that any body found later can be checked for
  being a clean prefix of it.
* ``import``: removes the imported course (``removing``/``removed``) and imports the next generated
  course folder in copy mode (``imported`` with its uid, lesson count and folder).
* ``backup``: bumps a counter setting (``counter``), backs up (``backup``, with the counter it must
  hold) and deletes all but the newest few manual backups (``deleting``/``deleted``).
* ``migrate``: writes a database at an older schema version with known rows (``created``), then opens
  it with ``Store.open`` so that it is upgraded (``migrated``).

A worker that fails by itself prints the traceback and exits with status 3: the harness reports it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import sys
import time
import traceback
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOTE_WORDS = (
    "gluteus medius",
    "piriformis",
    "subscapularis",
    "thumb",
    "2 cm",
    "above the trochanter",
    "hold 30 s",
    "slow approach",
    "wait for the release",
    "prone",
    "supine",
    "side-lying",
    "knee soft",
    "→ then",
    "L/R",
    "résumé",
    "## heading",
    "- point",
    "@0:07",
    "`code`",
    "<img src=x>",
    "übung",
)
COUNTER_KEY = "crash.counter"
KEEP_BACKUPS = 4
KEEP_MIGRATIONS = 3
FAILED = 3


class Journal:
    """Append-only JSON lines; acknowledgements are fsynced before the next operation starts."""

    def __init__(self, path: Path, run: int) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._run = run

    def write(self, event: str, *, durable: bool = True, **fields: Any) -> None:
        record = {"run": self._run, "ev": event, "t": time.monotonic(), **fields}
        os.write(self._fd, (json.dumps(record, ensure_ascii=False) + "\n").encode())
        if durable:
            os.fsync(self._fd)


def note_text(seed: int, run: int, index: int) -> str:
    """The whole text note ``index`` of run ``run`` will be typed to (deterministic)."""
    rng = random.Random(f"{seed}-{run}-{index}")
    words = [rng.choice(NOTE_WORDS) for _ in range(rng.randint(8, 40))]
    return f"[r{run}n{index}] " + " ".join(words)


def numbered_steps() -> list[tuple[str, int]]:
    from smrtplayer.store import migrations

    return [(name, int(name[1:4])) for name in migrations.step_names()]


def make_old_database(path: Path, steps: int, seed: str) -> dict[str, Any]:
    """A database as an older smrtplayer left it: the first ``steps`` migrations, with known rows."""
    import sqlite_utils

    from smrtplayer.store import migrations
    from smrtplayer.store.db import APPLICATION_ID

    names = numbered_steps()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        db = sqlite_utils.Database(conn)
        conn.execute("BEGIN IMMEDIATE")
        migrations.apply(db, stop_before=names[steps][0] if steps < len(names) else None)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {names[steps - 1][1]}")
        now = "2024-05-01T10:00:00.000+00:00"
        for index in range(20):
            conn.execute(
                "INSERT INTO lesson_progress (lesson_fingerprint, position_ms, duration_ms, watched, "
                "updated_at) VALUES (?, ?, ?, ?, ?)",
                [f"fp-{seed}-{index}", index * 1000 + 7, 60_000, index % 2, now],
            )
        conn.execute(
            "INSERT INTO positions (uid, lesson_fingerprint, source, start_ms, end_ms, title, "
            "created_at, updated_at) VALUES (?, ?, 'user', 1000, 4000, ?, ?, ?)",
            [f"pos-{seed}", f"fp-{seed}-0", f"Marked {seed}", now, now],
        )
        conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)",
            ["crash.seed", json.dumps(seed), now],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return {"version": names[steps - 1][1], "seed": seed}


# ------------------------------------------------------------------------------------------ kinds
def _context(data: Path) -> Any:
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    return AppContext.open(AppPaths.resolve(data))


def run_play(args: argparse.Namespace, journal: Journal) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    context = _context(args.data)
    course = next(course for course in context.library.courses() if course.kind != "builtin")
    lesson = context.library.lessons(course.id)[0]
    playback = context.playback
    fingerprint = lesson.fingerprint
    last_seen = [-1_000_000]

    def on_saved(position: int) -> None:
        journal.write("saved", fp=fingerprint, pos=int(position))

    def on_position(position: int) -> None:
        if playback.is_playing() and abs(position - last_seen[0]) >= 100:
            last_seen[0] = position
            journal.write("seen", durable=False, fp=fingerprint, pos=int(position))

    def on_failed(message: str) -> None:
        print(f"playback failed: {message}", file=sys.stderr, flush=True)
        app.exit(FAILED)

    playback.progress_saved.connect(on_saved)
    playback.position_changed.connect(on_position)
    playback.media_failed.connect(on_failed)
    playback.open_lesson(lesson, autoplay=True)
    resumed = context.progress.get(fingerprint)
    journal.write(
        "open",
        fp=fingerprint,
        pos=resumed.position_ms if resumed else 0,
        duration=lesson.duration_ms,
    )
    print("ready", flush=True)
    return int(app.exec())


def run_note(args: argparse.Namespace, journal: Journal) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    context = _context(args.data)
    notes = context.notes
    course = context.library.courses()[0]
    fingerprint = context.library.lessons(course.id)[0].fingerprint
    rng = random.Random(f"{args.seed}-{args.run}-note")
    typed: dict[str, str] = {}  # uid -> body handed to the service
    state: dict[str, Any] = {"index": -1, "uid": None, "text": "", "burst": 0, "waiting": False}

    def start_note() -> None:
        if state["uid"] is not None:
            notes.end_editing(state["uid"])
        state["index"] += 1
        text = note_text(args.seed, args.run, state["index"])
        journal.write("plan", idx=state["index"], text=text)
        note = notes.create(fingerprint, time_ms=rng.randint(0, 5000))
        journal.write("created", durable=False, idx=state["index"], uid=note.uid)
        state.update(uid=note.uid, text=text)
        typed[note.uid] = ""

    def keystroke() -> None:
        uid, text = state["uid"], state["text"]
        if uid is None or typed[uid] == text:
            start_note()
            uid, text = state["uid"], state["text"]
        body = text[: len(typed[uid]) + 1]
        notes.edit(uid, body)
        typed[uid] = body
        state["burst"] -= 1
        if state["burst"] > 0:
            QTimer.singleShot(rng.choice((0, 5, 15, 30)), keystroke)
        else:
            state["waiting"] = True  # a pause in typing: the next burst starts once it is saved

    def on_saved() -> None:
        for uid, body in typed.items():
            journal.write("ack", uid=uid, body=body)
        if state["waiting"]:
            state["waiting"] = False
            state["burst"] = rng.randint(1, 40)
            QTimer.singleShot(rng.randint(0, 80), keystroke)

    def on_failed(message: str) -> None:
        print(f"note not saved: {message}", file=sys.stderr, flush=True)
        app.exit(FAILED)

    notes.saved.connect(on_saved)
    notes.save_failed.connect(on_failed)
    state["burst"] = rng.randint(1, 40)
    QTimer.singleShot(0, keystroke)
    print("ready", flush=True)
    return int(app.exec())


def run_import(args: argparse.Namespace, journal: Journal) -> int:
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication([])
    context = _context(args.data)
    sources = [Path(source) for source in args.source]
    index = args.run
    print("ready", flush=True)
    while True:
        for course in context.library.courses():
            if course.kind == "builtin":
                continue
            journal.write("removing", uid=course.uid)
            context.library.remove_course(course.id)
            journal.write("removed", uid=course.uid)
        source = sources[index % len(sources)]
        index += 1
        journal.write("importing", durable=False, source=str(source))
        report = context.library.import_course(source, mode="copy")
        journal.write(
            "imported",
            uid=report.uid,
            lessons=report.lesson_count,
            root=str(report.root_path),
            source=str(source),
        )


def run_backup(args: argparse.Namespace, journal: Journal) -> int:
    from PySide6.QtCore import QCoreApplication

    _app = QCoreApplication([])
    from smrtplayer.models.settings import Setting, declare

    # A setting of this worker's own (never the app's): the harness reads it back after the crash.
    counter_setting = declare(Setting(COUNTER_KEY, int, 0, "Backups taken by this worker.", minimum=0))
    context = _context(args.data)
    counter = context.settings.get(counter_setting)
    print("ready", flush=True)
    while True:
        counter += 1
        context.settings.set(counter_setting, counter)
        journal.write("counter", value=counter)
        info = context.backups.back_up_now()
        journal.write("backup", path=str(info.path), counter=counter)
        manual = [item for item in context.backups.all() if item.kind == "manual"]
        for old in manual[KEEP_BACKUPS:]:
            journal.write("deleting", path=str(old.path))
            context.backups.delete(old)
            journal.write("deleted", path=str(old.path))


def run_migrate(args: argparse.Namespace, journal: Journal) -> int:
    from smrtplayer.store.db import Store

    folder = args.data / "migrations"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{args.seed}-{args.run}-migrate")
    steps = len(numbered_steps())
    made: list[Path] = []
    print("ready", flush=True)
    for iteration in range(1_000_000):
        path = folder / f"db-{args.run}-{iteration}.sqlite3"
        backups = folder / f"backups-{args.run}-{iteration}"
        seed = f"{args.run}-{iteration}"
        created = make_old_database(path, rng.randint(1, steps - 1), seed)
        journal.write("created", path=str(path), backups=str(backups), **created)
        store = Store.open(path, backups_dir=backups)
        try:
            version = store.schema_version
        finally:
            store.close()
        journal.write("migrated", path=str(path), version=version)
        made.append(path)
        for old in made[:-KEEP_MIGRATIONS]:
            journal.write("retiring", path=str(old))
            for suffix in ("", "-wal", "-shm"):
                Path(str(old) + suffix).unlink(missing_ok=True)
            shutil.rmtree(
                old.with_name(old.name.replace("db-", "backups-").removesuffix(".sqlite3")),
                ignore_errors=True,
            )
            made.remove(old)
    return 0


KINDS = {
    "play": run_play,
    "note": run_note,
    "import": run_import,
    "backup": run_backup,
    "migrate": run_migrate,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=sorted(KINDS))
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--journal", type=Path, required=True)
    parser.add_argument("--run", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--source", action="append", default=[])
    args = parser.parse_args(argv)
    journal = Journal(args.journal, args.run)
    journal.write("start", durable=False, pid=os.getpid())
    try:
        return KINDS[args.kind](args, journal)
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
