"""Builders shared by the library tests: real clips, real course folders and zips, and ``Library``
(what the ``library`` fixture of ``helpers/fixtures.py`` gives: a real store and LibraryService).

Each lesson clip gets its own colour so that its bytes, and so its fingerprint, differ from every
other lesson's; the media factory caches clips per session, so building a course costs file copies.
"""

from __future__ import annotations

import shutil
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from helpers.media import MediaFactory
from smrtplayer.library.probe import VIDEO_SUFFIXES
from smrtplayer.library.service import LibraryService
from smrtplayer.store.courses import CourseRepository
from smrtplayer.store.db import Store
from smrtplayer.store.resume import ProgressRepository

PDF_BYTES = b"%PDF-1.4\n% a tiny test document\n"
SRT_TEXT = "1\n00:00:00,000 --> 00:00:01,000\nHello\n"


@dataclass
class Library:
    store: Store
    courses: CourseRepository
    progress: ProgressRepository
    service: LibraryService
    library_dir: Path


def lesson_clip(media: MediaFactory, index: int, *, suffix: str = ".mp4", seconds: float = 1.0) -> Path:
    """A small real clip whose content is unique to ``index``."""
    rgb = ((37 * index) % 256, (91 * index + 40) % 256, (53 * index + 90) % 256)
    return media.clip(seconds=seconds, size=(64, 48), fps=10, rgb=rgb, suffix=suffix)


def make_course_folder(root: Path, names: list[str], media: MediaFactory, *, first_index: int = 1) -> Path:
    """Create ``names`` under ``root``: distinct clips for videos, small valid sidecars for the rest."""
    index = first_index
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        suffix = path.suffix.casefold()
        if suffix in VIDEO_SUFFIXES:
            clip_suffix = ".vob" if suffix == ".vob" else suffix
            shutil.copyfile(lesson_clip(media, index, suffix=clip_suffix), path)
            index += 1
        elif suffix == ".pdf":
            path.write_bytes(PDF_BYTES)
        elif suffix in (".srt", ".vtt"):
            path.write_text(SRT_TEXT, encoding="utf-8")
        else:
            path.write_text(f"some notes about {name}\n", encoding="utf-8")
    return root


def make_zip(
    path: Path, entries: list[tuple[str, bytes]], *, compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data, compression)
    return path


def zip_folder(folder: Path, path: Path, *, prefix: str = "") -> Path:
    entries = [
        (prefix + file.relative_to(folder).as_posix(), file.read_bytes())
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    ]
    return make_zip(path, entries)


def unix_entry(name: str, mode: int, data: bytes = b"") -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.create_system = 3
    info.external_attr = (mode & 0xFFFF) << 16
    return info


def write_unix_zip(path: Path, entries: list[tuple[zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return path


def symlink_mode() -> int:
    return stat.S_IFLNK | 0o777


def files_under(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")} if folder.exists() else set()


def patch_bytes(path: Path, old: bytes, new: bytes) -> None:
    """Replace every occurrence of ``old`` (same length) in a file: names in both zip headers."""
    assert len(old) == len(new)
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new))


def set_utf8_flag(path: Path) -> None:
    """Set the UTF-8 name flag (bit 11) on every local and central header of a zip."""
    data = bytearray(path.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            data[at + flag_offset] |= 0x00
            data[at + flag_offset + 1] |= 0x08
            start = at + 4
    path.write_bytes(bytes(data))
