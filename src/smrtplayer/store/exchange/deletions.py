"""What the user deleted (positions, practised marks, plans, practice-log entries), so that a merge
carries deletions across computers and never brings a deleted item back.

The ``deletions`` table is kept by triggers (schema step m007). This section merges first: it stores
the other computer's deletions and removes the local items they delete, unless the local item was
changed after the deletion (the newer edit wins; the record is kept all the same, and a later delete
here replaces it with its own time). The other sections then skip incoming items that a
deletion newer than their last change covers (``covered``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from functools import cached_property
from typing import Annotated, Literal

import msgspec

from smrtplayer.store.exchange.base import (
    Item,
    MergeCount,
    Section,
    Timestamp,
    _ms_precision,
    parse_utc,
    utc_text,
)

Kind = Literal["position", "practised", "plan", "practice"]
#: kind -> (table, the row of a key, when the row last changed): one row each, kept if changed later
_CHANGED_AT = {
    "position": ("positions", "uid = ? AND source = 'user'", "updated_at"),
    "practised": ("position_practice", "position_uid = ?", "practised_at"),
}
_SEPARATOR = "\x1f"


class DeletionItem(Item, frozen=True):
    kind: Kind
    key: Annotated[str, msgspec.Meta(min_length=1, max_length=20_000)]
    deleted_at: Timestamp


def normal_key(kind: str, key: str) -> str:
    """The key as the sections spell it: timestamps in one format, whatever wrote them."""
    if kind == "plan":
        return utc_text(parse_utc(key))
    if kind == "practice":
        parts = key.split(_SEPARATOR)
        if len(parts) == 4:
            return _SEPARATOR.join((utc_text(parse_utc(parts[0])), utc_text(parse_utc(parts[1])), *parts[2:]))
    return key


def deletions(conn: sqlite3.Connection, kind: str) -> dict[str, datetime]:
    """key -> when it was deleted, for one kind of item."""
    return {
        normal_key(kind, str(key)): parse_utc(deleted_at)
        for key, deleted_at in conn.execute("SELECT key, deleted_at FROM deletions WHERE kind = ?", [kind])
    }


def covered(deleted: dict[str, datetime], key: str, changed_at: datetime | None) -> bool:
    """Is an item (last changed at ``changed_at``; None: never changes) deleted by a later deletion?"""
    when = deleted.get(key)
    return when is not None and (changed_at is None or _ms_precision(changed_at) <= when)


class DeletionsSection(Section[DeletionItem]):
    name = "deletions"
    title = "deletions"
    item_type = DeletionItem
    tables = ("deletions", "positions", "position_practice", "plans", "practice_log")

    def key(self, item: DeletionItem) -> str:
        return f"{item.kind}{_SEPARATOR}{normal_key(item.kind, item.key)}"

    def dump(self, conn: sqlite3.Connection) -> list[DeletionItem]:
        return [
            DeletionItem(kind=kind, key=normal_key(kind, key), deleted_at=parse_utc(deleted_at))
            for kind, key, deleted_at in conn.execute(
                "SELECT kind, key, deleted_at FROM deletions ORDER BY kind, key"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[DeletionItem]) -> MergeCount:
        count = MergeCount()
        local = {self.key(item) for item in self.dump(conn)}
        targets = _LocalItems(conn)
        for item in items:
            identity = self.key(item)
            if identity in local:
                count.unchanged += 1  # deleted on both computers: the first record stays
                continue
            key = normal_key(item.kind, item.key)
            count.removed += targets.remove(item.kind, key, _ms_precision(item.deleted_at))
            # Kept even when the local item was changed later and stays: importing the same file
            # again then changes nothing. Stored after the removal, whose trigger recorded "now":
            # the deletion happened when the other computer says.
            conn.execute(
                "INSERT OR REPLACE INTO deletions (kind, key, deleted_at) VALUES (?, ?, ?)",
                [item.kind, key, utc_text(item.deleted_at)],
            )
            local.add(identity)
            count.added += 1
        return count


class _LocalItems:
    """The local items a deletion may remove, found by their cross-computer key."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    @cached_property
    def _plans(self) -> dict[str, list[tuple[int, datetime]]]:
        found: dict[str, list[tuple[int, datetime]]] = {}
        for plan_id, created_at, updated_at in self._conn.execute(
            "SELECT id, created_at, updated_at FROM plans"
        ):
            found.setdefault(utc_text(parse_utc(created_at)), []).append(
                (int(plan_id), parse_utc(updated_at))
            )
        return found

    @cached_property
    def _practice(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for entry_id, started_at, ended_at, title, side in self._conn.execute(
            "SELECT id, started_at, ended_at, title, side FROM practice_log"
        ):
            key = normal_key("practice", _SEPARATOR.join((started_at, ended_at, title, side)))
            found.setdefault(key, []).append(int(entry_id))
        return found

    def remove(self, kind: str, key: str, deleted_at: datetime) -> int:
        """Remove the item ``key`` unless it was changed after ``deleted_at``; how many went."""
        conn = self._conn
        if kind in _CHANGED_AT:
            table, where, changed_at = _CHANGED_AT[kind]
            row = conn.execute(f"SELECT {changed_at} FROM {table} WHERE {where}", [key]).fetchone()
            if row is None or parse_utc(row[0]) > deleted_at:
                return 0
            return int(conn.execute(f"DELETE FROM {table} WHERE {where}", [key]).rowcount)
        if kind == "plan":
            doomed = [plan_id for plan_id, updated_at in self._plans.pop(key, []) if updated_at <= deleted_at]
            for plan_id in doomed:
                conn.execute("DELETE FROM plans WHERE id = ?", [plan_id])
            return len(doomed)
        # A practice-log entry is not edited after its hold (only rated): the deletion always wins.
        doomed = self._practice.pop(key, [])
        for entry_id in doomed:
            conn.execute("DELETE FROM practice_log WHERE id = ?", [entry_id])
        return len(doomed)
