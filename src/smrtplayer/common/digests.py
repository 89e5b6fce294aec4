"""BLAKE2b for the app's short keys, without setting up OpenSSL.

``import hashlib`` loads and sets up OpenSSL's digests (``_hashlib``): ~3 ms of the start, and +2.2 MiB
resident beside a playing lesson (libcrypto 1.4 -> 3.3 MiB; Qt's FFmpeg maps the library either way).
What the start and a playing lesson hash are short keys: the instance's name, note and chapter ids,
the sampled lesson fingerprint. ``hashlib.blake2b`` is CPython's own ``_blake2.blake2b`` in any case
(OpenSSL's BLAKE2 takes no digest size), so it comes from there. Whole-file SHA-256 (import, verify)
keeps OpenSSL, several times faster there, imported where files are read.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # a Python built without it: hashlib has a BLAKE2b of its own then
    from hashlib import blake2b

__all__ = ["blake2b"]
