"""Notes: merged by revision history, so that two different edits of one note are both kept."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Annotated, Any

import msgspec

from smrtplayer.models.notes import HISTORY_LIMIT, note_rev
from smrtplayer.store.exchange.base import (
    Fingerprint,
    Item,
    LongText,
    MergeCount,
    Ms,
    Section,
    Timestamp,
    Uid,
    _ms_precision,
    later,
    newer,
    parse_utc,
    utc_text,
)


# ------------------------------------------------------------------------------------------ notes
class NoteItem(Item, frozen=True):
    uid: Uid
    lesson_fingerprint: Fingerprint
    time_ms: Ms | None
    position_uid: Uid | None
    body: LongText
    created_at: Timestamp
    updated_at: Timestamp
    deleted: bool = False
    history: list[Annotated[str, msgspec.Meta(max_length=64)]] = msgspec.field(default_factory=list)


def _union(*histories: Iterable[str], drop: str | None = None) -> list[str]:
    merged = [rev for rev in dict.fromkeys(rev for history in histories for rev in history) if rev != drop]
    return merged[-HISTORY_LIMIT:]


_NOTE_COLUMNS = (
    "uid, lesson_fingerprint, time_ms, position_uid, body, created_at, updated_at, deleted, history"
)


def _note_item(row: Sequence[Any]) -> NoteItem:
    """A ``notes`` row (``_NOTE_COLUMNS``) as an export item."""
    uid, fingerprint, time_ms, position_uid, body, created_at, updated_at, deleted, history = row
    return NoteItem(
        uid=uid,
        lesson_fingerprint=fingerprint,
        time_ms=time_ms,
        position_uid=position_uid,
        body=body,
        created_at=parse_utc(created_at),
        updated_at=parse_utc(updated_at),
        deleted=bool(deleted),
        history=_history(history),
    )


class NotesSection(Section[NoteItem]):
    name = "notes"
    title = "notes"
    item_type = NoteItem
    tables = ("notes",)

    def key(self, item: NoteItem) -> str:
        return item.uid

    def check(self, item: NoteItem) -> str | None:
        if item.deleted and item.body:
            return "a deleted note carries text"
        return None

    def fingerprints(self, item: NoteItem) -> Iterable[str]:
        return () if item.deleted else (item.lesson_fingerprint,)

    def dump(self, conn: sqlite3.Connection) -> list[NoteItem]:
        return [_note_item(row) for row in conn.execute(f"SELECT {_NOTE_COLUMNS} FROM notes ORDER BY id")]

    def merge(self, conn: sqlite3.Connection, items: Sequence[NoteItem]) -> MergeCount:
        count = MergeCount()
        # Only the notes the items name: a merge costs what it brings, not what is already here.
        local: dict[str, tuple[str, datetime, list[str], bool]] = {
            uid: (rev, parse_utc(updated_at), _history(history), bool(deleted))
            for uid, rev, updated_at, history, deleted in conn.execute(
                "SELECT uid, rev, updated_at, history, deleted FROM notes "
                "WHERE uid IN (SELECT value FROM json_each(?))",
                [json.dumps(sorted({item.uid for item in items}))],
            )
        }

        def exists(uid: str) -> bool:
            return (
                uid in local
                or conn.execute("SELECT 1 FROM notes WHERE uid = ?", [uid]).fetchone() is not None
            )

        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        history_only: list[tuple[str, str]] = []
        touched: list[tuple[str, str]] = []

        def insert(item: NoteItem, uid: str, history: list[str]) -> None:
            rev = _rev(item)
            inserts.append(
                (
                    uid,
                    item.lesson_fingerprint,
                    item.time_ms,
                    item.position_uid,
                    item.body,
                    utc_text(item.created_at),
                    utc_text(item.updated_at),
                    int(item.deleted),
                    rev,
                    json.dumps(history),
                )
            )
            local[uid] = (rev, _ms_precision(item.updated_at), history, item.deleted)

        def update(item: NoteItem, history: list[str]) -> None:
            rev = _rev(item)
            updates.append(
                (
                    item.time_ms,
                    item.position_uid,
                    item.body,
                    utc_text(item.updated_at),
                    int(item.deleted),
                    rev,
                    json.dumps(history),
                    item.uid,
                )
            )
            local[item.uid] = (rev, _ms_precision(item.updated_at), history, item.deleted)

        for item in items:
            rev = _rev(item)
            mine = local.get(item.uid)
            if mine is None:
                insert(item, item.uid, _union(item.history, drop=rev))
                if item.deleted:
                    count.unchanged += 1
                else:
                    count.added += 1
                continue
            my_rev, my_updated, my_history, my_deleted = mine
            if my_rev == rev or rev in my_history:
                # The same note, or a copy of a version this one has moved on from.
                merged = _union(my_history, item.history, drop=my_rev)
                if merged != my_history:
                    history_only.append((json.dumps(merged), item.uid))
                    local[item.uid] = (my_rev, my_updated, merged, my_deleted)
                if my_rev == rev and later(item.updated_at, my_updated):
                    touched.append((utc_text(item.updated_at), item.uid))
                    local[item.uid] = (my_rev, _ms_precision(item.updated_at), local[item.uid][2], my_deleted)
                count.unchanged += 1
                continue
            if my_rev in item.history:
                # Edited only on the other computer since the two were alike: take it.
                update(item, _union(my_history, item.history, [my_rev], drop=rev))
                if item.deleted and not my_deleted:
                    count.removed += 1
                else:
                    count.updated += 1
                continue
            # Edited on both computers: the newer edit keeps the note, the other is kept beside it.
            incoming_wins = newer((item.updated_at, rev), (my_updated, my_rev))
            if incoming_wins:
                loser_rev, loser_deleted = my_rev, my_deleted
                row = conn.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE uid = ?", [item.uid]).fetchone()
                loser = None if row is None else _note_item(row)
                update(item, _union(my_history, item.history, [my_rev], drop=rev))
                if item.deleted and not my_deleted:
                    count.removed += 1
                else:
                    count.updated += 1
            else:
                loser_rev, loser_deleted = rev, item.deleted
                loser = item
                merged = _union(my_history, item.history, [rev], drop=my_rev)
                history_only.append((json.dumps(merged), item.uid))
                local[item.uid] = (my_rev, my_updated, merged, my_deleted)
            copy_uid = f"{item.uid}~{loser_rev}"
            if loser_deleted or loser is None or exists(copy_uid):
                count.unchanged += 0 if incoming_wins else 1
                continue
            insert(loser, copy_uid, [])  # the other version, kept beside it under its own uid
            count.kept_both += 1
        conn.executemany(
            """
            INSERT INTO notes (uid, lesson_fingerprint, time_ms, position_uid, body, created_at,
                               updated_at, deleted, rev, history)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            inserts,
        )
        conn.executemany(
            "UPDATE notes SET time_ms = ?, position_uid = ?, body = ?, updated_at = ?, deleted = ?, "
            "rev = ?, history = ? WHERE uid = ?",
            updates,
        )
        conn.executemany("UPDATE notes SET history = ? WHERE uid = ?", history_only)
        conn.executemany("UPDATE notes SET updated_at = ? WHERE uid = ?", touched)
        return count


def _rev(item: NoteItem) -> str:
    return note_rev(item.lesson_fingerprint, item.time_ms, item.position_uid, item.body, item.deleted)


def _history(raw: object) -> list[str]:
    try:
        value = json.loads(str(raw))
    except (ValueError, RecursionError):
        return []
    return [str(rev) for rev in value][-HISTORY_LIMIT:] if isinstance(value, list) else []
