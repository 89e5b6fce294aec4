"""Zip archives, checked as a whole before a single byte is extracted.

Python's ``zipfile`` stops none of the classic attacks by itself, so every entry is checked first:
its name (no ``..``, no absolute path or drive letter, nothing Windows cannot store, no duplicate once
case and Unicode form are folded), its type (regular files and folders only: no symlinks, devices or
pipes), and the sizes (number of entries, total unpacked size, compression ratio). One bad entry
rejects the archive with ``ImportRejected`` naming it. Extraction then writes only the checked,
normalised names below the destination, counts the bytes it really gets (an entry that lies about its
size is rejected) and hashes them on the way.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from smrtplayer.common.errors import Cancelled, ImportRejected

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB
CHUNK_BYTES = 1 * MIB

_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{prefix}{digit}" for prefix in ("com", "lpt") for digit in "0123456789¹²³"}
)
_WINDOWS_FORBIDDEN = frozenset('<>:"|?*')
_ALLOWED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1


@dataclass(frozen=True)
class ArchiveLimits:
    max_entries: int = 10_000
    max_total_bytes: int = 256 * GIB
    #: an entry may unpack to at most this many times its packed size (video barely compresses) ...
    max_entry_ratio: float = 100.0
    #: ... unless it is small: a tiny text file may compress far better than that
    ratio_floor_bytes: int = 1 * MIB
    max_archive_ratio: float = 100.0
    max_component_bytes: int = 255
    max_path_chars: int = 400
    max_depth: int = 32


@dataclass(frozen=True)
class ArchiveEntry:
    info: zipfile.ZipInfo
    name: str  # checked, NFC-normalised, "/"-separated relative path without a trailing "/"
    is_dir: bool
    size: int


class _Refused(Exception):
    pass


def check_archive(path: Path, limits: ArchiveLimits | None = None) -> list[ArchiveEntry]:
    """Check every entry of the zip at ``path``; raise ``ImportRejected`` at the first bad one."""
    with open_archive(path) as archive:
        return check_entries(archive, path, limits)


def open_archive(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except UnicodeDecodeError as error:
        raw = error.object if isinstance(error.object, bytes) else b""
        shown = _show(raw.decode("utf-8", "backslashreplace"))
        raise _rejected(path, shown, "its name is not valid UTF-8") from None
    except FileNotFoundError:
        raise ImportRejected(f"{path}: the archive does not exist.") from None
    except OSError as error:
        raise ImportRejected(f"{path}: the archive cannot be read: {error.strerror or error}.") from None
    except Exception as error:  # zipfile raises many types on hostile input; all mean "damaged"
        raise ImportRejected(
            f"{path}: not a usable zip archive ({_error_text(error)}). Nothing was imported."
        ) from None


def check_entries(
    archive: zipfile.ZipFile, path: Path, limits: ArchiveLimits | None = None
) -> list[ArchiveEntry]:
    limits = limits or ArchiveLimits()
    try:
        infos = archive.infolist()
        archive_bytes = path.stat().st_size
    except OSError as error:
        raise ImportRejected(f"{path}: the archive cannot be read: {error.strerror or error}.") from None
    if len(infos) > limits.max_entries:
        raise ImportRejected(
            f"{path}: the archive has {len(infos):,} entries; the limit is {limits.max_entries:,}. "
            "Nothing was imported."
        )
    entries: list[ArchiveEntry] = []
    files: dict[str, str] = {}
    folders: dict[str, str] = {}
    total = 0
    for info in infos:
        shown = _show(_decoded_name(info))
        try:
            name = safe_name(_decoded_name(info), limits)
            is_dir = info.is_dir() or _has_type(info, stat.S_IFDIR)
            _check_type(info)
            if info.flag_bits & _ENCRYPTED_FLAG:
                raise _Refused("it is password-protected")
            if info.compress_type not in _ALLOWED_METHODS:
                raise _Refused(f"it uses an unsupported compression method ({info.compress_type})")
            if info.file_size < 0 or info.compress_size < 0:
                raise _Refused("it declares an impossible size")
            key = name.casefold()
            if is_dir:
                if key in files:
                    raise _Refused(f"it has the same name as the file {files[key]!r}")
                folders.setdefault(key, name)
            else:
                if key in files:
                    raise _Refused(f"its name duplicates {files[key]!r}")
                if key in folders:
                    raise _Refused(f"it has the same name as the folder {folders[key]!r}")
                files[key] = name
                if info.file_size > limits.ratio_floor_bytes and (
                    info.file_size > limits.max_entry_ratio * max(info.compress_size, 1)
                ):
                    raise _Refused(
                        f"its compression ratio is {info.file_size / max(info.compress_size, 1):,.0f}:1 "
                        f"(the limit is {limits.max_entry_ratio:,.0f}:1); it looks like a zip bomb"
                    )
                total += info.file_size
                if total > limits.max_total_bytes:
                    raise _Refused(
                        f"it pushes the unpacked size past {_size(limits.max_total_bytes)} (the limit)"
                    )
        except _Refused as reason:
            raise _rejected(path, shown, str(reason)) from None
        entries.append(
            ArchiveEntry(info=info, name=name, is_dir=is_dir, size=0 if is_dir else info.file_size)
        )
    _refuse_overlaps(path, entries, getattr(archive, "start_dir", archive_bytes))
    for key, name in files.items():
        parent = key.rpartition("/")[0]
        while parent:
            if parent in files:
                raise _rejected(path, name, f"its parent folder is also a file ({files[parent]!r})")
            parent = parent.rpartition("/")[0]
    if total > limits.ratio_floor_bytes and total > limits.max_archive_ratio * max(archive_bytes, 1):
        raise ImportRejected(
            f"{path}: the archive would unpack to {_size(total)} from {_size(archive_bytes)} "
            f"(more than {limits.max_archive_ratio:,.0f} times its size): it looks like a zip bomb. "
            "Nothing was imported."
        )
    return entries


#: the fixed part of a local file header, before its name and extra field
_LOCAL_HEADER_BYTES = 30


def _refuse_overlaps(path: Path, entries: list[ArchiveEntry], directory_start: int) -> None:
    """Refuse entries whose data runs into another entry or into the central directory.

    A zip bomb can point many entries at the same compressed bytes (or have one entry's data contain
    the next ones): each passes the ratio check, together they unpack to many times the archive.
    Each span is counted from its local header at the least size it can have, so an honest archive
    never trips this.
    """
    ordered = sorted(entries, key=lambda entry: entry.info.header_offset)
    for index, entry in enumerate(ordered):
        start = entry.info.header_offset
        end = start + _LOCAL_HEADER_BYTES + entry.info.compress_size
        following = ordered[index + 1] if index + 1 < len(ordered) else None
        if following is not None and end > following.info.header_offset:
            other = f"the entry {following.name!r}"
        elif start < 0 or end > directory_start:
            other = "the archive's directory"
        else:
            continue
        raise _rejected(
            path,
            entry.name,
            f"its data overlaps {other}; an archive made that way can unpack to far more than it holds "
            "(a zip bomb)",
        )


def safe_name(name: str, limits: ArchiveLimits | None = None) -> str:
    """The entry name as a relative POSIX path safe on Linux, macOS and Windows, or ``_Refused``."""
    limits = limits or ArchiveLimits()
    if not name.strip("/\\"):
        raise _Refused("its name is empty")
    if any(ord(char) < 32 or ord(char) == 127 for char in name):
        raise _Refused("its name contains control characters")
    if name.startswith(("/", "\\")):
        raise _Refused("its name is an absolute path")
    if re.match(r"^[A-Za-z]:", name):
        raise _Refused("its name starts with a drive letter")
    parts: list[str] = []
    for part in re.split(r"[\\/]", name):
        if part in ("", "."):
            continue
        if part == "..":
            raise _Refused("its name climbs out of the archive (..)")
        if _WINDOWS_FORBIDDEN.intersection(part):
            raise _Refused('its name contains a character Windows does not allow (< > : " | ? *)')
        if part.endswith((".", " ")):
            raise _Refused("its name ends in a dot or a space, which Windows cannot store")
        if part.split(".")[0].rstrip(" ").casefold() in _WINDOWS_DEVICES:
            raise _Refused(f"its name {part!r} is reserved for a device on Windows")
        if len(part.encode("utf-8", "surrogatepass")) > limits.max_component_bytes:
            raise _Refused(f"a part of its name is longer than {limits.max_component_bytes} bytes")
        parts.append(unicodedata.normalize("NFC", part))
    if not parts:
        raise _Refused("its name is empty")
    if len(parts) > limits.max_depth:
        raise _Refused(f"it is nested more than {limits.max_depth} folders deep")
    joined = "/".join(parts)
    if len(joined) > limits.max_path_chars:
        raise _Refused(f"its path is longer than {limits.max_path_chars} characters")
    return joined


def extract_entries(
    archive: zipfile.ZipFile,
    path: Path,
    entries: Iterable[ArchiveEntry],
    destination: Path,
    *,
    strip_prefix: str = "",
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> dict[str, str]:
    """Write the files among ``entries`` below ``destination``; return {relative name: sha256}.

    ``strip_prefix`` (e.g. ``"Course/"``) is removed from each name first. ``progress`` gets the
    number of bytes written so far. Raises ``ImportRejected`` or ``Cancelled``; the caller removes
    ``destination`` on any error.
    """
    chosen = [entry for entry in entries if not entry.is_dir]
    needed = sum(entry.size for entry in chosen)
    free = shutil.disk_usage(destination).free
    if needed + 64 * MIB > free:
        raise ImportRejected(
            f"{path}: not enough free space to unpack it ({_size(needed)} needed, {_size(free)} free "
            f"in {destination.parent}). Nothing was imported."
        )
    root = destination.resolve()
    done = 0
    digests: dict[str, str] = {}
    for entry in chosen:
        relative = entry.name.removeprefix(strip_prefix)
        target = root.joinpath(*relative.split("/"))
        if not target.parent.resolve().is_relative_to(root) or target.exists():
            raise _rejected(path, entry.name, "its name would be written outside the course folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        written = 0
        try:
            with archive.open(entry.info) as source, target.open("xb") as sink:
                while chunk := source.read(CHUNK_BYTES):
                    written += len(chunk)
                    if written > entry.size:
                        raise _Refused(f"it holds more data than the {entry.size:,} bytes it declares")
                    digest.update(chunk)
                    sink.write(chunk)
                    done += len(chunk)
                    if progress is not None:
                        progress(done)
                    if should_stop is not None and should_stop():
                        raise Cancelled("The import was cancelled; nothing was imported.")
        except _Refused as reason:
            raise _rejected(path, entry.name, str(reason)) from None
        except (Cancelled, ImportRejected):
            raise
        except OSError as error:
            raise _rejected(
                path, entry.name, f"it could not be unpacked ({error.strerror or error})"
            ) from None
        except Exception as error:  # BadZipFile (bad CRC), zlib/lzma errors, EOFError ...
            raise _rejected(
                path,
                entry.name,
                f"its data is damaged or differs from its declared size ({_error_text(error)})",
            ) from None
        if written != entry.size:
            raise _rejected(
                path,
                entry.name,
                f"it holds less data ({written:,} bytes) than the {entry.size:,} it declares",
            )
        digests[relative] = digest.hexdigest()
    return digests


def _decoded_name(info: zipfile.ZipInfo) -> str:
    """The entry name as the archiver meant it.

    Without the UTF-8 flag the zip format says cp437, but many archivers write UTF-8 anyway (and
    Windows writes the local code page); valid UTF-8 is by far the likelier reading.
    """
    name = info.orig_filename
    if info.flag_bits & _UTF8_FLAG:
        return name
    try:
        return name.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def _has_type(info: zipfile.ZipInfo, kind: int) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_IFMT(mode) == kind


def _check_type(info: zipfile.ZipInfo) -> None:
    if info.create_system != 3:  # only Unix archivers record file types
        return
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        raise _Refused("it is a symbolic link (links are never followed)")
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise _Refused("it is a device or special file")


def _rejected(path: Path, entry: str, reason: str) -> ImportRejected:
    return ImportRejected(f"{path}: entry {entry!r} was refused: {reason}. Nothing was imported.")


def _show(name: str) -> str:
    shown = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return shown if len(shown) <= 200 else shown[:200] + "..."


def _error_text(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def _size(count: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if count < 1024 or unit == "TB":
            return f"{count:,.0f} {unit}" if unit == "bytes" else f"{count:,.1f} {unit}"
        count /= 1024
    return f"{count:,.1f} TB"
