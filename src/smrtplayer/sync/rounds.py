"""One sync round: read the other devices' new journal files, merge them, write our own changes.

The merge is ``store.exchange``'s, in one transaction per incoming file: a file is merged whole or
not at all. Our own changes are found by comparing every item with the versions this computer last
sent and received (``SyncState.sent`` / ``received``), so the database needs no change tracking.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile

from smrtplayer.common.controlchars import clean_text
from smrtplayer.common.errors import CannotWrite, SmrtError
from smrtplayer.store.db import Store
from smrtplayer.store.exchange import SECTIONS, Item, Section, existing_tables
from smrtplayer.sync.clock import HybridClock, Stamp
from smrtplayer.sync.journal import (
    APP_FOLDER,
    JournalError,
    JournalFile,
    Kind,
    device_folders,
    encode,
    file_name,
    journal_files,
    read,
    seq_of,
    write_atomically,
)
from smrtplayer.sync.restamp import change_ms, content_hash, item_hash, restamped
from smrtplayer.sync.state import DeviceSeen, SyncState, load_state, save_state

log = logging.getLogger(__name__)

#: how long a round waits for another round of this computer to finish
LOCK_WAIT_MS = 60_000
#: after this many changes files of our own, the next round writes one snapshot instead and drops them
COMPACT_AFTER_FILES = 32
_SEPARATOR = "\x1f"


class SyncError(SmrtError):
    """The sync folder cannot be used (missing, not writable); nothing was changed."""

    exit_code = 73  # EX_CANTCREAT


@dataclass
class RoundReport:
    device: str
    folder: Path
    sent: int = 0
    received: int = 0
    conflicts: int = 0
    files_read: int = 0
    file_written: str | None = None
    devices: list[str] = field(default_factory=list)
    #: files left for a later round (still arriving, damaged), each with the reason
    waiting: list[str] = field(default_factory=list)
    journal_rewritten: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "device": self.device,
            "folder": str(self.folder),
            "sent": self.sent,
            "received": self.received,
            "conflicts": self.conflicts,
            "devices": self.devices,
            "files_read": self.files_read,
            "file_written": self.file_written,
            "waiting": self.waiting,
            "journal_rewritten": self.journal_rewritten,
        }


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def run_round(
    store: Store,
    folder: Path,
    state_path: Path,
    *,
    wall: Callable[[], int] | None = None,
    send: bool = True,
    include_private: bool = False,
) -> RoundReport:
    """Write, read and merge once. ``wall`` replaces the wall clock (tests of skewed clocks);
    ``include_private`` sends client data (sessions) too.

    One round at a time per data folder (the window's and a command's): two would pick the same
    journal file name, and the state saved last would claim changes the other's file carried.
    """
    lock = QLockFile(str(state_path) + ".lock")
    lock.setStaleLockTime(0)  # a long round is not stale; a crashed one is (its process is gone)
    try:
        Path(state_path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _state_not_written(state_path, error) from error
    if not lock.tryLock(LOCK_WAIT_MS):
        if lock.error() == QLockFile.LockError.LockFailedError:
            raise SyncError(
                "Another sync round of this computer is still running (the window, or 'smrtplayer "
                "sync'). Try again when it has finished."
            )
        # Qt gives no reason, only that the lock file could not be made.
        raise _state_not_written(state_path, None)
    try:
        return _run_round(
            store, Path(folder), Path(state_path), wall=wall, send=send, include_private=include_private
        )
    finally:
        lock.unlock()


def _run_round(
    store: Store,
    folder: Path,
    state_path: Path,
    *,
    wall: Callable[[], int] | None,
    send: bool,
    include_private: bool,
) -> RoundReport:
    if not folder.is_dir():
        raise SyncError(
            f"The sync folder {folder} does not exist (a drive not mounted, or a folder renamed). "
            "Choose it again, or create it."
        )
    state = load_state(state_path)
    clock = HybridClock(state.device, last=_parse_stamp(state.clock, state.device), wall=wall)
    own = folder / APP_FOLDER / state.device
    try:
        own.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SyncError(f"The sync folder {folder} cannot be written: {error.strerror or error}.") from error
    report = RoundReport(device=state.device, folder=folder)
    _check_own_journal(own, state, report)
    _merge_incoming(store, folder, state, clock, report)
    if send:
        _write_outgoing(store, own, state, clock, report, include_private=include_private)
    state.clock = clock.last.text()
    state.last_sync_at = _now_text()
    state.last_sent, state.last_received = report.sent, report.received
    state.conflicts += report.conflicts
    state.problems = report.waiting
    try:
        save_state(state_path, state)
    except OSError as error:
        raise _state_not_written(state_path, error) from error
    report.devices = sorted(state.devices)
    return report


def _state_not_written(state_path: Path, error: OSError | None) -> SyncError:
    reason = (error.strerror or str(error)) if error is not None else "the disk is full, or read-only"
    return SyncError(
        f"This computer's sync state cannot be written in {Path(state_path).parent} ({reason}). "
        "Free some space there (or make it writable) and sync again: nothing is lost, what this round "
        "merged stays merged and the next round sends and reads the rest."
    )


def _parse_stamp(text: str, device: str) -> Stamp | None:
    try:
        return Stamp.parse(text) if text else None
    except ValueError:
        return None


def _check_own_journal(own: Path, state: SyncState, report: RoundReport) -> None:
    """Our journal lost a file (deleted, a stick copied back without it): offer everything again."""
    present = {path.name for path in journal_files(own)}
    if any(name not in present for name in state.written):
        log.warning("files of this device's journal are missing in %s; writing a full snapshot", own)
        state.sent.clear()
        state.snapshot_due = True
        state.written = [name for name in state.written if name in present]
        report.journal_rewritten = True


def _merge_incoming(
    store: Store, folder: Path, state: SyncState, clock: HybridClock, report: RoundReport
) -> None:
    arrived: list[tuple[str, JournalFile]] = []
    present: set[str] = set()
    stats: dict[str, str] = {}
    for device, path in device_folders(folder).items():
        if device == state.device:
            continue
        seen = state.devices.setdefault(device, DeviceSeen())
        seen.last_seen_at = _now_text()
        for file in journal_files(path):
            merged_as = f"{device}/{file.name}"
            present.add(merged_as)
            digest = state.merged.get(merged_as)
            try:
                stat = file.stat()
            except OSError:
                continue
            seen_as = f"{stat.st_size}:{stat.st_mtime_ns}"
            if digest is not None and state.merged_stat.get(merged_as) == seen_as:
                continue  # merged already, unchanged since: not even read again
            try:
                journal = read(file, device)
            except JournalError as error:
                report.waiting.append(str(error))
                continue
            if journal.digest == digest:
                state.merged_stat[merged_as] = seen_as
                continue
            arrived.append((merged_as, journal))
            stats[merged_as] = seen_as
    # Files gone from the folder (compacted away, a journal deleted) are forgotten: should they come
    # back (a stick copied back), they are read again, and merging them again changes nothing.
    gone = [name for name in state.merged if name not in present]
    for name in gone:
        del state.merged[name]
        state.merged_stat.pop(name, None)
    vanished = {name.split("/", 1)[0] for name in gone} - {name.split("/", 1)[0] for name in present}
    if vanished:
        # A device's whole journal went: what it wrote lives on in our snapshot for devices to come.
        log.warning("the journals of %s are gone from the folder; writing a full snapshot", sorted(vanished))
        state.snapshot_due = True
    if not arrived:
        return
    arrived.sort(key=lambda pair: pair[1].stamp)
    tables = existing_tables(store.conn)
    for merged_as, journal in arrived:
        # One transaction per file: a file is merged whole or not at all, and the window's own
        # writes wait for one file at most, never for the whole round.
        received = conflicts = 0
        try:
            with store.write():
                for section in SECTIONS:
                    items = journal.items.get(section.name)
                    if not items:
                        continue
                    if not section.available(tables):
                        raise JournalError(
                            f"{merged_as} holds {section.title}, which this smrtplayer cannot store yet; "
                            "update smrtplayer on this computer"
                        )
                    count = section.merge(store.conn, items)
                    received += count.changed
                    conflicts += count.kept_both
        except JournalError as error:
            report.waiting.append(str(error))
            continue
        report.received += received
        report.conflicts += conflicts
        # Only once the transaction is committed does the file count as merged.
        state.merged[merged_as] = journal.digest
        state.merged_stat[merged_as] = stats[merged_as]
        clock.observe(journal.stamp)
        report.files_read += 1
        seen = state.devices[journal.header.device]
        seen.files += 1
        seen.name = clean_text(journal.header.name)  # shown in the window and on the terminal
        seen.last_stamp = max(seen.last_stamp, journal.stamp.text())
        for section_name, items in journal.items.items():
            section_key = section_name + _SEPARATOR
            section = next(s for s in SECTIONS if s.name == section_name)
            for item in items:
                # What arrived is in a journal already: offering it back would only echo it.
                key = section_key + section.key(item)
                state.received[key] = item_hash(item)
                state.received_content[key] = content_hash(item)
                state.latest_ms[key] = max(state.latest_ms.get(key, 0), change_ms(item))


def _write_outgoing(
    store: Store,
    own: Path,
    state: SyncState,
    clock: HybridClock,
    report: RoundReport,
    *,
    include_private: bool,
) -> None:
    tables = existing_tables(store.conn)
    current: list[tuple[Section[Any], str, Item]] = []
    for section in SECTIONS:
        # Client data (a therapist's sessions) leaves this computer only when the user says so.
        if section.available(tables) and (include_private or not section.private):
            current.extend(
                (section, section.name + _SEPARATOR + section.key(item), item)
                for item in section.dump(store.conn)
                if section.check(item) is None
            )
    changed = [
        (section, key, item)
        for section, key, item in current
        if item_hash(item) not in (state.sent.get(key), state.received.get(key))
    ]
    compact = state.changes_since_snapshot >= COMPACT_AFTER_FILES or state.snapshot_due
    if not changed and not compact:
        return
    stamp = clock.tick()
    changed = restamped(store, changed, state)
    latest = {key: item for _, key, item in changed}
    kind: Kind = "snapshot" if compact else "changes"
    chosen = [(s, key, latest.get(key, item)) for s, key, item in current] if compact else changed
    seq = max([state.next_seq, *(seq_of(path) + 1 for path in journal_files(own))])
    name = file_name(kind, seq)
    data = encode(
        state.device,
        seq,
        kind,
        stamp,
        [(section.name, item) for section, _, item in chosen],
        name=clean_text(socket.gethostname()),
    )
    try:
        write_atomically(own / name, data)
    except OSError as error:
        raise CannotWrite(
            f"This computer's changes could not be written to the sync folder {own.parent.parent}: "
            f"{error.strerror or error}. They stay in the database and go out with the next round."
        ) from error
    state.next_seq = seq + 1
    state.written.append(name)
    report.file_written = name
    report.sent = len(changed)
    for _, key, item in changed:
        state.sent[key] = item_hash(item)
    if kind == "snapshot":
        # The snapshot holds every item: the files before it are no longer needed by anyone.
        for old in state.written[:-1]:
            with contextlib.suppress(OSError):
                (own / old).unlink()
        state.written = [name]
        state.changes_since_snapshot = 0
        state.snapshot_due = False
    else:
        state.changes_since_snapshot += 1
