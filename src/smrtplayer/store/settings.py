"""Small user settings stored as JSON values (volume, the last lesson, shortcuts...)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from smrtplayer.store.db import Store, utc_now


class SettingsRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        row = self._store.query_one("SELECT value FROM settings WHERE key = ?", [key])
        if row is None:
            return default
        try:
            return json.loads(row["value"])
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> None:
        self.set_many({key: value})

    def set_many(self, values: Mapping[str, Any]) -> None:
        """Store several settings in one transaction: all of them or none."""
        now = utc_now()
        with self._store.write():
            self._store.conn.executemany(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                "updated_at = excluded.updated_at",
                [(key, json.dumps(value), now) for key, value in values.items()],
            )
