"""An empty database with the schema of an open one, made without running the migrations.

The self-test plays the demo against a throwaway store so that the user's resume points are not
touched. Building that store with the migrations would import sqlite-utils (and with it click,
pluggy, dateutil and a scan of every installed package's entry points): a few MiB that stay resident
through the playback that makes the self-test's peak memory. The user's database has just been opened
and migrated, so its own schema is the current one: replaying its ``CREATE`` statements gives the
same tables, indexes, triggers and full-text tables, without any of its rows.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from smrtplayer.common.errors import StoreError
from smrtplayer.store import migrations
from smrtplayer.store.db import APPLICATION_ID, BUSY_TIMEOUT_MS, Store, make_private

# Made by SQLite itself (sqlite_sequence, sqlite_stat1, automatic indexes): never created by a statement
_SQLITE_INTERNAL = "sqlite_%"
# Statements that depend on tables come after all of them; a view before the triggers that may use it.
_KIND_ORDER = ("table", "index", "view", "trigger")


def open_empty_copy(template: Store, path: Path) -> Store:
    """Create at ``path`` a new database with ``template``'s schema, version and record of applied
    migrations, and none of its data; return it open as a ``Store``.

    ``path`` must not hold a database already: nothing is ever overwritten. The template must be at
    this version's schema (``Store.open`` upgrades it), so the copy needs no migration either.
    """
    path = Path(path)
    version = template.schema_version
    if version != migrations.SCHEMA_VERSION:
        raise StoreError(
            f"The database {template.path} is at schema {version}, not {migrations.SCHEMA_VERSION}: "
            "an empty copy of it would not be a database of this smrtplayer."
        )
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"Will not make an empty database at {path}: a file with content is there.")
    statements = _schema_statements(template.conn)
    try:
        make_private(path, create=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"Cannot create the database {path}: {error}.") from error
    store = Store(conn, path)
    try:
        store.configure()
        with store.write():
            for name, sql in statements:
                # A full-text table makes its own shadow tables, which the template lists too.
                if not _exists(conn, name):
                    conn.execute(sql)
            _copy_rows(template.conn, conn, migrations.APPLIED_STEPS_TABLE)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {version}")
    except BaseException:
        conn.close()
        with contextlib.suppress(OSError):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    return store


def _schema_statements(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE ? ORDER BY rowid",
        [_SQLITE_INTERNAL],
    ).fetchall()
    # rowid order is creation order within a kind, which keeps a table renamed into place after the
    # statements it was built from.
    return [(str(name), str(sql)) for kind in _KIND_ORDER for row_kind, name, sql in rows if row_kind == kind]


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None


def _copy_rows(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> None:
    if not _exists(source, table):
        return
    cursor = source.execute(f'SELECT * FROM "{table}"')
    columns = [column[0] for column in cursor.description]
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in columns)
    target.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', cursor.fetchall())
