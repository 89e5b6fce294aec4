"""The user's settings (volume, shortcuts, hold options...), one JSON value per declared setting.

What each setting is (type, default, range) is declared in :mod:`smrtplayer.models.settings`; this
repository reads and writes them by that declaration.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from smrtplayer.models.settings import Setting, known_setting
from smrtplayer.store.db import Store, utc_now

log = logging.getLogger(__name__)


class SettingsRepository:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._reported: set[str] = set()  # bad stored values already logged: once each is enough

    def get[T](self, setting: Setting[T]) -> T:
        """The stored value, or the default when there is none or it is not one the setting takes
        (a damaged row, or a value written by another version)."""
        declared = known_setting(setting.name)
        row = self._store.query_one("SELECT value FROM settings WHERE key = ?", [declared.name])
        if row is None:
            return setting.default_value()
        try:
            value = declared.validate(json.loads(row["value"]))
        except (ValueError, RecursionError):  # not JSON (or nested too deeply), or not a value it takes
            self._report(declared, row["value"])
            return setting.default_value()
        return value  # type: ignore[no-any-return]  # validated against the declaration of T

    def set[T](self, setting: Setting[T], value: T) -> None:
        self.set_many({setting: value})

    def set_many(self, values: Mapping[Setting[Any], Any]) -> None:
        """Store several settings in one transaction: all of them or none. A setting that was never
        declared, or a value it does not take, is refused (SettingError) before anything is written."""
        rows = []
        for setting, value in values.items():
            declared = known_setting(setting.name)
            rows.append((declared.name, json.dumps(declared.validate(value))))
        now = utc_now()
        with self._store.write():
            self._store.conn.executemany(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at",
                [(key, text, now) for key, text in rows],
            )

    def _report(self, setting: Setting[Any], stored: object) -> None:
        if setting.name in self._reported:
            return
        self._reported.add(setting.name)
        log.warning(
            "setting %s: the stored %r is not %s; using the default %r",
            setting.name,
            stored,
            setting.expectation(),
            setting.default,
        )
