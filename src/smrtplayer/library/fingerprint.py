"""Content identity of a lesson file.

A lesson is known by its bytes, not its path: progress, notes and positions hang on this fingerprint
so they survive a moved or renamed folder and merge across machines. Hashing a whole 2 GB lesson at
every start would be too slow, so the fingerprint samples the size plus three 256 KiB windows (head,
middle, tail) with BLAKE2b. The full SHA-256 (``sha256_file``) is the verification, done on import
and on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from smrtplayer.common.digests import blake2b

FINGERPRINT_PREFIX = "fp1-"
WINDOW_BYTES = 256 * 1024
HASH_CHUNK_BYTES = 1024 * 1024


def lesson_fingerprint(path: Path) -> str:
    digest = blake2b(digest_size=16)
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        digest.update(size.to_bytes(8, "little"))
        offsets = sorted({0, max(0, size // 2 - WINDOW_BYTES // 2), max(0, size - WINDOW_BYTES)})
        for offset in offsets:
            handle.seek(offset)
            digest.update(handle.read(WINDOW_BYTES))
    return FINGERPRINT_PREFIX + digest.hexdigest()


def sha256_file(
    path: Path,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> str | None:
    """Full SHA-256 of a file; ``progress`` gets bytes read so far; returns None when stopped."""
    import hashlib  # OpenSSL's, set up only when a file is verified or imported (see common.digests)

    digest = hashlib.sha256()
    done = 0
    buffer = bytearray(HASH_CHUNK_BYTES)
    view = memoryview(buffer)
    with path.open("rb", buffering=0) as handle:
        while True:
            if should_stop is not None and should_stop():
                return None
            count = handle.readinto(buffer)
            if not count:
                break
            digest.update(view[:count])
            done += count
            if progress is not None:
                progress(done)
    return digest.hexdigest()


def copy_with_sha256(
    source: Path,
    target: Path,
    progress: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> str | None:
    """Copy ``source`` to the new file ``target`` and return its SHA-256, reading the bytes once.

    Returns None when stopped (the partial ``target`` is left for the caller's clean-up).
    """
    import hashlib  # OpenSSL's, set up only when a course is imported (see common.digests)

    digest = hashlib.sha256()
    done = 0
    buffer = bytearray(HASH_CHUNK_BYTES)
    view = memoryview(buffer)
    with source.open("rb", buffering=0) as reader, target.open("xb") as writer:
        while True:
            if should_stop is not None and should_stop():
                return None
            count = reader.readinto(buffer)
            if not count:
                break
            digest.update(view[:count])
            writer.write(view[:count])
            done += count
            if progress is not None:
                progress(done)
    return digest.hexdigest()
