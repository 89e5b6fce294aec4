"""Notes: reads on the application's connection, autosave writes on a writer thread of their own.

Why a writer thread: every commit is fsynced (``synchronous=FULL``), and an fsync can take tens of
milliseconds on a slow disk. Typing must never wait for it, so the editor hands the note's latest state
to ``NoteWriter``, which coalesces states per note and commits them on its own connection. The note is
on disk within ``BATCH_DELAY_S`` plus one commit of the last keystroke (well inside the one second the
product promises before a crash).

Revisions: ``rev`` is a digest of what the user sees (lesson, pin, body, deleted). ``history`` keeps
the revisions a note has moved on from, one per editing session, not per keystroke. A merge uses it
to tell a stale copy (its rev is in our history: ignore it) from an edit made on both computers
(neither rev is in the other's history: keep both).
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smrtplayer.common.errors import WriteProblem
from smrtplayer.models.notes import HISTORY_LIMIT, Note, with_rev
from smrtplayer.store.db import BUSY_TIMEOUT_MS, Store, database_write_problem

log = logging.getLogger(__name__)

#: How long the writer waits after an edit for more keystrokes before committing.
BATCH_DELAY_S = 0.2
#: After a failed write (disk full...), how long before the writer tries again by itself.
RETRY_DELAY_S = 3.0


def _note(row: dict[str, Any] | sqlite3.Row) -> Note:
    return Note(
        uid=str(row["uid"]),
        lesson_fingerprint=str(row["lesson_fingerprint"]),
        time_ms=None if row["time_ms"] is None else int(row["time_ms"]),
        position_uid=row["position_uid"],
        body=str(row["body"]),
        created_at=str(row["created_at"]),
        updated_at=str(row["updated_at"]),
        deleted=bool(row["deleted"]),
        rev=str(row["rev"]),
        history=tuple(_history(row["history"])),
    )


def _history(raw: object) -> list[str]:
    try:
        value = json.loads(str(raw))
    except ValueError:
        return []
    return [str(item) for item in value] if isinstance(value, list) else []


def store_note(conn: sqlite3.Connection, note: Note, *, checkpoint: bool) -> bool:
    """Insert or update ``note`` by uid inside the caller's transaction; False when nothing changed.

    ``checkpoint`` records the stored revision in the note's history before replacing it: the first
    save of an editing session does, the keystrokes after it do not.
    """
    note = with_rev(note)
    row = conn.execute("SELECT rev, history FROM notes WHERE uid = ?", [note.uid]).fetchone()
    if row is None:
        conn.execute(
            """
            INSERT INTO notes (uid, lesson_fingerprint, time_ms, position_uid, body, created_at,
                               updated_at, deleted, rev, history)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                note.uid,
                note.lesson_fingerprint,
                note.time_ms,
                note.position_uid,
                note.body,
                note.created_at,
                note.updated_at,
                int(note.deleted),
                note.rev,
                json.dumps(list(note.history[-HISTORY_LIMIT:])),
            ],
        )
        return True
    old_rev, history = str(row[0]), _history(row[1])
    if old_rev == note.rev:
        return False
    if checkpoint and old_rev not in history:
        history.append(old_rev)
    conn.execute(
        """
        UPDATE notes SET time_ms = ?, position_uid = ?, body = ?, updated_at = ?, deleted = ?,
                         rev = ?, history = ?
        WHERE uid = ?
        """,
        [
            note.time_ms,
            note.position_uid,
            note.body,
            note.updated_at,
            int(note.deleted),
            note.rev,
            json.dumps(history[-HISTORY_LIMIT:]),
            note.uid,
        ],
    )
    return True


