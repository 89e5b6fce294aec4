"""The sections of a user-data export: one per kind of data, each with its item type, dump and merge.

A section is a small class: ``name`` (its key in the file), ``item_type`` (a msgspec Struct that
validates every field on import), ``tables`` (it is written only where they exist), ``key()`` (the
item's identity across computers: never a row id), ``dump()`` and ``merge()``. ``merge`` runs inside
the single import transaction and must be idempotent: importing the same file twice changes nothing
the second time. To add a kind of data, write one class and add it to ``SECTIONS``; document it in
docs/export-format.md.

Rules shared by the sections: items hang on lesson fingerprints and uids, never on paths or row ids;
timestamps are compared as UTC instants at millisecond precision; for an item changed on both sides
the newer edit wins (a tie is broken by content, so both computers end up alike), except notes, where
two different edits of the same note are both kept.
"""

from __future__ import annotations

import json
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar, Literal

import msgspec

from smrtplayer import spans as spanlib
from smrtplayer.store.notes import HISTORY_LIMIT, note_rev

# ----------------------------------------------------------------------------------- field types
Timestamp = Annotated[datetime, msgspec.Meta(tz=True)]
Ms = Annotated[int, msgspec.Meta(ge=0, le=10**13)]
PositiveMs = Annotated[int, msgspec.Meta(gt=0, le=10**13)]
Fingerprint = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._:+-]+$")]
Uid = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._:~+-]+$")]
ShortText = Annotated[str, msgspec.Meta(max_length=10_000)]
LongText = Annotated[str, msgspec.Meta(max_length=5_000_000)]
Side = Literal["L", "R", "both"]
Tenderness = Annotated[int, msgspec.Meta(ge=0, le=10)]
Day = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]

#: Settings that describe this computer rather than the user: never exported, never overwritten.
LOCAL_SETTING_PREFIXES = ("local.", "self_test.", "window.")


class Item(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Base of every section's item: unknown fields are an error, never silently dropped."""


def utc_text(moment: datetime) -> str:
    """The database's timestamp text (``utc_now``'s format) for an instant, at millisecond precision."""
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000).isoformat(timespec="milliseconds")


def parse_utc(text: object) -> datetime:
    """A stored timestamp as an instant (ms precision); unreadable ones count as very old."""
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _ms_precision(moment: datetime) -> datetime:
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def newer(incoming: tuple[datetime, Any], local: tuple[datetime, Any]) -> bool:
    """Does the incoming (updated_at, content) win over the local one? Ties go to the larger content."""
    if _ms_precision(incoming[0]) != _ms_precision(local[0]):
        return _ms_precision(incoming[0]) > _ms_precision(local[0])
    return repr(incoming[1]) > repr(local[1])


@dataclass
class MergeCount:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    kept_both: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed + self.kept_both


class Section[ItemT: Item](ABC):
    name: ClassVar[str]
    title: ClassVar[str]  # what the user calls it, for reports
    item_type: ClassVar[type[Item]]
    tables: ClassVar[tuple[str, ...]]

    def available(self, tables: set[str]) -> bool:
        return all(table in tables for table in self.tables)

    @abstractmethod
    def key(self, item: ItemT) -> str: ...

    @abstractmethod
    def dump(self, conn: sqlite3.Connection) -> list[ItemT]: ...

    @abstractmethod
    def merge(self, conn: sqlite3.Connection, items: Sequence[ItemT]) -> MergeCount: ...

    def check(self, item: ItemT) -> str | None:
        """A reason the item cannot be stored (beyond its field types), or None."""
        return None

    def fingerprints(self, item: ItemT) -> Iterable[str]:
        """The lessons an item belongs to (the export lists their titles for the user)."""
        return ()


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
    history: list[Annotated[str, msgspec.Meta(max_length=64)]] = []


