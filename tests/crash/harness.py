"""Kill the real app with SIGKILL at random moments and check what it left behind.

A campaign runs ``worker.py`` (one kind of work per data folder, see its docstring) as a subprocess,
kills it after a random delay (from its start, to land in start-up, or from the moment it reports
that it is working), then checks the data folder against the worker's acknowledgement journal:

1. the database as the killed process left it (a plain SQLite connection, as the next start would
   see it): ``PRAGMA integrity_check`` is ok, ``PRAGMA foreign_key_check`` is empty, and everything
   the journal acknowledges is there (per kind, see ``_check_*``);
2. a fresh start on that folder in this process (``AppContext.open``, or the clean-up and
   ``Store.open`` it does for the migrated databases): no recovery was needed, the app's own reads
   agree, and the start-up clean-up leaves no staging folder, no course folder without its course
   and no unfinished backup copy behind. What the kill left before that clean-up is counted as
   "leftovers" in the report.

Then the next worker starts on the same folder, so each kill also tests starting on what the previous
one left. Kinds run side by side in a few lanes (each kind in one folder, one run at a time). The seed
picks every delay and every worker's choices (the order the lanes draw them in depends on timing, so a
replay is close, not exact); a failure names it (set ``CRASH_SEED`` to replay).

The 5 s position check compares the resume point with the furthest position the worker saw played
(journalled before the kill, so it never overstates the loss); the loss estimated from the kill moment
itself is reported too, never asserted (it assumes the playhead kept moving).
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crash.worker import COUNTER_KEY, make_old_database, numbered_steps
from smrtplayer.library.staging import UNCOMMITTED_MARKER

WORKER = Path(__file__).with_name("worker.py")
KINDS = ("play", "note", "import", "backup", "migrate")
#: the product's promise: a crash loses at most the last 5 s of playback position
POSITION_LOSS_LIMIT_MS = 5000
#: share of kills aimed at start-up (from the process start) rather than at the work itself
STARTUP_KILL_SHARE = 0.2
STARTUP_KILL_S = (0.05, 1.0)
WORK_KILL_S = {"play": (0.05, 8.0)}
DEFAULT_WORK_KILL_S = (0.05, 2.0)
READY_TIMEOUT_S = 60.0
#: the play worker's clip is reset to its start when the resume point gets this close to its end
PLAY_END_MARGIN_MS = 120_000
PLAY_CLIP_S = 1200
IMPORT_LESSONS = 3
SEED_NOTES = 300


class CrashCheckFailed(AssertionError):
    pass


# ------------------------------------------------------------------------------------------ inputs
@dataclass(frozen=True)
class Sources:
    """Media made once per test session: a long lesson to play and small courses to import."""

    play_course: Path
    import_courses: tuple[Path, ...]

    @classmethod
    def make(cls, folder: Path) -> Sources:
        from helpers.media import write_clip

        play = folder / "Long course"
        play.mkdir(parents=True, exist_ok=True)
        write_clip(
            play / "01 - Long lesson.mp4", seconds=PLAY_CLIP_S, size=(64, 48), fps=10, rgb=(30, 90, 160)
        )
        courses = []
        for number in range(4):
            course = folder / f"Course {number + 1}"
            for lesson in range(IMPORT_LESSONS):
                (course / f"Part {lesson + 1}").mkdir(parents=True, exist_ok=True)
                write_clip(
                    course / f"Part {lesson + 1}" / f"{lesson + 1:02d} - Lesson.mp4",
                    seconds=1.0,
                    size=(64, 48),
                    fps=10,
                    rgb=(40 * number, 60 + 50 * lesson, 200 - 30 * number),
                )
            courses.append(course)
        return cls(play, tuple(courses))


# ----------------------------------------------------------------------------------------- journal
class JournalReader:
    """Reads the records appended since the last call; a torn last line waits for the next call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = 0

    def new_records(self) -> list[dict[str, Any]]:
        try:
            with self.path.open("rb") as handle:
                handle.seek(self._offset)
                data = handle.read()
        except FileNotFoundError:
            return []
        end = data.rfind(b"\n") + 1
        self._offset += end
        return [json.loads(line) for line in data[:end].splitlines() if line.strip()]


