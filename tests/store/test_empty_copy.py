"""An empty database with an open one's schema, made without the migrations (the self-test's scratch
store): the same tables, version and record of applied steps, none of the rows, and it takes writes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from smrtplayer.common.errors import StoreError
from smrtplayer.models.settings import VOLUME
from smrtplayer.store import migrations
from smrtplayer.store.db import APPLICATION_ID, Store
from smrtplayer.store.empty_copy import open_empty_copy
from smrtplayer.store.resume import ProgressRepository
from smrtplayer.store.settings import SettingsRepository

SRC = Path(__file__).resolve().parents[2] / "src"


def _schema(path: Path) -> set[tuple[str, str, str, str | None]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        conn.close()
    return {(str(kind), str(name), str(table), sql) for kind, name, table, sql in rows}


@pytest.fixture
def user_store(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A migrated database holding a user's rows."""
    store = Store.open(tmp_path / "user.sqlite3")
    SettingsRepository(store).set(VOLUME, 0.4)
    ProgressRepository(store).save_position("a" * 64, 12_000, 60_000)
    yield store
    store.close()


def test_the_copy_has_the_schema_version_and_steps_of_a_migrated_database_and_no_rows(
    tmp_path: Path, user_store: Store
) -> None:
    with pytest.raises(StoreError, match="Cannot create"):
        open_empty_copy(user_store, tmp_path / "no such folder" / "copy.sqlite3")
    (tmp_path / "scratch").mkdir()
    copy = open_empty_copy(user_store, tmp_path / "scratch" / "copy.sqlite3")
    try:
        assert copy.schema_version == migrations.SCHEMA_VERSION
        assert copy.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert copy.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert copy.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert copy.quick_check() == "ok"
        applied = "SELECT name FROM _sqlite_migrations ORDER BY id"
        assert [row["name"] for row in copy.query(applied)] == migrations.step_names()
        assert copy.query("SELECT * FROM settings") == []
        assert copy.query("SELECT * FROM lesson_progress") == []
    finally:
        copy.close()
    # Every table, index, trigger and full-text table, as the migrations build them in a new file.
    fresh = Store.open(tmp_path / "fresh.sqlite3")
    fresh.close()
    assert _schema(tmp_path / "scratch" / "copy.sqlite3") == _schema(tmp_path / "fresh.sqlite3")
    assert len(_schema(tmp_path / "fresh.sqlite3")) > 50


def test_the_copy_takes_a_resume_write_and_its_triggers_run(tmp_path: Path, user_store: Store) -> None:
    copy = open_empty_copy(user_store, tmp_path / "copy.sqlite3")
    try:
        progress = ProgressRepository(copy)
        progress.save_position("b" * 64, 1_000, 6_000)
        saved = progress.get("b" * 64)
        assert saved is not None and saved.position_ms == 1_000 and saved.duration_ms == 6_000
        # The full-text table and its triggers came across: a note is found by a word of it.
        with copy.write():
            copy.conn.execute(
                "INSERT INTO notes (uid, lesson_fingerprint, body, created_at, updated_at, rev) "
                "VALUES ('n1', ?, 'piriformis release', '2026', '2026', 'r1')",
                ["b" * 64],
            )
        assert copy.query("SELECT rowid FROM search_fts WHERE search_fts MATCH 'piriformis'")
    finally:
        copy.close()
    # The user's own rows are as they were.
    assert ProgressRepository(user_store).get("b" * 64) is None
    kept = ProgressRepository(user_store).get("a" * 64)
    assert kept is not None and kept.position_ms == 12_000
    # Opened again as any database, it needs no upgrade.
    again = Store.open(tmp_path / "copy.sqlite3")
    try:
        assert again.schema_version == migrations.SCHEMA_VERSION
        assert ProgressRepository(again).get("b" * 64) is not None
    finally:
        again.close()


def test_a_file_with_content_is_never_overwritten(tmp_path: Path, user_store: Store) -> None:
    target = tmp_path / "there.sqlite3"
    target.write_bytes(b"someone's file")
    with pytest.raises(StoreError, match="content"):
        open_empty_copy(user_store, target)
    assert target.read_bytes() == b"someone's file"


def test_a_template_at_an_older_schema_is_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE courses (id INTEGER PRIMARY KEY)")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    template = Store(sqlite3.connect(old, isolation_level=None), old)
    try:
        with pytest.raises(StoreError, match="schema 1"):
            open_empty_copy(template, tmp_path / "copy.sqlite3")
    finally:
        template.close()
    assert not (tmp_path / "copy.sqlite3").exists()


def test_making_the_copy_imports_no_sqlite_utils(tmp_path: Path, user_store: Store) -> None:
    # A fresh interpreter: this test process has imported sqlite-utils already.
    probe = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from smrtplayer.store.db import Store\n"
        "from smrtplayer.store.empty_copy import open_empty_copy\n"
        "template = Store.open(Path(sys.argv[1]))\n"
        "copy = open_empty_copy(template, Path(sys.argv[2]))\n"
        "copy.close(); template.close()\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    user_store.close()
    completed = subprocess.run(
        [sys.executable, "-c", probe, str(user_store.path), str(tmp_path / "copy.sqlite3")],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    loaded = set(json.loads(completed.stdout))
    assert "smrtplayer.store.empty_copy" in loaded
    assert not {"sqlite_utils", "click", "pluggy"} & loaded
