"""A therapist's session: when it ran and, optionally, a client label (initials or a pseudonym).

The label is the only client data the app keeps; it is checked here so that it can be shown as plain
text anywhere and never carries markup or control characters. It is never written to a log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from smrtplayer.common.controlchars import has_unsafe
from smrtplayer.common.errors import SmrtError
from smrtplayer.models.practice import PracticeEntry

MAX_LABEL = 40
_MARKUP = re.compile(r"[<>&\"`{}\[\]\\]|://")


class SessionRejected(SmrtError):
    """A client label or a session request that cannot be used; the message says why."""

    exit_code = 65


def clean_client_label(text: str) -> str:
    """The label to store: spaces collapsed; refused with a message when it holds markup or control
    characters or is too long. Empty is allowed: a label is never required."""
    if has_unsafe(text):
        raise SessionRejected(
            "A client label cannot hold control characters (tabs, line breaks, escape codes). "
            "Use initials or a pseudonym, for example “J.S.” or “Runner 3”."
        )
    label = " ".join(text.split())
    if _MARKUP.search(label):
        raise SessionRejected(
            'A client label is plain text: leave out < > & " ` { } [ ] \\ and web addresses. '
            "Use initials or a pseudonym, for example “J.S.” or “Runner 3”."
        )
    if len(label) > MAX_LABEL:
        raise SessionRejected(
            f"A client label is at most {MAX_LABEL} characters: initials or a pseudonym, never a full record."
        )
    return label


@dataclass(frozen=True)
class Session:
    id: int
    client_label: str
    started_at: str
    ended_at: str | None = None
    entry_count: int = 0


@dataclass(frozen=True)
class SessionRecord:
    """A session with its log entries (oldest first): holds, passes and the rechecks on them."""

    session: Session
    entries: tuple[PracticeEntry, ...] = field(default_factory=tuple)

    def summary_text(self) -> str:
        """“4 entries; tenderness 8 → 2 (75 % less) on Position of ease” for “last time”."""
        entries = self.entries
        parts = [f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}"]
        rated = [entry for entry in entries if entry.reduction_percent is not None]
        for entry in rated[:3]:
            side = f" ({entry.side})" if entry.side in ("L", "R") else ""
            parts.append(
                f"{entry.title}{side}: tenderness {entry.tender_before} → {entry.tender_after} "
                f"({entry.reduction_percent} % less)"
            )
        return "; ".join(parts)
