"""Rolling backups, restore, and start-up recovery of a damaged database (real files, real SQLite)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from helpers.damage import damage_an_index
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.errors import DatabaseCorrupt, StoreError
from smrtplayer.store.backups import diagnose, list_backups


def _fingerprint(context: AppContext) -> str:
    course = context.library.courses()[0]
    return context.library.lessons(course.id)[0].fingerprint


def _bodies(context: AppContext) -> list[str]:
    fingerprint = _fingerprint(context)
    return [note.body for note in context.notes.notes_for(fingerprint)]


def _damage(path: Path) -> None:
    """Scribble over interior pages, keeping the header: the file opens but fails its check."""
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > page * 12
    for index in (2, 5, 8, 11):
        data[page * index : page * index + 900] = b"\xff" * 900
    path.write_bytes(bytes(data))


def test_one_automatic_backup_a_day_and_only_the_newest_are_kept(context: AppContext) -> None:
    daily = [info for info in context.backups.all() if info.kind == "daily"]
    assert len(daily) == 1, "opening took today's backup"
    assert context.backups.daily() is None, "not twice the same day"
    tomorrow = daily[0].taken_at.astimezone().date() + timedelta(days=1)
    assert context.backups.daily(today=tomorrow) is not None
    manual = context.backups.back_up_now()
    context.backups.set_keep(2)
    for _ in range(3):
        context.backups.back_up_now("daily")
    kinds = [info.kind for info in context.backups.all()]
    assert kinds.count("daily") == 2
    assert manual.path.is_file(), "a backup the user made is never pruned"
    assert all(diagnose(info.path).status == "ok" for info in context.backups.all())


def test_restore_brings_back_the_backup_and_keeps_a_copy_of_the_present(context: AppContext) -> None:
    fingerprint = _fingerprint(context)
    context.notes.create(fingerprint, body="before the backup")
    context.notes.flush()
    backup = context.backups.back_up_now()
    context.notes.create(fingerprint, body="after the backup")
    context.notes.flush()
    report = context.backups.restore(backup)
    context.notes.reload_all()
    assert _bodies(context) == ["before the backup"]
    assert report.counts["notes"] == 1
    assert context.search.index.is_consistent()
    assert [r.kind for r in context.search.search("after backup")] == []
    safety = next(info for info in context.backups.all() if info.path == report.safety_copy)
    assert safety.kind == "pre-restore"
    # The present was kept: restoring the safety copy brings "after the backup" back.
    context.backups.restore(safety)
    assert sorted(_bodies(context)) == ["after the backup", "before the backup"]
    # The notes writer (its own connection) keeps working after a restore.
    context.notes.create(fingerprint, body="typed after restoring")
    assert context.notes.flush()


def test_a_damaged_backup_is_refused_and_nothing_changes(context: AppContext) -> None:
    fingerprint = _fingerprint(context)
    context.notes.create(fingerprint, body="keep me")
    context.notes.flush()
    backup = context.backups.back_up_now()
    _damage(backup.path)
    with pytest.raises(StoreError, match="cannot be restored"):
        context.backups.restore(backup)
    assert _bodies(context) == ["keep me"]


def test_corrupt_database_at_start_is_set_aside_and_the_newest_good_backup_restored(
    app_paths: AppPaths,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    context = AppContext.open(app_paths)
    fingerprint = _fingerprint(context)
    context.notes.create(fingerprint, body="older note")
    context.notes.flush()
    older = context.backups.back_up_now()
    context.notes.create(fingerprint, body="newer note")
    context.notes.flush()
    newest = context.backups.back_up_now()
    context.notes.create(fingerprint, body="typed after the last backup")
    context.close()
    _damage(newest.path)  # the newest backup is bad too: the one before it is used
    _damage(app_paths.database)
    damaged_digest = hashlib.sha256(app_paths.database.read_bytes()).hexdigest()

    context = AppContext.open(app_paths)
    try:
        report = context.recovery
        assert report is not None
        assert report.restored_from == older.path
        assert report.backup_taken_at == older.taken_at
        assert report.skipped_backups and newest.path.name in report.skipped_backups[0]
        assert report.counts["notes"] == 1
        assert hashlib.sha256(report.damaged_kept_at.read_bytes()).hexdigest() == damaged_digest
        assert report.damaged_kept_at.parent == app_paths.data / "damaged"
        assert _bodies(context) == ["older note"]
        assert context.store.quick_check() == "ok"
        message = context.notices[0]
        assert "damaged" in message and "1 note" in message and str(report.damaged_kept_at) in message
        assert f"{older.taken_at.astimezone():%B %Y at %H:%M}" in message, "the user is told from when"
    finally:
        context.close()
    # The next start is an ordinary one.
    context = AppContext.open(app_paths)
    try:
        assert context.recovery is None and context.notices == []
    finally:
        context.close()


def test_with_no_usable_backup_the_damaged_file_is_left_untouched(
    app_paths: AppPaths,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    context = AppContext.open(app_paths)
    context.close()
    for info in list_backups(app_paths.backups):
        info.path.unlink()
    _damage(app_paths.database)
    before = app_paths.database.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="No usable backup was found"):
        AppContext.open(app_paths)
    assert app_paths.database.read_bytes() == before
    assert not (app_paths.data / "damaged").exists()


def test_another_programs_database_is_never_moved(app_paths: AppPaths, qapp) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(app_paths)
    context.close()
    app_paths.database.unlink()
    conn = sqlite3.connect(app_paths.database)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseCorrupt, match="another program"):
        AppContext.open(app_paths)
    assert app_paths.database.is_file()


def test_backup_names_give_their_time_and_impossible_dates_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "daily-20261121T031502250Z.sqlite3").write_bytes(b"x")
    (tmp_path / "pre-import-20250101T000000Z.sqlite3").write_bytes(b"yy")
    (tmp_path / "daily-20261399T250000Z.sqlite3").write_bytes(b"renamed by hand")
    found = list_backups(tmp_path)
    assert [(info.kind, info.taken_at.isoformat()) for info in found] == [
        ("daily", "2026-11-21T03:15:02.250000+00:00"),
        ("pre-import", "2025-01-01T00:00:00+00:00"),
    ]


@pytest.mark.parametrize("keep_bytes", [0, 50, 8192], ids=["empty", "header-cut", "truncated"])
def test_an_empty_or_truncated_database_is_damage_and_the_newest_backup_comes_back(
    app_paths: AppPaths,
    keep_bytes: int,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    context = AppContext.open(app_paths)
    context.notes.create(_fingerprint(context), body="kept in the backup")
    context.notes.flush()
    backup = context.backups.back_up_now()
    context.close()
    with app_paths.database.open("r+b") as handle:
        handle.truncate(keep_bytes)

    context = AppContext.open(app_paths)
    try:
        report = context.recovery
        assert report is not None, "an emptied database must not become a new, empty library"
        assert report.restored_from == backup.path
        assert report.damaged_kept_at.stat().st_size == keep_bytes
        assert _bodies(context) == ["kept in the backup"]
        assert "damaged" in context.notices[0] and "1 note" in context.notices[0]
        if keep_bytes == 0:
            assert "empty (0 bytes)" in context.notices[0]
    finally:
        context.close()


def test_an_empty_database_with_no_backup_is_a_first_start_cut_short(
    app_paths: AppPaths,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    app_paths.data.mkdir(parents=True)
    app_paths.database.touch()
    context = AppContext.open(app_paths)
    try:
        assert context.recovery is None
        assert [course.kind for course in context.library.courses()] == ["builtin"]
    finally:
        context.close()


def test_index_damage_is_found_after_start_rebuilt_and_told(
    app_paths: AppPaths,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    context = AppContext.open(app_paths)
    fingerprint = _fingerprint(context)
    context.close()
    damage_an_index(app_paths.database)

    context = AppContext.open(app_paths)
    try:
        with qtbot.waitSignal(context.integrity.checked, timeout=60_000) as delivered:
            context.integrity.start()
        report = delivered.args[0]
        assert report.problems and "lessons_fingerprint" in report.problems[0]
        assert report.repaired and report.message is not None and "rebuilt" in report.message
        assert context.library.lesson_by_fingerprint(fingerprint) is not None
        conn = sqlite3.connect(app_paths.database)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    finally:
        context.close()


def test_damage_an_index_rebuild_cannot_mend_is_told_not_hidden(app_paths: AppPaths, qapp) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.store.integrity import check_and_repair

    context = AppContext.open(app_paths)
    context.close()
    conn = sqlite3.connect(app_paths.database, isolation_level=None)
    try:
        # Two rows that the unique index must keep apart, made while the index was told otherwise.
        index = "idx__sqlite_migrations_migration_set_name"
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [index]).fetchone()[0]
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = ?",
            [sql.replace('("migration_set", "name")', '("migration_set", "name", "applied_at")'), index],
        )
        conn.close()
        conn = sqlite3.connect(app_paths.database, isolation_level=None)
        conn.execute(f"REINDEX {index}")
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "SELECT migration_set, name, 'again' FROM _sqlite_migrations LIMIT 1"
        )
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", [sql, index])
    finally:
        conn.close()
    report = check_and_repair(app_paths.database)
    assert report.problems and not report.repaired and not report.ok
    assert report.message is not None and "damaged" in report.message and "restore a backup" in report.message


def test_a_damaged_database_never_replaces_the_last_good_backup(
    app_paths: AppPaths,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    context = AppContext.open(app_paths)
    context.backups.set_keep(1)
    [good] = [info for info in context.backups.all() if info.kind == "daily"]
    context.close()
    damage_an_index(app_paths.database)

    context = AppContext.open(app_paths)
    try:
        tomorrow = good.taken_at.astimezone().date() + timedelta(days=1)
        assert context.backups.daily(today=tomorrow) is None, "a damaged copy is not kept"
        with pytest.raises(StoreError, match="failed its full check"):
            context.backups.back_up_now()
        assert [info.path for info in context.backups.all()] == [good.path]
        assert diagnose(good.path).status == "ok"
    finally:
        context.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_database_its_log_and_damaged_copies_are_the_owners_alone(
    app_paths: AppPaths,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    previous = os.umask(0o022)
    try:
        context = AppContext.open(app_paths)
        try:
            context.notes.create(_fingerprint(context), body="private")
            context.notes.flush()
            for suffix in ("", "-wal", "-shm"):
                assert mode(Path(f"{app_paths.database}{suffix}")) == 0o600, suffix
        finally:
            context.close()
        app_paths.database.chmod(0o644)  # as an older version left it
        _damage(app_paths.database)
        context = AppContext.open(app_paths)
        try:
            report = context.recovery
            assert report is not None
            assert mode(report.damaged_kept_at) == 0o600
            assert mode(report.damaged_kept_at.parent) == 0o700
            for suffix in ("", "-wal", "-shm"):
                assert mode(Path(f"{app_paths.database}{suffix}")) == 0o600, f"restored{suffix}"
            assert all(mode(info.path) == 0o600 for info in context.backups.all())
        finally:
            context.close()
    finally:
        os.umask(previous)
