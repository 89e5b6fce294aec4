"""Damage done to a real database file, the way a disk or a crash would do it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_an_index(database: Path) -> None:
    """Fill the lessons' fingerprint index from another column: every page stays well-formed (so
    ``quick_check`` passes) but the index no longer holds its table's rows."""
    conn = sqlite3.connect(database, isolation_level=None)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'lessons_fingerprint'").fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX lessons_fingerprint ON lessons(title)' "
            "WHERE name = 'lessons_fingerprint'"
        )
    finally:
        conn.close()
    conn = sqlite3.connect(database, isolation_level=None)
    try:
        conn.execute("REINDEX lessons_fingerprint")
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'lessons_fingerprint'", [sql])
    finally:
        conn.close()
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    finally:
        conn.close()