class NoteRepository:
    """Reads (and merge writes) on the application's own connection."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, uid: str) -> Note | None:
        row = self._store.query_one("SELECT * FROM notes WHERE uid = ?", [uid])
        return _note(row) if row else None

    def for_lesson(self, fingerprint: str, *, include_deleted: bool = False) -> list[Note]:
        rows = self._store.query(
            "SELECT * FROM notes WHERE lesson_fingerprint = ? AND (deleted = 0 OR ?) "
            "ORDER BY time_ms IS NULL, time_ms, created_at, uid",
            [fingerprint, int(include_deleted)],
        )
        return [_note(row) for row in rows]

    def for_lessons(self, fingerprints: Iterable[str]) -> list[Note]:
        """Live notes of several lessons (a course), in the order the caller gave the lessons."""
        order = {fingerprint: index for index, fingerprint in enumerate(dict.fromkeys(fingerprints))}
        if not order:
            return []
        self._store.conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_lessons (fingerprint TEXT)")
        try:
            self._store.conn.execute("DELETE FROM temp.wanted_lessons")
            self._store.conn.executemany(
                "INSERT INTO temp.wanted_lessons VALUES (?)", [(fp,) for fp in order]
            )
            rows = self._store.query(
                "SELECT n.* FROM notes n JOIN temp.wanted_lessons w ON w.fingerprint = n.lesson_fingerprint "
                "WHERE n.deleted = 0"
            )
        finally:
            self._store.conn.execute("DELETE FROM temp.wanted_lessons")
        notes = [_note(row) for row in rows]
        notes.sort(
            key=lambda n: (
                order[n.lesson_fingerprint],
                n.time_ms is None,
                n.time_ms or 0,
                n.created_at,
                n.uid,
            )
        )
        return notes

    def position_starts(self, fingerprint: str) -> dict[str, int]:
        """uid -> start (ms) of the positions in a lesson: where a note pinned to one belongs."""
        rows = self._store.conn.execute(
            "SELECT uid, start_ms FROM positions WHERE lesson_fingerprint = ?", [fingerprint]
        )
        return {str(uid): int(start) for uid, start in rows}

    def position_titles(self, fingerprint: str) -> dict[str, tuple[str, int]]:
        """uid -> (title, start ms) of the positions in a lesson, for headings in exports."""
        rows = self._store.conn.execute(
            "SELECT uid, title, start_ms FROM positions WHERE lesson_fingerprint = ?", [fingerprint]
        )
        return {str(uid): (str(title), int(start)) for uid, title, start in rows}

    def all(self, *, include_deleted: bool = True) -> list[Note]:
        rows = self._store.query(
            "SELECT * FROM notes WHERE deleted = 0 OR ? ORDER BY id", [int(include_deleted)]
        )
        return [_note(row) for row in rows]

    def count(self, *, include_deleted: bool = False) -> int:
        row = self._store.query_one(
            "SELECT COUNT(*) AS n FROM notes WHERE deleted = 0 OR ?", [int(include_deleted)]
        )
        return int(row["n"]) if row else 0

    def lessons_with_notes(self) -> dict[str, int]:
        rows = self._store.query(
            "SELECT lesson_fingerprint, COUNT(*) AS n FROM notes WHERE deleted = 0 "
            "GROUP BY lesson_fingerprint"
        )
        return {str(row["lesson_fingerprint"]): int(row["n"]) for row in rows}

    def by_ids(self, ids: Iterable[int]) -> dict[int, Note]:
        wanted = list(ids)
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self._store.query(f"SELECT * FROM notes WHERE id IN ({marks})", wanted)
        return {int(row["id"]): _note(row) for row in rows}

    def save(self, note: Note, *, checkpoint: bool = True) -> bool:
        """A direct, synchronous save (merges, tests, tools); the editor goes through ``NoteWriter``."""
        with self._store.write():
            return store_note(self._store.conn, note, checkpoint=checkpoint)

    def revisions(self) -> dict[str, tuple[str, str, tuple[str, ...], int]]:
        """uid -> (rev, updated_at, history, deleted) of every note: what a merge compares against."""
        rows = self._store.conn.execute("SELECT uid, rev, updated_at, history, deleted FROM notes")
        return {
            str(uid): (str(rev), str(updated_at), tuple(_history(history)), int(deleted))
            for uid, rev, updated_at, history, deleted in rows
        }


# ------------------------------------------------------------------------------------ writer thread
class _Flush:
    """A request to write everything queued now (or to close), and its answer."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.ok = False
        self.closing = False


@dataclass
class WriteResult:
    """What one commit did, handed back to the GUI thread."""

    saved: dict[str, Note] = field(default_factory=dict)
    error: str | None = None
    transient: bool = False
    #: what the user can do something about, when the error is one of those
    problem: WriteProblem | None = None


