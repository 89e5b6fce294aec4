"""Opening, checking, migrating and backing up the SQLite database.

Durability choices (measured, see the project's notes on SQLite): WAL with ``synchronous=FULL`` lost no
acknowledged commit under simulated power loss, ``NORMAL`` did; writers use ``BEGIN IMMEDIATE`` so that two
processes queue on the busy timeout instead of failing with "database is locked" mid-transaction.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smrtplayer.common.errors import (
    DatabaseCorrupt,
    MigrationFailed,
    SchemaTooNew,
    StoreError,
    WriteProblem,
    write_problem,
)
from smrtplayer.store import migrations

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

# "SMRT" in ASCII: marks the file as ours so that another program's database is refused, not migrated.
APPLICATION_ID = 0x534D5254
BUSY_TIMEOUT_MS = 5000


def sqlite_library_version() -> str:
    """The SQLite library Python's sqlite3 module runs on (the About box and --version name it)."""
    return sqlite3.sqlite_version


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class EarlyCheck:
    """The read-only look at an existing database that ``Store.open`` starts with (its schema version
    and ``PRAGMA quick_check``, which reads every page), begun early on a thread of its own.

    SQLite releases the GIL while it reads and checks, so the window's start runs it while Qt loads;
    ``Store.open`` then takes its answer (or its error) as if it had looked itself. Nothing is written.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._version = 0
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="database-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._version = _inspect_existing(self.path) if _has_content(self.path) else 0
        except BaseException as error:  # raised again on the opening thread, where it is handled
            self._error = error

    def version(self) -> int:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._version


class Store:
    """The single owner of the application's SQLite connection.

    Repositories take a ``Store`` and do all their writes inside ``with store.write():``.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self.conn = conn
        self._savepoints = itertools.count(1)

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for the few writes that use its table API.

        Made on first use: importing sqlite-utils costs start-up ~80 ms (it imports numpy when
        installed), and most starts neither upgrade nor store a course.
        """
        migrations.load_sqlite_utils()
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # ----------------------------------------------------------------------------------- opening
    @classmethod
    def open(
        cls, path: Path, *, backups_dir: Path | None = None, early_check: EarlyCheck | None = None
    ) -> Store:
        """Check, open and migrate the database at ``path``.

        A database that is damaged, foreign or from a newer smrtplayer is refused before anything is
        written to it. Before a schema upgrade the file is backed up with SQLite's backup API.
        ``early_check``: the same check of this file, already under way (see ``EarlyCheck``).
        """
        path = Path(path)
        if backups_dir is not None and _emptied(path, backups_dir):
            # SQLite would silently start an empty library in it; the backups beside it say it held one.
            raise DatabaseCorrupt(
                f"The database {path} is empty (0 bytes) although backups of it exist in {backups_dir}: "
                "it was cut short (a crash, a full disk or a sync tool). It was left untouched. "
                "Restore a backup, or move the file aside to start afresh."
            )
        if early_check is not None and early_check.path == path:
            existing_version = early_check.version()
        else:
            existing_version = _inspect_existing(path) if _has_content(path) else 0
        make_private(path, create=True)  # before SQLite makes the -wal and -shm, which copy its mode
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as error:
            raise StoreError(
                f"Cannot open the database {path}: {error}.\n"
                "Check that the data folder is writable and not full."
            ) from error
        store = cls(conn, path)
        try:
            store.configure()
            store._migrate(existing_version, backups_dir)
        except BaseException:
            conn.close()
            raise
        return store

    def configure(self) -> None:
        """The pragmas every connection to a smrtplayer database runs with (see the module's notes)."""
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("journal_mode is %s, not WAL", mode)
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as error:
            raise StoreError(
                f"Cannot prepare the database {self.path}: {error}.\n"
                "Check that the data folder is writable and not full."
            ) from error

    def _migrate(self, existing_version: int, backups_dir: Path | None) -> None:
        if existing_version == migrations.SCHEMA_VERSION:
            return  # user_version is written in the transaction that applies the last step
        pending = migrations.pending(self.db)
        if not pending:
            return
        backup_path: Path | None = None
        if existing_version > 0 and backups_dir is not None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            backup_path = (
                backups_dir / f"pre-upgrade-v{existing_version}-to-v{migrations.SCHEMA_VERSION}"
                f"-{stamp}.sqlite3"
            )
            self.backup_to(backup_path)
        try:
            # One IMMEDIATE transaction around every pending step: the upgrade is all or nothing.
            with self.write():
                migrations.apply(self.db)
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION}")
        except Exception as error:
            where = f" A copy made before the upgrade is at {backup_path}." if backup_path else ""
            raise MigrationFailed(
                f"Upgrading the database {self.path} to version {migrations.SCHEMA_VERSION} failed: "
                f"{error}. The database was left at version {existing_version}.{where}"
            ) from error
        log.info("database at schema version %d", migrations.SCHEMA_VERSION)

    # ------------------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """A write transaction taken with ``BEGIN IMMEDIATE``; nested calls become savepoints."""
        if self.conn.in_transaction:
            name = f"nested_{next(self._savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            # On a full disk SQLite has already rolled back; a second ROLLBACK would raise and hide
            # the real error.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def query_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    # ------------------------------------------------------------------------------- maintenance
    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def quick_check(self) -> str:
        return str(self.conn.execute("PRAGMA quick_check").fetchone()[0])

    def backup_to(self, destination: Path) -> Path:
        """Copy the live database through SQLite's backup API (never a file copy of a live DB)."""
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = partial_path(destination)
        try:
            make_private(partial, create=True)
            target = sqlite3.connect(partial)
            try:
                self.conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
            partial.replace(destination)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise
        return destination

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            # Fold the WAL back so a copied data folder carries one self-contained file.
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()


