"""Fuzzing the archive checker: whatever the names or bytes, ``ImportRejected`` is the only way out.

And whatever it accepts is safe: relative, no "..", nothing Windows cannot store, and extraction
writes only below the destination.
"""

from __future__ import annotations

import tempfile
import warnings
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smrtplayer.common.errors import ImportRejected
from smrtplayer.library.archive import ArchiveLimits, check_archive, extract_entries, open_archive

LIMITS = ArchiveLimits(max_entries=50, max_total_bytes=1_000_000, ratio_floor_bytes=10_000)
NAME_CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    include_characters="/\\.:<>|?*\"' \x00",
)
NAMES = st.one_of(
    st.text(NAME_CHARS, min_size=1, max_size=30),
    st.sampled_from(
        [
            "..",
            "../x",
            "a/../../b",
            "/abs",
            "C:\\x",
            "con",
            "aux.mp4",
            "x.",
            "x ",
            "a//b",
            ".",
            "./",
            "a\\..\\b",
        ]
    ),
    st.lists(st.sampled_from(["a", "..", ".", "CON", "b.mp4", "", "c "]), min_size=1, max_size=6).map(
        "/".join
    ),
)


def _write(path: Path, names: list[str], datas: list[bytes]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names; they are the point
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in zip(names, datas, strict=False):
                archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)


def _assert_safe(name: str) -> None:
    parts = name.split("/")
    assert name and not name.startswith("/") and "\\" not in name
    assert all(part not in ("", ".", "..") for part in parts)
    assert not any(char in name for char in '<>:"|?*') and all(ord(char) >= 32 for char in name)
    assert all(not part.endswith((".", " ")) for part in parts)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(NAMES, min_size=1, max_size=6), payload=st.binary(max_size=64))
def test_any_names_are_refused_or_safe(names: list[str], payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        archive = root / "fuzz.zip"
        try:
            _write(archive, names, [payload] * len(names))
        except (ValueError, UnicodeEncodeError):
            return  # zipfile itself will not write this name
        destination = root / "out"
        destination.mkdir()
        try:
            entries = check_archive(archive, LIMITS)
            with open_archive(archive) as zip_file:
                extract_entries(zip_file, archive, entries, destination)
        except ImportRejected:
            return
        for entry in entries:
            _assert_safe(entry.name)
        written = [path.resolve() for path in root.rglob("*") if path.is_file()]
        assert all(
            path == archive.resolve() or path.is_relative_to(destination.resolve()) for path in written
        )


def _valid_zip() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.zip"
        _write(
            path,
            ["Course/01 - a.mp4", "Course/02 - b.mp4", "Course/notes.pdf"],
            [b"a" * 300, b"b" * 200, b"%PDF"],
        )
        return path.read_bytes()


SEED = _valid_zip()


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.one_of(st.none(), st.integers(0, len(SEED))),
)
def test_damaged_archive_bytes_are_refused_or_extracted_safely(
    edits: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(SEED)
    for offset, value in edits:
        data[offset] = value
    if cut is not None:
        data = data[:cut]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        archive = root / "mutant.zip"
        archive.write_bytes(bytes(data))
        destination = root / "out"
        destination.mkdir()
        try:
            entries = check_archive(archive, LIMITS)
            with open_archive(archive) as zip_file:
                extract_entries(zip_file, archive, entries, destination)
        except ImportRejected:
            return
        for entry in entries:
            _assert_safe(entry.name)
        written = [path.resolve() for path in root.rglob("*") if path.is_file()]
        assert all(
            path == archive.resolve() or path.is_relative_to(destination.resolve()) for path in written
        )
