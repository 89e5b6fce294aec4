"""The window in German: the app's catalogue, Qt's own (standard buttons) and German numbers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from helpers.visible_texts import visible_texts
from smrtplayer.app.context import AppContext
from smrtplayer.ui.common.i18n import (
    day_month,
    install_translations,
    moment_text,
    percent_text,
    rate_text,
    resolve_locale,
    size_text,
)
from smrtplayer.ui.holds.step_dialog import StepDialog
from smrtplayer.ui.shell.main_window import MainWindow

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def german(qapp) -> Iterator[QLocale]:  # type: ignore[no-untyped-def]
    shown = install_translations(resolve_locale("de_DE"))
    yield shown
    install_translations(ENGLISH)


def test_the_window_speaks_german(german: QLocale, context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert german.language() == QLocale.Language.German
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.ensure_workspace()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:4] == ["&Datei", "&Wiedergabe", "&Lernen", "&Ansicht"]
    headings = {label.text() for label in window.findChildren(QLabel)}
    assert {"Kurse", "Lektionen"} <= headings
    texts = {shown.text for shown in visible_texts(window)}
    assert "Körperindex" in texts and "Halte-Timer" in texts
    assert any(text.startswith("Abspielen / Pause (") for text in texts), "tooltips name the keys in German"
    speeds = [action.text() for action in window.transport.speed_menu.actions() if action.text()]
    assert "0,75×" in speeds


def test_standard_dialog_buttons_come_from_qts_german_catalogue(
    german: QLocale, context: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = StepDialog(context.holds.all_presets(), context.index.taxonomy)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Hinzufügen"


def test_numbers_follow_the_locale(german: QLocale) -> None:
    assert rate_text(0.75) == "0,75×"
    assert rate_text(1.0) == "1×"
    assert percent_text(0.42) == "42\u00a0%"
    assert size_text(1_500_000_000) == "1,5 GB"
    evening = datetime(2026, 12, 5, 19, 8).astimezone()
    assert moment_text(evening) == "5. Dezember 2026 19:08"
    assert day_month(evening.date()) == "5. Dez."
    install_translations(ENGLISH)
    assert moment_text(evening).startswith("5 December 2026 7:08")
    assert rate_text(0.75) == "0.75×"
    assert percent_text(0.42) == "42\u00a0%"
    assert size_text(1_500_000_000) == "1.5 GB"


def test_an_unknown_language_falls_back_to_english(qapp) -> None:  # type: ignore[no-untyped-def]
    shown = install_translations(resolve_locale("xx"))
    try:
        assert shown.language() == QLocale.Language.English
    finally:
        install_translations(ENGLISH)


def test_a_language_without_a_catalogue_reads_english_with_its_plurals(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    for locale in (QLocale.c(), QLocale(QLocale.Language.French, QLocale.Country.France)):
        shown = install_translations(locale)
        try:
            assert shown.language() == QLocale.Language.English
            assert QCoreApplication.translate("CourseCard", "%n lesson(s)", "", 1) == "1 lesson"
            assert QCoreApplication.translate("CourseCard", "%n lesson(s)", "", 3) == "3 lessons"
        finally:
            install_translations(ENGLISH)


def test_the_language_is_chosen_in_the_view_menu_for_the_next_start(context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.models.settings import LANGUAGE
    from smrtplayer.ui.shell.language_menu import LanguageMenu

    window = MainWindow(context)
    qtbot.addWidget(window)
    menu = window.findChild(LanguageMenu, "languageMenu")
    assert menu is not None
    names = [action.text() for action in menu.actions()]
    assert names == ["As the system", "English", "Deutsch"]
    assert menu.actions()[0].isChecked(), "the system's language by default"
    menu.actions()[2].trigger()
    assert context.settings.get(LANGUAGE) == "de"
    assert window.statusBar().currentMessage() == "The language changes when smrtplayer starts again."
    assert resolve_locale(None, context.settings.get(LANGUAGE)).language() == QLocale.Language.German


def test_the_override_beats_the_setting_which_beats_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    from smrtplayer.ui.common.i18n import LANG_ENV

    monkeypatch.delenv(LANG_ENV, raising=False)
    assert resolve_locale(None, "system") == QLocale.system()
    assert resolve_locale(None, "de").language() == QLocale.Language.German
    assert resolve_locale("en", "de").language() == QLocale.Language.English
    monkeypatch.setenv(LANG_ENV, "de_AT")
    assert resolve_locale(None, "en").territory() == QLocale.Country.Austria
    assert resolve_locale("en", "system").language() == QLocale.Language.English


def test_messages_from_below_the_window_are_german_too(german: QLocale) -> None:
    from smrtplayer.models.presets import HoldRejected, parse_duration_ms

    with pytest.raises(HoldRejected, match="„zwei“ ist keine Dauer"):
        parse_duration_ms("zwei")
    with pytest.raises(HoldRejected, match="Eine Haltephase von 1 s ist zu kurz"):
        parse_duration_ms("1")


def test_the_c_locale_writes_numbers_the_english_way(qapp) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.common.i18n import number_text

    install_translations(QLocale.c())
    try:
        assert number_text(1234) == "1,234"
        assert rate_text(0.75) == "0.75×"
    finally:
        install_translations(ENGLISH)
