"""Light and dark themes: the palette follows the desktop or the user's choice, the choice survives a
restart, and the widgets that paint themselves take their colours from it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.models.regions import default_taxonomy
from smrtplayer.models.settings import THEME
from smrtplayer.ui.common.theme import (
    DARK_TONES,
    LIGHT_TONES,
    ThemeManager,
    palette_for,
    set_themed_style,
    theme_manager,
)
from smrtplayer.ui.holds.table_colours import TABLE_COLOURS
from smrtplayer.ui.holds.table_mode import TableModeWindow
from smrtplayer.ui.index.body_map import BodyMap
from smrtplayer.ui.library.stats_chart import StudyChart
from smrtplayer.ui.player.seek_bar import SeekBar
from smrtplayer.ui.player.video_view import VideoView
from smrtplayer.ui.shell.theme_menu import ThemeMenu

Role = QPalette.ColorRole
DARK = palette_for("dark")
LIGHT = palette_for("light")


@pytest.fixture(autouse=True)
def _light_afterwards(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Other tests in this process expect the light palette, as a fresh start has it."""
    yield
    manager = theme_manager.__globals__["_installed"]
    if isinstance(manager, ThemeManager):
        manager.retire()
    QApplication.setPalette(LIGHT)


def system_switches_to(scheme: Qt.ColorScheme) -> None:
    """The desktop announces a new scheme (offscreen Qt cannot switch its own, so its signal is sent)."""
    QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)


def app_window_colour() -> str:
    return str(QApplication.palette().color(Role.Window).name())


def grab(widget: QWidget) -> QImage:
    widget.show()
    QApplication.processEvents()
    return widget.grab().toImage()


def share_near(image: QImage, colour: QColor, tolerance: int = 24, step: int = 2) -> float:
    """The share of (sampled) pixels within ``tolerance`` of ``colour`` on each channel."""
    hits = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            total += 1
            if (
                abs(pixel.red() - colour.red()) <= tolerance
                and abs(pixel.green() - colour.green()) <= tolerance
                and abs(pixel.blue() - colour.blue()) <= tolerance
            ):
                hits += 1
    return hits / max(1, total)


# ------------------------------------------------------------------------------ following and choosing
def test_system_choice_follows_the_desktop_scheme_and_its_changes(context: AppContext) -> None:
    manager = theme_manager(context.settings)
    assert manager.choice() == "system"
    system_switches_to(Qt.ColorScheme.Dark)
    assert manager.scheme() == "dark"
    assert app_window_colour() == DARK.color(Role.Window).name()
    system_switches_to(Qt.ColorScheme.Light)
    assert manager.scheme() == "light"
    assert app_window_colour() == LIGHT.color(Role.Window).name()
    system_switches_to(Qt.ColorScheme.Unknown)  # a desktop that does not say gets the light palette
    assert manager.scheme() == "light"


def test_a_manual_choice_holds_whatever_the_desktop_says(context: AppContext) -> None:
    manager = theme_manager(context.settings)
    manager.set_choice("dark")
    assert manager.scheme() == "dark" and context.settings.get(THEME) == "dark"
    system_switches_to(Qt.ColorScheme.Light)
    assert manager.scheme() == "dark"
    manager.set_choice("light")
    system_switches_to(Qt.ColorScheme.Dark)
    assert manager.scheme() == "light"
    manager.set_choice("system")  # back to following: the desktop said dark last
    assert manager.scheme() == "dark"


def test_the_view_menu_choice_persists_across_a_restart(app_paths: AppPaths, qapp) -> None:  # type: ignore[no-untyped-def]
    context = AppContext.open(app_paths)
    try:
        menu = ThemeMenu(theme_manager(context.settings))
        assert menu.choices["system"].isChecked()
        menu.choices["dark"].trigger()
        assert app_window_colour() == DARK.color(Role.Window).name()
        menu.deleteLater()
    finally:
        context.close()
    QApplication.setPalette(LIGHT)
    reopened = AppContext.open(app_paths)  # the same settings file, read again
    try:
        assert reopened.settings.get(THEME) == "dark"
        manager = theme_manager(reopened.settings)
        assert manager.scheme() == "dark"
        assert app_window_colour() == DARK.color(Role.Window).name()
        menu = ThemeMenu(manager)
        assert menu.choices["dark"].isChecked()
    finally:
        reopened.close()


