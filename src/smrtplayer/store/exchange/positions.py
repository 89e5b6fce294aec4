"""The user's own positions and the positions ticked as practised."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec

from smrtplayer.models.positions import PositionDraft, description
from smrtplayer.store.exchange.base import (
    Fingerprint,
    Item,
    MergeCount,
    Ms,
    PositiveMs,
    Section,
    ShortText,
    Side,
    Timestamp,
    Uid,
    _ms_precision,
    later,
    newer,
    parse_utc,
    utc_text,
)
from smrtplayer.store.exchange.deletions import covered, deletions
from smrtplayer.store.positions import position_values


# -------------------------------------------------------------------------------- user positions
class PositionItem(Item, frozen=True):
    uid: Uid
    lesson_fingerprint: Fingerprint
    start_ms: Ms
    end_ms: Ms
    title: ShortText
    created_at: Timestamp
    updated_at: Timestamp
    region: ShortText = ""
    muscles: list[ShortText] = msgspec.field(default_factory=list)
    side: Side = "both"
    client_position: ShortText = ""
    technique: ShortText = ""
    hold_ms: PositiveMs | None = None

    def draft(self) -> PositionDraft:
        """The position this item describes; its uid and edit times stay with the item."""
        return PositionDraft(lesson_fingerprint=self.lesson_fingerprint, **description(self))


class UserPositionsSection(Section[PositionItem]):
    """Positions the user marked (publisher positions come with the course): the newer edit wins."""

    name = "user_positions"
    title = "your positions"
    item_type = PositionItem
    tables = ("positions",)
    _COLUMNS = (
        "uid, lesson_fingerprint, start_ms, end_ms, title, region, muscles, side, client_position, "
        "technique, hold_ms, created_at, updated_at"
    )

    def key(self, item: PositionItem) -> str:
        return item.uid

    def check(self, item: PositionItem) -> str | None:
        if item.end_ms <= item.start_ms:
            return "it ends before it starts"
        if item.uid.startswith("pub-"):
            return "its uid belongs to a publisher's position"
        return None

    def fingerprints(self, item: PositionItem) -> Iterable[str]:
        return (item.lesson_fingerprint,)

    def dump(
        self, conn: sqlite3.Connection, *, source: str = "user", uids: Iterable[str] | None = None
    ) -> list[PositionItem]:
        """The positions of ``source`` (only those of ``uids`` when given: a merge reads what it needs)."""
        if uids is None:
            rows = conn.execute(
                f"SELECT {self._COLUMNS} FROM positions WHERE source = ? ORDER BY id", [source]
            )
        else:
            rows = conn.execute(
                f"SELECT {self._COLUMNS} FROM positions WHERE source = ? "
                "AND uid IN (SELECT value FROM json_each(?)) ORDER BY id",
                [source, json.dumps(sorted(set(uids)))],
            )
        items = []
        for row in rows:
            (
                uid,
                fingerprint,
                start,
                end,
                title,
                region,
                muscles,
                side,
                client,
                technique,
                hold,
                created,
                updated,
            ) = row
            try:
                muscle_list = [str(m) for m in json.loads(muscles)]
            except (ValueError, TypeError):
                muscle_list = []
            items.append(
                PositionItem(
                    uid=uid,
                    lesson_fingerprint=fingerprint,
                    start_ms=start,
                    end_ms=end,
                    title=title,
                    region=region,
                    muscles=muscle_list,
                    side=side,
                    client_position=client,
                    technique=technique,
                    hold_ms=hold,
                    created_at=parse_utc(created),
                    updated_at=parse_utc(updated),
                )
            )
        return items

    def merge(self, conn: sqlite3.Connection, items: Sequence[PositionItem]) -> MergeCount:
        count = MergeCount()
        # Only the rows the items name: a merge costs what it brings, not what is already here.
        wanted = json.dumps(sorted({item.uid for item in items}))
        local = {item.uid: item for item in self.dump(conn, uids=json.loads(wanted))}
        publisher = {
            uid
            for (uid,) in conn.execute(
                "SELECT uid FROM positions WHERE source != 'user' "
                "AND uid IN (SELECT value FROM json_each(?))",
                [wanted],
            )
        }
        # A chapter the user edited on another computer is the same row as this one's chapter: the edit
        # takes it over here too (as ``PositionRepository.update_user`` does).
        chapters = {
            uid
            for (uid,) in conn.execute(
                "SELECT uid FROM positions WHERE source != 'user' AND origin IN ('chapter', 'disc') "
                "AND uid IN (SELECT value FROM json_each(?))",
                [wanted],
            )
        }
        deleted = deletions(conn, "position")
        for item in items:
            if item.uid in chapters and not covered(deleted, item.uid, item.updated_at):
                conn.execute(
                    "UPDATE positions SET lesson_fingerprint = ?, start_ms = ?, end_ms = ?, title = ?, "
                    "region = ?, muscles = ?, side = ?, client_position = ?, technique = ?, hold_ms = ?, "
                    "updated_at = ?, source = 'user', course_id = NULL, side_known = 1 WHERE uid = ?",
                    [*position_values(item.draft()), utc_text(item.updated_at), item.uid],
                )
                count.updated += 1
                local[item.uid] = item
                continue
            if item.uid in publisher:
                count.skipped += 1
                continue
            if covered(deleted, item.uid, item.updated_at):
                count.unchanged += 1  # deleted here after its last change
                continue
            mine = local.get(item.uid)
            values = position_values(item.draft())
            if mine is None:
                conn.execute(
                    "INSERT INTO positions (uid, lesson_fingerprint, course_id, source, start_ms, end_ms, "
                    "title, region, muscles, side, client_position, technique, hold_ms, created_at, "
                    "updated_at) VALUES (?, ?, NULL, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [item.uid, *values, utc_text(item.created_at), utc_text(item.updated_at)],
                )
                count.added += 1
            elif _position_content(mine) == _position_content(item) or not newer(
                (item.updated_at, _position_content(item)), (mine.updated_at, _position_content(mine))
            ):
                if _position_content(mine) == _position_content(item) and later(
                    item.updated_at, mine.updated_at
                ):
                    conn.execute(
                        "UPDATE positions SET updated_at = ? WHERE uid = ? AND source = 'user'",
                        [utc_text(item.updated_at), item.uid],
                    )
                    local[item.uid] = item
                count.unchanged += 1
                continue
            else:
                conn.execute(
                    "UPDATE positions SET lesson_fingerprint = ?, start_ms = ?, end_ms = ?, title = ?, "
                    "region = ?, muscles = ?, side = ?, client_position = ?, technique = ?, hold_ms = ?, "
                    "updated_at = ? WHERE uid = ? AND source = 'user'",
                    [*values, utc_text(item.updated_at), item.uid],
                )
                count.updated += 1
            local[item.uid] = item
        return count


def _position_content(item: PositionItem) -> tuple[Any, ...]:
    # A tuple, not the draft: its repr breaks ties between equal edit times, alike on every install.
    return (item.lesson_fingerprint, *description(item).values())


# ----------------------------------------------------------------------------- practised marks
class PractisedItem(Item, frozen=True):
    position_uid: Uid
    practised_at: Timestamp


class PractisedSection(Section[PractisedItem]):
    """Positions the user ticked as practised (the later tick is kept)."""

    name = "practised_marks"
    title = "practised marks"
    item_type = PractisedItem
    tables = ("position_practice",)

    def key(self, item: PractisedItem) -> str:
        return item.position_uid

    def dump(self, conn: sqlite3.Connection) -> list[PractisedItem]:
        return [
            PractisedItem(position_uid=uid, practised_at=parse_utc(at))
            for uid, at in conn.execute(
                "SELECT position_uid, practised_at FROM position_practice ORDER BY position_uid"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[PractisedItem]) -> MergeCount:
        count = MergeCount()
        local = {item.position_uid: item.practised_at for item in self.dump(conn)}
        deleted = deletions(conn, "practised")
        for item in items:
            if covered(deleted, item.position_uid, item.practised_at):
                count.unchanged += 1  # unticked here after it was ticked there
                continue
            mine = local.get(item.position_uid)
            if mine is not None and _ms_precision(item.practised_at) <= mine:
                count.unchanged += 1
                continue
            conn.execute(
                "INSERT INTO position_practice (position_uid, practised_at) VALUES (?, ?) "
                "ON CONFLICT (position_uid) DO UPDATE SET practised_at = excluded.practised_at",
                [item.position_uid, utc_text(item.practised_at)],
            )
            local[item.position_uid] = _ms_precision(item.practised_at)
            if mine is None:
                count.added += 1
            else:
                count.updated += 1
        return count
