"""A therapist's sessions with their log rows: client data, so exported only when the user asks
(``private``); otherwise neither the sessions nor the rows logged in them leave this computer."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Annotated

import msgspec

from smrtplayer.store.exchange.base import Item, MergeCount, Section, Timestamp, parse_utc, utc_text
from smrtplayer.store.exchange.holds import PracticeItem, PracticeSection, plan_keys

ClientLabel = Annotated[str, msgspec.Meta(max_length=40, pattern=r"^[^<>&\"`{}\[\]\\\x00-\x1f\x7f]*$")]


class SessionItem(Item, frozen=True):
    client_label: ClientLabel
    started_at: Timestamp
    ended_at: Timestamp | None = None
    entries: list[PracticeItem] = msgspec.field(default_factory=list)


class SessionsSection(Section[SessionItem]):
    """Sessions known by their start and client label; their entries merge like the practice log."""

    name = "sessions"
    title = "sessions with a client"
    item_type = SessionItem
    tables = ("sessions", "practice_log")
    private = True

    def key(self, item: SessionItem) -> str:
        return _session_key(utc_text(item.started_at), item.client_label)

    def fingerprints(self, item: SessionItem) -> Iterable[str]:
        return [entry.lesson_fingerprint for entry in item.entries if entry.lesson_fingerprint]

    def dump(self, conn: sqlite3.Connection) -> list[SessionItem]:
        entries: dict[int, list[PracticeItem]] = {}
        for session_id, item in PracticeSection.rows(conn, "session_id IS NOT NULL", plan_keys(conn)):
            entries.setdefault(int(session_id or 0), []).append(item)
        return [
            SessionItem(
                client_label=label,
                started_at=parse_utc(started),
                ended_at=parse_utc(ended) if ended else None,
                entries=entries.get(int(session_id), []),
            )
            for session_id, label, started, ended in conn.execute(
                "SELECT id, client_label, started_at, ended_at FROM sessions ORDER BY id"
            )
        ]

    def merge(self, conn: sqlite3.Connection, items: Sequence[SessionItem]) -> MergeCount:
        count = MergeCount()
        local = {
            _session_key(utc_text(parse_utc(started)), label): int(session_id)
            for session_id, started, label in conn.execute(
                "SELECT id, started_at, client_label FROM sessions"
            )
        }
        for item in items:
            session_id = local.get(self.key(item))
            if session_id is None:
                cursor = conn.execute(
                    "INSERT INTO sessions (client_label, started_at, ended_at) VALUES (?, ?, ?)",
                    [item.client_label, utc_text(item.started_at), item.ended_at and utc_text(item.ended_at)],
                )
                session_id = int(cursor.lastrowid or 0)
                local[self.key(item)] = session_id
                count.added += 1
            else:
                count.unchanged += 1
            PracticeSection().merge(conn, item.entries, session_id=session_id)
        return count


def _session_key(started_at: str, client_label: str) -> str:
    # Keys appear in messages and log lines (a duplicate, an item not exported): the label, client
    # data, never does; a digest of it tells sessions apart as well.
    digest = hashlib.sha256(client_label.encode()).hexdigest()[:16]
    return f"{started_at}#{digest}"
