"""Plans, the practice log and hold presets (the hold timer's data)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

import msgspec

from smrtplayer.models.plan_checks import check_steps
from smrtplayer.models.plans import Plan, PlanStep
from smrtplayer.models.presets import HoldRejected
from smrtplayer.store.exchange.base import (
    Fingerprint,
    Item,
    LongText,
    MergeCount,
    Ms,
    PositiveMs,
    Section,
    ShortText,
    Side,
    Tenderness,
    Timestamp,
    Uid,
    later,
    newer,
    parse_utc,
    utc_text,
)
from smrtplayer.store.exchange.deletions import covered, deletions
from smrtplayer.store.plans import STEP_FIELDS, insert_plan_steps


# -------------------------------------------------------------------------------------- plans
class PlanStepItem(Item, frozen=True):
    kind: Literal["hold", "roll", "tender-rest", "passes", "rest", "reminder", "recheck"]
    hold_ms: Ms
    repeats: Annotated[int, msgspec.Meta(ge=1, le=20)] = 1
    side: Side = "both"
    title: ShortText = ""
    technique: ShortText = ""
    position_uid: Uid | None = None
    lesson_fingerprint: Fingerprint | None = None
    start_ms: Ms = 0
    end_ms: Ms = 0
    demo_side: Side = "both"
    passes: Annotated[int, msgspec.Meta(ge=0, le=100)] = 0
    cadence_ms: Ms = 0
    cue_every_ms: Ms = 0
    text: ShortText = ""
    structure: ShortText = ""
    preset_key: ShortText = ""


class PlanItem(Item, frozen=True):
    key: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    title: ShortText
    created_at: Timestamp
    updated_at: Timestamp
    notes: LongText = ""
    ordinal: int = 0
    steps: list[PlanStepItem] = msgspec.field(default_factory=list)
    side_order: Literal["each", "all"] = "each"


_STEP_COLUMNS = ", ".join(STEP_FIELDS)


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

    def check(self, item: PlanItem) -> str | None:
        """A plan whose steps could not run (a passes step with a cadence of 0, thousands of steps...)
        is refused with the plan checks' own message."""
        plan = Plan(
            title=item.title,
            side_order=item.side_order,
            steps=tuple(
                PlanStep(**{field: getattr(step, field) for field in STEP_FIELDS}) for step in item.steps
            ),
        )
        try:
            check_steps(plan)
        except HoldRejected as error:
            return str(error)
        return None

    def dump(self, conn: sqlite3.Connection) -> list[PlanItem]:
        keys = plan_keys(conn)
        steps: dict[int, list[PlanStepItem]] = {}
        for row in conn.execute(f"SELECT plan_id, {_STEP_COLUMNS} FROM plan_steps ORDER BY plan_id, ordinal"):
            plan_id, *fields = row
            steps.setdefault(int(plan_id), []).append(
                PlanStepItem(**dict(zip(STEP_FIELDS, fields, strict=True)))
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
                side_order=side_order,
            )
            for plan_id, title, notes, ordinal, created, updated, side_order in conn.execute(
                "SELECT id, title, notes, ordinal, created_at, updated_at, side_order FROM plans ORDER BY id"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[PlanItem]) -> MergeCount:
        count = MergeCount()
        ids = {key: plan_id for plan_id, key in plan_keys(conn).items()}
        local = {item.key: item for item in self.dump(conn)}
        deleted = deletions(conn, "plan")
        for item in items:
            if covered(deleted, utc_text(parse_utc(_plan_created_text(item.key))), item.updated_at):
                count.unchanged += 1  # deleted here after its last change
                continue
            mine = local.get(item.key)
            if mine is not None and (
                _plan_content(mine) == _plan_content(item)
                or not newer((item.updated_at, _plan_content(item)), (mine.updated_at, _plan_content(mine)))
            ):
                if _plan_content(mine) == _plan_content(item) and later(item.updated_at, mine.updated_at):
                    conn.execute(
                        "UPDATE plans SET updated_at = ? WHERE id = ?",
                        [utc_text(item.updated_at), ids[item.key]],
                    )
                    local[item.key] = item
                count.unchanged += 1
                continue
            if mine is None:
                cursor = conn.execute(
                    "INSERT INTO plans (title, notes, side_order, ordinal, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        item.title,
                        item.notes,
                        item.side_order,
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
                    "UPDATE plans SET title = ?, notes = ?, side_order = ?, updated_at = ? WHERE id = ?",
                    [item.title, item.notes, item.side_order, utc_text(item.updated_at), plan_id],
                )
                conn.execute("DELETE FROM plan_steps WHERE plan_id = ?", [plan_id])
                count.updated += 1
            insert_plan_steps(conn, plan_id, item.steps)
            ids = {key: each for each, key in plan_keys(conn).items()}
            local[item.key] = item
        return count


def _plan_created_text(key: str) -> str:
    return key.split("#", 1)[0]


def _plan_content(item: PlanItem) -> tuple[Any, ...]:
    return (item.title, item.notes, item.side_order, tuple(item.steps))


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
        # Rows logged in a therapist's session are client data: they go with the sessions section,
        # which is exported only when the user asks.
        return [item for _session, item in self.rows(conn, "session_id IS NULL", plan_keys(conn))]

    @staticmethod
    def rows(
        conn: sqlite3.Connection, where: str, keys: dict[int, str]
    ) -> list[tuple[int | None, PracticeItem]]:
        rows = conn.execute(
            "SELECT title, planned_ms, actual_ms, completed, started_at, ended_at, side, technique, "
            "position_uid, lesson_fingerprint, plan_id, tender_before, tender_after, session_id "
            f"FROM practice_log WHERE {where} ORDER BY id"
        )
        items = []
        for row in rows:
            title, planned, actual, completed, started, ended, side, technique, uid, fingerprint = row[:10]
            plan_id, before, after, session_id = row[10:]
            items.append(
                (
                    session_id,
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
                    ),
                )
            )
        return items

    def merge(
        self, conn: sqlite3.Connection, items: Sequence[PracticeItem], *, session_id: int | None = None
    ) -> MergeCount:
        count = MergeCount()
        plan_ids = {key: plan_id for plan_id, key in plan_keys(conn).items()}
        local: dict[str, tuple[int, int | None, int | None]] = {}
        # Only the entries that started in the same seconds as the items (timestamps are stored in UTC,
        # so their first 19 characters are the second): a merge costs what it brings.
        seconds = json.dumps(sorted({utc_text(item.started_at)[:19] for item in items}))
        for entry_id, title, started, ended, side, before, after in conn.execute(
            "SELECT id, title, started_at, ended_at, side, tender_before, tender_after FROM practice_log "
            "WHERE substr(started_at, 1, 19) IN (SELECT value FROM json_each(?))",
            [seconds],
        ):
            key = "\x1f".join((utc_text(parse_utc(started)), utc_text(parse_utc(ended)), title, side))
            local.setdefault(key, (int(entry_id), before, after))
        deleted = deletions(conn, "practice")
        for item in items:
            key = self.key(item)
            mine = local.get(key)
            if mine is None and covered(deleted, key, None):
                count.unchanged += 1  # deleted here
                continue
            if mine is None:
                cursor = conn.execute(
                    """
                    INSERT INTO practice_log (title, side, technique, position_uid, lesson_fingerprint,
                        plan_id, planned_ms, actual_ms, completed, tender_before, tender_after,
                        started_at, ended_at, session_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                        session_id,
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
