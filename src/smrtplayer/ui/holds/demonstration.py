"""What the video shows for a hold's side, in words: the course's own demonstration of that side, or
another side's demonstration mirrored. Said wherever the side is, so a mirrored picture is never
taken for a filmed one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from smrtplayer.holds.legs import Leg


def demonstration_note(leg: Leg | None) -> str:
    """ "Course's left-side demonstration", "Mirrored: the course shows the client's right", or ""
    for a hold with no video or no single side."""
    step = leg.step if leg is not None else None
    if leg is None or step is None or leg.is_rest or not step.has_video or leg.side not in ("L", "R"):
        return ""
    if leg.mirrored:
        if step.demo_side == "L":
            return QCoreApplication.translate("Demonstration", "Mirrored: the course shows the client's left")
        return QCoreApplication.translate("Demonstration", "Mirrored: the course shows the client's right")
    if leg.side == "L":
        return QCoreApplication.translate("Demonstration", "Course's left-side demonstration")
    return QCoreApplication.translate("Demonstration", "Course's right-side demonstration")
