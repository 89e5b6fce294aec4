"""The position model: which position is playing when spans overlap, and the conversions between shapes."""

from __future__ import annotations

from dataclasses import replace

from smrtplayer.index.indexfile import FilePosition
from smrtplayer.library.manifest import Position as ManifestPosition
from smrtplayer.models.positions import (
    DESCRIPTION_FIELDS,
    NewPosition,
    Position,
    PositionDraft,
    description,
    position_at,
    position_near,
)

FINGERPRINT = "v1-0123456789abcdef"


def _position(uid: str, start_ms: int, end_ms: int, *, source: str = "publisher", row: int = 1) -> Position:
    return Position(
        id=row,
        uid=uid,
        lesson_fingerprint=FINGERPRINT,
        source=source,
        start_ms=start_ms,
        end_ms=end_ms,
        title=uid,
        region="hips-sacrum",
    )


def test_the_span_contains_its_start_but_not_its_end() -> None:
    position = _position("a", 1_000, 2_000)
    assert position.contains(1_000) and position.contains(1_999)
    assert not position.contains(999) and not position.contains(2_000)
    assert position_at([position], 2_000) is None


def test_where_spans_overlap_the_latest_to_start_is_playing() -> None:
    sequence = _position("sequence", 0, 60_000)
    step = _position("step", 20_000, 30_000)
    next_one = _position("next", 25_000, 90_000)
    positions = [sequence, step, next_one]
    assert position_at(positions, 10_000) == sequence
    assert position_at(positions, 22_000) == step, "nested: the inner one"
    assert position_at(positions, 27_000) == next_one, "the teacher moved on"
    assert position_at(positions, 61_000) == next_one
    assert position_at(reversed(positions), 22_000) == step, "the order given does not matter"


def test_starting_together_the_shortest_then_the_users_own() -> None:
    long = _position("long", 5_000, 20_000)
    short = _position("short", 5_000, 8_000)
    assert position_at([long, short], 6_000) == short
    publisher = _position("publisher", 5_000, 8_000, row=1)
    mine = _position("mine", 5_000, 8_000, source="user", row=2)
    assert position_at([publisher, mine], 6_000) == mine
    assert position_at([mine, publisher], 6_000) == mine


def test_near_falls_back_to_the_last_started_then_the_first() -> None:
    first, second = _position("first", 1_000, 2_000), _position("second", 5_000, 6_000)
    assert position_near([first, second], 5_500) == second
    assert position_near([first, second], 3_000) == first
    assert position_near([first, second], 9_000) == second
    assert position_near([first, second], 0) == first
    assert position_near([], 0) is None


def test_a_stored_position_becomes_a_draft_and_back_with_the_same_description() -> None:
    stored = replace(_position("u1", 100, 900), muscles=("Piriformis",), side="L", hold_ms=90_000)
    draft = PositionDraft.of(stored)
    assert draft.lesson_fingerprint == FINGERPRINT
    assert description(draft) == description(stored)
    assert set(description(stored)) == set(DESCRIPTION_FIELDS)


def test_a_new_position_is_drafted_into_its_lesson() -> None:
    new = NewPosition(title="Psoas", start_ms=0, end_ms=4_000, muscles=("Psoas major",), hold_ms=60_000)
    draft = new.draft_in(FINGERPRINT)
    assert draft == PositionDraft(FINGERPRINT, 0, 4_000, "Psoas", muscles=("Psoas major",), hold_ms=60_000)


def test_the_manifest_gives_the_hold_in_seconds() -> None:
    item = ManifestPosition(title="Psoas", start_ms=0, end_ms=4_000, muscles=["Psoas major"], hold_s=90)
    assert item.new_position() == NewPosition(
        title="Psoas", start_ms=0, end_ms=4_000, muscles=("Psoas major",), hold_ms=90_000
    )
    assert ManifestPosition(title="Psoas", start_ms=0, end_ms=4_000).new_position().hold_ms is None


def test_the_index_file_carries_the_uid_and_the_source_but_not_the_row() -> None:
    stored = replace(_position("u1", 100, 900, source="user"), muscles=("Piriformis",), side="R")
    item = FilePosition.of(stored)
    assert (item.uid, item.source, item.muscles, item.side) == ("u1", "user", ["Piriformis"], "R")
    assert item.draft_in(FINGERPRINT) == PositionDraft.of(stored)
