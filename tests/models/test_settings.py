"""The settings registry: declarations, typed reads with defaults, validated writes, what is exported."""

from __future__ import annotations

import json
import logging
import re
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from smrtplayer.holds.cues import PROFILES
from smrtplayer.models.settings import (
    AUTOPLAY_NEXT_S,
    BACKUPS_KEEP,
    BUILTIN_STAMPS,
    HOLD_CUE_PROFILE,
    HOLD_OPTIONS,
    INSTALL_ID,
    LOCAL_SETTING_PREFIXES,
    LOOP_REPEATS,
    MUTED,
    SELF_TEST_LAST_RUN,
    SHORTCUTS,
    SUBTITLE_SCALE,
    VOLUME,
    WORKING_SIDE,
    Setting,
    SettingError,
    declare,
    declared_settings,
    find_setting,
    known_setting,
)
from smrtplayer.store.db import Store
from smrtplayer.store.exchange.settings import SettingItem, SettingsSection
from smrtplayer.store.settings import SettingsRepository

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "db" / "schema-v1.sqlite3"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "db.sqlite3")
    yield opened
    opened.close()


def _store_raw(store: Store, key: str, text: str) -> None:
    with store.write():
        store.conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-01-01T00:00:00.000+00:00') "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, text],
        )


def _stored(store: Store, key: str) -> str | None:
    row = store.query_one("SELECT value FROM settings WHERE key = ?", [key])
    return None if row is None else str(row["value"])


# ---------------------------------------------------------------------------------- declarations
def test_every_declaration_is_complete_and_its_default_allowed() -> None:
    settings = declared_settings()
    assert len({setting.name for setting in settings}) == len(settings)
    for setting in settings:
        assert setting.doc.strip(), setting.name
        assert setting.accepts(setting.default), setting.name
        assert find_setting(setting.name) is setting


def test_a_name_is_declared_once_and_a_default_must_be_allowed() -> None:
    with pytest.raises(SettingError, match="declared twice"):
        declare(Setting("volume", float, 0.5, "again"))
    with pytest.raises(SettingError, match="not allowed"):
        declare(Setting("test.too_loud", float, 2.0, "out of its own range", minimum=0, maximum=1))
    assert find_setting("test.too_loud") is None


def test_local_names_and_the_export_flag_agree() -> None:
    with pytest.raises(SettingError, match="local settings"):
        declare(Setting("local.test_exported", int, 0, "a local name said to travel"))
    with pytest.raises(SettingError, match="local settings"):
        declare(Setting("test.kept_here", int, 0, "a user name said to stay", exported=False))
    for setting in declared_settings():
        assert setting.exported == (not setting.name.startswith(LOCAL_SETTING_PREFIXES)), setting.name
    assert not INSTALL_ID.exported and not SELF_TEST_LAST_RUN.exported
    assert not BUILTIN_STAMPS.member("demo").exported
    assert VOLUME.exported and SHORTCUTS.exported and HOLD_CUE_PROFILE.exported


def test_families_name_one_setting_per_thing() -> None:
    member = find_setting("local.builtin_stamp.demo-course")
    assert member is not None and member.name == "local.builtin_stamp.demo-course"
    assert member.kind is str and member.default == ""
    assert find_setting("local.builtin_stamp.") is None
    with pytest.raises(SettingError):
        BUILTIN_STAMPS.member("")


def test_the_hold_options_and_the_cue_profiles_match_the_hold_code() -> None:
    assert set(HOLD_CUE_PROFILE.choices) == set(PROFILES)
    assert HOLD_CUE_PROFILE.default in PROFILES
    assert all(name.startswith("holds.") and setting.name == name for name, setting in HOLD_OPTIONS.items())


