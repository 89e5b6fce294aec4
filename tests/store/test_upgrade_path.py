"""Every earlier schema version opens, migrates and keeps all its rows; a failed step keeps the old file.

The fixtures in tests/fixtures/db/ are databases as earlier versions left them (tools/make_db_fixtures.py).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from smrtplayer.common.errors import MigrationFailed
from smrtplayer.store import migrations
from smrtplayer.store.db import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "db"
FIXTURE_FILES = sorted(FIXTURES.glob("schema-v*.sqlite3"), key=lambda p: int(p.stem.split("-v")[1]))
USER_TABLES = (
    "courses",
    "sections",
    "lessons",
    "positions",
    "lesson_progress",
    "settings",
    "played_spans",
    "course_playback",
    "position_practice",
    "hold_presets",
    "plans",
    "plan_steps",
    "practice_log",
)


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in USER_TABLES if t in tables
        }
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_earlier_version() -> None:
    versions = {int(path.stem.split("-v")[1]) for path in FIXTURE_FILES}
    earlier = {int(name[1:4]) for name in migrations.step_names()[:-1]}
    assert earlier <= versions, (
        f"run tools/make_db_fixtures.py --only-missing for {sorted(earlier - versions)}"
    )


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_earlier_database_migrates_and_keeps_every_row(fixture: Path, tmp_path: Path) -> None:
    database = tmp_path / "smrtplayer.sqlite3"
    shutil.copy(fixture, database)
    before = _counts(database)
    assert before["lessons"] == 2 and before["positions"] == 2
    store = Store.open(database, backups_dir=tmp_path / "backups")
    try:
        assert store.schema_version == migrations.SCHEMA_VERSION
        assert store.quick_check() == "ok"
    finally:
        store.close()
    after = _counts(database)
    for table, count in before.items():
        assert after[table] == count, table
    assert len(list((tmp_path / "backups").glob("pre-upgrade-*.sqlite3"))) == 1, "backed up before upgrading"


@pytest.mark.parametrize("fixture", FIXTURE_FILES[:1], ids=lambda p: p.stem)
def test_upgraded_data_is_usable_by_the_current_code(fixture: Path, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    shutil.copy(fixture, paths.database)
    context = AppContext.open(paths)
    try:
        saved = context.progress.get("fp1-" + "a" * 32)
        assert saved is not None and saved.position_ms == 123450
        course = context.library.find_course("hips-sacrum-2024")
        assert course is not None and course.lesson_count == 2
        # Content written before full-text search existed is found by it after the upgrade.
        hits = context.search.search("piriformis")
        kinds = {hit.kind for hit in hits}
        assert {"lesson", "position"} <= kinds, hits
    finally:
        context.close()


def test_a_failing_step_leaves_the_old_database_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "smrtplayer.sqlite3"
    shutil.copy(FIXTURE_FILES[0], database)
    before = _counts(database)
    last = migrations.registry()._migrations[-1]
    real_step = last.fn

    def failing_step(db: object) -> None:
        real_step(db)  # do all of its work, then fail before the upgrade is recorded
        raise RuntimeError("simulated failure in the last step")

    monkeypatch.setattr(last, "fn", failing_step)
    with pytest.raises(MigrationFailed, match="simulated failure"):
        Store.open(database, backups_dir=tmp_path / "backups")
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert applied == ["m001_initial"]
    finally:
        conn.close()
    assert _counts(database) == before
    monkeypatch.undo()
    store = Store.open(database, backups_dir=tmp_path / "backups")  # the next start upgrades it
    try:
        assert store.schema_version == migrations.SCHEMA_VERSION
    finally:
        store.close()
    after = _counts(database)
    assert {table: after[table] for table in before} == before