class NoteWriter:
    """Commits note states on a thread and connection of its own; the latest state of a note wins.

    ``submit`` never blocks: it puts the state on a queue that only the writer thread reads (no lock
    the writer could be holding is ever taken by the GUI thread). States that fail to commit (disk
    full, locked) stay with the writer and are retried after ``retry_delay_s`` or at the next
    ``submit``; nothing typed is dropped while the process lives.
    """

    def __init__(
        self,
        database: Path,
        on_result: Callable[[WriteResult], None],
        *,
        batch_delay_s: float = BATCH_DELAY_S,
        retry_delay_s: float = RETRY_DELAY_S,
    ) -> None:
        self._database = database
        self._on_result = on_result
        self._batch_delay_s = batch_delay_s
        self._retry_delay_s = retry_delay_s
        self._queue: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="note-writer", daemon=True)
        self._thread.start()

    def submit(self, note: Note, *, checkpoint: bool = False) -> None:
        self._queue.put(("note", (note, checkpoint)))

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Write what is queued now and wait; False if it could not be written within the time."""
        done = _Flush()
        self._queue.put(("flush", done))
        return done.event.wait(timeout_s) and done.ok

    def close(self, timeout_s: float = 10.0) -> bool:
        """Write what is queued, stop the thread; False if something could not be written."""
        done = _Flush()
        self._queue.put(("close", done))
        finished = done.event.wait(timeout_s) and done.ok
        self._thread.join(timeout_s)
        return finished

    # ------------------------------------------------------------------------------- thread
    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        pending: dict[str, tuple[Note, bool]] = {}
        waiting: list[_Flush] = []
        failing = False
        closing = False
        try:
            while True:
                # Wait for work: a first state, then the keystrokes that follow within the batch
                # delay (one commit for them all); a flush or a close cuts the wait short.
                if not pending and not waiting:
                    self._take(self._queue.get(), pending, waiting)
                deadline = time.monotonic() + (self._retry_delay_s if failing else self._batch_delay_s)
                while not waiting and (remaining := deadline - time.monotonic()) > 0:
                    try:
                        kind = self._take(self._queue.get(timeout=remaining), pending, waiting)
                    except queue.Empty:
                        break
                    if failing and kind == "note":
                        break  # a new keystroke after a failure: try again at once
                while True:  # drain what is already queued
                    try:
                        self._take(self._queue.get_nowait(), pending, waiting)
                    except queue.Empty:
                        break
                closing = closing or any(flush.closing for flush in waiting)
                result = WriteResult()
                if pending:
                    if conn is None:
                        conn = self._connect()
                    batch, pending = pending, {}
                    result = self._write(conn, batch)
                    if result.error is not None:
                        for uid, (note, checkpoint) in batch.items():
                            pending.setdefault(uid, (note, checkpoint))
                    try:
                        self._on_result(result)
                    except Exception:  # the GUI side must never kill the writer
                        log.exception("note writer callback failed")
                failing = result.error is not None
                for flush in waiting:
                    flush.ok = not pending
                    flush.event.set()
                waiting = []
                if closing:
                    return
        finally:
            if conn is not None:
                conn.close()

    def _take(
        self, message: tuple[str, Any], pending: dict[str, tuple[Note, bool]], waiting: list[_Flush]
    ) -> str:
        kind, value = message
        if kind == "note":
            note, checkpoint = value
            previous = pending.get(note.uid)
            # A newer keystroke replaces the queued state but keeps its "new editing session" mark.
            pending[note.uid] = (note, checkpoint or (previous is not None and previous[1]))
        else:
            value.closing = kind == "close"
            waiting.append(value)
        return str(kind)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self._database, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _write(self, conn: sqlite3.Connection, batch: dict[str, tuple[Note, bool]]) -> WriteResult:
        try:
            conn.execute("BEGIN IMMEDIATE")
            for note, checkpoint in batch.values():
                store_note(conn, note, checkpoint=checkpoint)
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            # On a full disk SQLite has already rolled back; a second ROLLBACK would raise.
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            text = str(error)
            transient = "locked" in text or "busy" in text
            log.warning("notes not saved (%s): %s", "will retry" if transient else "kept in memory", text)
            return WriteResult(error=text, transient=transient, problem=database_write_problem(error))
        return WriteResult(saved={uid: with_rev(note) for uid, (note, _checkpoint) in batch.items()})
