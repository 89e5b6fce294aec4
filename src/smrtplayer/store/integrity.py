"""The full check of the database (``PRAGMA integrity_check``) and the repair of damaged indexes.

``quick_check``, run before every open, checks the structure of every page but not that each index
holds exactly its table's rows; ``integrity_check`` does, at the cost of reading every index (~1 s
for a 100 MB database), so it runs on its own connection off the GUI thread. Damage that is only in
indexes is repaired by rebuilding them (``REINDEX``): an index holds nothing that is not in its table.
Neither check can tell that a row's content was changed while staying well-formed.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from smrtplayer.models.backups import IntegrityReport
from smrtplayer.store.db import BUSY_TIMEOUT_MS

#: how many problems SQLite lists at most (it stops there)
MAX_PROBLEMS = 100
_INDEX_ONLY = re.compile(
    r"^(row \d+ missing from index \S+|wrong # of entries in index \S+|non-unique entry in index \S+)$"
)


def integrity_problems(conn: sqlite3.Connection) -> tuple[str, ...]:
    rows = conn.execute(f"PRAGMA integrity_check({MAX_PROBLEMS})").fetchall()
    lines = tuple(str(row[0]) for row in rows)
    return () if lines == ("ok",) else lines


def check_file(path: Path) -> tuple[str, ...]:
    """The problems ``integrity_check`` finds in a closed database file (a backup), read-only."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return integrity_problems(conn)
    finally:
        conn.close()


class IntegrityCheck:
    """The full check of the live database at ``path``, with index damage rebuilt (``run``).

    Opens a connection of its own, so it may run on any thread while the app uses the database;
    ``interrupt`` (from any thread) ends a check still running, as when the app closes.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._interrupted = False

    def run(self) -> IntegrityReport:
        conn = sqlite3.connect(
            self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        self._conn = conn
        try:
            if self._interrupted:
                raise sqlite3.OperationalError("interrupted")
            problems = integrity_problems(conn)
            if not problems or not all(_INDEX_ONLY.match(line) for line in problems):
                return IntegrityReport(problems=problems)
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("REINDEX")
            except sqlite3.IntegrityError:
                # Rows a unique index must keep apart: which one is right is the user's call.
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                return IntegrityReport(problems=problems)
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return IntegrityReport(problems=problems, repaired=not integrity_problems(conn))
        finally:
            self._conn = None
            conn.close()

    def interrupt(self) -> None:
        self._interrupted = True
        conn = self._conn
        if conn is not None:
            conn.interrupt()


def check_and_repair(path: Path) -> IntegrityReport:
    return IntegrityCheck(path).run()
