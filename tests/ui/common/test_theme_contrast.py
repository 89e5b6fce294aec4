"""Every text colour of both themes reads against its background at WCAG's 4.5:1 for body text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from smrtplayer.ui.common.theme import DARK_TONES, LIGHT_TONES, Tones, palette_for
from smrtplayer.ui.holds.table_colours import TABLE_COLOURS
from smrtplayer.ui.holds.table_mode import SIDE_STYLE
from smrtplayer.ui.index.body_map import BADGE

Role = QPalette.ColorRole
BODY_TEXT = 4.5


def luminance(colour: QColor | str) -> float:
    """WCAG 2 relative luminance."""
    colour = QColor(colour)

    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.04045 else ((share + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(one: QColor | str, other: QColor | str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_gives_wcags_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


PALETTE_PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("text", "background"), PALETTE_PAIRS)
def test_palette_text_reads_on_its_background(
    scheme: str,
    text: QPalette.ColorRole,
    background: QPalette.ColorRole,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    palette = palette_for(scheme)
    ratio = contrast(palette.color(text), palette.color(background))
    assert ratio >= BODY_TEXT, (scheme, text.name, background.name, round(ratio, 2))


@pytest.mark.parametrize(("scheme", "tones"), [("light", LIGHT_TONES), ("dark", DARK_TONES)])
def test_the_themes_tones_read_where_they_are_used(scheme: str, tones: Tones, qapp) -> None:  # type: ignore[no-untyped-def]
    palette = palette_for(scheme)
    text = palette.color(Role.WindowText)
    pairs = {
        "muted on base": (tones.muted, palette.color(Role.Base)),
        "muted on window": (tones.muted, palette.color(Role.Window)),
        "link on base": (tones.link, palette.color(Role.Base)),
        "link on a hovered button": (tones.link, tones.accent_soft),
        "error text on base": (tones.error_text, palette.color(Role.Base)),
        "error text on window": (tones.error_text, palette.color(Role.Window)),
        "warning text on its banner": (tones.warning_text, tones.warning_bg),
        "text on a warning banner": (text, tones.warning_bg),
        "text on an error banner": (text, tones.error_bg),
        "text on an info banner": (text, tones.info_bg),
        "white on the accent": ("#ffffff", tones.accent),
    }
    failing = {name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < BODY_TEXT}
    assert not failing, (scheme, failing)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_table_mode_colours_read_from_the_table(scheme: str, qapp) -> None:  # type: ignore[no-untyped-def]
    colours = TABLE_COLOURS[scheme]
    texts = {
        name: getattr(colours, name)
        for name in ("text", "soft", "last_seconds", "overtime", "paused", "rest", "next_text", "hints")
    }
    failing = {
        name: round(contrast(colour, colours.background), 2)
        for name, colour in texts.items()
        if contrast(colour, colours.background) < BODY_TEXT
    }
    assert not failing, (scheme, failing)
    assert contrast(colours.kind_badge_text, colours.kind_badge_bg) >= BODY_TEXT


def test_badges_with_their_own_background_read_in_either_theme() -> None:
    for side, (_words, background, foreground) in SIDE_STYLE.items():
        assert contrast(foreground, background) >= BODY_TEXT, side
    assert contrast("#ffffff", BADGE) >= BODY_TEXT  # the body map's counts
