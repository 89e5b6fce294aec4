"""Moving the user's data to another computer: one export file, and a merge on import.

The file (documented in docs/export-format.md) is JSON::

    {"format": "smrtplayer-export", "format_version": 1, "checksum": "sha256:<hex>",
     "payload": {"app_version": ..., "exported_at": ..., "lessons": [...], "sections": {...}}}

``checksum`` is the SHA-256 of the exact bytes of the ``payload`` value, so a file that was cut short,
edited or damaged is refused before anything is looked at, with a message that says which. Then every
section is validated against its item type (``store.exchange``) and checked for duplicates. Only when
the whole file is good does the import begin: a backup first, then one transaction for every section,
so nothing is ever imported partially.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import msgspec

from smrtplayer import __version__
from smrtplayer.common.errors import CannotWrite, NotFound, SmrtError
from smrtplayer.common.userfile import read_user_file
from smrtplayer.store.db import Store
from smrtplayer.store.exchange import (
    SECTIONS,
    SECTIONS_BY_NAME,
    Fingerprint,
    MergeCount,
    Timestamp,
    existing_tables,
    lesson_titles,
)

# Defined apart so that the window can name them without loading the format; still importable from here.
from smrtplayer.store.exchange_report import FILE_SUFFIX as FILE_SUFFIX
from smrtplayer.store.exchange_report import ExportSummary as ExportSummary
from smrtplayer.store.exchange_report import ImportReport as ImportReport

log = logging.getLogger(__name__)

FORMAT = "smrtplayer-export"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 1 << 30


class ExportFileError(SmrtError):
    """An export file cannot be imported (truncated, edited, foreign, too new); nothing was imported."""

    exit_code = 65  # EX_DATAERR


class LessonInfo(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Titles of the lessons the data belongs to, so the user can tell what a lesson not yet here is."""

    fingerprint: Fingerprint
    title: Annotated[str, msgspec.Meta(max_length=10_000)]
    course_title: Annotated[str, msgspec.Meta(max_length=10_000)]


class Payload(msgspec.Struct, forbid_unknown_fields=True):
    app_version: Annotated[str, msgspec.Meta(max_length=100)]
    exported_at: Timestamp
    sections: dict[str, msgspec.Raw]
    lessons: list[LessonInfo] = []


@dataclass(frozen=True)
class ExportFile:
    """A validated export: every section decoded and checked."""

    path: Path
    app_version: str
    exported_at: datetime
    sections: dict[str, list[Any]]
    lessons: dict[str, LessonInfo]

    def count(self, name: str) -> int:
        return len(self.sections.get(name, []))


# ------------------------------------------------------------------------------------- export
def build_export(store: Store, *, include_private: bool = False) -> tuple[bytes, dict[str, int]]:
    """The bytes of an export of every kind of user data present in ``store``; client data (a
    therapist's sessions) only with ``include_private``."""
    conn = store.conn
    tables = existing_tables(conn)
    sections: dict[str, msgspec.Raw] = {}
    counts: dict[str, int] = {}
    fingerprints: set[str] = set()
    for section in SECTIONS:
        if not section.available(tables) or (section.private and not include_private):
            continue
        items = section.dump(conn)
        valid = []
        for item in items:
            if section.check(item) is None:
                valid.append(item)
                fingerprints.update(section.fingerprints(item))
            else:
                log.warning("not exported (%s): %s", section.name, section.key(item))
        sections[section.name] = msgspec.Raw(msgspec.json.encode(valid))
        counts[section.name] = len(valid)
    titles = lesson_titles(conn, fingerprints)
    payload = Payload(
        app_version=__version__,
        exported_at=datetime.now(UTC).replace(microsecond=0),
        sections=sections,
        lessons=[
            LessonInfo(fingerprint=fingerprint, title=title, course_title=course)
            for fingerprint, (title, course) in sorted(titles.items())
        ],
    )
    payload_bytes = msgspec.json.format(msgspec.json.encode(payload), indent=1)
    envelope = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "checksum": "sha256:" + hashlib.sha256(payload_bytes).hexdigest(),
        "payload": msgspec.Raw(payload_bytes),
    }
    return msgspec.json.encode(envelope) + b"\n", counts


