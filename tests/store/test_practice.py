"""The practice log on the real database: rows, tenderness and its reduction, newest first, CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from smrtplayer.app.context import AppContext
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.store.practice import CSV_COLUMNS


def entry(title: str, ended_at: str, **overrides: object) -> PracticeEntry:
    values: dict[str, object] = {
        "title": title,
        "planned_ms": 30_000,
        "actual_ms": 30_000,
        "completed": True,
        "started_at": ended_at,
        "ended_at": ended_at,
        "side": "R",
        "technique": "SMRT",
    }
    values.update(overrides)
    return PracticeEntry(**values)  # type: ignore[arg-type]


def test_rows_come_back_newest_first_with_the_reduction(context: AppContext) -> None:
    log = context.holds.practice
    first = log.add(entry("Piriformis, prone", "2026-03-01T10:00:00.000+00:00", tender_before=8))
    log.add(entry("Psoas", "2026-03-01T10:05:00.000+00:00", completed=False, actual_ms=12_000))
    log.set_tenderness(first, before=8, after=2)
    rows = log.recent()
    assert [row.title for row in rows] == ["Psoas", "Piriformis, prone"]
    assert rows[1].reduction == 6 and rows[0].reduction is None
    assert log.count() == 2
    assert log.get(first) == rows[1]


@pytest.mark.parametrize("bad", [-1, 11, 3.5])
def test_tenderness_is_a_whole_number_from_0_to_10(context: AppContext, bad: object) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        context.holds.practice.add(entry("x", "2026-03-01T10:00:00.000+00:00", tender_before=bad))


def test_csv_export_is_complete_readable_and_safe_in_spreadsheets(
    context: AppContext, tmp_path: Path
) -> None:
    log = context.holds.practice
    log.add(entry("=HYPERLINK(1)", "2026-03-01T10:05:00.000+00:00", tender_before=7, tender_after=4))
    log.add(entry("Gluteus medius, posterior fibres", "2026-03-01T10:00:00.000+00:00", actual_ms=31_234))
    out = tmp_path / "export" / "practice.csv"
    assert log.export_csv(out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM so spreadsheet programs read UTF-8"
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["position"] == "Gluteus medius, posterior fibres", "oldest first"
    assert (rows[0]["planned_s"], rows[0]["actual_s"], rows[0]["completed"]) == ("30", "31.2", "yes")
    assert rows[1]["position"] == "'=HYPERLINK(1)"
    assert (rows[1]["tenderness_before"], rows[1]["tenderness_after"], rows[1]["reduction"]) == (
        "7",
        "4",
        "3",
    )
    assert not (tmp_path / "export" / "practice.csv.partial").exists()


def test_deleting_a_plan_keeps_its_log_rows(context: AppContext) -> None:
    from smrtplayer.holds.legs import rest_step
    from smrtplayer.models.plans import Plan, PlanStep

    plan_id = context.holds.plans.save(
        Plan(title="p", steps=(PlanStep(kind="hold", hold_ms=30_000, title="x"), rest_step(10_000)))
    )
    context.holds.practice.add(entry("x", "2026-03-01T10:00:00.000+00:00", plan_id=plan_id))
    context.holds.plans.delete(plan_id)
    rows = context.holds.practice.recent()
    assert len(rows) == 1 and rows[0].plan_id is None