@contextlib.contextmanager
def _connect(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def _schema(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    rows = conn.execute("SELECT type, name, COALESCE(sql, '') FROM sqlite_master").fetchall()
    return {(str(a), str(b), " ".join(str(c).split())) for a, b, c in rows}


def _files(folder: Path) -> dict[str, int]:
    """Relative path -> size of every file under ``folder``."""
    return {
        path.relative_to(folder).as_posix(): path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file()
    }


def _schema_of(path: Path) -> set[tuple[str, str, str]]:
    with _connect(path) as conn:
        return _schema(conn)


# ---------------------------------------------------------------------------------------- results
@dataclass
class Report:
    seed: int
    kills: Counter[str] = field(default_factory=Counter)
    startup_kills: Counter[str] = field(default_factory=Counter)
    checks: Counter[str] = field(default_factory=Counter)
    position_losses_ms: list[int] = field(default_factory=list)
    playhead_losses_ms: list[int] = field(default_factory=list)
    leftovers: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.kills.values())

    def summary(self) -> str:
        per_kind = ", ".join(f"{kind} {self.kills[kind]}" for kind in KINDS if self.kills[kind])
        startup = sum(self.startup_kills.values())
        lines = [
            f"crash campaign seed={self.seed}: {self.total} SIGKILLs survived ({per_kind}; "
            f"{startup} during start-up) in {self.seconds:.1f} s",
            f"  checks passed: {sum(self.checks.values())} ("
            + ", ".join(f"{name} {count}" for name, count in sorted(self.checks.items()))
            + ")",
        ]
        if self.position_losses_ms:
            losses = sorted(self.position_losses_ms)
            lines.append(
                f"  playback position lost at a kill: max {losses[-1]} ms, median "
                f"{losses[len(losses) // 2]} ms over {len(losses)} kills while playing "
                f"(limit {POSITION_LOSS_LIMIT_MS} ms)"
            )
        if self.playhead_losses_ms:
            lost = sorted(self.playhead_losses_ms)
            lines.append(
                f"  estimated from the kill moment (playhead assumed still moving): max {lost[-1]} ms, "
                f"median {lost[len(lost) // 2]} ms"
            )
        if self.leftovers:
            lines.append("  leftovers seen: " + ", ".join(f"{k} {v}" for k, v in self.leftovers.items()))
        return "\n".join(lines)


# ------------------------------------------------------------------------------------------- lanes
class Lane:
    """One kind of work on one data folder: its worker runs, its journal, what has been checked."""

    def __init__(self, kind: str, folder: Path, seed: int, sources: Sources, report: Report) -> None:
        self.kind = kind
        self.folder = folder
        self.data = folder / "data"
        self.journal = folder / "journal.jsonl"
        self.stderr = folder / "worker-stderr.log"
        self.seed = seed
        self.sources = sources
        self.report = report
        self.reader = JournalReader(self.journal)
        self.run = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.ready: queue.SimpleQueue[float] = queue.SimpleQueue()
        self.deadline: float | None = None
        self.startup_kill = False
        self.killed_at = 0.0
        self.state: dict[str, Any] = {}

    def where(self) -> str:
        return f"[seed {self.seed}, {self.kind} run {self.run}, folder {self.folder}]"

    def fail(self, message: str) -> CrashCheckFailed:
        return CrashCheckFailed(f"{message} {self.where()}")

    # ---------------------------------------------------------------------------------- process
    def spawn(self, rng: random.Random) -> None:
        environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        environment.pop("DISPLAY", None)
        command = [
            sys.executable,
            str(WORKER),
            self.kind,
            "--data",
            str(self.data),
            "--journal",
            str(self.journal),
            "--run",
            str(self.run),
            "--seed",
            str(self.seed),
        ]
        for source in self.sources.import_courses:
            command += ["--source", str(source)]
        with self.stderr.open("ab") as log:
            log.write(f"--- run {self.run}\n".encode())
            log.flush()
            self.process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=log, env=environment, start_new_session=True
            )
        started = time.monotonic()
        self.ready = queue.SimpleQueue()
        threading.Thread(target=self._read_stdout, args=(self.process, self.ready), daemon=True).start()
        self.startup_kill = rng.random() < STARTUP_KILL_SHARE
        if self.startup_kill:
            self.deadline = started + rng.uniform(*STARTUP_KILL_S)
        else:
            self.deadline = None
            self._work_delay = rng.uniform(*WORK_KILL_S.get(self.kind, DEFAULT_WORK_KILL_S))
        self._started = started

    @staticmethod
    def _read_stdout(process: subprocess.Popen[bytes], ready: queue.SimpleQueue[float]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == b"ready":
                ready.put(time.monotonic())

    def poll(self) -> bool:
        """Advance this lane; True when its worker was just killed (the caller checks then)."""
        process = self.process
        assert process is not None
        now = time.monotonic()
        if self.deadline is None:
            with contextlib.suppress(queue.Empty):
                self.deadline = self.ready.get_nowait() + self._work_delay
            if self.deadline is None and now - self._started > READY_TIMEOUT_S:
                self._kill()
                raise self.fail(f"the worker did not start working within {READY_TIMEOUT_S} s")
        if process.poll() is not None:
            raise self.fail(
                f"the worker ended by itself (status {process.returncode}) instead of being killed:\n"
                + self.stderr_tail()
            )
        if self.deadline is not None and now >= self.deadline:
            self.killed_at = time.monotonic()
            self._kill()
            if process.returncode != -signal.SIGKILL:
                raise self.fail(f"the worker ended with {process.returncode}:\n{self.stderr_tail()}")
            self.report.kills[self.kind] += 1
            if self.startup_kill:
                self.report.startup_kills[self.kind] += 1
            return True
        return False

    def _kill(self) -> None:
        process = self.process
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._kill()
        self.process = None

    def stderr_tail(self, lines: int = 40) -> str:
        try:
            text = self.stderr.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    # ---------------------------------------------------------------------------------- checks
    def passed(self, name: str, count: int = 1) -> None:
        self.report.checks[name] += count

    def check(self) -> None:
        """Everything the killed run acknowledged is there, on disk and after a fresh start."""
        records = self.reader.new_records()
        getattr(self, f"_check_{self.kind}")(records)
        self.run += 1
        self.process = None

    def _database(self) -> Path:
        return self.data / "smrtplayer.sqlite3"

    def _raw_integrity(self, path: Path) -> None:
        if not path.exists():
            return
        with _connect(path) as conn:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise self.fail(f"integrity_check of {path.name} after the kill: {result[:5]}")
            self.passed("integrity_check")
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise self.fail(f"rows pointing at missing rows in {path.name}: {broken[:5]}")
            self.passed("foreign_key_check")

    @contextlib.contextmanager
    def _fresh_start(self) -> Iterator[Any]:
        """The next start of the app on this folder, in this process."""
        from smrtplayer.app.context import AppContext
        from smrtplayer.app.paths import AppPaths

        context = AppContext.open(AppPaths.resolve(self.data))
        try:
            if context.recovery is not None or context.read_only:
                raise self.fail(f"the next start had to recover or went read-only: {context.notices}")
            if context.store.quick_check() != "ok":
                raise self.fail("quick_check failed after the next start")
            self.passed("next start opens normally")
            yield context
        finally:
            context.close()

    # ------------------------------------------------------------------------------------ play
    def _check_play(self, records: list[dict[str, Any]]) -> None:
        state = self.state
        opened = [r for r in records if r["ev"] == "open"]
        acked = [r for r in records if r["ev"] in ("open", "saved")]
        seen = [r["pos"] for r in records if r["ev"] == "seen"]
        self._raw_integrity(self._database())
        fingerprint = opened[-1]["fp"] if opened else state.get("fp")
        if fingerprint is None:
            return  # killed before the lesson was ever opened
        state["fp"] = fingerprint
        with _connect(self._database()) as conn:
            row = conn.execute(
                "SELECT position_ms FROM lesson_progress WHERE lesson_fingerprint = ?", [fingerprint]
            ).fetchone()
        saved = int(row[0]) if row else None
        if acked:
            if saved is None or saved < acked[-1]["pos"]:
                raise self.fail(
                    f"the resume point is {saved} ms, but {acked[-1]['pos']} ms was acknowledged as saved"
                )
            self.passed("acknowledged position kept")
        elif state.get("verified") is not None and saved != state["verified"]:
            raise self.fail(f"the resume point moved from {state['verified']} to {saved} ms in a start-up")
        last_seen = next((r for r in reversed(records) if r["ev"] == "seen"), None)
        if last_seen is not None and saved is not None and self.killed_at - last_seen["t"] < 0.5:
            # Where the playhead was at the kill, assuming it kept going at 1x (a figure, not a check).
            playhead = last_seen["pos"] + round((self.killed_at - last_seen["t"]) * 1000)
            self.report.playhead_losses_ms.append(max(0, playhead - saved))
        if seen and saved is not None:
            loss = max(seen) - saved
            self.report.position_losses_ms.append(max(0, loss))
            if loss > POSITION_LOSS_LIMIT_MS:
                raise self.fail(
                    f"{loss} ms of playback position lost: played up to {max(seen)} ms, resume point "
                    f"{saved} ms (acknowledged saves: {[r['pos'] for r in acked][-4:]})"
                )
            self.passed("position loss within 5 s")
        with self._fresh_start() as context:
            progress = context.progress.get(fingerprint)
            if saved is not None and (progress is None or progress.position_ms != saved):
                raise self.fail("the app reads another resume point than the database holds")
            duration = opened[-1]["duration"] if opened else state.get("duration")
            state["duration"] = duration
            if saved is not None and duration and saved > duration - PLAY_END_MARGIN_MS:
                context.progress.save_position(fingerprint, 0)  # start the long lesson over
                saved = 0
        state["verified"] = saved

    # ------------------------------------------------------------------------------------ note
    def _check_note(self, records: list[dict[str, Any]]) -> None:
        state = self.state
        plans: dict[tuple[int, int], str] = state.setdefault("plans", {})
        acked: dict[str, str] = state.setdefault("acked", {})
        owners: dict[str, tuple[int, int]] = state.setdefault("owners", {})  # note uid -> plan
        for record in records:
            if record["ev"] == "plan":
                plans[(record["run"], record["idx"])] = record["text"]
            elif record["ev"] == "created":
                owners[record["uid"]] = (record["run"], record["idx"])
            elif record["ev"] == "ack":
                acked[record["uid"]] = record["body"]
        self._raw_integrity(self._database())
        with _connect(self._database()) as conn:
            rows = {
                uid: (body, bool(deleted))
                for uid, body, deleted in conn.execute("SELECT uid, body, deleted FROM notes")
            }
        for uid, body in acked.items():
            if uid not in rows or rows[uid][1]:
                raise self.fail(f"the acknowledged note {uid} ({body[:40]!r}...) is missing")
            if not rows[uid][0].startswith(body):
                raise self.fail(f"note {uid} holds {rows[uid][0]!r}, older than the acknowledged {body!r}")
        self.passed("acknowledged notes kept", len(acked))
        for uid, (body, _deleted) in rows.items():
            if not body:
                continue
            match = re.match(r"^\[r(\d+)n(\d+)\] ", body + " ")
            owner = owners.get(uid) or (match and (int(match.group(1)), int(match.group(2))))
            candidates = [plans[owner]] if owner in plans else list(plans.values())
            if not any(plan.startswith(body) for plan in candidates):
                raise self.fail(f"note {uid} holds a text that was never typed: {body!r}")
        self.passed("note texts are clean prefixes", len(rows))
        with self._fresh_start() as context:
            course = context.library.courses()[0]
            fingerprint = context.library.lessons(course.id)[0].fingerprint
            shown = {note.uid: note.body for note in context.notes.notes_for(fingerprint)}
            for uid, body in acked.items():
                if not shown.get(uid, "").startswith(body):
                    raise self.fail(f"the notes panel would not show the acknowledged note {uid}")
            self.passed("notes shown after the next start", len(acked))

    # ---------------------------------------------------------------------------------- import
    def _check_import(self, records: list[dict[str, Any]]) -> None:
        state = self.state
        last: dict[str, str] = state.setdefault("last", {})
        uids: dict[str, str] = state.setdefault("uids", {})  # source folder -> course uid
        for record in records:
            if record["ev"] == "importing" and record["source"] in uids:
                last[uids[record["source"]]] = "importing"  # may be stored without its acknowledgement
            elif record["ev"] in ("imported", "removing", "removed"):
                last[record["uid"]] = record["ev"]
                if record["ev"] == "imported":
                    uids[record["source"]] = record["uid"]
        self._raw_integrity(self._database())
        with _connect(self._database()) as conn:
            courses = {
                uid: (course_id, Path(root))
                for course_id, uid, root in conn.execute(
                    "SELECT id, uid, root_path FROM courses WHERE kind != 'builtin'"
                )
            }
            for uid, (course_id, root) in courses.items():
                lessons = conn.execute(
                    "SELECT rel_path, size_bytes, section_id FROM lessons WHERE course_id = ?", [course_id]
                ).fetchall()
                if len(lessons) != IMPORT_LESSONS or any(section is None for *_x, section in lessons):
                    raise self.fail(f"course {uid} is half stored: {len(lessons)} lessons")
                for rel_path, size, _section in lessons:
                    path = root / rel_path
                    if not path.is_file() or path.stat().st_size != size:
                        raise self.fail(f"course {uid} is stored but its file {path} is not complete")
            self.passed("stored courses complete (rows and files)", len(courses))
        for uid, event in last.items():
            if event == "imported" and uid not in courses:
                raise self.fail(f"the acknowledged import of {uid} is gone")
            if event == "removed" and uid in courses:
                raise self.fail(f"the acknowledged removal of {uid} came undone")
        self.passed("acknowledged imports and removals kept", len(last))
        library = self.data / "library"
        stored = {root.resolve() for _id, root in courses.values()}
        for folder in library.iterdir() if library.is_dir() else ():
            if folder.name.startswith(".importing-"):
                self.report.leftovers["staging folders (before the next start)"] += 1
            elif folder.resolve() not in stored:
                self.report.leftovers["course copies without a course row (before the next start)"] += 1
        copies = [_files(source) for source in self.sources.import_courses]
        with self._fresh_start() as context:
            staging = sorted(library.glob(".importing-*"))
            if staging:
                raise self.fail(f"staging folders left after the next start: {staging}")
            self.passed("no staging left after the next start")
            roots = {course.root_path.resolve() for course in context.library.courses()}
            missing = [c.uid for c in context.library.courses() if not c.available]
            if missing:
                raise self.fail(f"courses shown as missing after the next start: {missing}")
        for folder in library.iterdir():
            if folder.resolve() not in roots:
                kind = "whole" if _files(folder) in copies else "half-made or half-deleted"
                raise self.fail(f"a {kind} course folder without a course was left: {folder}")
            if (folder / UNCOMMITTED_MARKER).exists():
                raise self.fail(f"the stored course in {folder} is still marked uncommitted")
        self.passed("no course folder left without its course")

    # ---------------------------------------------------------------------------------- backup
    def _check_backup(self, records: list[dict[str, Any]]) -> None:
        state = self.state
        backups: dict[str, int] = state.setdefault("backups", {})
        for record in records:
            if record["ev"] == "counter":
                state["counter"] = record["value"]
            elif record["ev"] == "backup":
                backups[record["path"]] = record["counter"]
            elif record["ev"] == "deleting":
                backups.pop(record["path"], None)
        self._raw_integrity(self._database())
        with _connect(self._database()) as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", [COUNTER_KEY]).fetchone()
            notes = conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        counter = json.loads(row[0]) if row else 0
        if counter < state.get("counter", 0):
            raise self.fail(f"counter {counter} is older than the acknowledged {state['counter']}")
        self.passed("acknowledged setting kept")
        from smrtplayer.store import migrations
        from smrtplayer.store.db import APPLICATION_ID

        for name, expected in backups.items():
            path = Path(name)
            if not path.is_file():
                raise self.fail(f"the acknowledged backup {path.name} is gone")
            with _connect(path, read_only=True) as conn:
                result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                held = conn.execute("SELECT value FROM settings WHERE key = ?", [COUNTER_KEY]).fetchone()
                copied = conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
            if result != ["ok"] or version != migrations.SCHEMA_VERSION or app_id != APPLICATION_ID:
                raise self.fail(f"backup {path.name}: integrity {result[:3]}, version {version}")
            if held is None or json.loads(held[0]) < expected or copied != notes:
                raise self.fail(f"backup {path.name} lacks what was acknowledged before it")
        self.passed("acknowledged backups open and pass integrity_check", len(backups))
        if list((self.data / "backups").glob("*.partial")):
            self.report.leftovers["unfinished backup copies (before the next start)"] += 1
        with self._fresh_start() as context:
            listed = {str(info.path) for info in context.backups.all()}
            if not set(backups) <= listed:
                raise self.fail(f"the backup list lacks {sorted(set(backups) - listed)}")
            self.passed("backups listed after the next start", len(backups))
            partial = list((self.data / "backups").glob("*.partial"))
            if partial:
                raise self.fail(f"unfinished backup copies left after the next start: {partial}")
            self.passed("no unfinished backup left after the next start")

    # --------------------------------------------------------------------------------- migrate
    def _check_migrate(self, records: list[dict[str, Any]]) -> None:
        from smrtplayer.store import migrations
        from smrtplayer.store.backups import BackupService
        from smrtplayer.store.db import Store

        created = {r["path"]: r for r in records if r["ev"] == "created"}
        migrated = {r["path"] for r in records if r["ev"] == "migrated"}
        retired = {r["path"] for r in records if r["ev"] == "retiring"}
        # The database whose creation was cut short: all of it or nothing.
        folder = self.data / "migrations"
        for path in sorted(folder.glob(f"db-{self.run}-*.sqlite3")) if folder.is_dir() else []:
            if str(path) in created or str(path) in retired:
                continue
            self._raw_integrity(path)
            with _connect(path) as conn:
                tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
            if tables:
                if not 0 < version < migrations.SCHEMA_VERSION or _schema_of(path) != reference_schema(
                    version
                ):
                    raise self.fail(f"{path.name}, cut short while being written, is half made")
                self._check_seed(path, path.stem.removeprefix("db-"), version)
            self.passed("old database written all or nothing")
        for name, record in created.items():
            if name in retired:
                continue
            path = Path(name)
            self._raw_integrity(path)
            with _connect(path) as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                schema = _schema(conn)
            allowed = (
                {migrations.SCHEMA_VERSION}
                if name in migrated
                else {record["version"], migrations.SCHEMA_VERSION}
            )
            if version not in allowed:
                raise self.fail(f"{path.name} is at version {version}, expected one of {sorted(allowed)}")
            if schema != reference_schema(version):
                raise self.fail(f"{path.name} says version {version} but its schema is another one")
            self._check_seed(path, record["seed"], version)
            self.passed("migration all or nothing (schema matches its version)")
            for backup in sorted(Path(record["backups"]).glob("*.sqlite3")):
                self._raw_integrity(backup)
                with _connect(backup) as conn:
                    if conn.execute("PRAGMA user_version").fetchone()[0] != record["version"]:
                        raise self.fail(f"the pre-upgrade backup {backup.name} is not at the old version")
                self._check_seed(backup, record["seed"], record["version"])
                self.passed("pre-upgrade backup complete")
            if list(Path(record["backups"]).glob("*.partial")):
                self.report.leftovers["unfinished pre-upgrade copies (before the next start)"] += 1
            # The next start, as AppContext.open does it: clean-up first, then open (and upgrade).
            BackupService.remove_interrupted(Path(record["backups"]))
            if list(Path(record["backups"]).glob("*.partial")):
                raise self.fail("an unfinished pre-upgrade copy survived the start-up clean-up")
            store = Store.open(path, backups_dir=Path(record["backups"]))
            try:
                if store.schema_version != migrations.SCHEMA_VERSION or store.quick_check() != "ok":
                    raise self.fail(f"{path.name} does not reopen at the current version")
            finally:
                store.close()
            self._check_seed(path, record["seed"], migrations.SCHEMA_VERSION)
            self.passed("next open migrates or reads it")

    def _check_seed(self, path: Path, seed: str, version: int) -> None:
        from smrtplayer.store import migrations

        with _connect(path) as conn:
            progress = conn.execute(
                "SELECT lesson_fingerprint, position_ms FROM lesson_progress ORDER BY position_ms"
            ).fetchall()
            position = conn.execute("SELECT id FROM positions WHERE uid = ?", [f"pos-{seed}"]).fetchone()
            setting = conn.execute("SELECT value FROM settings WHERE key = 'crash.seed'").fetchone()
            indexed = None
            if version == migrations.SCHEMA_VERSION and position is not None:
                indexed = conn.execute(
                    "SELECT COUNT(*) FROM search_fts WHERE rowid = ?", [(1 << 40) + position[0] * 4 + 3]
                ).fetchone()[0]
        expected = [(f"fp-{seed}-{index}", index * 1000 + 7) for index in range(20)]
        if progress != expected or position is None or setting is None or json.loads(setting[0]) != seed:
            raise self.fail(f"{path.name} (version {version}) lost the rows it was written with")
        if version == migrations.SCHEMA_VERSION and indexed != 1:
            raise self.fail(f"{path.name} was upgraded without the data step of the newest migration")
        self.passed("rows kept through the migration")


_REFERENCE: dict[int, set[tuple[str, str, str]]] = {}


def reference_schema(version: int) -> set[tuple[str, str, str]]:
    """The schema a database at ``version`` has (built once, in a scratch folder)."""
    if version not in _REFERENCE:
        import tempfile

        from smrtplayer.store import migrations
        from smrtplayer.store.db import Store

        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / "reference.sqlite3"
            if version == migrations.SCHEMA_VERSION:
                Store.open(path).close()
            else:
                steps = next(i for i, (_n, number) in enumerate(numbered_steps(), 1) if number == version)
                make_old_database(path, steps, "reference")
            with _connect(path) as conn:
                _REFERENCE[version] = _schema(conn)
    return _REFERENCE[version]


# ---------------------------------------------------------------------------------------- campaign
def prepare(kind: str, data: Path, sources: Sources) -> None:
    """What each kind's folder holds before the first kill (made with the app's own services)."""
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.models.notes import Note
    from smrtplayer.store.db import utc_now
    from smrtplayer.store.notes import NoteRepository

    if kind == "migrate":
        data.mkdir(parents=True)
        return
    context = AppContext.open(AppPaths.resolve(data))
    try:
        if kind == "play":
            context.library.import_course(sources.play_course, mode="link")
        elif kind == "backup":
            repository = NoteRepository(context.store)
            lesson = context.library.lessons(context.library.courses()[0].id)[0]
            now = utc_now()
            with context.store.write():
                for index in range(SEED_NOTES):
                    repository.save(
                        Note(f"seed-{index}", lesson.fingerprint, index * 10, None, "x" * 300, now, now)
                    )
    finally:
        context.close()


def run_campaign(
    plan: dict[str, int], folder: Path, sources: Sources, *, seed: int | None = None, lanes: int = 3
) -> Report:
    """Kill each kind's worker ``plan[kind]`` times, checking after every kill; raise on a failure."""
    if seed is None:
        seed = int(os.environ.get("CRASH_SEED") or random.SystemRandom().randrange(1, 10**9))
    print(f"crash campaign seed={seed} (replay with CRASH_SEED={seed})", flush=True)
    rng = random.Random(seed)
    report = Report(seed)
    started = time.monotonic()
    all_lanes: dict[str, Lane] = {}
    for kind in KINDS:
        if plan.get(kind):
            lane = Lane(kind, folder / kind, seed, sources, report)
            prepare(kind, lane.data, sources)
            all_lanes[kind] = lane
    remaining = {kind: plan[kind] for kind in all_lanes}
    running: list[Lane] = []
    try:
        while running or any(remaining.values()):
            while len(running) < lanes:
                idle = [k for k, n in remaining.items() if n and all_lanes[k] not in running]
                if not idle:
                    break
                # The play worker's kills take longest: keep it going; otherwise the most work left.
                kind = max(idle, key=lambda k: (k == "play", remaining[k]))
                remaining[kind] -= 1
                all_lanes[kind].spawn(rng)
                running.append(all_lanes[kind])
            for lane in list(running):
                if lane.poll():
                    running.remove(lane)
                    lane.check()
            time.sleep(0.01)
    finally:
        for lane in running:
            lane.stop()
        report.seconds = time.monotonic() - started
    return report


def cleanup(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
