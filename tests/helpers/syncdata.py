"""Devices for sync tests: a real SQLite database and sync state each, edits made as the app stores
them, and the user data of a device as comparable values."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from smrtplayer.models.notes import Note
from smrtplayer.models.settings import SUBTITLE_SCALE
from smrtplayer.store.db import Store
from smrtplayer.store.exchange import SECTIONS, existing_tables
from smrtplayer.store.notes import NoteRepository
from smrtplayer.sync.rounds import RoundReport, run_round

FINGERPRINT = "sha256:lesson-one"


@dataclass
class Device:
    name: str
    root: Path
    store: Store

    @classmethod
    def open(cls, root: Path, name: str) -> Device:
        (root / name).mkdir(parents=True, exist_ok=True)
        return cls(name, root / name, Store.open(root / name / "smrtplayer.sqlite3"))

    @property
    def state_path(self) -> Path:
        return self.root / "sync-state.json"

    def sync(self, folder: Path, **kwargs: Any) -> RoundReport:
        return run_round(self.store, folder, self.state_path, **kwargs)

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------------------------- edits
    def write_note(self, uid: str, body: str, when: str, *, deleted: bool = False) -> None:
        repository = NoteRepository(self.store)
        old = repository.get(uid)
        created = old.created_at if old is not None else when
        with self.store.write():
            repository.save(
                Note(uid, FINGERPRINT, 1000, None, "" if deleted else body, created, when, deleted=deleted),
                checkpoint=True,
            )

    def set_subtitle_scale(self, value: float, when: str) -> None:
        with self.store.write():
            self.store.conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE "
                "SET value = excluded.value, updated_at = excluded.updated_at",
                [SUBTITLE_SCALE.name, json.dumps(value), when],
            )

    def log_practice(self, title: str, started: str) -> None:
        with self.store.write():
            self.store.conn.execute(
                "INSERT INTO practice_log (title, side, technique, planned_ms, actual_ms, completed, "
                "started_at, ended_at) VALUES (?, 'R', 'SMRT', 30000, 30000, 1, ?, ?)",
                [title, started, started],
            )

    def save_position(self, uid: str, title: str, when: str) -> None:
        with self.store.write():
            self.store.conn.execute(
                "INSERT INTO positions (uid, lesson_fingerprint, source, start_ms, end_ms, title, muscles, "
                "created_at, updated_at) VALUES (?, ?, 'user', 1000, 2000, ?, '[]', ?, ?) "
                "ON CONFLICT (uid) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at",
                [uid, FINGERPRINT, title, when, when],
            )

    def delete_position(self, uid: str) -> None:
        with self.store.write():
            self.store.conn.execute("DELETE FROM positions WHERE uid = ? AND source = 'user'", [uid])

    # ------------------------------------------------------------------------------------ reading
    def data(self) -> dict[str, Any]:
        """Every section's items, as the export would write them, in key order (row ids differ)."""
        conn = self.store.conn
        tables = existing_tables(conn)
        return {
            section.name: msgspec.to_builtins(sorted(section.dump(conn), key=section.key))
            for section in SECTIONS
            if section.available(tables)
        }

    def live_notes(self) -> dict[str, str]:
        return {
            str(uid): str(body)
            for uid, body in self.store.conn.execute("SELECT uid, body FROM notes WHERE deleted = 0")
        }

    def position_titles(self) -> dict[str, str]:
        return {
            str(uid): str(title)
            for uid, title in self.store.conn.execute(
                "SELECT uid, title FROM positions WHERE source = 'user'"
            )
        }

    def subtitle_scale(self) -> float | None:
        row = self.store.conn.execute(
            "SELECT value FROM settings WHERE key = ?", [SUBTITLE_SCALE.name]
        ).fetchone()
        return None if row is None else float(json.loads(row[0]))

    def practice_titles(self) -> list[str]:
        return sorted(str(t) for (t,) in self.store.conn.execute("SELECT title FROM practice_log"))
