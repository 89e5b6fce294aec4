"""Zip archives: every hostile entry is refused by name, nothing lands outside the library, no half course."""

from __future__ import annotations

import os
import stat
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from helpers.library import (
    Library,
    files_under,
    lesson_clip,
    make_zip,
    patch_bytes,
    set_utf8_flag,
    unix_entry,
    write_unix_zip,
)
from helpers.media import MediaFactory
from smrtplayer.common.errors import ImportRejected
from smrtplayer.library.archive import ArchiveLimits, check_archive, extract_entries, open_archive, safe_name

OK = b"fine"


def _refused(path: Path, limits: ArchiveLimits | None = None) -> str:
    with pytest.raises(ImportRejected) as caught:
        check_archive(path, limits)
    message = str(caught.value)
    assert "Nothing was imported" in message
    return message


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.txt", "climbs out"),
        ("course/../../evil.txt", "climbs out"),
        ("/etc/evil.txt", "absolute"),
        ("\\evil.txt", "absolute"),
        ("C:\\evil.mp4", "drive letter"),
        ("c:evil.mp4", "drive letter"),
        ("course\\..\\..\\evil.txt", "climbs out"),
        ("CON", "reserved for a device"),
        ("course/aux.mp4", "reserved for a device"),
        ("lpt1.txt", "reserved for a device"),
        ("com¹.srt", "reserved for a device"),
        ("lesson.", "ends in a dot or a space"),
        ("lesson ", "ends in a dot or a space"),
        ("folder./lesson.mp4", "ends in a dot or a space"),
        ("a<b.mp4", "Windows does not allow"),
        ("lesson.mp4:stream", "Windows does not allow"),
        ("what?.mp4", "Windows does not allow"),
        ("bell\x07.mp4", "control characters"),
        ("x" * 300 + ".mp4", "longer than 255 bytes"),
        ("/".join(["d"] * 40) + "/x.mp4", "nested more than"),
    ],
)
def test_bad_names_are_refused_naming_the_entry(tmp_path: Path, name: str, reason: str) -> None:
    archive = make_zip(tmp_path / "bad.zip", [("good.mp4", OK), (name, OK)])
    message = _refused(archive)
    assert reason in message
    shown = name if len(name) <= 200 else name[:200]
    assert repr(shown)[1:-1][:60] in message or shown[:60] in message


def test_a_name_with_a_nul_byte_is_refused(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "nul.zip", [("lesson.mp4XXXXX", OK)])
    patch_bytes(archive, b"lesson.mp4XXXXX", b"lesson.mp4\x00.txt")
    assert "control characters" in _refused(archive)


def test_undecodable_names_are_refused(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "utf8.zip", [("lesson-QQ.mp4", OK)])
    patch_bytes(archive, b"lesson-QQ.mp4", b"lesson-\xff\xfe.mp4")
    set_utf8_flag(archive)
    message = _refused(archive)
    assert "not valid UTF-8" in message and "lesson-" in message


def test_legacy_names_are_read_as_utf8_when_they_are(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "legacy.zip", [("Lecon-XX.mp4", OK)])
    patch_bytes(archive, b"Lecon-XX.mp4", "Leçon-X.mp4".encode())  # UTF-8 bytes, no UTF-8 flag
    entries = check_archive(archive)
    assert [entry.name for entry in entries] == ["Leçon-X.mp4"]


@pytest.mark.parametrize(
    ("names", "reason"),
    [
        (["Lesson.mp4", "lesson.MP4"], "duplicates"),
        (["same.mp4", "same.mp4"], "duplicates"),
        (["Cafe\u0301.mp4", "Caf\u00e9.mp4"], "duplicates"),  # NFD and NFC spellings
        (["a/b.mp4", "a\\b.mp4"], "duplicates"),
        (["notes", "notes/x.mp4"], "also a file"),
    ],
)
def test_duplicate_and_clashing_names_are_refused(tmp_path: Path, names: list[str], reason: str) -> None:
    archive = tmp_path / "dup.zip"
    with pytest.warns(UserWarning) if len(set(names)) < len(names) else _no_warning():
        make_zip(archive, [(name, OK) for name in names])
    assert reason in _refused(archive)


