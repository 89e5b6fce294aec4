"""Table mode's colours: black in the dark theme, white in the light one, each colour reading at 4.5:1
or more on its background from two or three metres away."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication

from smrtplayer.ui.common.theme import is_dark


@dataclass(frozen=True)
class TableColours:
    """Table mode's colours in one theme: the countdown's states, the labels, the badges."""

    background: str
    text: str
    soft: str  # the status line, an idle countdown
    last_seconds: str
    overtime: str
    paused: str
    rest: str
    groove: str  # the progress bar's empty part
    next_text: str
    hints: str
    kind_badge_bg: str
    kind_badge_text: str


TABLE_COLOURS = {
    "dark": TableColours(
        background="#000000",
        text="#ffffff",
        soft="#b0b0b0",
        last_seconds="#ffd54f",
        overtime="#69f0ae",
        paused="#9e9e9e",
        rest="#80d8ff",
        groove="#333333",
        next_text="#e0e0e0",
        hints="#9e9e9e",
        kind_badge_bg="#ffffff",
        kind_badge_text="#000000",
    ),
    "light": TableColours(
        background="#ffffff",
        text="#111111",
        soft="#4b5260",
        last_seconds="#9a5700",
        overtime="#1b7f3a",
        paused="#666666",
        rest="#0b6aa8",
        groove="#d6d9de",
        next_text="#2d333b",
        hints="#5b6470",
        kind_badge_bg="#111111",
        kind_badge_text="#ffffff",
    ),
}


def table_colours() -> TableColours:
    """The colours for the application's theme (table mode paints its own background, so it asks the
    application's palette, not its own)."""
    return TABLE_COLOURS["dark" if is_dark(QGuiApplication.palette()) else "light"]
