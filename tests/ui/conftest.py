"""Widget tests see the window as the app shows it in English: with the English catalogue, which holds
only the plural forms ("1 lesson", "2 lessons" for the source "%n lesson(s)")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale


@pytest.fixture(autouse=True, scope="session")
def _english_catalogue(qapp) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.ui.common.i18n import install_translations

    install_translations(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