# ------------------------------------------------------------------------------------ validation
@pytest.mark.parametrize(
    ("setting", "value", "expected"),
    [
        (VOLUME, 0.4, 0.4),
        (VOLUME, 1, 1.0),  # JSON gives a whole number back as int
        (MUTED, True, True),
        (AUTOPLAY_NEXT_S, 0, 0),
        (LOOP_REPEATS, None, None),
        (LOOP_REPEATS, 3, 3),
        (WORKING_SIDE, "L", "L"),
        (SHORTCUTS, {"capture": ["S", "F9"]}, {"capture": ["S", "F9"]}),
    ],
)
def test_values_the_settings_take(setting: Setting[object], value: object, expected: object) -> None:
    checked = setting.validate(value)
    assert checked == expected and type(checked) is type(expected)


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (VOLUME, 1.5),
        (VOLUME, -0.1),
        (VOLUME, float("nan")),
        (VOLUME, "0.5"),
        (VOLUME, True),
        (MUTED, 1),
        (AUTOPLAY_NEXT_S, 2.5),
        (AUTOPLAY_NEXT_S, None),
        (LOOP_REPEATS, 0),
        (BACKUPS_KEEP, 366),
        (SUBTITLE_SCALE, 0.1),
        (WORKING_SIDE, "both"),
        (HOLD_CUE_PROFILE, "disco"),
        (SHORTCUTS, {"capture": "S"}),
        (SHORTCUTS, {"capture": [1]}),
        (SHORTCUTS, ["S"]),
    ],
)
def test_values_the_settings_refuse(setting: Setting[object], value: object) -> None:
    assert not setting.accepts(value)
    with pytest.raises(SettingError, match=re.escape(setting.name)):
        setting.validate(value)


def test_the_expectation_says_what_is_allowed() -> None:
    assert VOLUME.expectation() == "a number from 0 to 1"
    assert LOOP_REPEATS.expectation() == "a whole number from 1 to 1000 or null"
    assert WORKING_SIDE.expectation() == "one of '', 'L', 'R'"


def test_clamping_moves_a_number_into_the_range() -> None:
    assert BACKUPS_KEEP.clamped(0) == 1 and BACKUPS_KEEP.clamped(1000) == 365 and BACKUPS_KEEP.clamped(9) == 9
    assert VOLUME.clamped(1.7) == 1.0


# ------------------------------------------------------------------------------- the repository
def test_a_fresh_database_reads_every_default(store: Store) -> None:
    repo = SettingsRepository(store)
    for setting in declared_settings():
        assert repo.get(setting) == setting.default
    shortcuts = repo.get(SHORTCUTS)
    shortcuts["capture"] = ["F9"]
    assert SHORTCUTS.default == {} and repo.get(SHORTCUTS) == {}, "the declared default is not shared"


def test_values_are_stored_as_the_same_json_as_before(store: Store) -> None:
    repo = SettingsRepository(store)
    repo.set_many({VOLUME: 0.45, MUTED: True, LOOP_REPEATS: None, WORKING_SIDE: "R"})
    repo.set(SHORTCUTS, {"capture": ["S", "F9"]})
    repo.set(BUILTIN_STAMPS.member("demo"), "abc")
    assert _stored(store, "volume") == "0.45"
    assert _stored(store, "muted") == "true"
    assert _stored(store, "loop_repeats") == "null"
    assert _stored(store, "index.working_side") == '"R"'
    assert _stored(store, "shortcuts") == '{"capture": ["S", "F9"]}'
    assert _stored(store, "local.builtin_stamp.demo") == '"abc"'
    assert repo.get(VOLUME) == 0.45 and repo.get(MUTED) is True and repo.get(LOOP_REPEATS) is None


def test_an_old_database_reads_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(FIXTURE_V1, path)
    store = Store.open(path)
    try:
        assert SettingsRepository(store).get(VOLUME) == 0.6
    finally:
        store.close()


@pytest.mark.parametrize(
    ("setting", "stored"),
    [
        (VOLUME, "7"),  # out of range
        (VOLUME, '"loud"'),  # wrong type
        (MUTED, "1"),  # a number is no flag
        (BACKUPS_KEEP, "0"),
        (LOOP_REPEATS, "-2"),
        (WORKING_SIDE, '"up"'),
        (SHORTCUTS, '{"capture": "S"}'),
        (SUBTITLE_SCALE, "{"),  # not JSON at all
        (SHORTCUTS, "[" * 100_000 + "]" * 100_000),  # JSON nested beyond Python's recursion limit
    ],
)
def test_a_bad_stored_value_reads_as_the_default_with_one_log_line(
    store: Store, caplog: pytest.LogCaptureFixture, setting: Setting[object], stored: str
) -> None:
    _store_raw(store, setting.name, stored)
    repo = SettingsRepository(store)
    with caplog.at_level(logging.WARNING, logger="smrtplayer.store.settings"):
        assert repo.get(setting) == setting.default
        assert repo.get(setting) == setting.default
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 1, "once per setting, not at every read"
    assert setting.name in lines[0] and "using the default" in lines[0]
    assert _stored(store, setting.name) == stored, "a read never rewrites the row"


