"""The user's settings (not those that describe one computer)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Annotated

import msgspec

from smrtplayer.models.settings import LOCAL_SETTING_PREFIXES, find_setting
from smrtplayer.store.exchange.base import (
    Item,
    MergeCount,
    Section,
    Timestamp,
    later,
    newer,
    parse_utc,
    utc_text,
)

__all__ = ["LOCAL_SETTING_PREFIXES", "SettingItem", "SettingsSection"]


# ------------------------------------------------------------------------------------ settings
class SettingItem(Item, frozen=True):
    key: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    value: Annotated[str, msgspec.Meta(max_length=1_000_000)]  # the setting's JSON text
    updated_at: Timestamp


class SettingsSection(Section[SettingItem]):
    """The user's settings (not the ones describing this computer): the newer change wins.

    Which settings travel, and which values they take, is the registry's to say. A setting this version
    does not know (a newer one's) is skipped at merge rather than refusing the whole file.
    """

    name = "settings"
    title = "settings"
    item_type = SettingItem
    tables = ("settings",)

    def key(self, item: SettingItem) -> str:
        return item.key

    def check(self, item: SettingItem) -> str | None:
        setting = find_setting(item.key)
        if item.key.startswith(LOCAL_SETTING_PREFIXES) or (setting is not None and not setting.exported):
            return "it belongs to one computer only"
        try:
            value = json.loads(item.value)
        except (ValueError, RecursionError):
            return "its value is not JSON"
        if setting is not None and not setting.accepts(value):
            return f"its value is not {setting.expectation()}"
        return None

    def dump(self, conn: sqlite3.Connection) -> list[SettingItem]:
        return [
            SettingItem(key=key, value=value, updated_at=parse_utc(updated))
            for key, value, updated in conn.execute(
                "SELECT key, value, updated_at FROM settings ORDER BY key"
            )
            if _is_exported(str(key)) and _is_json(value)
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[SettingItem]) -> MergeCount:
        count = MergeCount()
        local = {item.key: item for item in self.dump(conn)}
        for item in items:
            if not _is_exported(item.key):
                count.skipped += 1
                continue
            mine = local.get(item.key)
            if mine is not None and (
                mine.value == item.value
                or not newer((item.updated_at, item.value), (mine.updated_at, mine.value))
            ):
                if mine.value == item.value and later(item.updated_at, mine.updated_at):
                    conn.execute(
                        "UPDATE settings SET updated_at = ? WHERE key = ?",
                        [utc_text(item.updated_at), item.key],
                    )
                    local[item.key] = item
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = excluded.value, updated_at = excluded.updated_at",
                [item.key, item.value, utc_text(item.updated_at)],
            )
            local[item.key] = item
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count


def _is_exported(key: str) -> bool:
    setting = find_setting(key)
    return setting is not None and setting.exported


def _is_json(value: object) -> bool:
    try:
        json.loads(str(value))
    except (ValueError, RecursionError):
        return False
    return True
