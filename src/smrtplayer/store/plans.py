"""Where treatment plans and the user's own hold presets are kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from smrtplayer.models.plan_checks import check_steps
from smrtplayer.models.plans import Plan, PlanStep
from smrtplayer.models.presets import HoldRejected, Preset, validate_hold_ms
from smrtplayer.store.db import Store, utc_now

#: A plan step's stored fields, in the order of ``plan_steps``' columns after ``plan_id, ordinal``.
STEP_FIELDS = (
    "kind",
    "hold_ms",
    "repeats",
    "side",
    "title",
    "technique",
    "position_uid",
    "lesson_fingerprint",
    "start_ms",
    "end_ms",
    "demo_side",
    "passes",
    "cadence_ms",
    "cue_every_ms",
    "text",
    "structure",
    "preset_key",
)


def insert_plan_steps(conn: sqlite3.Connection, plan_id: int, steps: Iterable[Any]) -> None:
    """Store a plan's steps in order; each step has the ``STEP_FIELDS`` as attributes (a
    ``PlanStep`` here, the export's step item in a merge). The caller holds the transaction."""
    columns = ", ".join(STEP_FIELDS)
    marks = ", ".join("?" * (len(STEP_FIELDS) + 2))
    conn.executemany(
        f"INSERT INTO plan_steps (plan_id, ordinal, {columns}) VALUES ({marks})",
        [
            (plan_id, ordinal, *(getattr(step, field) for field in STEP_FIELDS))
            for ordinal, step in enumerate(steps)
        ],
    )


class PlanRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # ----------------------------------------------------------------------------------- reading
    def all(self) -> list[Plan]:
        rows = self._store.query("SELECT * FROM plans ORDER BY ordinal, id")
        steps = self._steps_by_plan()
        return [_plan(row, steps.get(int(row["id"]), ())) for row in rows]

    def get(self, plan_id: int) -> Plan | None:
        row = self._store.query_one("SELECT * FROM plans WHERE id = ?", [plan_id])
        if row is None:
            return None
        return _plan(row, self._steps_by_plan(plan_id).get(plan_id, ()))

    def _steps_by_plan(self, plan_id: int | None = None) -> dict[int, tuple[PlanStep, ...]]:
        where, params = ("WHERE plan_id = ?", [plan_id]) if plan_id is not None else ("", [])
        rows = self._store.query(f"SELECT * FROM plan_steps {where} ORDER BY plan_id, ordinal, id", params)
        grouped: dict[int, list[PlanStep]] = {}
        for row in rows:
            grouped.setdefault(int(row["plan_id"]), []).append(_step(row))
        return {key: tuple(value) for key, value in grouped.items()}

    # ----------------------------------------------------------------------------------- writing
    def save(self, plan: Plan) -> int:
        """Insert a new plan or replace an existing one's title, notes and steps; returns its id.
        A plan that cannot run is refused whole (``HoldRejected``): nothing of it is written."""
        check_steps(plan)
        now = utc_now()
        with self._store.write():
            conn = self._store.conn
            if plan.id is None:
                ordinal = self._store.query_one("SELECT COALESCE(MAX(ordinal), -1) + 1 AS next FROM plans")
                cursor = conn.execute(
                    "INSERT INTO plans (title, notes, side_order, ordinal, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        plan.title,
                        plan.notes,
                        plan.side_order,
                        int(ordinal["next"]) if ordinal else 0,
                        now,
                        now,
                    ],
                )
                plan_id = int(cursor.lastrowid or 0)
            else:
                plan_id = plan.id
                conn.execute(
                    "UPDATE plans SET title = ?, notes = ?, side_order = ?, updated_at = ? WHERE id = ?",
                    [plan.title, plan.notes, plan.side_order, now, plan_id],
                )
                conn.execute("DELETE FROM plan_steps WHERE plan_id = ?", [plan_id])
            insert_plan_steps(conn, plan_id, plan.steps)
        return plan_id

    def duplicate(self, plan_id: int, title: str | None = None) -> int:
        plan = self.get(plan_id)
        if plan is None:
            raise KeyError(plan_id)
        copy = replace(plan, id=None, title=title or f"{plan.title} (copy)")
        return self.save(copy.with_steps([replace(step, id=None) for step in plan.steps]))

    def delete(self, plan_id: int) -> None:
        with self._store.write():
            self._store.conn.execute("DELETE FROM plans WHERE id = ?", [plan_id])

    def move(self, plan_id: int, delta: int) -> None:
        """Move a plan up (negative) or down (positive) in the list."""
        ids = [int(row["id"]) for row in self._store.query("SELECT id FROM plans ORDER BY ordinal, id")]
        if plan_id not in ids:
            return
        index = ids.index(plan_id)
        target = max(0, min(len(ids) - 1, index + delta))
        ids.insert(target, ids.pop(index))
        with self._store.write():
            for ordinal, each in enumerate(ids):
                self._store.conn.execute("UPDATE plans SET ordinal = ? WHERE id = ?", [ordinal, each])


class PresetRepository:
    """The user's own presets; names are unique (saving an existing name replaces its duration)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[Preset]:
        rows = self._store.query("SELECT * FROM hold_presets ORDER BY hold_ms, name COLLATE NOCASE")
        return [
            Preset(
                key=f"custom-{row['id']}",
                name=str(row["name"]),
                hold_ms=int(row["hold_ms"]),
                technique=str(row["technique"]),
                builtin=False,
                id=int(row["id"]),
            )
            for row in rows
        ]

    def save(self, name: str, hold_ms: int, technique: str = "") -> Preset:
        name = " ".join(name.split())
        if not name:
            raise HoldRejected("A preset needs a name.")
        validate_hold_ms(hold_ms, what="A preset")
        with self._store.write():
            self._store.conn.execute(
                "INSERT INTO hold_presets (name, hold_ms, technique, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET hold_ms = excluded.hold_ms, technique = excluded.technique",
                [name, hold_ms, technique, utc_now()],
            )
        return next(preset for preset in self.all() if preset.name == name)

    def delete(self, preset_id: int) -> None:
        with self._store.write():
            self._store.conn.execute("DELETE FROM hold_presets WHERE id = ?", [preset_id])


def _plan(row: dict[str, Any], steps: tuple[PlanStep, ...]) -> Plan:
    return Plan(
        id=int(row["id"]),
        title=str(row["title"]),
        notes=str(row["notes"]),
        steps=steps,
        updated_at=str(row["updated_at"]),
        side_order=str(row["side_order"]),
    )


def _step(row: dict[str, Any]) -> PlanStep:
    return PlanStep(
        id=int(row["id"]),
        kind=str(row["kind"]),
        hold_ms=int(row["hold_ms"]),
        repeats=int(row["repeats"]),
        side=str(row["side"]),
        title=str(row["title"]),
        technique=str(row["technique"]),
        position_uid=row["position_uid"],
        lesson_fingerprint=row["lesson_fingerprint"],
        start_ms=int(row["start_ms"]),
        end_ms=int(row["end_ms"]),
        demo_side=str(row["demo_side"]),
        passes=int(row["passes"]),
        cadence_ms=int(row["cadence_ms"]),
        cue_every_ms=int(row["cue_every_ms"]),
        text=str(row["text"]),
        structure=str(row["structure"]),
        preset_key=str(row["preset_key"]),
    )