def partial_path(destination: Path) -> Path:
    """Where a copy is written before it is renamed into place; names the writing process, so that
    the next start can tell the remains of a crash (``remove_interrupted_backups``) from a copy being
    written right now by another smrtplayer process."""
    return destination.with_name(f"{destination.name}.{os.getpid()}.partial")


def make_private(database: Path, *, create: bool = False) -> None:
    """Make a database file and its ``-wal`` and ``-shm`` the owner's alone (0600), as notes are.

    With ``create`` a missing file is made empty with that mode first: SQLite gives the ``-wal``
    and ``-shm`` it creates the mode of the database file, whatever the umask.
    """
    if os.name != "posix":
        return
    if create:
        with contextlib.suppress(FileExistsError):
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{database}{suffix}")
        with contextlib.suppress(OSError):
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)


def _emptied(path: Path, backups_dir: Path) -> bool:
    """A database file of 0 bytes in a data folder that has backups: a library that lost its file.

    A 0-byte file with no backup is the first start cut short before SQLite wrote its header."""
    try:
        if path.stat().st_size != 0:
            return False
        return any(entry.suffix == ".sqlite3" and entry.is_file() for entry in backups_dir.iterdir())
    except OSError:
        return False


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


#: What a repository call raises when SQLite refuses a read or write (a full disk, a read-only file, a
#: lock held too long). Services above the store catch this name, so only the store imports sqlite3.
DatabaseError = sqlite3.Error

#: SQLite's primary result codes for a damaged file and for a file that is not a database
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
#: SQLite's primary result codes for a write refused by the file or the disk
_SQLITE_READONLY, _SQLITE_FULL = 8, 13


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """True when SQLite says the file is damaged or not a database (not for I/O errors, a full disk)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # raised without a result code: fall back to SQLite's own wording
        text = str(error).lower()
        return "malformed" in text or "not a database" in text
    return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def database_write_problem(error: BaseException) -> WriteProblem | None:
    """The ``WriteProblem`` behind a failed read or write: from SQLite's result code for a database
    error, from the errno for an ``OSError`` (a backup copy, a WAL file the system refused)."""
    if not isinstance(error, sqlite3.Error):
        return write_problem(error)
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:  # raised without a result code: fall back to SQLite's own wording
        text = str(error).lower()
        if "disk is full" in text:
            return WriteProblem.DISK_FULL
        return WriteProblem.READ_ONLY if "readonly database" in text else None
    return {_SQLITE_FULL: WriteProblem.DISK_FULL, _SQLITE_READONLY: WriteProblem.READ_ONLY}.get(code & 0xFF)


def _space_advice(path: Path) -> str:
    try:
        free = shutil.disk_usage(path.parent).free
    except OSError:
        return "Check that the data folder is readable. "
    if free < 1024 * 1024:
        return f"The disk holding {path.parent} is full: free some space and start smrtplayer again. "
    return "Check that the data folder is readable and writable. "


def _inspect_existing(path: Path) -> int:
    """Read-only look at an existing file; return its schema version or raise without writing."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        raise StoreError(f"Cannot read the database {path}: {error}.") from error
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        if not is_damage(error):
            # An I/O error (a full disk cannot even make the shared-memory file) is not damage: the
            # recovery that damage starts (restore a backup) would be wrong.
            raise StoreError(
                f"Cannot read the database {path}: {error}. {_space_advice(path)}Nothing was changed."
            ) from error
        raise DatabaseCorrupt(
            f"The database {path} is damaged or is not a smrtplayer database ({error}). "
            "It was left untouched. Restore a backup, or move the file aside to start afresh."
        ) from error
    finally:
        conn.close()
    if check != "ok":
        raise DatabaseCorrupt(
            f"The database {path} failed its integrity check ({check}). It was left untouched. "
            "Restore a backup, or move the file aside to start afresh."
        )
    if application_id not in (0, APPLICATION_ID) or (application_id == 0 and tables):
        raise DatabaseCorrupt(
            f"{path} belongs to another program, not smrtplayer. It was left untouched. "
            "Choose another data folder with --data-dir."
        )
    if version > migrations.SCHEMA_VERSION:
        raise SchemaTooNew(
            f"The database {path} was written by a newer smrtplayer (schema {version}; this version "
            f"reads up to {migrations.SCHEMA_VERSION}). It was left untouched. "
            "Install the newer smrtplayer, or use another data folder with --data-dir."
        )
    return version