def export_data(store: Store, destination: Path, *, include_private: bool = False) -> ExportSummary:
    """Write the export to ``destination`` (readable by its owner only), atomically."""
    data, counts = build_export(store, include_private=include_private)
    destination = Path(destination)
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(destination)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise CannotWrite(
            f"The export could not be written to {destination}: {error.strerror or error}. "
            "Choose another place (with enough free space)."
        ) from error
    return ExportSummary(path=destination, counts=counts, size_bytes=len(data))


# ------------------------------------------------------------------------------------- import
def read_export(path: Path) -> ExportFile:
    """Read and validate an export file completely; raise ``ExportFileError`` naming what is wrong."""
    path = Path(path)
    try:
        data = read_user_file(path, limit=MAX_FILE_BYTES, what="a smrtplayer export", error=ExportFileError)
    except FileNotFoundError as error:
        raise NotFound(f"{path} does not exist. Check the spelling, or give the file's full path.") from error
    except OSError as error:
        raise ExportFileError(f"{path} cannot be read: {error.strerror or error}.") from error
    return parse_export(data, path)


def parse_export(data: bytes, path: Path = Path("export")) -> ExportFile:
    name = path.name
    if not data.strip():
        raise ExportFileError(f"{name} is empty: it is not a smrtplayer export (or it was not copied).")
    if not data.lstrip().startswith(b"{"):
        raise ExportFileError(
            f"{name} is not a smrtplayer export file. Choose the file that “Export all data” (or "
            "'smrtplayer export-data') wrote."
        )
    envelope = _decode(data, dict[str, msgspec.Raw], name, "the file")
    marker = _decode(bytes(envelope["format"]), str, name, "its format") if "format" in envelope else None
    if marker != FORMAT:
        raise ExportFileError(
            f"{name} is not a smrtplayer export file (it is some other JSON file). Choose the file that "
            "“Export all data” (or 'smrtplayer export-data') wrote."
        )
    version = _decode(bytes(envelope.get("format_version", b"null")), int | None, name, "its format_version")
    if version is None:
        raise ExportFileError(
            f"{name} has no format_version: it was edited or damaged. Nothing was imported."
        )
    if version > FORMAT_VERSION:
        raise ExportFileError(
            f"{name} was written by a newer smrtplayer (export format {version}; this version reads "
            f"{FORMAT_VERSION}). Update smrtplayer on this computer, then import it again."
        )
    if version < 1:
        raise ExportFileError(f"{name} has an impossible format_version ({version}): it was edited.")
    unknown = sorted(set(envelope) - {"format", "format_version", "checksum", "payload"})
    if unknown:
        raise ExportFileError(f"{name} has unexpected fields ({', '.join(unknown)}): it was edited.")
    if "payload" not in envelope or "checksum" not in envelope:
        missing = "payload" if "payload" not in envelope else "checksum"
        raise ExportFileError(f"{name} has no {missing}: it was cut short or edited. Nothing was imported.")
    checksum = _decode(bytes(envelope["checksum"]), str, name, "its checksum")
    payload_bytes = bytes(envelope["payload"])
    actual = "sha256:" + hashlib.sha256(payload_bytes).hexdigest()
    if checksum != actual:
        raise ExportFileError(
            f"{name} was changed after it was exported (its checksum does not match its contents): it was "
            "edited or damaged in copying. Export it again on the other computer. Nothing was imported."
        )
    payload = _decode(payload_bytes, Payload, name, "its contents", prefix="$.payload")
    sections: dict[str, list[Any]] = {}
    for section_name, raw in payload.sections.items():
        section = SECTIONS_BY_NAME.get(section_name)
        if section is None:
            raise ExportFileError(
                f"{name} contains “{section_name}”, a kind of data this smrtplayer does not know. "
                "Update smrtplayer on this computer, then import it again. Nothing was imported."
            )
        item_list = list.__class_getitem__(section.item_type)
        items = _decode(
            bytes(raw), item_list, name, section.title, prefix=f"$.payload.sections.{section_name}"
        )
        seen: set[str] = set()
        for index, item in enumerate(items):
            key = section.key(item)
            if key in seen:
                raise ExportFileError(
                    f"{name}: {section.title} item {index + 1} appears twice ({key!r}): the file was "
                    "edited. Nothing was imported."
                )
            seen.add(key)
            problem = section.check(item)
            if problem is not None:
                raise ExportFileError(
                    f"{name}: {section.title} item {index + 1} cannot be imported: {problem}. Nothing "
                    "was imported."
                )
        sections[section_name] = items
    return ExportFile(
        path=path,
        app_version=payload.app_version,
        exported_at=payload.exported_at,
        sections=sections,
        lessons={info.fingerprint: info for info in payload.lessons},
    )


