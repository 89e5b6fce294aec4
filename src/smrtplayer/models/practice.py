"""One practice-log entry: a hold finished or abandoned, with the client's tenderness before and after."""

from __future__ import annotations

from dataclasses import dataclass


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
    id: int | None = None

    @property
    def reduction(self) -> int | None:
        """Points of tenderness gone (positive is better), when both were recorded."""
        if self.tender_before is None or self.tender_after is None:
            return None
        return self.tender_before - self.tender_after
