"""Hashes that tell a change from what every device already has, and the hybrid clock's stamp on
our changes (see ``clock``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec

from smrtplayer.common.digests import blake2b
from smrtplayer.store.db import Store
from smrtplayer.store.exchange import SECTIONS, Item, Section
from smrtplayer.sync.state import SyncState

#: the sections whose items carry the ``updated_at`` that decides which edit wins
RESTAMPED_SECTIONS = frozenset(
    {"notes", "user_positions", "plans", "settings", "lesson_progress", "course_speeds"}
)


def item_hash(item: Item) -> str:
    return blake2b(msgspec.json.encode(item), digest_size=12).hexdigest()


#: what is not the user's content: when, and (notes) which versions came before
_NOT_CONTENT = ("updated_at", "created_at", "history")


def content_hash(item: Item) -> str:
    fields = msgspec.to_builtins(item)
    for name in _NOT_CONTENT:
        fields.pop(name, None)
    return blake2b(msgspec.json.encode(fields), digest_size=12).hexdigest()


def change_ms(item: Item) -> int:
    changed_at = getattr(item, "updated_at", None)
    return int(changed_at.timestamp() * 1000) if isinstance(changed_at, datetime) else 0


def restamped(
    store: Store, changed: list[tuple[Section[Any], str, Item]], state: SyncState
) -> list[tuple[Section[Any], str, Item]]:
    """Our changes, each stamped later than any version of the same item seen so far (the hybrid clock).

    A change made here while our wall clock lags behind a time read from another device's journal
    would lose to that older version everywhere, for as long as the clocks differ; stamped just after
    it, it wins as it should. The new time is stored here too (a section's merge takes the newer time
    of equal content), so every computer holds the same time for it.
    """
    result: list[tuple[Section[Any], str, Item]] = []
    adopt: dict[str, list[Item]] = {}
    for section, key, item in changed:
        latest = state.latest_ms.get(key, 0)
        if (
            section.name in RESTAMPED_SECTIONS
            and change_ms(item) <= latest
            # Only a real edit is restamped: a version differing from the one received in what the
            # merge does not carry (when it was created, its history) would otherwise be restamped
            # and sent back and forth for ever.
            and content_hash(item) != state.received_content.get(key)
        ):
            moment = datetime.fromtimestamp((latest + 1) / 1000, UTC)
            item = msgspec.structs.replace(item, updated_at=moment)
            adopt.setdefault(section.name, []).append(item)
        if section.name in RESTAMPED_SECTIONS:
            state.latest_ms[key] = max(latest, change_ms(item))
        result.append((section, key, item))
    if adopt:
        with store.write():
            for section in SECTIONS:
                if section.name in adopt:
                    section.merge(store.conn, adopt[section.name])
    return result