class _no_warning:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *args: object) -> None:
        return None


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        (stat.S_IFLNK | 0o777, "symbolic link"),
        (stat.S_IFCHR | 0o644, "device or special file"),
        (stat.S_IFBLK | 0o644, "device or special file"),
        (stat.S_IFIFO | 0o644, "device or special file"),
        (stat.S_IFSOCK | 0o644, "device or special file"),
    ],
)
def test_links_devices_and_pipes_are_refused(tmp_path: Path, mode: int, reason: str) -> None:
    archive = write_unix_zip(
        tmp_path / "special.zip",
        [
            (unix_entry("good.mp4", stat.S_IFREG | 0o644), OK),
            (unix_entry("course/odd.mp4", mode), b"/etc/passwd"),
        ],
    )
    message = _refused(archive)
    assert reason in message and "course/odd.mp4" in message


def test_too_many_entries_are_refused(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "many.zip", [(f"f{index}.txt", OK) for index in range(11)])
    assert "11 entries; the limit is 10" in _refused(archive, ArchiveLimits(max_entries=10))


def test_total_size_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    chunk = os.urandom(300_000)
    archive = make_zip(tmp_path / "big.zip", [("a.mp4", chunk), ("b.mp4", chunk), ("c.mp4", chunk)])
    message = _refused(archive, ArchiveLimits(max_total_bytes=700_000))
    assert "'c.mp4'" in message and "unpacked size" in message


def test_a_zip_bomb_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "bomb.zip", [("lesson.mp4", OK), ("bomb.mp4", bytes(8 * 1024 * 1024))])
    message = _refused(archive)
    assert "'bomb.mp4'" in message and "zip bomb" in message


def test_many_small_well_compressed_entries_are_refused_as_a_whole(tmp_path: Path) -> None:
    entries = [(f"part{index}.srt", bytes(60_000)) for index in range(40)]
    archive = make_zip(tmp_path / "sly.zip", entries)
    limits = ArchiveLimits(ratio_floor_bytes=100_000, max_archive_ratio=50)
    assert "zip bomb" in _refused(archive, limits)


def _declared_size_offsets(data: bytes, name: bytes) -> list[int]:
    """Offsets of the uncompressed-size fields of ``name`` in its local and central headers."""
    offsets = []
    at = data.find(b"PK\x03\x04")
    if data[at + 30 : at + 30 + len(name)] == name:
        offsets.append(at + 22)
    central = data.find(b"PK\x01\x02")
    if data[central + 46 : central + 46 + len(name)] == name:
        offsets.append(central + 24)
    return offsets


# zipfile stops reading at the declared size, so an entry longer than declared fails its CRC check.
@pytest.mark.parametrize(
    ("delta", "reason"), [(-1000, "differs from its declared size"), (+1000, "less data")]
)
def test_entries_that_lie_about_their_size_are_refused(tmp_path: Path, delta: int, reason: str) -> None:
    payload = os.urandom(5000)
    archive = make_zip(tmp_path / "liar.zip", [("liar.mp4", payload)], compression=zipfile.ZIP_DEFLATED)
    data = bytearray(archive.read_bytes())
    for offset in _declared_size_offsets(bytes(data), b"liar.mp4"):
        struct.pack_into("<I", data, offset, len(payload) + delta)
    archive.write_bytes(bytes(data))
    destination = tmp_path / "out"
    destination.mkdir()
    with open_archive(archive) as zip_file, pytest.raises(ImportRejected) as caught:
        entries = check_archive(archive)
        extract_entries(zip_file, archive, entries, destination)
    assert "'liar.mp4'" in str(caught.value) and reason in str(caught.value)


def test_encrypted_entries_are_refused(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "locked.zip", [("locked.mp4", OK)])
    data = bytearray(archive.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.find(signature) + flag_offset] |= 0x01
    archive.write_bytes(bytes(data))
    assert "password-protected" in _refused(archive)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really", os.urandom(3000), b"just text\n" * 50])
def test_damaged_or_fake_archives_are_refused(tmp_path: Path, content: bytes) -> None:
    archive = tmp_path / "fake.zip"
    archive.write_bytes(content)
    assert "not a usable zip archive" in _refused(archive)


def test_safe_names_are_normalised() -> None:
    assert safe_name("./Course//Part 1\\01 - Intro.mp4") == "Course/Part 1/01 - Intro.mp4"
    assert safe_name("Cafe\u0301/x.mp4") == "Caf\u00e9/x.mp4"


