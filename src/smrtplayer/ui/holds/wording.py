"""Names from the hold model in the user's language: step kinds and the built-in presets (marked for
lupdate where they are declared, in models/plans.py and models/presets.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smrtplayer.models.plans import KIND_NAMES, Plan
from smrtplayer.models.presets import Preset
from smrtplayer.models.sessions import SessionRecord


def kind_name(kind: str) -> str:
    """A step kind's name ("Hold", "Roll"...); an unknown kind as it is stored."""
    source = KIND_NAMES.get(kind)
    return QCoreApplication.translate("StepKind", source) if source else kind


def preset_name(preset: Preset) -> str:
    """A preset's name: the built-in ones translated, the user's own as typed."""
    return QCoreApplication.translate("Presets", preset.name) if preset.builtin else preset.name


def plan_length_text(plan: Plan) -> str:
    """The plan's size, as ``Plan.length_text`` words it, in the user's language:
    "3 steps (4 timed holds and rests), 23 s" or "5 steps, about 4 min"."""
    steps = len(plan.steps)
    text = QCoreApplication.translate("PlanWording", "%n step(s)", "", steps)
    timed = plan.timed_count()
    if timed != steps:
        text += QCoreApplication.translate("PlanWording", " (%n timed holds and rests)", "", timed)
    total = plan.total_ms()
    duration = (
        QCoreApplication.translate("PlanWording", "{seconds} s").format(seconds=round(total / 1000))
        if total < 60_000
        else QCoreApplication.translate("PlanWording", "about {minutes} min").format(
            minutes=round(total / 60_000)
        )
    )
    return f"{text}, {duration}"


def session_summary_text(record: SessionRecord) -> str:
    """A session in one line, as ``SessionRecord.summary_text`` words it, in the user's language:
    "4 entries; Psoas (R): tenderness 8 → 2 (75 % less)"."""
    entries = record.entries
    parts = [QCoreApplication.translate("PlanWording", "%n entry(s)", "", len(entries))]
    rated = [entry for entry in entries if entry.reduction_percent is not None]
    for entry in rated[:3]:
        side = f" ({entry.side})" if entry.side in ("L", "R") else ""
        parts.append(
            QCoreApplication.translate(
                "PlanWording", "{title}{side}: tenderness {before} → {after} ({percent} % less)"
            ).format(
                title=entry.title,
                side=side,
                before=entry.tender_before,
                after=entry.tender_after,
                percent=entry.reduction_percent,
            )
        )
    return "; ".join(parts)