def _union(*histories: Iterable[str], drop: str | None = None) -> list[str]:
    merged = [rev for rev in dict.fromkeys(rev for history in histories for rev in history) if rev != drop]
    return merged[-HISTORY_LIMIT:]


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
        rows = conn.execute(
            "SELECT uid, lesson_fingerprint, time_ms, position_uid, body, created_at, updated_at, "
            "deleted, history FROM notes ORDER BY id"
        )
        return [
            NoteItem(
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
            for (
                uid,
                fingerprint,
                time_ms,
                position_uid,
                body,
                created_at,
                updated_at,
                deleted,
                history,
            ) in rows
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[NoteItem]) -> MergeCount:
        count = MergeCount()
        local: dict[str, tuple[str, datetime, list[str], bool]] = {
            uid: (rev, parse_utc(updated_at), _history(history), bool(deleted))
            for uid, rev, updated_at, history, deleted in conn.execute(
                "SELECT uid, rev, updated_at, history, deleted FROM notes"
            )
        }
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        history_only: list[tuple[str, str]] = []

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
                loser = conn.execute(
                    "SELECT lesson_fingerprint, time_ms, position_uid, body, created_at, updated_at "
                    "FROM notes WHERE uid = ?",
                    [item.uid],
                ).fetchone()
                update(item, _union(my_history, item.history, [my_rev], drop=rev))
                if item.deleted and not my_deleted:
                    count.removed += 1
                else:
                    count.updated += 1
            else:
                loser_rev, loser_deleted = rev, item.deleted
                loser = (
                    item.lesson_fingerprint,
                    item.time_ms,
                    item.position_uid,
                    item.body,
                    utc_text(item.created_at),
                    utc_text(item.updated_at),
                )
                merged = _union(my_history, item.history, [rev], drop=my_rev)
                history_only.append((json.dumps(merged), item.uid))
                local[item.uid] = (my_rev, my_updated, merged, my_deleted)
            copy_uid = f"{item.uid}~{loser_rev}"
            if loser_deleted or loser is None or copy_uid in local:
                count.unchanged += 0 if incoming_wins else 1
                continue
            fingerprint, time_ms, position_uid, body, created_at, updated_at = loser
            insert(
                NoteItem(
                    uid=copy_uid,
                    lesson_fingerprint=fingerprint,
                    time_ms=time_ms,
                    position_uid=position_uid,
                    body=body,
                    created_at=parse_utc(created_at),
                    updated_at=parse_utc(updated_at),
                ),
                copy_uid,
                [],
            )
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
        return count


def _rev(item: NoteItem) -> str:
    return note_rev(item.lesson_fingerprint, item.time_ms, item.position_uid, item.body, item.deleted)


def _history(raw: object) -> list[str]:
    try:
        value = json.loads(str(raw))
    except ValueError:
        return []
    return [str(rev) for rev in value][-HISTORY_LIMIT:] if isinstance(value, list) else []


# ------------------------------------------------------------------------------- lesson progress
class ProgressItem(Item, frozen=True):
    lesson_fingerprint: Fingerprint
    position_ms: Ms
    duration_ms: Ms | None
    watched: bool
    last_opened_at: Timestamp | None
    updated_at: Timestamp


class ProgressSection(Section[ProgressItem]):
    """Where the user stopped and the watched mark, per lesson: the newer edit wins."""

    name = "lesson_progress"
    title = "lesson progress"
    item_type = ProgressItem
    tables = ("lesson_progress",)

    def key(self, item: ProgressItem) -> str:
        return item.lesson_fingerprint

    def fingerprints(self, item: ProgressItem) -> Iterable[str]:
        return (item.lesson_fingerprint,)

    def dump(self, conn: sqlite3.Connection) -> list[ProgressItem]:
        rows = conn.execute(
            "SELECT lesson_fingerprint, position_ms, duration_ms, watched, last_opened_at, updated_at "
            "FROM lesson_progress ORDER BY lesson_fingerprint"
        )
        return [
            ProgressItem(
                lesson_fingerprint=fingerprint,
                position_ms=max(0, int(position_ms)),
                duration_ms=duration_ms if duration_ms is None or duration_ms >= 0 else None,
                watched=bool(watched),
                last_opened_at=None if last_opened_at is None else parse_utc(last_opened_at),
                updated_at=parse_utc(updated_at),
            )
            for fingerprint, position_ms, duration_ms, watched, last_opened_at, updated_at in rows
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[ProgressItem]) -> MergeCount:
        count = MergeCount()
        local = {item.lesson_fingerprint: item for item in self.dump(conn)}
        writes: list[tuple[Any, ...]] = []
        for item in items:
            mine = local.get(item.lesson_fingerprint)
            content = _progress_content(item)
            if mine is not None and (
                content == _progress_content(mine)
                or not newer((item.updated_at, content), (mine.updated_at, _progress_content(mine)))
            ):
                count.unchanged += 1
                continue
            writes.append(
                (
                    item.lesson_fingerprint,
                    item.position_ms,
                    item.duration_ms,
                    int(item.watched),
                    None if item.last_opened_at is None else utc_text(item.last_opened_at),
                    utc_text(item.updated_at),
                )
            )
            local[item.lesson_fingerprint] = item
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        conn.executemany(
            """
            INSERT INTO lesson_progress (lesson_fingerprint, position_ms, duration_ms, watched,
                                         last_opened_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (lesson_fingerprint) DO UPDATE SET
                position_ms = excluded.position_ms, duration_ms = excluded.duration_ms,
                watched = excluded.watched, last_opened_at = excluded.last_opened_at,
                updated_at = excluded.updated_at
            """,
            writes,
        )
        return count


def _progress_content(item: ProgressItem) -> tuple[Any, ...]:
    opened = None if item.last_opened_at is None else utc_text(item.last_opened_at)
    return (item.position_ms, item.duration_ms, item.watched, opened)


# ---------------------------------------------------------------------------------- played spans
class SpansItem(Item, frozen=True):
    lesson_fingerprint: Fingerprint
    spans: list[tuple[Ms, Ms]]
    updated_at: Timestamp


class SpansSection(Section[SpansItem]):
    """The parts of each lesson really played: a union (what was played on either computer was played)."""

    name = "played_spans"
    title = "played parts of lessons"
    item_type = SpansItem
    tables = ("played_spans",)

    def key(self, item: SpansItem) -> str:
        return item.lesson_fingerprint

    def check(self, item: SpansItem) -> str | None:
        if len(item.spans) > 100_000:
            return "too many spans"
        return None

    def fingerprints(self, item: SpansItem) -> Iterable[str]:
        return (item.lesson_fingerprint,)

    def dump(self, conn: sqlite3.Connection) -> list[SpansItem]:
        items = []
        for fingerprint, raw, updated_at in conn.execute(
            "SELECT lesson_fingerprint, spans, updated_at FROM played_spans ORDER BY lesson_fingerprint"
        ):
            items.append(
                SpansItem(lesson_fingerprint=fingerprint, spans=_spans(raw), updated_at=parse_utc(updated_at))
            )
        return items

    def merge(self, conn: sqlite3.Connection, items: Sequence[SpansItem]) -> MergeCount:
        count = MergeCount()
        local = {item.lesson_fingerprint: item for item in self.dump(conn)}
        writes: list[tuple[Any, ...]] = []
        for item in items:
            mine = local.get(item.lesson_fingerprint)
            mine_spans = mine.spans if mine else []
            merged = spanlib.merge([*mine_spans, *item.spans])
            if mine is not None and merged == spanlib.merge(mine_spans):
                count.unchanged += 1
                continue
            updated = item.updated_at if mine is None else max(item.updated_at, mine.updated_at)
            writes.append(
                (
                    item.lesson_fingerprint,
                    json.dumps([list(span) for span in merged]),
                    spanlib.covered_ms(merged),
                    utc_text(updated),
                )
            )
            local[item.lesson_fingerprint] = SpansItem(item.lesson_fingerprint, list(merged), updated)
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        conn.executemany(
            """
            INSERT INTO played_spans (lesson_fingerprint, spans, played_ms, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (lesson_fingerprint) DO UPDATE SET
                spans = excluded.spans, played_ms = excluded.played_ms, updated_at = excluded.updated_at
            """,
            writes,
        )
        return count


def _spans(raw: object) -> list[tuple[int, int]]:
    try:
        value = json.loads(str(raw))
        return spanlib.merge((max(0, int(a)), max(0, int(b))) for a, b in value)
    except (ValueError, TypeError):
        return []


# -------------------------------------------------------------------------------- user positions
class PositionItem(Item, frozen=True):
    uid: Uid
    lesson_fingerprint: Fingerprint
    start_ms: Ms
    end_ms: Ms
    title: ShortText
    created_at: Timestamp
    updated_at: Timestamp
    region: ShortText = ""
    muscles: list[ShortText] = []
    side: Side = "both"
    client_position: ShortText = ""
    technique: ShortText = ""
    hold_ms: PositiveMs | None = None


class UserPositionsSection(Section[PositionItem]):
    """Positions the user marked (publisher positions come with the course): the newer edit wins."""

    name = "user_positions"
    title = "your positions"
    item_type = PositionItem
    tables = ("positions",)
    _COLUMNS = (
        "uid, lesson_fingerprint, start_ms, end_ms, title, region, muscles, side, client_position, "
        "technique, hold_ms, created_at, updated_at"
    )

    def key(self, item: PositionItem) -> str:
        return item.uid

    def check(self, item: PositionItem) -> str | None:
        if item.end_ms <= item.start_ms:
            return "it ends before it starts"
        if item.uid.startswith("pub-"):
            return "its uid belongs to a publisher's position"
        return None

    def fingerprints(self, item: PositionItem) -> Iterable[str]:
        return (item.lesson_fingerprint,)

    def dump(self, conn: sqlite3.Connection, *, source: str = "user") -> list[PositionItem]:
        rows = conn.execute(f"SELECT {self._COLUMNS} FROM positions WHERE source = ? ORDER BY id", [source])
        items = []
        for row in rows:
            (
                uid,
                fingerprint,
                start,
                end,
                title,
                region,
                muscles,
                side,
                client,
                technique,
                hold,
                created,
                updated,
            ) = row
            try:
                muscle_list = [str(m) for m in json.loads(muscles)]
            except (ValueError, TypeError):
                muscle_list = []
            items.append(
                PositionItem(
                    uid=uid,
                    lesson_fingerprint=fingerprint,
                    start_ms=start,
                    end_ms=end,
                    title=title,
                    region=region,
                    muscles=muscle_list,
                    side=side,
                    client_position=client,
                    technique=technique,
                    hold_ms=hold,
                    created_at=parse_utc(created),
                    updated_at=parse_utc(updated),
                )
            )
        return items

    def merge(self, conn: sqlite3.Connection, items: Sequence[PositionItem]) -> MergeCount:
        count = MergeCount()
        local = {item.uid: item for item in self.dump(conn)}
        publisher = {uid for (uid,) in conn.execute("SELECT uid FROM positions WHERE source != 'user'")}
        for item in items:
            if item.uid in publisher:
                count.skipped += 1
                continue
            mine = local.get(item.uid)
            values = [
                item.lesson_fingerprint,
                item.start_ms,
                item.end_ms,
                item.title,
                item.region,
                json.dumps(item.muscles),
                item.side,
                item.client_position,
                item.technique,
                item.hold_ms,
            ]
            if mine is None:
                conn.execute(
                    "INSERT INTO positions (uid, lesson_fingerprint, course_id, source, start_ms, end_ms, "
                    "title, region, muscles, side, client_position, technique, hold_ms, created_at, "
                    "updated_at) VALUES (?, ?, NULL, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [item.uid, *values, utc_text(item.created_at), utc_text(item.updated_at)],
                )
                count.added += 1
            elif _position_content(mine) == _position_content(item) or not newer(
                (item.updated_at, _position_content(item)), (mine.updated_at, _position_content(mine))
            ):
                count.unchanged += 1
                continue
            else:
                conn.execute(
                    "UPDATE positions SET lesson_fingerprint = ?, start_ms = ?, end_ms = ?, title = ?, "
                    "region = ?, muscles = ?, side = ?, client_position = ?, technique = ?, hold_ms = ?, "
                    "updated_at = ? WHERE uid = ? AND source = 'user'",
                    [*values, utc_text(item.updated_at), item.uid],
                )
                count.updated += 1
            local[item.uid] = item
        return count


def _position_content(item: PositionItem) -> tuple[Any, ...]:
    return (
        item.lesson_fingerprint,
        item.start_ms,
        item.end_ms,
        item.title,
        item.region,
        tuple(item.muscles),
        item.side,
        item.client_position,
        item.technique,
        item.hold_ms,
    )


# ----------------------------------------------------------------------------- practised marks
class PractisedItem(Item, frozen=True):
    position_uid: Uid
    practised_at: Timestamp


class PractisedSection(Section[PractisedItem]):
    """Positions the user ticked as practised (the later tick is kept)."""

    name = "practised_marks"
    title = "practised marks"
    item_type = PractisedItem
    tables = ("position_practice",)

    def key(self, item: PractisedItem) -> str:
        return item.position_uid

    def dump(self, conn: sqlite3.Connection) -> list[PractisedItem]:
        return [
            PractisedItem(position_uid=uid, practised_at=parse_utc(at))
            for uid, at in conn.execute(
                "SELECT position_uid, practised_at FROM position_practice ORDER BY position_uid"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[PractisedItem]) -> MergeCount:
        count = MergeCount()
        local = {item.position_uid: item.practised_at for item in self.dump(conn)}
        for item in items:
            mine = local.get(item.position_uid)
            if mine is not None and _ms_precision(item.practised_at) <= mine:
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO position_practice (position_uid, practised_at) VALUES (?, ?) "
                "ON CONFLICT (position_uid) DO UPDATE SET practised_at = excluded.practised_at",
                [item.position_uid, utc_text(item.practised_at)],
            )
            local[item.position_uid] = _ms_precision(item.practised_at)
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count


# -------------------------------------------------------------------------------------- plans
class PlanStepItem(Item, frozen=True):
    kind: Literal["hold", "rest"]
    hold_ms: PositiveMs
    repeats: Annotated[int, msgspec.Meta(ge=1, le=20)] = 1
    side: Side = "both"
    title: ShortText = ""
    technique: ShortText = ""
    position_uid: Uid | None = None
    lesson_fingerprint: Fingerprint | None = None
    start_ms: Ms = 0
    end_ms: Ms = 0
    demo_side: Side = "both"


class PlanItem(Item, frozen=True):
    key: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    title: ShortText
    created_at: Timestamp
    updated_at: Timestamp
    notes: LongText = ""
    ordinal: int = 0
    steps: list[PlanStepItem] = []


_STEP_COLUMNS = (
    "kind, hold_ms, repeats, side, title, technique, position_uid, lesson_fingerprint, start_ms, "
    "end_ms, demo_side"
)


def plan_keys(conn: sqlite3.Connection) -> dict[int, str]:
    """Local plan id -> its identity across computers: the instant it was created (made unique)."""
    keys: dict[int, str] = {}
    seen: dict[str, int] = {}
    for plan_id, created_at in conn.execute("SELECT id, created_at FROM plans ORDER BY created_at, id"):
        base = utc_text(parse_utc(created_at))
        seen[base] = seen.get(base, 0) + 1
        keys[int(plan_id)] = base if seen[base] == 1 else f"{base}#{seen[base]}"
    return keys


class PlansSection(Section[PlanItem]):
    """Treatment plans with their steps, known by when they were created: the newer edit wins."""

    name = "plans"
    title = "plans"
    item_type = PlanItem
    tables = ("plans", "plan_steps")

    def key(self, item: PlanItem) -> str:
        return item.key

    def fingerprints(self, item: PlanItem) -> Iterable[str]:
        return [step.lesson_fingerprint for step in item.steps if step.lesson_fingerprint]

    def dump(self, conn: sqlite3.Connection) -> list[PlanItem]:
        keys = plan_keys(conn)
        steps: dict[int, list[PlanStepItem]] = {}
        for row in conn.execute(f"SELECT plan_id, {_STEP_COLUMNS} FROM plan_steps ORDER BY plan_id, ordinal"):
            plan_id, kind, hold, repeats, side, title, technique, uid, fingerprint, start, end, demo = row
            steps.setdefault(int(plan_id), []).append(
                PlanStepItem(
                    kind=kind,
                    hold_ms=hold,
                    repeats=repeats,
                    side=side,
                    title=title,
                    technique=technique,
                    position_uid=uid,
                    lesson_fingerprint=fingerprint,
                    start_ms=start,
                    end_ms=end,
                    demo_side=demo,
                )
            )
        return [
            PlanItem(
                key=keys[int(plan_id)],
                title=title,
                notes=notes,
                ordinal=ordinal,
                created_at=parse_utc(created),
                updated_at=parse_utc(updated),
                steps=steps.get(int(plan_id), []),
            )
            for plan_id, title, notes, ordinal, created, updated in conn.execute(
                "SELECT id, title, notes, ordinal, created_at, updated_at FROM plans ORDER BY id"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[PlanItem]) -> MergeCount:
        count = MergeCount()
        ids = {key: plan_id for plan_id, key in plan_keys(conn).items()}
        local = {item.key: item for item in self.dump(conn)}
        for item in items:
            mine = local.get(item.key)
            if mine is not None and (
                _plan_content(mine) == _plan_content(item)
                or not newer((item.updated_at, _plan_content(item)), (mine.updated_at, _plan_content(mine)))
            ):
                count.unchanged += 1
                continue
            if mine is None:
                cursor = conn.execute(
                    "INSERT INTO plans (title, notes, ordinal, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        item.title,
                        item.notes,
                        item.ordinal,
                        _plan_created_text(item.key),
                        utc_text(item.updated_at),
                    ],
                )
                plan_id = int(cursor.lastrowid or 0)
                count.added += 1
            else:
                plan_id = ids[item.key]
                conn.execute(
                    "UPDATE plans SET title = ?, notes = ?, updated_at = ? WHERE id = ?",
                    [item.title, item.notes, utc_text(item.updated_at), plan_id],
                )
                conn.execute("DELETE FROM plan_steps WHERE plan_id = ?", [plan_id])
                count.updated += 1
            conn.executemany(
                f"INSERT INTO plan_steps (plan_id, ordinal, {_STEP_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        plan_id,
                        ordinal,
                        step.kind,
                        step.hold_ms,
                        step.repeats,
                        step.side,
                        step.title,
                        step.technique,
                        step.position_uid,
                        step.lesson_fingerprint,
                        step.start_ms,
                        step.end_ms,
                        step.demo_side,
                    )
                    for ordinal, step in enumerate(item.steps)
                ],
            )
            ids = {key: each for each, key in plan_keys(conn).items()}
            local[item.key] = item
        return count


