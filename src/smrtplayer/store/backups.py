"""Backups of the database, recovery of a damaged one at start-up, and the read-only snapshot.

* Backups are made with SQLite's backup API (``Store.backup_to``), never a file copy of a live
  database: automatically once a day (the newest ``keep`` daily ones are kept), before an import of
  user data and before a restore, and on demand ("Back up now", never pruned).
* Recovery: when the database fails its check at start, the damaged file (with its ``-wal``/``-shm``)
  is moved to ``data/damaged/`` (kept, never deleted), the newest backup that passes its own check is
  copied in its place, and a ``RecoveryReport`` says what came back and from when. With no usable
  backup nothing is moved and the original refusal stands.
* Read-only data folder: a WAL database cannot be opened on read-only media even for reading (measured:
  ``mode=ro`` fails with "unable to open database file" after a clean close; ``immutable=1`` opens but
  ignores a ``-wal`` left by a killed process, silently losing its commits). So the app reads a private
  temporary copy of the database and its WAL (``snapshot``), which SQLite recovers normally; copying
  and opening a 95 MB database (100,000 notes) took ~0.1 s here. Nothing is written back.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from smrtplayer.common.errors import DatabaseCorrupt, StoreError
from smrtplayer.models.backups import BackupInfo, RecoveryReport, RestoreReport
from smrtplayer.models.settings import BACKUPS_KEEP, SettingsAccess
from smrtplayer.store import migrations
from smrtplayer.store.db import APPLICATION_ID, Store, is_damage, make_private
from smrtplayer.store.integrity import check_file

log = logging.getLogger(__name__)

KEEP_OTHER = 5  # pre-import and pre-restore copies kept
AUTOMATIC_KINDS = ("daily", "pre-import", "pre-restore")
_NAME = re.compile(
    r"^(?P<kind>[a-z]+(?:-[a-z]+)?)(?P<extra>-v\d+-to-v\d+)?-(?P<stamp>\d{8}T\d{6})(?P<ms>\d{3})?Z\.sqlite3$"
)


class ReadOnlyData(StoreError):
    """The data folder is read-only: the app shows the user's data but cannot change it."""


_PARTIAL = re.compile(r"\.(\d+)\.partial$")
#: an unfinished copy whose writer cannot be identified is removed this long after its last write
STALE_PARTIAL_S = 3600


def _abandoned(path: Path, now: float) -> bool:
    """An unfinished copy whose writing process is gone, or that nobody has written to for long."""
    match = _PARTIAL.search(path.name)
    if match is not None and os.name == "posix":
        pid = int(match.group(1))
        if pid != os.getpid():
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return True
            except OSError:
                pass
    return now - path.stat().st_mtime >= STALE_PARTIAL_S


@dataclass(frozen=True)
class Diagnosis:
    status: str  # ok | damaged | unreadable (I/O error, full disk) | foreign | too-new
    detail: str
    schema_version: int = 0


def diagnose(path: Path) -> Diagnosis:
    """Read-only check of a database file: ours, intact, and not from a newer smrtplayer?"""
    try:
        if path.stat().st_size == 0:
            return Diagnosis("damaged", "the file is empty (0 bytes)")
    except OSError as error:
        return Diagnosis("damaged", f"cannot be opened: {error.strerror or error}")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        return Diagnosis("damaged", f"cannot be opened: {error}")
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        check = str(conn.execute("PRAGMA quick_check").fetchone()[0])
        tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return Diagnosis("damaged" if is_damage(error) else "unreadable", str(error))
    finally:
        conn.close()
    if check != "ok":
        return Diagnosis("damaged", f"quick_check: {check.splitlines()[0]}")
    if application_id != APPLICATION_ID:
        return Diagnosis("foreign" if tables else "damaged", "not a smrtplayer database")
    if version > migrations.SCHEMA_VERSION:
        return Diagnosis("too-new", f"written by a newer smrtplayer (schema {version})", version)
    return Diagnosis("ok", "ok", version)


