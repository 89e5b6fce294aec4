"""The sections of a user-data export: one per kind of data, each with its item type, dump and merge.

A section is a small class: ``name`` (its key in the file), ``item_type`` (a msgspec Struct that
validates every field on import), ``tables`` (it is written only where they exist), ``key()`` (the
item's identity across computers: never a row id), ``dump()`` and ``merge()``. ``merge`` runs inside
the single import transaction and must be idempotent: importing the same file twice changes nothing
the second time. To add a kind of data, write one class (in the module of the part of the app it
belongs to), add it to ``SECTIONS`` below and document it in docs/export-format.md.

Rules shared by the sections: items hang on lesson fingerprints and uids, never on paths or row ids;
timestamps are compared as UTC instants at millisecond precision; for an item changed on both sides
the newer edit wins (a tie is broken by content, so both computers end up alike), except notes, where
two different edits of the same note are both kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from smrtplayer.store.exchange.base import (
    Fingerprint,
    Item,
    MergeCount,
    Section,
    Timestamp,
    parse_utc,
    utc_text,
)
from smrtplayer.store.exchange.deletions import DeletionsSection
from smrtplayer.store.exchange.holds import PlansSection, PracticeSection, PresetsSection
from smrtplayer.store.exchange.notes import NotesSection
from smrtplayer.store.exchange.positions import PractisedSection, UserPositionsSection
from smrtplayer.store.exchange.sessions import SessionsSection
from smrtplayer.store.exchange.settings import LOCAL_SETTING_PREFIXES, SettingsSection
from smrtplayer.store.exchange.watching import ProgressSection, SpansSection, SpeedsSection, StudyTimeSection

__all__ = [
    "LOCAL_SETTING_PREFIXES",
    "SECTIONS",
    "SECTIONS_BY_NAME",
    "Fingerprint",
    "Item",
    "MergeCount",
    "Section",
    "Timestamp",
    "existing_tables",
    "lesson_titles",
    "parse_utc",
    "utc_text",
]

#: Every kind of data, in merge order: deletions first (the sections after skip what they delete),
#: plans before the practice log that refers to them.
SECTIONS: tuple[Section[Any], ...] = (
    DeletionsSection(),
    NotesSection(),
    ProgressSection(),
    SpansSection(),
    UserPositionsSection(),
    PractisedSection(),
    PlansSection(),
    PracticeSection(),
    SessionsSection(),
    PresetsSection(),
    SettingsSection(),
    SpeedsSection(),
    StudyTimeSection(),
)
SECTIONS_BY_NAME = {section.name: section for section in SECTIONS}


def existing_tables(conn: sqlite3.Connection) -> set[str]:
    return {str(name) for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def lesson_titles(conn: sqlite3.Connection, fingerprints: Iterable[str]) -> dict[str, tuple[str, str]]:
    """fingerprint -> (lesson title, course title) for the lessons of this library among these."""
    wanted = set(fingerprints)
    found: dict[str, tuple[str, str]] = {}
    for fingerprint, title, course in conn.execute(
        "SELECT l.fingerprint, l.title, c.title FROM lessons l JOIN courses c ON c.id = l.course_id "
        "ORDER BY c.kind = 'builtin' DESC, l.id"
    ):
        if fingerprint in wanted:
            found[str(fingerprint)] = (str(title), str(course))
    return found