def test_a_bad_write_is_refused_and_writes_nothing(store: Store) -> None:
    repo = SettingsRepository(store)
    repo.set(VOLUME, 0.5)
    with pytest.raises(SettingError, match="volume"):
        repo.set(VOLUME, 2.0)
    with pytest.raises(SettingError, match=r"backups\.keep"):
        repo.set_many({MUTED: True, BACKUPS_KEEP: 0})
    assert repo.get(VOLUME) == 0.5 and _stored(store, "muted") is None, "all of them or none"


def test_an_undeclared_setting_is_refused_at_write_and_read(store: Store) -> None:
    repo = SettingsRepository(store)
    stray = Setting("theme", str, "light", "never declared")
    with pytest.raises(SettingError, match="no such setting"):
        repo.set(stray, "dark")
    with pytest.raises(SettingError, match="no such setting"):
        repo.get(stray)
    with pytest.raises(SettingError):
        known_setting("theme")
    assert _stored(store, "theme") is None


def test_a_write_is_checked_against_the_declaration_not_the_object_given(store: Store) -> None:
    lookalike = Setting("volume", float, 1.0, "a copy with a wider range", minimum=0, maximum=10)
    with pytest.raises(SettingError):
        SettingsRepository(store).set(lookalike, 5.0)


# --------------------------------------------------------------------------------- the service
def test_the_service_reads_writes_and_names_what_changed(store: Store, qapp) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.app.settings import SettingsService

    service = SettingsService(SettingsRepository(store))
    changed: list[str] = []
    service.changed.connect(changed.append)
    service.set(SUBTITLE_SCALE, 1.4)
    service.set_many({VOLUME: 0.2, MUTED: True})
    assert service.get(SUBTITLE_SCALE) == 1.4 and service.get(VOLUME) == 0.2
    assert changed == ["subtitle_scale", "volume", "muted"]
    with pytest.raises(SettingError):
        service.set(VOLUME, 3.0)
    assert changed == ["subtitle_scale", "volume", "muted"], "a refused write announces nothing"


# -------------------------------------------------------------------------------- export, merge
def _item(key: str, value: str) -> SettingItem:
    return SettingItem(key=key, value=value, updated_at=datetime(2026, 1, 1, tzinfo=UTC))


def test_the_export_holds_the_exported_settings_only(store: Store) -> None:
    repo = SettingsRepository(store)
    repo.set_many({VOLUME: 0.3, INSTALL_ID: "abc", SELF_TEST_LAST_RUN: 1.0})
    repo.set(BUILTIN_STAMPS.member("demo"), "x")
    _store_raw(store, "theme", '"dark"')  # a setting this version does not know
    keys = [item.key for item in SettingsSection().dump(store.conn)]
    assert keys == ["volume"]


def test_an_import_is_checked_by_the_registry() -> None:
    section = SettingsSection()
    assert section.check(_item("volume", "0.8")) is None
    assert section.check(_item("shortcuts", '{"capture": ["S"]}')) is None
    assert section.check(_item("volume", "8")) == "its value is not a number from 0 to 1"
    assert (
        section.check(_item("holds.cue_profile", '"disco"'))
        == "its value is not one of 'clinic', 'self_care'"
    )
    assert section.check(_item("volume", "{")) == "its value is not JSON"
    assert section.check(_item("local.install_id", '"abc"')) == "it belongs to one computer only"
    assert section.check(_item("local.from_a_newer_version", "1")) == "it belongs to one computer only"
    assert section.check(_item("theme", '"dark"')) is None, "unknown: skipped at merge, not refused"


def test_a_merge_skips_settings_this_version_does_not_know(store: Store) -> None:
    section = SettingsSection()
    with store.write():
        count = section.merge(store.conn, [_item("volume", "0.8"), _item("theme", '"dark"')])
    assert (count.added, count.skipped) == (1, 1)
    assert SettingsRepository(store).get(VOLUME) == 0.8
    assert _stored(store, "theme") is None
    assert json.loads(_stored(store, "volume") or "null") == 0.8
