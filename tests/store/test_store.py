"""The SQLite store: pragmas, migrations, refusals that leave the file untouched, backups."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from smrtplayer.common.errors import DatabaseCorrupt, MigrationFailed, SchemaTooNew
from smrtplayer.models.settings import BUILTIN_STAMPS, VOLUME, WORKING_SIDE
from smrtplayer.store import migrations
from smrtplayer.store.db import APPLICATION_ID, EarlyCheck, Store
from smrtplayer.store.resume import ProgressRepository
from smrtplayer.store.settings import SettingsRepository


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=[False, True], ids=["checked-at-open", "checked-early"])
def open_store(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``Store.open``, checking the file itself or taking up the check the window's start begins on a
    thread while Qt loads (``EarlyCheck``): either way the same file is refused or opened."""

    def opener(path: Path, **kwargs: object) -> Store:
        early = EarlyCheck(path) if request.param else None
        return Store.open(path, early_check=early, **kwargs)  # type: ignore[arg-type]

    return opener


def test_new_database_has_durable_settings_and_current_schema(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    try:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # 2 = FULL: NORMAL loses acknowledged commits on power loss in WAL mode.
        assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert store.schema_version == migrations.SCHEMA_VERSION
        assert store.quick_check() == "ok"
        tables = set(store.db.table_names())
        assert {"courses", "lessons", "positions", "lesson_progress", "settings"} <= tables
    finally:
        store.close()


def test_reopening_applies_nothing_and_keeps_rows(tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    SettingsRepository(store).set(VOLUME, 0.4)
    store.close()
    store = open_store(path, backups_dir=tmp_path / "backups")
    try:
        assert SettingsRepository(store).get(VOLUME) == 0.4
        assert not (tmp_path / "backups").exists(), "no upgrade, so no backup"
    finally:
        store.close()


def test_newer_schema_is_refused_and_file_left_untouched(tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "db.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(SchemaTooNew, match="newer smrtplayer"):
        open_store(path)
    assert _digest(path) == before


def test_corrupt_file_is_refused_and_left_untouched(tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    before = _digest(path)
    with pytest.raises(DatabaseCorrupt, match="left untouched"):
        open_store(path)
    assert _digest(path) == before


def test_damaged_pages_fail_quick_check_and_are_left_untouched(tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    repo = SettingsRepository(store)
    for index in range(400):
        repo.set(BUILTIN_STAMPS.member(f"key-{index}"), "x" * 200)
    store.close()
    data = bytearray(path.read_bytes())
    page = 4096
    # Scribble over an interior page, keeping the header intact so the file still opens.
    data[page * 3 : page * 3 + 600] = b"\xff" * 600
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(DatabaseCorrupt):
        open_store(path)
    assert _digest(path) == before


def test_foreign_database_is_refused(tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseCorrupt, match="another program"):
        open_store(path)


def test_an_early_check_of_another_file_is_not_taken_for_this_one(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"this is not a database at all" * 100)
    path = tmp_path / "db.sqlite3"
    Store.open(path).close()
    store = Store.open(path, early_check=EarlyCheck(other))
    store.close()
    with pytest.raises(DatabaseCorrupt):
        Store.open(other, early_check=EarlyCheck(path))


def test_upgrade_backs_up_first_and_failure_leaves_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulate an older database (only m001 applied) and a failing later step."""
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    ProgressRepository(store).save_position("fp1-abc", 1234)
    store.close()

    # Pretend the database is at version 0 of a two-step schema whose second step fails.
    def m999_broken(db: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(migrations, "pending", lambda db: ["m999_broken"])
    monkeypatch.setattr(migrations, "apply", lambda db, stop_before=None: m999_broken(db))
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 999)
    backups = tmp_path / "backups"
    with pytest.raises(MigrationFailed, match="disk on fire") as raised:
        Store.open(path, backups_dir=backups)
    assert "copy made before the upgrade" in str(raised.value)
    copies = list(backups.glob("pre-upgrade-v*-to-v999-*.sqlite3"))
    assert len(copies) == 1
    monkeypatch.undo()
    # The original still opens at its old version with its rows; so does the backup copy.
    for candidate in (path, copies[0]):
        reopened = Store.open(candidate)
        try:
            assert reopened.schema_version == migrations.SCHEMA_VERSION
            saved = ProgressRepository(reopened).get("fp1-abc")
            assert saved is not None and saved.position_ms == 1234
        finally:
            reopened.close()


def test_write_rolls_back_on_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    settings = SettingsRepository(store)
    try:
        with pytest.raises(ZeroDivisionError), store.write():
            settings.set(VOLUME, 0.5)
            1 / 0  # noqa: B018
        assert store.query_one("SELECT value FROM settings WHERE key = ?", [VOLUME.name]) is None
        assert not store.conn.in_transaction
    finally:
        store.close()


def test_two_connections_writing_never_see_locked_errors(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE + busy timeout: concurrent writers queue instead of failing."""
    path = tmp_path / "db.sqlite3"
    Store.open(path).close()
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        store = Store.open(path)
        repo = ProgressRepository(store)
        try:
            for index in range(150):
                with store.write():
                    current = store.query_one("SELECT COUNT(*) AS n FROM lesson_progress")
                    assert current is not None
                    repo.save_position(f"{name}-{index}", index)
        except BaseException as error:  # collected and asserted below
            errors.append(error)
        finally:
            store.close()

    threads = [threading.Thread(target=writer, args=(f"w{n}",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    store = Store.open(path)
    try:
        row = store.query_one("SELECT COUNT(*) AS n FROM lesson_progress")
        assert row == {"n": 300}
    finally:
        store.close()


def test_backup_is_a_consistent_standalone_copy(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    SettingsRepository(store).set(WORKING_SIDE, "L")
    copy = store.backup_to(tmp_path / "copy" / "backup.sqlite3")
    store.close()
    assert not Path(str(copy) + "-wal").exists()
    check = sqlite3.connect(copy)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    reopened = Store.open(copy)
    try:
        assert SettingsRepository(reopened).get(WORKING_SIDE) == "L"
    finally:
        reopened.close()


def test_database_left_by_a_killed_process_opens(tmp_path: Path) -> None:
    """A WAL file left behind (no checkpoint) is read back, not refused."""
    path = tmp_path / "db.sqlite3"
    store = Store.open(path)
    ProgressRepository(store).save_position("fp1-killed", 4200)
    # Simulate a kill: copy the three files while the connection is still open.
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir()
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            (snapshot / (path.name + suffix)).write_bytes(source.read_bytes())
    store.close()
    reopened = Store.open(snapshot / path.name)
    try:
        saved = ProgressRepository(reopened).get("fp1-killed")
        assert saved is not None and saved.position_ms == 4200
    finally:
        reopened.close()


def test_migration_steps_are_numbered_in_order() -> None:
    names = migrations.step_names()
    assert names[0] == "m001_initial"
    numbers = [int(name[1:4]) for name in names]
    assert numbers == sorted(set(numbers))


def test_creating_a_database_imports_neither_numpy_nor_pandas(tmp_path: Path) -> None:
    # sqlite-utils tries both on import; the store never hands it their number types.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from smrtplayer.store.db import Store\n"
        f"store = Store.open(Path({str(tmp_path / 'new.sqlite3')!r}))\n"
        "store.db.table('probe').insert({'n': 1})\n"
        "store.close()\n"
        "print(sorted(name for name in ('numpy', 'pandas', 'sqlite_utils') if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "['sqlite_utils']"


def test_numpy_already_imported_stays_usable(tmp_path: Path) -> None:
    import numpy

    migrations.load_sqlite_utils()
    assert sys.modules["numpy"] is numpy