def backup_stamp(moment: datetime | None = None) -> str:
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%S") + f"{moment.microsecond // 1000:03d}Z"


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first (the name carries the time, so copies keep it)."""
    found: list[BackupInfo] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        taken = _stamp_time(match["stamp"], match["ms"])
        if taken is None:
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path=path, kind=match["kind"], taken_at=taken, size_bytes=size))
    found.sort(key=lambda info: (info.taken_at, info.path.name), reverse=True)
    return found


def count_contents(conn: sqlite3.Connection) -> dict[str, int]:
    """What a user would call their data, counted in ``conn``'s database."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    queries = {
        "notes": ("notes", "SELECT COUNT(*) FROM notes WHERE deleted = 0"),
        "lessons with progress": ("lesson_progress", "SELECT COUNT(*) FROM lesson_progress"),
        "positions you marked": ("positions", "SELECT COUNT(*) FROM positions WHERE source = 'user'"),
        "practice entries": ("practice_log", "SELECT COUNT(*) FROM practice_log"),
        "plans": ("plans", "SELECT COUNT(*) FROM plans"),
        "courses": ("courses", "SELECT COUNT(*) FROM courses"),
    }
    return {
        name: int(conn.execute(sql).fetchone()[0])
        for name, (table, sql) in queries.items()
        if table in tables
    }


def _copy_database(source: Path, destination: Path) -> None:
    """Copy a (closed) database file through the backup API into a new file, atomically."""
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    make_private(partial, create=True)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(destination)


