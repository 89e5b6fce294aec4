"""What an export or an import tells the user, and the export file's suffix.

Kept apart from the export format (``store.exchange``, ``store.exchange.exportfile``, their msgspec
types) so the window can name them without loading it: that loads at the first export or import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

FILE_SUFFIX = ".smrtdata"


@dataclass
class MergeCount:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    kept_both: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return self.added + self.updated + self.removed + self.kept_both


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]
    size_bytes: int


@dataclass
class ImportReport:
    path: Path
    exported_at: datetime
    counts: dict[str, MergeCount] = field(default_factory=dict)
    backup: Path | None = None
    #: lessons the imported data belongs to that this library does not have (title, course)
    missing_lessons: list[tuple[str, str]] = field(default_factory=list)
    #: section name -> what the user calls it, for ``lines`` (given by the import)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return sum(count.changed for count in self.counts.values())

    def lines(self) -> list[str]:
        lines = []
        for name, count in self.counts.items():
            title = self.titles.get(name, name)
            parts = [
                f"{value} {label}"
                for value, label in (
                    (count.added, "added"),
                    (count.updated, "updated"),
                    (count.removed, "deleted"),
                    (count.kept_both, "edited on both computers, both kept"),
                    (count.unchanged, "already here"),
                    (count.skipped, "skipped"),
                )
                if value
            ]
            lines.append(f"{title}: {', '.join(parts) if parts else 'none'}")
        if self.missing_lessons:
            shown = ", ".join(f"“{title}” ({course})" for title, course in self.missing_lessons[:5])
            more = f" and {len(self.missing_lessons) - 5} more" if len(self.missing_lessons) > 5 else ""
            lines.append(
                f"Some of this data belongs to lessons that are not in this library: {shown}{more}. "
                "It is kept, and shows up once you add those courses."
            )
        return lines
