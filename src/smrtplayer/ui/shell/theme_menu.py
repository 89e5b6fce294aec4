"""View ▸ Theme: follow the system, or keep light or dark colours (remembered in the settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from smrtplayer.models.settings import THEME
from smrtplayer.ui.common.theme import DARK, LIGHT, SYSTEM, ThemeManager


class ThemeMenu(QMenu):
    def __init__(self, manager: ThemeManager, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ThemeMenu", "&Theme"), parent)
        self.setObjectName("themeMenu")
        self._manager = manager
        group = QActionGroup(self)
        group.setExclusive(True)
        self.choices: dict[str, QAction] = {}
        for choice, text in (
            (SYSTEM, self.tr("Follow the &system")),
            (LIGHT, self.tr("&Light")),
            (DARK, self.tr("&Dark")),
        ):
            action = QAction(text, self)
            action.setObjectName(f"action_theme_{choice}")
            action.setCheckable(True)
            action.setData(choice)
            group.addAction(action)
            self.addAction(action)
            self.choices[choice] = action
        group.triggered.connect(self._choose)
        manager.settings.changed.connect(self._on_setting_changed)
        self._show_choice()

    def _choose(self, action: QAction) -> None:
        self._manager.set_choice(str(action.data()))

    def _on_setting_changed(self, name: str) -> None:
        if name == THEME.name:
            self._show_choice()

    def _show_choice(self) -> None:
        self.choices[self._manager.choice()].setChecked(True)