class BackupService:
    """Rolling daily backups, "Back up now", the list, and restore into the open database."""

    def __init__(self, store: Store, folder: Path, settings: SettingsAccess | None = None) -> None:
        self._store = store
        self.folder = folder
        self._settings = settings

    @property
    def keep(self) -> int:
        return self._settings.get(BACKUPS_KEEP) if self._settings is not None else BACKUPS_KEEP.default

    def set_keep(self, count: int) -> None:
        if self._settings is None:
            return
        self._settings.set(BACKUPS_KEEP, BACKUPS_KEEP.clamped(int(count)))
        self.prune()

    def all(self) -> list[BackupInfo]:
        return list_backups(self.folder)

    def back_up_now(self, kind: str = "manual") -> BackupInfo:
        """A consistent copy of the live database, taken with the backup API."""
        path = self.folder / f"{kind}-{backup_stamp()}.sqlite3"
        try:
            self._store.backup_to(path)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                f"The backup could not be written to {self.folder}: {error}. Free some space or check "
                "the folder's permissions; your data was not changed."
            ) from error
        if os.name == "posix":
            with contextlib.suppress(OSError):
                path.chmod(0o600)
        try:
            problems = check_file(path)
        except sqlite3.Error as error:
            problems = (str(error),)
        if problems and kind != "pre-restore":
            # A damaged copy must never push the last good backup out of the ones kept.
            path.unlink(missing_ok=True)
            raise StoreError(
                f"The database failed its full check ({problems[0]}), so no backup was kept: the "
                "backups you have stay as they are. Restore one of them, or export your data."
            )
        info = next(info for info in self.all() if info.path == path)
        log.info("backup written: %s", path)
        if kind in AUTOMATIC_KINDS and not problems:
            self.prune()
        return info

    def daily(self, today: date | None = None) -> BackupInfo | None:
        """Back up unless today's automatic backup exists; errors are logged, never raised."""
        today = today or datetime.now().astimezone().date()
        latest = next((info for info in self.all() if info.kind == "daily"), None)
        if latest is not None and latest.taken_at.astimezone().date() >= today:
            return None
        try:
            return self.back_up_now("daily")
        except StoreError as error:
            log.warning("daily backup skipped: %s", error)
            return None

    def prune(self) -> list[Path]:
        """Drop the oldest automatic copies beyond what is kept; manual ones stay until deleted."""
        removed: list[Path] = []
        counts = dict.fromkeys(AUTOMATIC_KINDS, 0)
        for info in self.all():
            if info.kind not in counts:
                continue
            counts[info.kind] += 1
            limit = self.keep if info.kind == "daily" else KEEP_OTHER
            if counts[info.kind] > limit:
                with contextlib.suppress(OSError):
                    info.path.unlink()
                    removed.append(info.path)
        return removed

    def delete(self, info: BackupInfo) -> None:
        if info.path.parent.resolve() != self.folder.resolve():
            raise StoreError(f"{info.path} is not one of smrtplayer's backups.")
        info.path.unlink(missing_ok=True)

    def restore(self, info: BackupInfo) -> RestoreReport:
        """Replace the open database's contents with the backup, after a safety copy of the present.

        The caller flushes anything still being written (notes) first and reloads its views after.
        """
        diagnosis = diagnose(info.path)
        if diagnosis.status != "ok":
            raise StoreError(
                f"The backup {info.path.name} cannot be restored: {diagnosis.detail}. Your data was "
                "not changed; choose another backup."
            )
        safety = self.back_up_now("pre-restore")
        source = sqlite3.connect(f"{info.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(self._store.conn)
        except sqlite3.Error as error:
            raise StoreError(
                f"Restoring {info.path.name} failed: {error}. The copy taken just before is "
                f"{safety.path.name}."
            ) from error
        finally:
            source.close()
        version = self._store.schema_version
        if version < migrations.SCHEMA_VERSION:
            # The same all-or-nothing upgrade Store.open runs, on the restored contents.
            self._store._migrate(version, None)
        return RestoreReport(
            restored_from=info.path,
            backup_taken_at=info.taken_at,
            safety_copy=safety.path,
            counts=count_contents(self._store.conn),
        )

    # --------------------------------------------------------------------------- at start-up
    @staticmethod
    def remove_interrupted(folder: Path, *, now: float | None = None) -> list[Path]:
        """Delete the unfinished copies (``*.partial``) of backups cut short by a crash.

        A copy is left alone while the process writing it lives (the name carries its pid) and for
        ``STALE_PARTIAL_S`` after its last write when that cannot be told.
        """
        now = time.time() if now is None else now
        removed: list[Path] = []
        try:
            candidates = list(folder.glob("*.partial"))
        except OSError:
            return removed
        for path in candidates:
            try:
                if not _abandoned(path, now):
                    continue
                path.unlink()
            except OSError:
                continue
            removed.append(path)
            log.info("removed the remains of an interrupted backup: %s", path)
        return removed

    @staticmethod
    def recover_damaged(database: Path, backups: Path, problem: DatabaseCorrupt) -> RecoveryReport:
        """Keep the damaged file aside and put the newest good backup in its place.

        Raises ``problem`` again, with the file untouched, when the file is another program's or when
        no backup passes its check.
        """
        diagnosis = diagnose(database)
        if diagnosis.status in ("foreign", "unreadable"):  # not damage: never replace it
            raise problem
        skipped: list[str] = []
        chosen: BackupInfo | None = None
        for info in list_backups(backups):
            check = diagnose(info.path)
            if check.status == "ok":
                chosen = info
                break
            skipped.append(f"{info.path.name}: {check.detail}")
        if chosen is None:
            raise DatabaseCorrupt(
                f"{problem} No usable backup was found in {backups}, so nothing was changed."
            ) from problem
        damaged_dir = database.parent / "damaged"
        damaged_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        kept = damaged_dir / f"{database.stem}-{backup_stamp()}{database.suffix}"
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(database) + suffix)
            if source.exists():
                source.replace(Path(str(kept) + suffix))
        make_private(kept)  # set aside by an older version, it may still be readable by others
        try:
            _copy_database(chosen.path, database)
        except (OSError, sqlite3.Error) as error:
            # Put the damaged file back where it was: never leave the user with neither.
            for suffix in ("", "-wal", "-shm"):
                moved = Path(str(kept) + suffix)
                if moved.exists():
                    moved.replace(Path(str(database) + suffix))
            raise DatabaseCorrupt(
                f"{problem} Restoring the backup {chosen.path.name} failed ({error}); nothing was changed."
            ) from error
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        try:
            counts = count_contents(conn)
        finally:
            conn.close()
        report = RecoveryReport(
            problem=diagnosis.detail if diagnosis.status == "damaged" else str(problem),
            damaged_kept_at=kept,
            restored_from=chosen.path,
            backup_taken_at=chosen.taken_at,
            counts=counts,
            skipped_backups=tuple(skipped),
        )
        log.warning("%s", report.message)
        return report


def snapshot(database: Path) -> tuple[Path, Path]:
    """A private temporary copy of ``database`` and its WAL, for reading a read-only data folder.

    Returns (copy, folder); the caller deletes the folder when done (``discard_snapshot``).
    """
    folder = Path(tempfile.mkdtemp(prefix="smrtplayer-readonly-"))
    copy = folder / database.name
    try:
        shutil.copyfile(database, copy)
        wal = Path(str(database) + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(str(copy) + "-wal"))
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise StoreError(f"Cannot read the database {database}: {error.strerror or error}.") from error
    return copy, folder


def discard_snapshot(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _stamp_time(stamp: str, ms: str | None) -> datetime | None:
    """ "20261121T031500" + "250" -> that UTC time; None for an impossible date (a renamed file).

    By hand rather than ``strptime``, whose first call costs ~2 ms of imports before the first frame.
    """
    try:
        return datetime(
            int(stamp[0:4]),
            int(stamp[4:6]),
            int(stamp[6:8]),
            int(stamp[9:11]),
            int(stamp[11:13]),
            int(stamp[13:15]),
            int(ms or 0) * 1000,
            tzinfo=UTC,
        )
    except ValueError:
        return None
