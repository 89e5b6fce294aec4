"""What this computer remembers between sync rounds, kept beside its database (never in the folder).

Losing this file loses nothing: the next round sends everything again (merging is idempotent) and
reads every journal again.
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Annotated

import msgspec

from smrtplayer.sync import STATE_FILE as STATE_FILE  # defined there, for the window; kept here too
from smrtplayer.sync.journal import DEVICE_PATTERN, write_atomically

log = logging.getLogger(__name__)


class DeviceSeen(msgspec.Struct):
    name: str = ""
    last_stamp: str = ""
    files: int = 0
    last_seen_at: str = ""


class SyncState(msgspec.Struct):
    device: Annotated[str, msgspec.Meta(pattern=DEVICE_PATTERN.pattern)]
    clock: str = ""
    next_seq: int = 1
    #: our own files in the folder (names), so that a journal deleted under us is noticed and rewritten
    written: list[str] = msgspec.field(default_factory=list)
    changes_since_snapshot: int = 0
    #: "section<US>key" -> hash of the version this computer last sent, and last received: a version
    #: equal to either is in some journal already, so it is not sent again (no echo, no ping-pong)
    sent: dict[str, str] = msgspec.field(default_factory=dict)
    received: dict[str, str] = msgspec.field(default_factory=dict)
    #: the same for what was received, times and history left out: what the user would call its content
    received_content: dict[str, str] = msgspec.field(default_factory=dict)
    #: "section<US>key" -> the latest change time (ms) of the item in any journal, read or written: the
    #: hybrid clock's lower bound for our next change of it
    latest_ms: dict[str, int] = msgspec.field(default_factory=dict)
    #: the next round writes a snapshot (our journal, or another device's, was deleted)
    snapshot_due: bool = False
    #: "device/name" -> digest of each journal file already merged
    merged: dict[str, str] = msgspec.field(default_factory=dict)
    #: "device/name" -> "size:mtime" when merged, so unchanged files are not read again
    merged_stat: dict[str, str] = msgspec.field(default_factory=dict)
    devices: dict[str, DeviceSeen] = msgspec.field(default_factory=dict)
    last_sync_at: str = ""
    last_sent: int = 0
    last_received: int = 0
    conflicts: int = 0
    problems: list[str] = msgspec.field(default_factory=list)


def new_device_id() -> str:
    return secrets.token_hex(8)


def load_state(path: Path) -> SyncState:
    try:
        return msgspec.json.decode(path.read_bytes(), type=SyncState)
    except FileNotFoundError:
        return SyncState(device=new_device_id())
    except (OSError, msgspec.DecodeError, msgspec.ValidationError) as error:
        # Starting afresh is safe: everything is sent and read once more, and merged idempotently.
        log.warning("sync state %s unreadable (%s); starting afresh", path, error)
        return SyncState(device=new_device_id())


def save_state(path: Path, state: SyncState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, msgspec.json.encode(state))
