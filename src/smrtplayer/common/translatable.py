"""Translation for code below the window, which does not import Qt.

``QT_TRANSLATE_NOOP("Context", "text")`` returns the text unchanged; its only job is to be found by
``pyside6-lupdate``, which reads calls of that name. The window shows such a text through
``QCoreApplication.translate("Context", text)``. (Qt's own QT_TRANSLATE_NOOP is typed ``object``.)

``translate("Context", "text")`` translates now, through the function the window installs at start
(``set_translator``); without a window (the command line) it returns the English text. lupdate reads
these calls too.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str, str | None, int], str]


def _english(_context: str, text: str, _disambiguation: str | None = None, _count: int = -1) -> str:
    return text


_translator: Translator = _english


def set_translator(translator: Translator | None) -> None:
    """Route ``translate`` through ``translator`` (the window's Qt translation); None: English again."""
    global _translator
    _translator = translator or _english


def translate(context: str, text: str, disambiguation: str | None = None, count: int = -1) -> str:
    return _translator(context, text, disambiguation, count)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    del context  # read by lupdate only
    return text
