"""Where a therapist's sessions are kept; their log rows are in ``practice_log`` (``session_id``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from smrtplayer.models.sessions import Session, clean_client_label
from smrtplayer.store.db import Store, utc_now


class SessionRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def start(self, client_label: str = "") -> int:
        label = clean_client_label(client_label)
        with self._store.write():
            cursor = self._store.conn.execute(
                "INSERT INTO sessions (client_label, started_at) VALUES (?, ?)", [label, utc_now()]
            )
            return int(cursor.lastrowid or 0)

    def end(self, session_id: int) -> None:
        with self._store.write():
            self._store.conn.execute(
                "UPDATE sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL", [utc_now(), session_id]
            )

    def get(self, session_id: int) -> Session | None:
        rows = self._query("WHERE s.id = ?", [session_id])
        return rows[0] if rows else None

    def all(self, limit: int = 1000) -> list[Session]:
        """Newest first."""
        return self._query("", [], limit=limit)

    def last_for_client(self, client_label: str, *, before: int | None = None) -> Session | None:
        """The client's latest session other than ``before`` (a label names the client; an empty label
        names nobody)."""
        label = clean_client_label(client_label)
        if not label:
            return None
        rows = self._query("WHERE s.client_label = ? AND s.id != ?", [label, before or -1], limit=1)
        return rows[0] if rows else None

    def delete_client(self, client_label: str) -> tuple[int, int, str | None]:
        """Delete every session of the client and their log rows in one transaction; returns the
        sessions and rows deleted and when the first session began."""
        label = clean_client_label(client_label)
        with self._store.write():
            conn = self._store.conn
            first = conn.execute(
                "SELECT COUNT(*), MIN(started_at) FROM sessions WHERE client_label = ?", [label]
            ).fetchone()
            rows = conn.execute(
                "SELECT COUNT(*) FROM practice_log WHERE session_id IN "
                "(SELECT id FROM sessions WHERE client_label = ?)",
                [label],
            ).fetchone()
            conn.execute("DELETE FROM sessions WHERE client_label = ?", [label])
        return int(first[0]), int(rows[0]), first[1]

    def _query(self, where: str, params: list[Any], *, limit: int = 1000) -> list[Session]:
        rows = self._store.query(
            "SELECT s.*, (SELECT COUNT(*) FROM practice_log p WHERE p.session_id = s.id) AS entry_count "
            f"FROM sessions s {where} ORDER BY s.started_at DESC, s.id DESC LIMIT ?",
            [*params, limit],
        )
        return [
            Session(
                id=int(row["id"]),
                client_label=str(row["client_label"]),
                started_at=str(row["started_at"]),
                ended_at=row["ended_at"],
                entry_count=int(row["entry_count"]),
            )
            for row in rows
        ]


def backups_holding_client(backups: list[Path], client_label: str) -> list[Path]:
    """The backup files that still hold a session of this client (each opened read-only)."""
    label = clean_client_label(client_label)
    holding = []
    for path in backups:
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error:
            holding.append(path)  # cannot be checked: it may hold the client, so it is named
            continue
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if (
                "sessions" in tables
                and conn.execute("SELECT 1 FROM sessions WHERE client_label = ? LIMIT 1", [label]).fetchone()
            ):
                holding.append(path)
        except sqlite3.Error:
            holding.append(path)  # cannot be checked: it may hold the client, so it is named
        finally:
            conn.close()
    return holding
