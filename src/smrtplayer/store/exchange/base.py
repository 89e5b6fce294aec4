"""What every section shares: field types with their limits, the item base, timestamps, the merge
rule "newer wins", the counts a merge reports, and ``Section`` itself."""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar, Literal

import msgspec

# Defined with the import's report, which the window names without loading the format; kept here too.
from smrtplayer.store.exchange_report import MergeCount as MergeCount

# ----------------------------------------------------------------------------------- field types
Timestamp = Annotated[datetime, msgspec.Meta(tz=True)]
Ms = Annotated[int, msgspec.Meta(ge=0, le=10**13)]
PositiveMs = Annotated[int, msgspec.Meta(gt=0, le=10**13)]
Fingerprint = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._:+-]+$")]
Uid = Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._:~+-]+$")]
ShortText = Annotated[str, msgspec.Meta(max_length=10_000)]
LongText = Annotated[str, msgspec.Meta(max_length=5_000_000)]
Side = Literal["L", "R", "both"]
Tenderness = Annotated[int, msgspec.Meta(ge=0, le=10)]
Day = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]


class Item(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Base of every section's item: unknown fields are an error, never silently dropped."""


def utc_text(moment: datetime) -> str:
    """The database's timestamp text (``utc_now``'s format) for an instant, at millisecond precision."""
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000).isoformat(timespec="milliseconds")


def parse_utc(text: object) -> datetime:
    """A stored timestamp as an instant (ms precision); unreadable ones count as very old."""
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return datetime(1970, 1, 1, tzinfo=UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _ms_precision(moment: datetime) -> datetime:
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def newer(incoming: tuple[datetime, Any], local: tuple[datetime, Any]) -> bool:
    """Does the incoming (updated_at, content) win over the local one? Ties go to the larger content."""
    if _ms_precision(incoming[0]) != _ms_precision(local[0]):
        return _ms_precision(incoming[0]) > _ms_precision(local[0])
    return repr(incoming[1]) > repr(local[1])


def later(incoming: datetime, local: datetime) -> bool:
    """Is the incoming time later? For equal content, whose newer time is taken so that every computer
    ends with the same (time, content) pair and a third edit is judged alike everywhere."""
    return _ms_precision(incoming) > _ms_precision(local)


class Section[ItemT: Item](ABC):
    name: ClassVar[str]
    title: ClassVar[str]  # what the user calls it, for reports
    item_type: ClassVar[type[Item]]
    tables: ClassVar[tuple[str, ...]]
    #: client data: exported only when the user asks for it
    private: ClassVar[bool] = False

    def available(self, tables: set[str]) -> bool:
        return all(table in tables for table in self.tables)

    @abstractmethod
    def key(self, item: ItemT) -> str: ...

    @abstractmethod
    def dump(self, conn: sqlite3.Connection) -> list[ItemT]: ...

    @abstractmethod
    def merge(self, conn: sqlite3.Connection, items: Sequence[ItemT]) -> MergeCount: ...

    def check(self, item: ItemT) -> str | None:
        """A reason the item cannot be stored (beyond its field types), or None."""
        return None

    def fingerprints(self, item: ItemT) -> Iterable[str]:
        """The lessons an item belongs to (the export lists their titles for the user)."""
        return ()
