"""A note as every layer sees it, and its revision: a digest of what the user sees.

Revisions: ``rev`` is a digest of what the user sees (lesson, pin, body, deleted). ``history`` keeps
the revisions a note has moved on from, one per editing session, not per keystroke. A merge uses it
to tell a stale copy (its rev is in our history: ignore it) from an edit made on both computers
(neither rev is in the other's history: keep both).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from smrtplayer.common.digests import blake2b

#: Revisions remembered per note; older ones fall off (a merge then keeps both copies: never a loss).
HISTORY_LIMIT = 64


@dataclass(frozen=True)
class Note:
    uid: str
    lesson_fingerprint: str
    time_ms: int | None
    position_uid: str | None
    body: str
    created_at: str
    updated_at: str
    deleted: bool = False
    rev: str = ""
    history: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The first non-empty line, without Markdown heading marks, for lists and exports."""
        for line in self.body.splitlines():
            text = line.strip().lstrip("#").strip()
            if text:
                return text
        return ""


def note_rev(
    lesson_fingerprint: str, time_ms: int | None, position_uid: str | None, body: str, deleted: bool
) -> str:
    """A digest of what the user sees; equal content on two computers gives equal revisions."""
    parts = (
        lesson_fingerprint,
        "" if time_ms is None else str(time_ms),
        position_uid or "",
        "1" if deleted else "0",
    )
    digest = blake2b(digest_size=8)
    digest.update("\x1f".join(parts).encode())
    digest.update(b"\x1e")
    digest.update(body.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def with_rev(note: Note) -> Note:
    return replace(
        note, rev=note_rev(note.lesson_fingerprint, note.time_ms, note.position_uid, note.body, note.deleted)
    )
