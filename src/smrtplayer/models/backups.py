"""What the backups are and what a restore or a recovery brought back, as the user reads it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from smrtplayer.common.translatable import QT_TRANSLATE_NOOP
from smrtplayer.common.wording import counted


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily | manual | pre-import | pre-restore | pre-upgrade
    taken_at: datetime  # UTC
    size_bytes: int

    @property
    def label(self) -> str:
        return BACKUP_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class RecoveryReport:
    """What start-up recovery did, for the window (and the CLI) to tell the user."""

    problem: str
    damaged_kept_at: Path
    restored_from: Path
    backup_taken_at: datetime
    counts: dict[str, int]
    skipped_backups: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        when = format_local(self.backup_taken_at)
        recovered = describe_counts(self.counts)
        return (
            f"smrtplayer's database was damaged ({self.problem}), so your data was restored from the "
            f"backup of {when}. Recovered: {recovered}. Anything changed after that backup is not in "
            f"the restored copy. The damaged file was kept at {self.damaged_kept_at}."
        )


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    backup_taken_at: datetime
    safety_copy: Path
    counts: dict[str, int]


#: what each kind of backup is called (the window shows them translated, context "Backups")
BACKUP_KINDS = {
    "daily": QT_TRANSLATE_NOOP("Backups", "Automatic (daily)"),
    "manual": QT_TRANSLATE_NOOP("Backups", "Backed up by you"),
    "pre-import": QT_TRANSLATE_NOOP("Backups", "Before importing data"),
    "pre-restore": QT_TRANSLATE_NOOP("Backups", "Before a restore"),
    "pre-upgrade": QT_TRANSLATE_NOOP("Backups", "Before an upgrade"),
}


def describe_counts(counts: dict[str, int]) -> str:
    """``3 notes, 1 course`` (only what there is), for messages."""
    singular = {
        "notes": "note",
        "lessons with progress": "lesson with progress",
        "positions you marked": "position you marked",
        "practice entries": "practice entry",
        "plans": "plan",
        "courses": "course",
    }
    parts = [counted(count, singular.get(name, name), plural=name) for name, count in counts.items() if count]
    return ", ".join(parts) if parts else "no notes or progress yet"


def format_local(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


@dataclass(frozen=True)
class IntegrityReport:
    """What the full check of the database (``PRAGMA integrity_check``) found and did about it."""

    #: the first problems SQLite listed (empty: none)
    problems: tuple[str, ...] = ()
    #: the problems were all in indexes, which were rebuilt from their tables; the check then passed
    repaired: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems or self.repaired

    @property
    def message(self) -> str | None:
        """What the user is told, or None when there was nothing to find."""
        if not self.problems:
            return None
        first = self.problems[0]
        if self.repaired:
            return (
                f"smrtplayer found damage in its database's search indexes ({first}) and rebuilt them "
                "from your data; nothing was lost. If this happens again, check the disk."
            )
        return (
            f"smrtplayer's database is damaged ({first}). Your data is still open, but some of it may "
            "be wrong or missing: restore a backup (File > Backups), or keep using it and export your "
            "data (export-data) as soon as you can."
        )