def _plan_created_text(key: str) -> str:
    return key.split("#", 1)[0]


def _plan_content(item: PlanItem) -> tuple[Any, ...]:
    return (item.title, item.notes, tuple(item.steps))


# -------------------------------------------------------------------------------- practice log
class PracticeItem(Item, frozen=True):
    title: ShortText
    planned_ms: PositiveMs
    actual_ms: Ms
    completed: bool
    started_at: Timestamp
    ended_at: Timestamp
    side: Literal["L", "R", "both", ""] = ""
    technique: ShortText = ""
    position_uid: Uid | None = None
    lesson_fingerprint: Fingerprint | None = None
    plan_key: Annotated[str, msgspec.Meta(max_length=100)] | None = None
    tender_before: Tenderness | None = None
    tender_after: Tenderness | None = None


class PracticeSection(Section[PracticeItem]):
    """Every hold logged: known by when it started and ended and what it was; never duplicated.

    Tenderness filled in on one computer and not the other is taken; otherwise the local entry stays.
    """

    name = "practice_log"
    title = "practice log entries"
    item_type = PracticeItem
    tables = ("practice_log", "plans")

    def key(self, item: PracticeItem) -> str:
        return "\x1f".join((utc_text(item.started_at), utc_text(item.ended_at), item.title, item.side))

    def fingerprints(self, item: PracticeItem) -> Iterable[str]:
        return (item.lesson_fingerprint,) if item.lesson_fingerprint else ()

    def dump(self, conn: sqlite3.Connection) -> list[PracticeItem]:
        keys = plan_keys(conn)
        rows = conn.execute(
            "SELECT title, planned_ms, actual_ms, completed, started_at, ended_at, side, technique, "
            "position_uid, lesson_fingerprint, plan_id, tender_before, tender_after "
            "FROM practice_log ORDER BY id"
        )
        items = []
        for row in rows:
            title, planned, actual, completed, started, ended, side, technique, uid, fingerprint = row[:10]
            plan_id, before, after = row[10:]
            items.append(
                PracticeItem(
                    title=title,
                    planned_ms=planned,
                    actual_ms=max(0, actual),
                    completed=bool(completed),
                    started_at=parse_utc(started),
                    ended_at=parse_utc(ended),
                    side=side,
                    technique=technique,
                    position_uid=uid,
                    lesson_fingerprint=fingerprint,
                    plan_key=None if plan_id is None else keys.get(int(plan_id)),
                    tender_before=before,
                    tender_after=after,
                )
            )
        return items

    def merge(self, conn: sqlite3.Connection, items: Sequence[PracticeItem]) -> MergeCount:
        count = MergeCount()
        plan_ids = {key: plan_id for plan_id, key in plan_keys(conn).items()}
        local: dict[str, tuple[int, int | None, int | None]] = {}
        for entry_id, title, started, ended, side, before, after in conn.execute(
            "SELECT id, title, started_at, ended_at, side, tender_before, tender_after FROM practice_log"
        ):
            key = "\x1f".join((utc_text(parse_utc(started)), utc_text(parse_utc(ended)), title, side))
            local.setdefault(key, (int(entry_id), before, after))
        for item in items:
            key = self.key(item)
            mine = local.get(key)
            if mine is None:
                cursor = conn.execute(
                    """
                    INSERT INTO practice_log (title, side, technique, position_uid, lesson_fingerprint,
                        plan_id, planned_ms, actual_ms, completed, tender_before, tender_after,
                        started_at, ended_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        item.title,
                        item.side,
                        item.technique,
                        item.position_uid,
                        item.lesson_fingerprint,
                        plan_ids.get(item.plan_key or ""),
                        item.planned_ms,
                        item.actual_ms,
                        int(item.completed),
                        item.tender_before,
                        item.tender_after,
                        utc_text(item.started_at),
                        utc_text(item.ended_at),
                    ],
                )
                local[key] = (int(cursor.lastrowid or 0), item.tender_before, item.tender_after)
                count.added += 1
                continue
            entry_id, before, after = mine
            new_before = before if before is not None else item.tender_before
            new_after = after if after is not None else item.tender_after
            if (new_before, new_after) == (before, after):
                count.unchanged += 1
                continue
            conn.execute(
                "UPDATE practice_log SET tender_before = ?, tender_after = ? WHERE id = ?",
                [new_before, new_after, entry_id],
            )
            local[key] = (entry_id, new_before, new_after)
            count.updated += 1
        return count


# -------------------------------------------------------------------------------- hold presets
class PresetItem(Item, frozen=True):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    hold_ms: PositiveMs
    created_at: Timestamp
    technique: ShortText = ""


class PresetsSection(Section[PresetItem]):
    """The user's own hold presets, known by name; a preset already here is kept as it is."""

    name = "hold_presets"
    title = "hold presets"
    item_type = PresetItem
    tables = ("hold_presets",)

    def key(self, item: PresetItem) -> str:
        return item.name

    def dump(self, conn: sqlite3.Connection) -> list[PresetItem]:
        return [
            PresetItem(name=name, hold_ms=hold, technique=technique, created_at=parse_utc(created))
            for name, hold, technique, created in conn.execute(
                "SELECT name, hold_ms, technique, created_at FROM hold_presets ORDER BY id"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[PresetItem]) -> MergeCount:
        count = MergeCount()
        local = {name for (name,) in conn.execute("SELECT name FROM hold_presets")}
        for item in items:
            if item.name in local:
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO hold_presets (name, hold_ms, technique, created_at) VALUES (?, ?, ?, ?)",
                [item.name, item.hold_ms, item.technique, utc_text(item.created_at)],
            )
            local.add(item.name)
            count.added += 1
        return count


# ------------------------------------------------------------------------------------ settings
class SettingItem(Item, frozen=True):
    key: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    value: Annotated[str, msgspec.Meta(max_length=1_000_000)]  # the setting's JSON text
    updated_at: Timestamp


class SettingsSection(Section[SettingItem]):
    """The user's settings (not the ones describing this computer): the newer change wins."""

    name = "settings"
    title = "settings"
    item_type = SettingItem
    tables = ("settings",)

    def key(self, item: SettingItem) -> str:
        return item.key

    def check(self, item: SettingItem) -> str | None:
        if item.key.startswith(LOCAL_SETTING_PREFIXES):
            return "it belongs to one computer only"
        try:
            json.loads(item.value)
        except ValueError:
            return "its value is not JSON"
        return None

    def dump(self, conn: sqlite3.Connection) -> list[SettingItem]:
        return [
            SettingItem(key=key, value=value, updated_at=parse_utc(updated))
            for key, value, updated in conn.execute(
                "SELECT key, value, updated_at FROM settings ORDER BY key"
            )
            if not str(key).startswith(LOCAL_SETTING_PREFIXES) and _is_json(value)
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[SettingItem]) -> MergeCount:
        count = MergeCount()
        local = {item.key: item for item in self.dump(conn)}
        for item in items:
            mine = local.get(item.key)
            if mine is not None and (
                mine.value == item.value
                or not newer((item.updated_at, item.value), (mine.updated_at, mine.value))
            ):
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = excluded.value, updated_at = excluded.updated_at",
                [item.key, item.value, utc_text(item.updated_at)],
            )
            local[item.key] = item
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count


