"""Builders for the export and merge tests: rows written straight into a real store, and counts."""

from __future__ import annotations

from typing import Any

from smrtplayer.app.context import AppContext


def demo_lessons(context: AppContext) -> list[Any]:
    course = context.library.courses()[0]
    return context.library.lessons(course.id)


def count(context: AppContext, sql: str) -> int:
    row = context.store.conn.execute(sql).fetchone()
    return int(row[0])


def add_practice(context: AppContext, title: str, started: str) -> None:
    with context.store.write():
        context.store.conn.execute(
            "INSERT INTO practice_log (title, side, technique, planned_ms, actual_ms, completed, "
            "started_at, ended_at) VALUES (?, 'R', 'SMRT', 30000, 30000, 1, ?, ?)",
            [title, started, started.replace(":00.000", ":30.000")],
        )


def add_plan(context: AppContext, title: str, created: str) -> None:
    with context.store.write():
        plan_id = context.store.conn.execute(
            "INSERT INTO plans (title, notes, ordinal, created_at, updated_at) VALUES (?, '', 0, ?, ?)",
            [title, created, created],
        ).lastrowid
        context.store.conn.execute(
            "INSERT INTO plan_steps (plan_id, ordinal, kind, hold_ms, title) VALUES (?, 0, 'hold', 30000, ?)",
            [plan_id, f"{title} step"],
        )
