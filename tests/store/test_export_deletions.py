"""Deletions travel: a position, practised mark, plan or practice-log entry deleted on one computer
is deleted on the other by a merge, is never brought back by an older export, and never eats an
edit made after it elsewhere. Two real data folders play the two computers."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from helpers.exchange import add_plan, add_practice, count, demo_lessons
from smrtplayer.app.context import AppContext
from smrtplayer.models.positions import PositionDraft
from smrtplayer.store.db import utc_now
from smrtplayer.store.exchange.exportfile import export_data


def _export(context: AppContext, path: Path) -> Path:
    export_data(context.store, path)
    return path


def _user_positions(context: AppContext) -> list[str]:
    rows = context.store.conn.execute("SELECT title FROM positions WHERE source = 'user' ORDER BY title")
    return [str(title) for (title,) in rows]


def _mark(context: AppContext, title: str, start_ms: int = 1000) -> str:
    return context.index.add_position(
        PositionDraft(
            demo_lessons(context)[0].fingerprint, start_ms, start_ms + 1000, title, region="hips-sacrum"
        )
    )


def test_what_is_deleted_on_one_computer_is_deleted_on_the_other(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    keep, drop = _mark(context, "Psoas, kept"), _mark(context, "Psoas, dropped", start_ms=3000)
    context.index.set_practised(keep, True)
    context.index.set_practised(drop, True)
    add_plan(context, "Old routine", "2025-02-01T09:00:00.000+00:00")
    add_plan(context, "New routine", "2025-02-02T09:00:00.000+00:00")
    add_practice(context, "Psoas", "2025-03-01T10:00:00.000+00:00")
    add_practice(context, "Piriformis", "2025-03-01T10:05:00.000+00:00")
    old_file = _export(context, tmp_path / "before.smrtdata")
    other.data_transfer.import_from(old_file)
    assert _user_positions(other) == ["Psoas, dropped", "Psoas, kept"]

    context.index.delete_position(drop)
    context.index.set_practised(keep, False)
    old_plan = next(plan for plan in context.holds.plans.all() if plan.title == "Old routine")
    context.holds.plans.delete(old_plan.id)
    entry = next(e for e in context.holds.practice.recent() if e.title == "Piriformis")
    context.holds.practice.delete(entry.id)
    report = other.data_transfer.import_from(_export(context, tmp_path / "after.smrtdata"))

    assert report.counts["deletions"].added == 4
    assert report.counts["deletions"].removed == 4, report.lines()
    assert _user_positions(other) == ["Psoas, kept"]
    assert not other.index.positions.is_practised(keep)
    assert [plan.title for plan in other.holds.plans.all()] == ["New routine"]
    assert [e.title for e in other.holds.practice.recent()] == ["Psoas"]

    again = other.data_transfer.import_from(tmp_path / "after.smrtdata")
    assert again.changed == 0, again.lines()
    stale = other.data_transfer.import_from(old_file)  # the export from before the deletions
    assert stale.changed == 0, "an older file never brings deleted items back: " + "; ".join(stale.lines())
    assert _user_positions(other) == ["Psoas, kept"]
    assert count(other, "SELECT COUNT(*) FROM plans") == 1
    assert count(other, "SELECT COUNT(*) FROM practice_log") == 1


def test_a_deletion_never_eats_an_edit_made_after_it_elsewhere(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    uid = _mark(context, "Piriformis")
    other.data_transfer.import_from(_export(context, tmp_path / "first.smrtdata"))
    context.index.delete_position(uid)
    deletion = _export(context, tmp_path / "deleted.smrtdata")
    with other.store.write():  # edited on the second computer after the first deleted it
        other.store.conn.execute(
            "UPDATE positions SET title = 'Piriformis, seated', updated_at = '2099-01-01T00:00:00.000+00:00' "
            "WHERE uid = ?",
            [uid],
        )
    report = other.data_transfer.import_from(deletion)
    assert report.counts["deletions"].removed == 0
    assert _user_positions(other) == ["Piriformis, seated"]
    back = context.data_transfer.import_from(_export(other, tmp_path / "edited.smrtdata"))
    assert back.counts["user_positions"].added == 1, "the newer edit wins on both computers"
    assert _user_positions(context) == ["Piriformis, seated"]


def test_undoing_a_deletion_forgets_it(context: AppContext, tmp_path: Path) -> None:
    uid = _mark(context, "Subscapularis")
    context.index.delete_position(uid)
    assert _deletions(context.store.path) == [("position", uid)]
    context.index.undo_stack.undo()
    assert _user_positions(context) == ["Subscapularis"]
    assert _deletions(context.store.path) == []


def _deletions(database: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(database)
    try:
        return [
            (str(k), str(v)) for k, v in conn.execute("SELECT kind, key FROM deletions ORDER BY kind, key")
        ]
    finally:
        conn.close()


def test_a_later_delete_replaces_a_deletion_kept_beside_a_newer_edit(
    context: AppContext, other: AppContext, tmp_path: Path
) -> None:
    uid = _mark(context, "Piriformis")
    other.data_transfer.import_from(_export(context, tmp_path / "1.smrtdata"))
    context.index.delete_position(uid)  # deleted on the first computer...
    time.sleep(0.01)
    edited_at = utc_now()
    with other.store.write():  # ...and edited on the second one afterwards
        other.store.conn.execute(
            "UPDATE positions SET title = 'Piriformis, seated', updated_at = ? WHERE uid = ?",
            [edited_at, uid],
        )
    other.data_transfer.import_from(_export(context, tmp_path / "2.smrtdata"))  # the edit stays
    context.data_transfer.import_from(_export(other, tmp_path / "3.smrtdata"))  # and comes back
    assert _user_positions(context) == ["Piriformis, seated"]

    time.sleep(0.01)
    with other.store.write():  # now the second computer deletes it (after its own edit)
        other.store.conn.execute("DELETE FROM positions WHERE uid = ?", [uid])
    (deleted_at,) = other.store.conn.execute(
        "SELECT deleted_at FROM deletions WHERE kind = 'position' AND key = ?", [uid]
    ).fetchone()
    assert deleted_at > edited_at, "the delete replaced the older record with its own time"
    report = context.data_transfer.import_from(_export(other, tmp_path / "4.smrtdata"))
    assert report.counts["deletions"].removed == 1
    assert _user_positions(context) == []
    other.data_transfer.import_from(_export(context, tmp_path / "5.smrtdata"))
    assert _user_positions(other) == [], "and it does not come back"