def _is_json(value: object) -> bool:
    try:
        json.loads(str(value))
    except ValueError:
        return False
    return True


# -------------------------------------------------------------------------------- course speeds
class SpeedItem(Item, frozen=True):
    course_uid: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    rate: Annotated[float, msgspec.Meta(gt=0, le=16)]
    updated_at: Timestamp


class SpeedsSection(Section[SpeedItem]):
    """The playback speed chosen per course (by the course's uid): the newer change wins."""

    name = "course_speeds"
    title = "course speeds"
    item_type = SpeedItem
    tables = ("course_playback",)

    def key(self, item: SpeedItem) -> str:
        return item.course_uid

    def dump(self, conn: sqlite3.Connection) -> list[SpeedItem]:
        return [
            SpeedItem(course_uid=uid, rate=float(rate), updated_at=parse_utc(updated))
            for uid, rate, updated in conn.execute(
                "SELECT course_uid, rate, updated_at FROM course_playback ORDER BY course_uid"
            )
            if 0 < float(rate) <= 16
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[SpeedItem]) -> MergeCount:
        count = MergeCount()
        local = {item.course_uid: item for item in self.dump(conn)}
        for item in items:
            mine = local.get(item.course_uid)
            if mine is not None and (
                mine.rate == item.rate
                or not newer((item.updated_at, item.rate), (mine.updated_at, mine.rate))
            ):
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO course_playback (course_uid, rate, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (course_uid) DO UPDATE SET rate = excluded.rate, "
                "updated_at = excluded.updated_at",
                [item.course_uid, item.rate, utc_text(item.updated_at)],
            )
            local[item.course_uid] = item
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count


