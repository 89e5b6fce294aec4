"""The window's language: the translators for the chosen locale, and locale-aware numbers and dates.

The language comes from, first to last: ``--lang`` / ``SMRTPLAYER_LANG``, the Language setting, the
system locale. The app's catalogue (``assets/i18n/smrtplayer_<lang>.qm``, made by ``make translations``)
and Qt's own (``qtbase_<lang>.qm`` from PySide6's translations folder: standard dialog buttons, context
menus of text fields) are installed together. English is the source language and needs no catalogue.
The command-line interface stays English.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator

from smrtplayer.common.resources import asset
from smrtplayer.common.translatable import set_translator

log = logging.getLogger(__name__)

LANG_ENV = "SMRTPLAYER_LANG"
#: the languages with a complete catalogue (English is the source text), by code, in their own words
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}
SYSTEM = "system"
CATALOGUE_STEM = "smrtplayer"
I18N_ASSET = "i18n"

_installed: list[QTranslator] = []


def catalogue_dir() -> Path:
    return asset(I18N_ASSET)


def resolve_locale(override: str | None, setting: str = SYSTEM) -> QLocale:
    """The locale the window speaks: an override ("de", "de_AT", "pseudo"...) beats the setting, which beats
    the system's. An unknown override is used as Qt parses it (it then falls back to English text)."""
    chosen = (override or os.environ.get(LANG_ENV, "") or "").strip()
    if not chosen and setting != SYSTEM:
        chosen = setting
    return QLocale(chosen) if chosen else QLocale.system()


def install_translations(locale: QLocale) -> QLocale:
    """Install the app's and Qt's catalogues for ``locale`` (replacing earlier ones) and make it the default
    locale for numbers and dates. Returns the locale whose text is shown (English when none was found)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translations needs the application object")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # Messages from below the window (hold durations...) go through Qt's catalogues too.
    set_translator(QCoreApplication.translate)
    if locale.language() == QLocale.Language.C:  # LANG=C (servers, CI): the app's own English forms
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    app_catalogue = QTranslator(app)
    if not app_catalogue.load(locale, CATALOGUE_STEM, "_", str(catalogue_dir())):
        if locale.language() not in (QLocale.Language.English, QLocale.Language.C):
            log.info("no %s catalogue for %s in %s", CATALOGUE_STEM, locale.name(), catalogue_dir())
        # English text, with the English catalogue's plural forms ("1 lesson", "2 lessons").
        english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        if app_catalogue.load(english, CATALOGUE_STEM, "_", str(catalogue_dir())):
            app.installTranslator(app_catalogue)
            _installed.append(app_catalogue)
        else:
            log.warning("the English catalogue is missing from %s: counts read '(s)'", catalogue_dir())
        return english
    app.installTranslator(app_catalogue)
    _installed.append(app_catalogue)
    qt_catalogue = QTranslator(app)
    folders = _qt_catalogue_folders()
    if any(qt_catalogue.load(locale, "qtbase", "_", folder) for folder in folders):
        app.installTranslator(qt_catalogue)
        _installed.append(qt_catalogue)
    else:
        log.info("no Qt catalogue for %s in %s", locale.name(), folders)
    return locale


def _qt_catalogue_folders() -> list[str]:
    """Where Qt's own catalogues are: Qt's configured folder, and the PySide6 package's, where a frozen
    bundle keeps the ones it ships."""
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]


# ---------------------------------------------------------------------------- numbers and dates
def number_text(value: float, decimals: int = 0) -> str:
    """A number as the user's locale writes it ("1.234,5" in German)."""
    return QLocale().toString(float(value), "f", decimals)


def short_number_text(value: float) -> str:
    """A number without trailing zeros, in the locale's form ("1.5" / "1,5", "2")."""
    return QLocale().toString(float(value), "g", 6)


def rate_text(rate: float) -> str:
    """A playback speed: "0.75×", "0,75×" in German; no trailing zeros ("1×", "1.5×")."""
    return QLocale().toString(float(rate), "g", 4) + "×"


def percent_text(fraction: float) -> str:
    """A share as a whole percentage in the locale's digits, with the space the app writes before the sign
    in every language ("42 %")."""
    locale = QLocale()
    return f"{locale.toString(round(fraction * 100))}\u00a0{locale.percent()}"


def size_text(size_bytes: int) -> str:
    """A file size in the locale's units and decimal mark ("1,5 GB" / "1.5 GB")."""
    return QLocale().formattedDataSize(size_bytes, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def date_text(value: date | datetime) -> str:
    """A day in the locale's short form ("5 Dec 2026" / "05.12.26")."""
    day = value.date() if isinstance(value, datetime) else value
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def datetime_text(value: datetime) -> str:
    """A moment in the locale's short form, in local time."""
    moment = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def moment_text(value: datetime) -> str:
    """A moment in local time with the month written out ("5 December 2026 7:08 PM" /
    "5. Dezember 2026 19:08")."""
    local = value.astimezone()
    locale = QLocale()
    pattern = "d. MMMM yyyy" if locale.language() == QLocale.Language.German else "d MMMM yyyy"
    day = locale.toString(QDate(local.year, local.month, local.day), pattern)
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    return f"{day} {time}"


def day_month(value: date) -> str:
    """A day and its month, short, in the locale's order ("5 Dec" / "5. Dez.")."""
    locale = QLocale()
    month = locale.monthName(value.month, QLocale.FormatType.ShortFormat)
    if locale.language() == QLocale.Language.German:
        return f"{value.day}. {month}"
    return f"{value.day} {month}"


def day_name(weekday: int) -> str:
    """The short name of a day of the week, Monday = 0 (Python's ``date.weekday()``)."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)
