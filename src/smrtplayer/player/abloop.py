"""The A-B loop: which span repeats, how often, and with what pause between passes.

Pure state; the playback controller asks it what to do when playback crosses B.
"""

from __future__ import annotations

from dataclasses import dataclass

#: B must be at least this far after A; a shorter loop would only stutter.
MIN_LOOP_MS = 200
#: A report this far past B without crossing it (a seek beyond B) does not loop back.
CROSSING_WINDOW_MS = 1500


@dataclass
class ABLoop:
    a_ms: int | None = None
    b_ms: int | None = None
    #: total passes through the span before playback goes on; ``None`` repeats until cleared
    repeats: int | None = None
    #: silence between passes, e.g. time to copy the hand placement
    pause_ms: int = 0
    passes_done: int = 0

    @property
    def is_set(self) -> bool:
        return self.a_ms is not None and self.b_ms is not None

    def set_a(self, position_ms: int) -> None:
        self.a_ms = max(0, position_ms)
        if self.b_ms is not None and self.b_ms - self.a_ms < MIN_LOOP_MS:
            self.b_ms = None
        self.passes_done = 0

    def set_b(self, position_ms: int) -> bool:
        """Set B; refused (False) when it would not be after A. A defaults to the start."""
        a_ms = self.a_ms if self.a_ms is not None else 0
        if position_ms - a_ms < MIN_LOOP_MS:
            return False
        self.a_ms, self.b_ms = a_ms, position_ms
        self.passes_done = 0
        return True

    def set_span(self, a_ms: int, b_ms: int) -> bool:
        if b_ms - a_ms < MIN_LOOP_MS or a_ms < 0:
            return False
        self.a_ms, self.b_ms, self.passes_done = a_ms, b_ms, 0
        return True

    def clear(self) -> None:
        self.a_ms = self.b_ms = None
        self.passes_done = 0

    def crossed_end(self, previous_ms: int | None, position_ms: int) -> bool:
        """True when playback has just reached B (not when the user jumped well past it)."""
        if self.b_ms is None or self.a_ms is None:
            return False
        if position_ms < self.b_ms or position_ms - self.b_ms > CROSSING_WINDOW_MS:
            return False
        return previous_ms is None or previous_ms < self.b_ms

    def finish_pass(self) -> bool:
        """Count a pass through the span; True if playback should go back to A for another."""
        self.passes_done += 1
        return self.repeats is None or self.passes_done < self.repeats

    def contains(self, position_ms: int) -> bool:
        return (
            self.is_set
            and self.a_ms is not None
            and self.b_ms is not None
            and (self.a_ms <= position_ms < self.b_ms)
        )
