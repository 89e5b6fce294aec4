"""HoldServices on the real database: the named operations write through the repositories and say
what changed with a signal; the service is built from its parts and asks for the player only when a
hold needs it."""

from __future__ import annotations

from pathlib import Path

from smrtplayer.app.context import AppContext
from smrtplayer.holds.legs import rest_step
from smrtplayer.holds.service import HoldServices
from smrtplayer.models.plans import Plan
from smrtplayer.models.practice import PracticeEntry
from smrtplayer.store.plans import PlanRepository, PresetRepository
from smrtplayer.store.practice import PracticeRepository
from smrtplayer.store.sessions import SessionRepository


def recorder(signal: object) -> list[None]:
    heard: list[None] = []
    signal.connect(lambda *_args: heard.append(None))  # type: ignore[attr-defined]
    return heard


def entry(title: str, ended_at: str) -> PracticeEntry:
    return PracticeEntry(
        title=title,
        planned_ms=30_000,
        actual_ms=30_000,
        completed=True,
        started_at=ended_at,
        ended_at=ended_at,
    )


def test_plan_operations_write_and_announce(context: AppContext) -> None:
    holds = context.holds
    heard = recorder(holds.plans_changed)
    first = holds.save_plan(Plan(title="Hip", steps=(rest_step(20_000),)))
    second = holds.save_plan(Plan(title="Neck", steps=(rest_step(20_000),)))
    copy = holds.duplicate_plan(first)
    holds.move_plan(second, -1)
    assert [plan.title for plan in holds.all_plans()] == ["Neck", "Hip", "Hip (copy)"]
    holds.delete_plan(first)
    assert holds.plan(first) is None
    assert [plan.id for plan in holds.all_plans()] == [second, copy]
    assert len(heard) == 5


def test_saving_a_preset_announces_it(context: AppContext) -> None:
    holds = context.holds
    heard = recorder(holds.presets_changed)
    preset = holds.save_preset("  Psoas   long ", 75_000)
    assert preset.name == "Psoas long"
    assert "Psoas long" in [p.name for p in holds.all_presets()]
    assert len(heard) == 1


def test_practice_log_operations_write_and_announce(context: AppContext, tmp_path: Path) -> None:
    holds = context.holds
    heard = recorder(holds.practice_log_changed)
    first = holds.practice.add(entry("Piriformis", "2026-03-01T10:00:00.000+00:00"))
    second = holds.practice.add(entry("Psoas", "2026-03-01T10:05:00.000+00:00"))
    holds.set_entry_tenderness(first, before=7, after=3)
    logged = holds.log_entry(first)
    assert logged is not None and logged.reduction == 4
    holds.delete_entry(second)
    assert [row.title for row in holds.log_entries()] == ["Piriformis"]
    assert holds.export_log_csv(tmp_path / "log.csv") == 1
    assert len(heard) == 2


def test_a_logged_hold_and_its_later_tenderness_are_announced(context: AppContext) -> None:
    holds = context.holds
    heard = recorder(holds.practice_log_changed)
    assert holds.last_entry() is None
    holds.runner.hold_preset(20_000, "Subscapularis")
    holds.runner.stop()
    assert len(heard) == 1
    holds.runner.set_tenderness_after(2)  # no hold running: it goes to the one just logged
    last = holds.last_entry()
    assert last is not None and last.title == "Subscapularis" and last.tender_after == 2
    assert len(heard) == 2


def test_the_service_is_built_from_its_parts_and_asks_for_the_player_late(context: AppContext) -> None:
    asked: list[None] = []

    def player():  # type: ignore[no-untyped-def]
        asked.append(None)
        return context.playback

    holds = HoldServices(
        settings=context.settings,
        plans=PlanRepository(context.store),
        presets=PresetRepository(context.store),
        practice=PracticeRepository(context.store),
        sessions=SessionRepository(context.store),
        backup_files=list,
        lessons=context.library,
        player=player,
        cache_dir=context.paths.cache,
    )
    holds.set_option("holds.loop_span", True)
    assert holds.option("holds.loop_span") is True
    assert holds.all_plans() == [] and not holds.is_holding()
    assert asked == []
    assert holds.runner.loop_span
    assert asked == [None]
    holds.close()
