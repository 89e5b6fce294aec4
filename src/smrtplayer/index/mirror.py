"""Side-aware mirroring: which way to show a demonstration for the side of the client being treated.

A position records the client's side the teacher demonstrates on ('L', 'R' or 'both'). The therapist
says which side of their own client they are working on. When the two differ, the picture is mirrored
so hands and client appear as they will on the table; the badge says so in words, because a mirrored
picture that is not announced is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from smrtplayer.models.positions import Position

SIDE_WORDS = {"L": "LEFT", "R": "RIGHT"}


def should_mirror(position_side: str, working_side: str | None) -> bool:
    """True when the demonstrated side and the working side are both given and differ.

    ``position_side``: 'L', 'R' or 'both'. ``working_side``: 'L', 'R', or None / '' (not chosen).
    A position shown on both sides, or no working side, is never mirrored.
    """
    return position_side in SIDE_WORDS and working_side in SIDE_WORDS and position_side != working_side


def side_badge(position_side: str, working_side: str | None) -> str:
    """The words for the badge over the video: the side shown, and whether it was mirrored."""
    if position_side not in SIDE_WORDS:
        return ""
    if should_mirror(position_side, working_side):
        if position_side == "L":
            return QCoreApplication.translate("Mirror", "MIRRORED for client's RIGHT (demonstrated on LEFT)")
        return QCoreApplication.translate("Mirror", "MIRRORED for client's LEFT (demonstrated on RIGHT)")
    if position_side == "L":
        return QCoreApplication.translate("Mirror", "Client's LEFT")
    return QCoreApplication.translate("Mirror", "Client's RIGHT")


@dataclass(frozen=True)
class MirrorState:
    mirrored: bool = False
    badge: str = ""
    position_uid: str | None = None


def mirror_state(position: Position | None, working_side: str | None) -> MirrorState:
    if position is None:
        return MirrorState()
    return MirrorState(
        mirrored=should_mirror(position.side, working_side),
        badge=side_badge(position.side, working_side),
        position_uid=position.uid,
    )
