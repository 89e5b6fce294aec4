"""One journal file in the synced folder: JSON Lines, written atomically, checked whole on reading.

``smrtplayer/<device>/changes-<seq>.jsonl`` holds one round's changes, ``snapshot-<seq>.jsonl`` every
item at compaction. Line 1 is the header, then one line per item, then ``{"end": "sha256:<hex>"}`` over
all the bytes before it: a file cut short (half-copied, still arriving) has no valid end line and is
left for a later round, never half-merged. Syncthing's conflict copies
(``changes-<seq>.sync-conflict-<date>-<time>-<id>.jsonl``) are read like the others: merging is
idempotent, so a copy that repeats its original changes nothing and one that differs loses nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec

from smrtplayer.common.errors import SmrtError
from smrtplayer.store.exchange import SECTIONS_BY_NAME, Item
from smrtplayer.sync.clock import Stamp

FORMAT = "smrtplayer-journal"
FORMAT_VERSION = 1
APP_FOLDER = "smrtplayer"
#: a journal file bigger than this is refused (a round of 10,000 changes is a few MB)
MAX_FILE_BYTES = 512 << 20
DEVICE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{4,64}$")
FILE_PATTERN = re.compile(r"^(changes|snapshot)-(\d{8})(\.sync-conflict-[A-Za-z0-9._-]+)?\.jsonl$")

Kind = Literal["changes", "snapshot"]


class JournalError(SmrtError):
    """A journal file that cannot be merged (yet): cut short, damaged, foreign or too new."""

    exit_code = 65


class Header(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    format: str
    format_version: int
    device: Annotated[str, msgspec.Meta(pattern=DEVICE_PATTERN.pattern)]
    seq: Annotated[int, msgspec.Meta(ge=0, le=10**8 - 1)]
    kind: Kind
    stamp: Annotated[str, msgspec.Meta(max_length=100)]
    count: Annotated[int, msgspec.Meta(ge=0)]
    #: the computer's name, for people to tell the devices apart (its id is what counts)
    name: Annotated[str, msgspec.Meta(max_length=100)] = ""


class Entry(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    section: Annotated[str, msgspec.Meta(max_length=100)]
    item: msgspec.Raw


class End(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    end: str


@dataclass(frozen=True)
class JournalFile:
    path: Path
    header: Header
    stamp: Stamp
    #: section name -> its items, in file order
    items: dict[str, list[Any]]
    digest: str

    @property
    def count(self) -> int:
        return sum(len(items) for items in self.items.values())


def file_name(kind: Kind, seq: int) -> str:
    return f"{kind}-{seq:08d}.jsonl"


def encode(
    device: str, seq: int, kind: Kind, stamp: Stamp, items: list[tuple[str, Item]], *, name: str = ""
) -> bytes:
    header = Header(FORMAT, FORMAT_VERSION, device, seq, kind, stamp.text(), len(items), name[:100])
    lines = [msgspec.json.encode(header)]
    lines.extend(msgspec.json.encode({"section": section, "item": item}) for section, item in items)
    body = b"\n".join(lines) + b"\n"
    end = msgspec.json.encode(End("sha256:" + hashlib.sha256(body).hexdigest()))
    return body + end + b"\n"


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary file, fsync, rename, fsync of the folder: the file is whole or absent."""
    partial = path.with_name(f".{path.name}.tmp")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    with contextlib.suppress(OSError):  # not every system can fsync a folder (Windows)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def parse(data: bytes, path: Path, device: str) -> JournalFile:
    """Validate a whole journal file; ``JournalError`` says what is wrong and nothing is merged."""
    name = f"{device}/{path.name}"
    body, _, last = data.rstrip(b"\n").rpartition(b"\n")
    body += b"\n"
    try:
        end = msgspec.json.decode(last, type=End)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as error:
        raise JournalError(f"{name} is incomplete (still arriving, or cut short)") from error
    digest = "sha256:" + hashlib.sha256(body).hexdigest()
    if end.end != digest:
        raise JournalError(f"{name} does not match its checksum (damaged or edited)")
    lines = body.rstrip(b"\n").split(b"\n")
    try:
        header = msgspec.json.decode(lines[0], type=Header)
        stamp = Stamp.parse(header.stamp)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError, RecursionError) as error:
        raise JournalError(f"{name} has no valid header: {error}") from error
    if header.format != FORMAT:
        raise JournalError(f"{name} is not a smrtplayer journal")
    if header.format_version > FORMAT_VERSION:
        raise JournalError(
            f"{name} was written by a newer smrtplayer (journal format {header.format_version}); "
            "update smrtplayer on this computer"
        )
    if header.device != device or stamp.device != device:
        raise JournalError(f"{name} belongs to another device ({header.device}): it was moved by hand")
    if header.count != len(lines) - 1:
        raise JournalError(f"{name} holds {len(lines) - 1} items, not the {header.count} it announces")
    items: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(lines[1:], start=2):
        try:
            entry = msgspec.json.decode(line, type=Entry)
            section = SECTIONS_BY_NAME.get(entry.section)
            if section is None:
                raise JournalError(
                    f"{name} line {number} holds “{entry.section}”, which this smrtplayer does not know; "
                    "update smrtplayer on this computer"
                )
            item = msgspec.json.decode(bytes(entry.item), type=section.item_type)
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as error:
            raise JournalError(f"{name} line {number} is not valid: {error}") from error
        problem = section.check(item)
        if problem is not None:
            raise JournalError(f"{name} line {number} cannot be stored: {problem}")
        # One version of an item per file: a later line replaces an earlier one.
        items.setdefault(section.name, {})[section.key(item)] = item
    return JournalFile(
        path=path,
        header=header,
        stamp=stamp,
        items={name_: list(by_key.values()) for name_, by_key in items.items()},
        digest=digest,
    )


def read(path: Path, device: str) -> JournalFile:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise JournalError(f"{device}/{path.name} cannot be read: {error.strerror or error}") from error
    if len(data) > MAX_FILE_BYTES:
        raise JournalError(f"{device}/{path.name} is larger than any journal smrtplayer writes")
    return parse(data, path, device)


def journal_files(device_folder: Path) -> list[Path]:
    """The journal files in a device's folder (conflict copies included), by name."""
    try:
        entries = sorted(device_folder.iterdir())
    except OSError:
        return []
    return [path for path in entries if FILE_PATTERN.match(path.name) and path.is_file()]


def seq_of(path: Path) -> int:
    match = FILE_PATTERN.match(path.name)
    return int(match.group(2)) if match else -1


def device_folders(folder: Path) -> dict[str, Path]:
    root = folder / APP_FOLDER
    try:
        return {
            path.name: path
            for path in sorted(root.iterdir())
            if path.is_dir() and DEVICE_PATTERN.match(path.name)
        }
    except OSError:
        return {}