# ---------------------------------------------------------------------------------- study time
class StudyItem(Item, frozen=True):
    install_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]
    day: Day
    studied_ms: Ms
    updated_at: Timestamp


class StudyTimeSection(Section[StudyItem]):
    """Study time per day, one row per computer: a computer's row only grows, so the larger is kept."""

    name = "study_time"
    title = "days of study time"
    item_type = StudyItem
    tables = ("study_time",)

    def key(self, item: StudyItem) -> str:
        return f"{item.install_id}/{item.day}"

    def dump(self, conn: sqlite3.Connection) -> list[StudyItem]:
        return [
            StudyItem(install_id=install, day=day, studied_ms=max(0, ms), updated_at=parse_utc(updated))
            for install, day, ms, updated in conn.execute(
                "SELECT install_id, day, studied_ms, updated_at FROM study_time ORDER BY day, install_id"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[StudyItem]) -> MergeCount:
        count = MergeCount()
        local = {self.key(item): item.studied_ms for item in self.dump(conn)}
        for item in items:
            mine = local.get(self.key(item))
            if mine is not None and mine >= item.studied_ms:
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO study_time (install_id, day, studied_ms, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (install_id, day) DO UPDATE SET studied_ms = excluded.studied_ms, "
                "updated_at = excluded.updated_at",
                [item.install_id, item.day, item.studied_ms, utc_text(item.updated_at)],
            )
            local[self.key(item)] = item.studied_ms
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count


#: Every kind of data, in merge order (plans before the practice log that refers to them).
SECTIONS: tuple[Section[Any], ...] = (
    NotesSection(),
    ProgressSection(),
    SpansSection(),
    UserPositionsSection(),
    PractisedSection(),
    PlansSection(),
    PracticeSection(),
    PresetsSection(),
    SettingsSection(),
    SpeedsSection(),
    StudyTimeSection(),
)
SECTIONS_BY_NAME = {section.name: section for section in SECTIONS}


def existing_tables(conn: sqlite3.Connection) -> set[str]:
    return {str(name) for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def lesson_titles(conn: sqlite3.Connection, fingerprints: Iterable[str]) -> dict[str, tuple[str, str]]:
    """fingerprint -> (lesson title, course title) for the lessons of this library among these."""
    wanted = set(fingerprints)
    found: dict[str, tuple[str, str]] = {}
    for fingerprint, title, course in conn.execute(
        "SELECT l.fingerprint, l.title, c.title FROM lessons l JOIN courses c ON c.id = l.course_id "
        "ORDER BY c.kind = 'builtin' DESC, l.id"
    ):
        if fingerprint in wanted:
            found[str(fingerprint)] = (str(title), str(course))
    return found
