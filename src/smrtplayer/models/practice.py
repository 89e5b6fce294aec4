"""One practice-log entry: a hold (or roll, passes...) finished or abandoned, with the client's
tenderness before and after."""

from __future__ import annotations

from dataclasses import dataclass

#: Strain-Counterstrain aims for at least this much less tenderness at the recheck.
TARGET_REDUCTION_PERCENT = 70


@dataclass(frozen=True)
class PracticeEntry:
    title: str
    planned_ms: int
    actual_ms: int
    completed: bool
    started_at: str
    ended_at: str
    side: str = ""
    technique: str = ""
    position_uid: str | None = None
    lesson_fingerprint: str | None = None
    plan_id: int | None = None
    tender_before: int | None = None
    tender_after: int | None = None
    kind: str = "hold"  # the plan step kind: hold, roll, tender-rest, passes
    passes: int = 0  # passes done, for Active Release
    session_id: int | None = None
    id: int | None = None

    @property
    def reduction(self) -> int | None:
        """Points of tenderness gone (positive is better), when both were recorded."""
        if self.tender_before is None or self.tender_after is None:
            return None
        return self.tender_before - self.tender_after

    @property
    def reduction_percent(self) -> int | None:
        """How much less tender, in per cent of the tenderness before (rounded), when both are known."""
        if self.tender_before is None or self.tender_after is None or self.tender_before == 0:
            return None
        return round(100 * (self.tender_before - self.tender_after) / self.tender_before)

    @property
    def is_counterstrain(self) -> bool:
        return "counterstrain" in self.technique.casefold()

    @property
    def below_target(self) -> bool:
        """True when a counterstrain recheck shows less than the 70 % reduction the method aims for."""
        percent = self.reduction_percent
        return self.is_counterstrain and percent is not None and percent < TARGET_REDUCTION_PERCENT
