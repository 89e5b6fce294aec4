"""Moving data between computers: export on one data folder, merge into another that has its own data.

Two real AppContexts (two data folders) play the two computers. The demo course gives both the same
lesson fingerprints, as the same purchased course does on two machines whatever its folder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers.cli import run_cli
from helpers.exchange import add_plan, add_practice, count, demo_lessons
from smrtplayer.app.context import AppContext
from smrtplayer.models.settings import INSTALL_ID, SUBTITLE_SCALE
from smrtplayer.store.db import utc_now
from smrtplayer.store.exchange import SECTIONS_BY_NAME, MergeCount
from smrtplayer.store.exchange.exportfile import (
    ExportFileError,
    export_data,
    import_data,
    read_export,
)


def _live_bodies(context: AppContext) -> list[str]:
    return sorted(r[0] for r in context.store.conn.execute("SELECT body FROM notes WHERE deleted = 0"))


def _user_position(context: AppContext, uid: str, fingerprint: str, title: str) -> None:
    now = utc_now()
    with context.store.write():
        context.store.conn.execute(
            "INSERT INTO positions (uid, lesson_fingerprint, source, start_ms, end_ms, title, muscles, "
            "created_at, updated_at) VALUES (?, ?, 'user', 1000, 2000, ?, '[\"psoas\"]', ?, ?)",
            [uid, fingerprint, title, now, now],
        )


def _fill_first_computer(context: AppContext) -> None:
    lessons = demo_lessons(context)
    for index in range(5):
        context.notes.create(lessons[index % 3].fingerprint, time_ms=index * 1000, body=f"A note {index}")
    gone = context.notes.create(lessons[0].fingerprint, body="A note deleted")
    context.notes.delete(gone.uid)
    assert context.notes.flush()
    context.progress.save_position(lessons[0].fingerprint, 2500, 6000)
    context.progress.save_position(lessons[1].fingerprint, 1000, 6000)
    context.playback_state.checkpoint(lessons[0].fingerprint, 2500, 6000, [(0, 2500)])
    _user_position(context, "user-a-1", lessons[0].fingerprint, "Psoas, my variation")
    add_practice(context, "Psoas", "2025-03-01T10:00:00.000+00:00")
    add_practice(context, "Piriformis", "2025-03-01T10:05:00.000+00:00")
    add_plan(context, "Low back routine", "2025-02-01T09:00:00.000+00:00")
    context.settings.set(SUBTITLE_SCALE, 1.4)


def _fill_second_computer(context: AppContext) -> None:
    lessons = demo_lessons(context)
    for index in range(3):
        context.notes.create(lessons[2].fingerprint, body=f"B note {index}")
    assert context.notes.flush()
    context.progress.save_position(lessons[2].fingerprint, 500, 4000)
    _user_position(context, "user-b-1", lessons[1].fingerprint, "Piriformis, seated")
    add_practice(context, "Subscapularis", "2025-03-02T18:00:00.000+00:00")


def test_export_then_import_twice_into_a_computer_with_its_own_data_counts_exactly(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    _fill_first_computer(context)
    _fill_second_computer(other)
    export = tmp_path / "move.smrtdata"
    summary = export_data(context.store, export)
    assert summary.counts["notes"] == 6, "five notes and one tombstone"
    assert export.stat().st_mode & 0o077 == 0, "the file holds notes: owner only"

    first = other.data_transfer.import_from(export)
    assert first.counts["notes"].added == 5
    assert first.backup is not None and first.backup.is_file()
    second = other.data_transfer.import_from(export)
    assert second.changed == 0, second.lines()

    assert count(other, "SELECT COUNT(*) FROM notes WHERE deleted = 0") == 3 + 5
    assert count(other, "SELECT COUNT(*) FROM notes") == 3 + 6
    assert _live_bodies(other) == sorted(
        [f"A note {i}" for i in range(5)] + [f"B note {i}" for i in range(3)]
    )
    assert count(other, "SELECT COUNT(*) FROM lesson_progress") == 3
    assert count(other, "SELECT COUNT(*) FROM played_spans") == 1
    assert count(other, "SELECT COUNT(*) FROM positions WHERE source = 'user'") == 2
    assert count(other, "SELECT COUNT(*) FROM practice_log") == 3
    assert count(other, "SELECT COUNT(*) FROM plans") == 1
    assert count(other, "SELECT COUNT(*) FROM plan_steps") == 1
    assert other.settings.get(SUBTITLE_SCALE) == 1.4
    # Search finds the imported notes (the index followed the merge).
    assert {r.kind for r in other.search.search("note 4")} == {"note"}
    assert other.search.index.is_consistent()
    # The first computer's own identity did not travel.
    assert other.settings.get(INSTALL_ID) != context.settings.get(INSTALL_ID)


def test_newer_edit_wins_and_an_older_copy_changes_nothing(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    lesson = demo_lessons(context)[0]
    note = context.notes.create(lesson.fingerprint, body="hold 30 s")
    context.notes.flush()
    old_file = tmp_path / "a-v1.smrtdata"
    export_data(context.store, old_file)
    other.data_transfer.import_from(old_file)

    other.notes.edit(note.uid, "hold 45 s, slower release")  # edited on the second computer only
    other.notes.flush()
    newer_file = tmp_path / "b-v2.smrtdata"
    export_data(other.store, newer_file)
    report = context.data_transfer.import_from(newer_file)
    assert report.counts["notes"].updated == 1 and report.counts["notes"].kept_both == 0
    assert _live_bodies(context) == ["hold 45 s, slower release"]

    stale = other.data_transfer.import_from(old_file)  # the old file again: it is behind
    assert stale.changed == 0
    assert _live_bodies(other) == ["hold 45 s, slower release"]


def test_two_different_edits_of_the_same_note_are_both_kept_and_both_computers_agree(
    context: AppContext, other: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lesson = demo_lessons(context)[0]
    note = context.notes.create(lesson.fingerprint, time_ms=3000, body="original")
    context.notes.flush()
    context.notes.end_editing(note.uid)
    shared = tmp_path / "shared.smrtdata"
    export_data(context.store, shared)
    other.data_transfer.import_from(shared)

    import smrtplayer.notes.service

    monkeypatch.setattr(smrtplayer.notes.service, "utc_now", lambda: "2030-01-01T10:00:00.000+00:00")
    context.notes.edit(note.uid, "edited on the laptop")
    context.notes.flush()
    monkeypatch.setattr(smrtplayer.notes.service, "utc_now", lambda: "2030-01-01T10:05:00.000+00:00")
    other.notes.edit(note.uid, "edited on the desktop")  # later: this one is newer
    other.notes.flush()
    monkeypatch.undo()
    laptop, desktop = tmp_path / "laptop.smrtdata", tmp_path / "desktop.smrtdata"
    export_data(context.store, laptop)
    export_data(other.store, desktop)

    into_desktop = other.data_transfer.import_from(laptop)
    assert into_desktop.counts["notes"].kept_both == 1
    assert _live_bodies(other) == ["edited on the desktop", "edited on the laptop"]
    kept = other.store.query_one("SELECT uid, body FROM notes WHERE uid = ?", [note.uid])
    assert kept is not None and kept["body"] == "edited on the desktop", "the newer edit keeps the note"
    assert other.data_transfer.import_from(laptop).changed == 0

    into_laptop = context.data_transfer.import_from(desktop)
    assert into_laptop.counts["notes"].kept_both == 1
    assert _live_bodies(context) == _live_bodies(other)
    assert sorted(r["uid"] for r in context.store.query("SELECT uid FROM notes")) == sorted(
        r["uid"] for r in other.store.query("SELECT uid FROM notes")
    ), "the same two notes under the same uids on both computers"


def test_a_deletion_travels_but_never_eats_an_edit_made_elsewhere(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    lessons = demo_lessons(context)
    plain = context.notes.create(lessons[0].fingerprint, body="to be deleted")
    edited = context.notes.create(lessons[1].fingerprint, body="deleted here, edited there")
    context.notes.flush()
    for uid in (plain.uid, edited.uid):
        context.notes.end_editing(uid)
    shared = tmp_path / "shared.smrtdata"
    export_data(context.store, shared)
    other.data_transfer.import_from(shared)

    context.notes.delete(plain.uid)
    context.notes.delete(edited.uid)
    context.notes.flush()
    other.notes.edit(edited.uid, "deleted here, edited there: still needed")
    other.notes.flush()
    deletions = tmp_path / "deletions.smrtdata"
    export_data(context.store, deletions)
    report = other.data_transfer.import_from(deletions)
    assert report.counts["notes"].removed >= 1
    assert _live_bodies(other) == ["deleted here, edited there: still needed"]


def test_progress_newer_wins_and_played_spans_are_united(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    lesson = demo_lessons(context)[0]
    other.progress.save_position(lesson.fingerprint, 1000, 6000)
    other.playback_state.checkpoint(lesson.fingerprint, 1000, 6000, [(0, 1000)])
    context.progress.save_position(lesson.fingerprint, 5000, 6000)  # later
    context.playback_state.checkpoint(lesson.fingerprint, 5000, 6000, [(3000, 5000)])
    path = tmp_path / "a.smrtdata"
    export_data(context.store, path)
    other.data_transfer.import_from(path)
    progress = other.progress.get(lesson.fingerprint)
    assert progress is not None and progress.position_ms == 5000
    assert other.playback_state.spans(lesson.fingerprint) == [(0, 1000), (3000, 5000)]


def test_lessons_not_in_this_library_are_named_and_their_data_kept(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    lesson = demo_lessons(context)[0]
    context.notes.create(lesson.fingerprint, body="about a lesson the other computer lacks")
    context.notes.flush()
    path = tmp_path / "a.smrtdata"
    export_data(context.store, path)
    with other.store.write():
        other.store.conn.execute("DELETE FROM courses")
    report = other.data_transfer.import_from(path)
    assert report.missing_lessons == [(lesson.title, context.library.courses()[0].title)]
    assert any("not in this library" in line for line in report.lines())
    assert _live_bodies(other) == ["about a lesson the other computer lacks"]


# ---------------------------------------------------------------------------------- bad files
def _resign(data: bytes, change: Callable[[dict[str, Any]], None]) -> bytes:
    """Change the payload and fix the checksum: a file edited by someone who knew the format."""
    envelope = json.loads(data)
    change(envelope["payload"])
    payload = json.dumps(envelope["payload"]).encode()
    envelope_text = json.dumps(
        {
            "format": envelope["format"],
            "format_version": envelope["format_version"],
            "checksum": "sha256:" + hashlib.sha256(payload).hexdigest(),
            "payload": "@@",
        }
    )
    return envelope_text.replace('"@@"', payload.decode()).encode()


@pytest.fixture
def good_file(context: AppContext, tmp_path: Path) -> Path:
    _fill_first_computer(context)
    path = tmp_path / "good.smrtdata"
    export_data(context.store, path)
    return path


def _snapshot(context: AppContext) -> dict[str, int]:
    return {
        table: count(context, f"SELECT COUNT(*) FROM {table}")
        for table in (
            "notes",
            "lesson_progress",
            "played_spans",
            "positions",
            "practice_log",
            "plans",
            "settings",
        )
    }


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda data: data[: len(data) // 2], "incomplete: it ends early"),
        (lambda data: data[:-3], "incomplete"),
        (lambda data: data.replace(b"A note 3", b"A note 8"), "changed after it was exported"),
        (lambda data: data.replace(b'"format_version":1', b'"format_version":7'), "newer smrtplayer"),
        (lambda data: b'{"name": "a package.json"}', "not a smrtplayer export"),
        (lambda data: b"[1, 2, 3]", "not a smrtplayer export"),
        (lambda data: b"SQLite format 3\x00" + b"\x00" * 80, "not a smrtplayer export"),
        (lambda data: b"", "is empty"),
        (lambda data: data + b"trailing", "damaged"),
        (
            lambda data: _resign(data, lambda p: p["sections"].__setitem__("bookmarks", [])),
            "does not know",
        ),
        (
            lambda data: _resign(data, lambda p: p["sections"]["notes"].append(p["sections"]["notes"][0])),
            "appears twice",
        ),
        (
            lambda data: _resign(data, lambda p: p["sections"]["notes"][0].__setitem__("time_ms", -5)),
            "notes: Expected `int` >= 0 - at `$.payload.sections.notes[0].time_ms`",
        ),
        (
            lambda data: _resign(data, lambda p: p["sections"]["lesson_progress"][0].__setitem__("extra", 1)),
            "unknown field `extra`",
        ),
        (
            lambda data: _resign(
                data, lambda p: p["sections"]["user_positions"][0].__setitem__("end_ms", 10)
            ),
            "ends before it starts",
        ),
        (
            lambda data: _resign(
                data,
                lambda p: p["sections"]["settings"][0].__setitem__("value", "[" * 100_000 + "]" * 100_000),
            ),
            "not JSON",
        ),
    ],
)
def test_a_bad_file_names_what_is_wrong_and_imports_nothing(
    good_file: Path, other: AppContext, tmp_path: Path, damage: Callable[[bytes], bytes], expected: str
) -> None:
    bad = tmp_path / "bad.smrtdata"
    bad.write_bytes(damage(good_file.read_bytes()))
    before = _snapshot(other)
    backups_before = len(other.backups.all())
    with pytest.raises(ExportFileError) as raised:
        other.data_transfer.import_from(bad)
    assert expected in str(raised.value)
    assert "bad.smrtdata" in str(raised.value)
    assert _snapshot(other) == before
    assert len(other.backups.all()) == backups_before, "nothing, not even a backup, before the file is good"


def test_a_failure_half_way_through_the_merge_leaves_nothing_imported(
    good_file: Path, other: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: Any, items: Any) -> MergeCount:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SECTIONS_BY_NAME["practice_log"], "merge", broken)
    before = _snapshot(other)
    with pytest.raises(ExportFileError, match=r"disk on fire.*Nothing was imported"):
        import_data(other.store, good_file)
    assert _snapshot(other) == before, "the notes merged before the failure were rolled back"


def test_the_file_is_readable_json_with_one_section_per_kind(good_file: Path) -> None:
    envelope = json.loads(good_file.read_bytes())
    assert envelope["format"] == "smrtplayer-export" and envelope["format_version"] == 1
    sections = envelope["payload"]["sections"]
    assert set(sections) >= {"notes", "lesson_progress", "played_spans", "user_positions", "settings"}
    export = read_export(good_file)
    assert export.count("notes") == 6
    assert all(not key.startswith("local.") for key in (s["key"] for s in sections["settings"]))


def test_cli_export_data_and_import_data(good_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "cli-computer"
    result = run_cli("import-data", str(good_file), data_dir=target)
    assert result.returncode == 0, result.stderr
    assert "notes: 5 added" in result.stdout
    again = run_cli("import-data", str(good_file), data_dir=target)
    assert again.returncode == 0 and "notes: 0 added" not in again.stdout and "already here" in again.stdout
    out = tmp_path / "from-cli.smrtdata"
    exported = run_cli("export-data", str(out), data_dir=target)
    assert exported.returncode == 0, exported.stderr
    assert "6 notes" in exported.stdout and read_export(out).count("notes") == 6
    truncated = tmp_path / "cut.smrtdata"
    truncated.write_bytes(good_file.read_bytes()[:500])
    refused = run_cli("import-data", str(truncated), data_dir=target)
    assert refused.returncode == 65
    assert "incomplete" in refused.stderr and "Traceback" not in refused.stderr