def _decode(data: bytes, kind: Any, name: str, what: str, *, prefix: str = "$") -> Any:
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as error:
        detail = str(error).replace("`$", f"`{prefix}", 1) if prefix != "$" else str(error)
        raise ExportFileError(
            f"{name} is not a valid smrtplayer export: {what}: {detail}. It was edited or written by "
            "another program. Nothing was imported."
        ) from error
    except msgspec.DecodeError as error:
        if "truncated" in str(error):
            raise ExportFileError(
                f"{name} is incomplete: it ends early ({len(data)} bytes), as if the copy was cut "
                "short. Copy or export it again. Nothing was imported."
            ) from error
        raise ExportFileError(
            f"{name} is not a smrtplayer export, or it is damaged ({what}: {error}). Nothing was imported."
        ) from error
    except (RecursionError, UnicodeDecodeError, OverflowError) as error:
        raise ExportFileError(
            f"{name} is not a smrtplayer export, or it is damaged ({what}: {type(error).__name__}). "
            "Nothing was imported."
        ) from error


def merge_export(store: Store, export: ExportFile) -> dict[str, MergeCount]:
    """Merge a validated export into ``store`` in one transaction: all of it, or (on error) none."""
    tables = existing_tables(store.conn)
    counts: dict[str, MergeCount] = {}
    try:
        with store.write():
            for section in SECTIONS:
                items = export.sections.get(section.name)
                if items is None:
                    continue
                if not section.available(tables):
                    raise ExportFileError(
                        f"{export.path.name} contains {section.title}, which this smrtplayer cannot store. "
                        "Update smrtplayer, then import it again. Nothing was imported."
                    )
                counts[section.name] = section.merge(store.conn, items)
    except ExportFileError:
        raise
    except Exception as error:
        raise ExportFileError(
            f"Importing {export.path.name} failed: {error}. Nothing was imported; your data is as it was."
        ) from error
    return counts


def import_data(store: Store, path: Path, *, backup: Any = None) -> ImportReport:
    """Validate ``path`` completely, back up (``backup()`` returns the copy's path), then merge."""
    export = read_export(path)
    report = ImportReport(path=Path(path), exported_at=export.exported_at)
    if backup is not None:
        report.backup = backup()
    report.counts = merge_export(store, export)
    report.titles = {name: SECTIONS_BY_NAME[name].title for name in report.counts}
    fingerprints: set[str] = set()
    for name, items in export.sections.items():
        section = SECTIONS_BY_NAME[name]
        for item in items:
            fingerprints.update(section.fingerprints(item))
    here = lesson_titles(store.conn, fingerprints)
    report.missing_lessons = sorted(
        (info.title, info.course_title)
        for fingerprint, info in export.lessons.items()
        if fingerprint in fingerprints and fingerprint not in here
    )
    return report


def section_names() -> Sequence[str]:
    return [section.name for section in SECTIONS]
