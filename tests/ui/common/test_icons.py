"""The Phosphor icons: drawn in the palette's colours, greyed when disabled, recoloured when the palette
changes at run time (a theme switch)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from smrtplayer.ui.common.icons import IconKeeper, has_icon, icon


def _ink(image: QImage) -> list[QColor]:
    """The opaque pixels of an icon's image: the glyph's strokes."""
    return [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 200
    ]


def _palette(button_text: str, disabled_text: str) -> QPalette:
    palette = QPalette(QApplication.palette())
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText, QColor(button_text))
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.ButtonText, QColor(button_text))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(disabled_text))
    return palette


def test_an_icon_is_the_glyph_in_the_palettes_button_text_colour(qapp) -> None:  # type: ignore[no-untyped-def]
    palette = _palette("#c01010", "#10c010")
    play = icon("ph.play-fill", lambda: palette)
    assert not play.isNull() and has_icon("ph.play-fill") and has_icon("play-fill")
    normal = _ink(play.pixmap(32, 32).toImage())
    assert len(normal) > 50, "a filled triangle covers much of the square"
    assert all(colour.red() > 150 and colour.green() < 60 for colour in normal)
    disabled = _ink(play.pixmap(32, 32, QIcon.Mode.Disabled).toImage())
    assert disabled and all(colour.green() > 150 and colour.red() < 60 for colour in disabled)


def test_a_caption_is_drawn_inside_the_glyph(qapp) -> None:  # type: ignore[no-untyped-def]
    plain = _ink(icon("ph.arrow-counter-clockwise").pixmap(40, 40).toImage())
    captioned = _ink(icon("ph.arrow-counter-clockwise", caption="10").pixmap(40, 40).toImage())
    assert len(captioned) > len(plain), "the seconds are written in the round arrow"


def test_an_unknown_name_gives_an_empty_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    assert icon("ph.no-such-icon").isNull()
    assert not has_icon("ph.no-such-icon")


def test_the_keeper_recolours_actions_and_buttons_when_the_palette_changes(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setPalette(_palette("#c01010", "#808080"))
    keeper = IconKeeper(widget)
    action = QAction(widget)
    button = QToolButton(widget)
    keeper.set_icon(action, "ph.play-fill")
    keeper.set_icon(button, "ph.camera")
    assert keeper.name_of(action) == "ph.play-fill"

    def reds(target: QAction | QToolButton) -> bool:
        ink = _ink(target.icon().pixmap(32, 32).toImage())
        return bool(ink) and all(colour.red() > 150 and colour.blue() < 60 for colour in ink)

    def blues(target: QAction | QToolButton) -> bool:
        ink = _ink(target.icon().pixmap(32, 32).toImage())
        return bool(ink) and all(colour.blue() > 150 and colour.red() < 60 for colour in ink)

    assert reds(action) and reds(button)
    widget.setPalette(_palette("#1010c0", "#808080"))  # sends PaletteChange: the keeper sets them again
    assert blues(action) and blues(button)
    keeper.set_icon(action, "ph.pause-fill")  # the latest icon is the one kept
    QApplication.sendEvent(widget, QEvent(QEvent.Type.ApplicationPaletteChange))
    assert keeper.name_of(action) == "ph.pause-fill" and blues(action)