# ------------------------------------------------------------------- through the import service
def test_a_hostile_archive_leaves_nothing_behind(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    good = lesson_clip(media, 1).read_bytes()
    archive = make_zip(
        tmp_path / "hostile.zip",
        [("Course/01 - Intro.mp4", good), ("Course/../../../evil.txt", b"gotcha")],
    )
    before = files_under(tmp_path)
    with pytest.raises(ImportRejected, match="climbs out"):
        library.service.import_course(archive)
    assert files_under(tmp_path) == before
    assert not list(library.library_dir.iterdir())
    assert [course for course in library.service.courses() if course.kind != "builtin"] == []


def test_a_symlink_archive_is_refused_before_anything_is_written(library: Library, tmp_path: Path) -> None:
    archive = write_unix_zip(
        tmp_path / "link.zip",
        [(unix_entry("course/lesson.mp4", stat.S_IFLNK | 0o777), b"/etc/passwd")],
    )
    with pytest.raises(ImportRejected, match="symbolic link"):
        library.service.import_course(archive)
    assert not list(library.library_dir.iterdir())


def test_a_lying_entry_found_while_unpacking_removes_the_partial_copy(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    first, second = lesson_clip(media, 1).read_bytes(), lesson_clip(media, 2).read_bytes()
    archive = make_zip(tmp_path / "liar.zip", [("01 - a.mp4", first), ("02 - b.mp4", second)])
    data = bytearray(archive.read_bytes())
    central = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)  # the second entry's header
    struct.pack_into("<I", data, central + 24, len(second) - 100)
    archive.write_bytes(bytes(data))
    with pytest.raises(ImportRejected, match=r"02 - b\.mp4"):
        library.service.import_course(archive)
    assert not list(library.library_dir.iterdir()), "the first, already unpacked file is gone too"
    assert library.service.courses() == []


def test_an_archive_cannot_be_linked_in_place(library: Library, tmp_path: Path, media: MediaFactory) -> None:
    archive = make_zip(tmp_path / "c.zip", [("a.mp4", lesson_clip(media, 1).read_bytes())])
    with pytest.raises(ImportRejected, match="cannot be used in place"):
        library.service.import_course(archive, mode="link")


def _overlapping_zip(path: Path, media: MediaFactory) -> Path:
    """Three stored entries; the middle one's data is stretched over the third entry, header and all
    (the way "overlapping" zip bombs make entries share bytes), with sizes and CRC to match."""
    blob = bytes(range(256)) * 2048  # 512 KiB that is no video
    archive = make_zip(
        path,
        [("01 - a.mp4", lesson_clip(media, 1).read_bytes()), ("02 - b.mp4", blob), ("03 - c.mp4", blob)],
        compression=zipfile.ZIP_STORED,
    )
    with zipfile.ZipFile(archive) as reading:
        _first, middle, last = reading.infolist()
    data = bytearray(archive.read_bytes())
    start = middle.header_offset + 30 + len(middle.orig_filename)
    end = last.header_offset + 30 + len(last.orig_filename) + last.compress_size
    crc = zlib.crc32(data[start:end])
    struct.pack_into("<III", data, middle.header_offset + 14, crc, end - start, end - start)
    central = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)  # the middle entry's record
    struct.pack_into("<III", data, central + 16, crc, end - start, end - start)
    path.write_bytes(bytes(data))
    return path


def test_entries_whose_data_overlap_are_refused(tmp_path: Path, media: MediaFactory) -> None:
    archive = _overlapping_zip(tmp_path / "overlap.zip", media)
    with pytest.raises(ImportRejected, match=r"'02 - b\.mp4'.*overlaps the entry '03 - c\.mp4'"):
        check_archive(archive)


def test_an_overlapping_archive_imports_nothing(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    with pytest.raises(ImportRejected, match="overlaps"):
        library.service.import_course(_overlapping_zip(tmp_path / "overlap.zip", media))
    assert not list(library.library_dir.iterdir())


def test_skipped_entries_are_not_left_in_the_library_copy(
    library: Library, tmp_path: Path, media: MediaFactory
) -> None:
    archive = make_zip(
        tmp_path / "Course.zip",
        [
            ("Course/01 - Intro.mp4", lesson_clip(media, 1).read_bytes()),
            ("Course/02 - Broken.mp4", b"\0" * 200_000),
            ("Course/02 - Broken.srt", b"1\n00:00:00,000 --> 00:00:01,000\nHi\n"),
            ("Course/Part 2/03 - Broken too.mkv", b"not a video"),
        ],
    )
    report = library.service.import_course(archive)
    assert report.lesson_count == 1 and len(report.skipped) == 2
    assert files_under(report.root_path) == {"01 - Intro.mp4"}
