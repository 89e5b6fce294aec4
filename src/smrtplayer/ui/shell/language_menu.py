"""View → Language: the window's language (the Language setting), applied at the next start.

Every widget sets its texts once, when it is built; switching the catalogue under a running window would
leave half of it in the old language, so the choice is kept for the next start and said so.
"""

from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from smrtplayer.app.settings import SettingsService
from smrtplayer.models.settings import LANGUAGE
from smrtplayer.ui.common.i18n import LANGUAGES, SYSTEM


class LanguageMenu(QMenu):
    def __init__(self, settings: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self._settings = settings
        self.note = ""
        group = QActionGroup(self)
        chosen = settings.get(LANGUAGE)
        # Each language is named in its own words: someone who cannot read the current one finds theirs.
        for code, name in ((SYSTEM, self.tr("As the system")), *LANGUAGES.items()):
            action = self.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(lambda action: self.choose(str(action.data())))

    def choose(self, code: str) -> str:
        """Keep ``code`` for the next start; returns what the window tells the user."""
        self._settings.set(LANGUAGE, code)
        self.note = self.tr("The language changes when smrtplayer starts again.")
        window = self.parentWidget()  # a menu is a window of its own: its parent is the main window
        status_bar = getattr(window, "statusBar", None)
        if callable(status_bar):
            status_bar().showMessage(self.note, 8000)
        return self.note
