"""Positions: the spans of a lesson where a technique is demonstrated, and what to hold there.

One model in three states. ``NewPosition`` is a publisher's position as an import reads it from a
manifest (its lesson is the ``NewLesson`` that carries it). ``PositionDraft`` is a position the user
(or an index file) describes, named by its lesson's fingerprint, before it has a uid. ``Position`` is
one stored, with its uid, row id and source.

All three describe a position with the same fields, ``DESCRIPTION_FIELDS``; a conversion between them
copies those by name (``description``). The formats a position travels in convert at their own edge,
each documented there: the manifest (``library.manifest.Position.new_position``, hold in seconds),
the shared index file (``index.indexfile.FilePosition``) and the data export
(``store.exchange.positions.PositionItem``, with its edit times). None of these formats changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

#: What a position says about itself, whatever carries it.
DESCRIPTION_FIELDS = (
    "start_ms",
    "end_ms",
    "title",
    "region",
    "muscles",
    "side",
    "client_position",
    "technique",
    "hold_ms",
)

#: Origins of positions read from chapter marks (a file's or a disc's): the user may take them over.
CHAPTER_ORIGINS = frozenset({"chapter", "disc"})


def description(position: object) -> dict[str, Any]:
    """The ``DESCRIPTION_FIELDS`` of any position-shaped value, as keyword arguments for another."""
    values = {name: getattr(position, name) for name in DESCRIPTION_FIELDS}
    values["muscles"] = tuple(values["muscles"])
    return values


@dataclass(frozen=True)
class Position:
    id: int
    uid: str
    lesson_fingerprint: str
    source: str  # publisher | user
    start_ms: int
    end_ms: int
    title: str
    region: str
    muscles: tuple[str, ...] = field(default_factory=tuple)
    side: str = "both"  # L | R | both: the side demonstrated
    client_position: str = ""
    technique: str = ""
    hold_ms: int | None = None
    #: where it first came from: manifest | chapter (a file's) | disc (a DVD's) | "" (made by the user)
    origin: str = ""
    #: False for a chapter whose name said nothing about the side (``side`` is then "both")
    side_known: bool = True

    @property
    def source_name(self) -> str:
        """What scripts and index files call its source: user, chapter or manifest."""
        if self.source == "user":
            return "user"
        return "chapter" if self.origin in CHAPTER_ORIGINS else "manifest"

    def contains(self, time_ms: int) -> bool:
        """Is ``time_ms`` inside the span (the end is where the next thing starts, so not in it)?"""
        return self.start_ms <= time_ms < self.end_ms


@dataclass(frozen=True)
class NewPosition:
    """A publisher's position about to be written by an import."""

    title: str
    start_ms: int
    end_ms: int
    region: str = ""
    muscles: tuple[str, ...] = ()
    side: str = "both"
    client_position: str = ""
    technique: str = ""
    hold_ms: int | None = None
    origin: str = "manifest"  # manifest | chapter | disc
    side_known: bool = True

    def draft_in(self, lesson_fingerprint: str) -> PositionDraft:
        return PositionDraft(lesson_fingerprint=lesson_fingerprint, **description(self))


@dataclass(frozen=True)
class PositionDraft:
    """A position as the user (or an index file) describes it, before it has a uid or row."""

    lesson_fingerprint: str
    start_ms: int
    end_ms: int
    title: str
    region: str = ""
    muscles: tuple[str, ...] = ()
    side: str = "both"
    client_position: str = ""
    technique: str = ""
    hold_ms: int | None = None

    @classmethod
    def of(cls, position: Position) -> PositionDraft:
        """What the user edits of a stored position (its uid and source stay with the row)."""
        return cls(lesson_fingerprint=position.lesson_fingerprint, **description(position))


def position_at(positions: Iterable[Position], time_ms: int) -> Position | None:
    """The position being demonstrated at ``time_ms``: of those whose span contains it, the one that
    started last; of those starting together, the shortest; then the user's own over the publisher's.

    Positions may overlap: the publisher's with the user's, and a long one (a whole sequence) with the
    steps inside it. The one that started last is what the teacher moved on to, so it is what the
    screen shows now; it is also the innermost of nested spans. Of two starting together the shorter
    is the more specific, and the user's own is what they chose to mark. Every view (the mirror badge,
    the hold button, the loop key) asks this one function, so they always agree.
    """
    playing = [position for position in positions if position.contains(time_ms)]
    if not playing:
        return None
    return max(
        playing,
        key=lambda p: (p.start_ms, -(p.end_ms - p.start_ms), p.source == "user", -p.id),
    )


def position_near(positions: Sequence[Position], time_ms: int) -> Position | None:
    """The position at ``time_ms``, else the last to start before it, else the first one.

    For actions that need a position even between two (hold it, loop it): the one just watched is
    the likeliest meant. ``positions`` are in lesson order (by start).
    """
    here = position_at(positions, time_ms)
    if here is not None:
        return here
    before = [position for position in positions if position.start_ms <= time_ms]
    if before:
        return before[-1]
    return positions[0] if positions else None