def test_the_main_windows_view_menu_offers_the_theme(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.shell.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    menu = window.findChild(ThemeMenu, "themeMenu")
    assert menu is not None and menu.menuAction() in window.view_menu.actions()
    menu.choices["dark"].trigger()
    assert context.settings.get(THEME) == "dark"
    error_area = window.error_area
    assert DARK_TONES.warning_bg in error_area.styleSheet()


def test_style_sheets_are_written_again_for_the_new_theme(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    manager = theme_manager(context.settings)
    toned = QLabel("warning")
    set_themed_style(toned, "QLabel { background: $warning_bg; color: $warning_text; }")
    by_role = QLabel("card")
    by_role.setStyleSheet("QLabel { background: palette(base); }")
    for label in (toned, by_role):
        qtbot.addWidget(label)
        label.resize(80, 24)
    assert LIGHT_TONES.warning_bg in toned.styleSheet()
    manager.set_choice("dark")
    assert DARK_TONES.warning_bg in toned.styleSheet()
    assert grab(by_role).pixelColor(2, 2).name() == DARK.color(Role.Base).name()


# ------------------------------------------------------------------------------ self-painted widgets
@pytest.fixture
def dark(context: AppContext) -> ThemeManager:
    manager = theme_manager(context.settings)
    manager.set_choice("dark")
    return manager


def test_body_map_paints_its_background_and_captions_from_the_dark_palette(dark, qtbot) -> None:  # type: ignore[no-untyped-def]
    body_map = BodyMap(default_taxonomy())
    qtbot.addWidget(body_map)
    body_map.resize(420, 600)
    body_map.set_counts({"hips-sacrum": 3})
    image = grab(body_map.canvas)
    assert image.pixelColor(1, 1).name() == DARK.color(Role.Base).name()
    caption_band = image.copy(0, 0, image.width(), body_map.canvas._caption_height())
    assert share_near(caption_band, DARK.color(Role.Text), step=1) > 0.01, "captions in the light text colour"
    assert share_near(caption_band, QColor("#1f3a5f"), step=1) == 0, "no dark-blue text left"


def test_study_chart_paints_with_the_dark_palette_and_the_accent(dark, qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = StudyChart()
    qtbot.addWidget(chart)
    chart.resize(420, 200)
    today = date(2026, 3, 14)
    chart.set_days([(today - timedelta(days=n), (n % 5 + 1) * 600_000) for n in range(14)])
    image = grab(chart)
    assert share_near(image, DARK.color(Role.Base)) > 0.4, "the chart's background is the dark base"
    assert share_near(image, DARK.color(Role.Accent), tolerance=8) > 0.03, "the bars are in the accent"
    assert share_near(image, QColor("#ffffff"), tolerance=8) < 0.01, "no white chart background left"


def test_seek_bar_paints_groove_played_part_and_handle_from_the_palette(dark, qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = SeekBar()
    qtbot.addWidget(bar)
    bar.resize(400, 34)
    bar.set_duration(10_000)
    bar.set_position(5_000)
    image = grab(bar)
    middle = bar.height() // 2
    assert image.pixelColor(bar.mark_x(2_000), middle).name() == DARK.color(Role.Accent).name()
    assert image.pixelColor(bar.mark_x(8_500), middle).name() == DARK.color(Role.Mid).name()


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_table_mode_takes_the_themes_colours(scheme: str, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    theme_manager(context.settings).set_choice(scheme)
    window = TableModeWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    colours = TABLE_COLOURS[scheme]
    image = grab(window)
    assert image.pixelColor(image.width() - 4, image.height() - 4).name() == colours.background
    status = grab(window.status)
    assert share_near(status, QColor(colours.soft), tolerance=30, step=1) > 0.005, "the status in its colour"
    assert window.countdown.colour().name() == colours.soft  # idle: nothing running


def test_table_mode_follows_a_theme_change_while_open(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    manager = theme_manager(context.settings)
    window = TableModeWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    assert grab(window).pixelColor(4, 4).name() == TABLE_COLOURS["light"].background
    manager.set_choice("dark")
    assert grab(window).pixelColor(4, 4).name() == TABLE_COLOURS["dark"].background


def test_the_video_stays_dark_in_the_light_theme(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    theme_manager(context.settings).set_choice("light")
    view = VideoView()
    qtbot.addWidget(view)
    view.resize(480, 270)
    view.clear("Choose a lesson to play")
    image = grab(view)
    assert image.pixelColor(2, 2).name() == "#000000"
    placeholder = DARK.color(Role.PlaceholderText)
    assert share_near(image, placeholder, tolerance=20, step=1) > 0.001, "placeholder in the dark tone"
    assert view.palette().color(Role.Window).name() == DARK.color(Role.Window).name()


def test_an_open_chart_and_body_map_follow_a_theme_change(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    manager = theme_manager(context.settings)
    chart = StudyChart()
    body_map = BodyMap(default_taxonomy())
    for widget in (chart, body_map):
        qtbot.addWidget(widget)
    chart.resize(420, 200)
    body_map.resize(420, 600)
    chart.set_days([(date(2026, 3, 1) + timedelta(days=n), 900_000) for n in range(7)])
    assert share_near(grab(chart), LIGHT.color(Role.Base)) > 0.4
    assert grab(body_map.canvas).pixelColor(1, 1).name() == LIGHT.color(Role.Base).name()
    manager.set_choice("dark")
    assert share_near(grab(chart), DARK.color(Role.Base)) > 0.4
    assert share_near(grab(chart), LIGHT.color(Role.Base), tolerance=4) < 0.01
    assert grab(body_map.canvas).pixelColor(1, 1).name() == DARK.color(Role.Base).name()


def test_the_working_side_that_is_on_shows_in_the_dark_theme(dark, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.index.index_panel import IndexPanel

    panel = IndexPanel(context)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    on, off = panel.findChild(QWidget, "workingSideNone"), panel.findChild(QWidget, "workingSideL")
    assert on is not None and off is not None and on.isChecked() and not off.isChecked()  # type: ignore[attr-defined]
    accent = DARK.color(Role.Accent)
    assert share_near(grab(on), accent, tolerance=6, step=1) > 0.5, "the side that is on is in the accent"
    assert share_near(grab(off), accent, tolerance=6, step=1) < 0.05
    size_when_on = on.sizeHint()
    off.click()  # type: ignore[attr-defined]
    assert not on.isChecked(), "the other side is on now"  # type: ignore[attr-defined]
    assert on.sizeHint() == size_when_on, "turning a side off does not move the row"
