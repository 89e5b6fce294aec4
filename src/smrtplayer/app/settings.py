"""The settings as a service: what widgets and services read and change the user's settings through."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from smrtplayer.models.settings import Setting
from smrtplayer.store.settings import SettingsRepository


class SettingsService(QObject):
    """Typed reads and validated writes of the declared settings; ``changed`` names each one written."""

    changed = Signal(str)  # the setting's name

    def __init__(self, repository: SettingsRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._repository = repository

    def get[T](self, setting: Setting[T]) -> T:
        return self._repository.get(setting)

    def set[T](self, setting: Setting[T], value: T) -> None:
        self.set_many({setting: value})

    def set_many(self, values: Mapping[Setting[Any], Any]) -> None:
        self._repository.set_many(values)
        for setting in values:
            self.changed.emit(setting.name)
