"""What each indexing-mode edit does to one lesson's positions, as a plan of writes.

The indexing mode lists a lesson's positions whatever their source. A chapter mark (a file's or a
disc's) is only a start: editing one makes it the user's own, in place, as ``edit_position`` does. A
course manifest's positions are never changed: editing one makes the user's own copy, which then
stands in for it; a manifest position is listed only while the user's positions do not cover its
whole span, so one that was split, joined or renamed shows once, as the user's rows.

A plan is a list of inserts, updates and deletes that the service checks and applies as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from smrtplayer.models.positions import CHAPTER_ORIGINS, Position, PositionDraft, position_at


@dataclass
class EditPlan:
    inserts: list[PositionDraft] = field(default_factory=list)
    updates: dict[str, PositionDraft] = field(default_factory=dict)  # uid -> draft
    deletes: list[str] = field(default_factory=list)
    #: the row to select afterwards: an updated uid, or the index of an insert
    focus_uid: str | None = None
    focus_insert: int | None = None


def lesson_rows(positions: list[Position]) -> list[Position]:
    """The rows of the indexing table: the user's positions, and the course's not covered by them."""
    user = [p for p in positions if p.source == "user"]
    spans = sorted((p.start_ms, p.end_ms) for p in user)
    rows = user + [p for p in positions if p.source != "user" and not _covered(p, spans)]
    return sorted(rows, key=lambda p: (p.start_ms, p.end_ms, p.source != "user", p.id))


def _covered(position: Position, spans: list[tuple[int, int]]) -> bool:
    reached = position.start_ms
    for start, end in spans:
        if start > reached:
            break
        reached = max(reached, end)
        if reached >= position.end_ms:
            return True
    return reached >= position.end_ms


def editable_in_place(row: Position) -> bool:
    """The user's own, or a chapter mark (which an edit makes the user's)."""
    return row.source == "user" or row.origin in CHAPTER_ORIGINS


def change(plan: EditPlan, row: Position, draft: PositionDraft) -> None:
    """``row`` becomes ``draft``: an update of the user's own or a chapter, a copy of a manifest's."""
    if editable_in_place(row):
        plan.updates[row.uid] = draft
    else:
        plan.inserts.append(draft)


def split(rows: list[Position], at_ms: int, fresh: PositionDraft) -> EditPlan:
    """Cut the row playing at ``at_ms`` there; with none, start ``fresh`` there (to the next row)."""
    row = position_at(rows, at_ms)
    plan = EditPlan()
    if row is None:
        later = [p.start_ms for p in rows if p.start_ms > at_ms]
        end = min(later) if later else fresh.end_ms
        plan.inserts.append(replace(fresh, start_ms=at_ms, end_ms=end))
        plan.focus_insert = 0
        return plan
    if at_ms <= row.start_ms:
        return plan  # a row already starts on this frame: nothing to cut
    first = replace(PositionDraft.of(row), end_ms=at_ms)
    second = replace(PositionDraft.of(row), start_ms=at_ms)
    change(plan, row, first)
    plan.inserts.append(second)
    plan.focus_insert = len(plan.inserts) - 1
    return plan


def merge_into_previous(rows: list[Position], uid: str) -> EditPlan:
    """The row joins the one before it, which then reaches the row's end."""
    index = next(i for i, p in enumerate(rows) if p.uid == uid)
    plan = EditPlan()
    if index == 0:
        return plan
    row, previous = rows[index], rows[index - 1]
    merged = replace(PositionDraft.of(previous), end_ms=max(previous.end_ms, row.end_ms))
    if editable_in_place(row):
        plan.deletes.append(row.uid)
    change(plan, previous, merged)
    if editable_in_place(previous):
        plan.focus_uid = previous.uid
    else:
        plan.focus_insert = 0
    return plan


def move_start(rows: list[Position], uid: str, start_ms: int) -> EditPlan:
    """The row starts at ``start_ms``; the row that ended where it started ends there too."""
    index = next(i for i, p in enumerate(rows) if p.uid == uid)
    row = rows[index]
    plan = EditPlan()
    previous = rows[index - 1] if index > 0 else None
    if previous is not None and previous.end_ms == row.start_ms:
        change(plan, previous, replace(PositionDraft.of(previous), end_ms=start_ms))
    change(plan, row, replace(PositionDraft.of(row), start_ms=start_ms))
    if editable_in_place(row):
        plan.focus_uid = row.uid
    else:
        plan.focus_insert = len(plan.inserts) - 1
    return plan


def redescribe(row: Position, draft: PositionDraft) -> EditPlan:
    """A change of name, side or hold of one row."""
    plan = EditPlan()
    change(plan, row, draft)
    if editable_in_place(row):
        plan.focus_uid = row.uid
    else:
        plan.focus_insert = 0
    return plan
