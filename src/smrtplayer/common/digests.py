"""BLAKE2b and SHA-256, without loading OpenSSL at start.

``import hashlib`` loads OpenSSL's libcrypto through ``_hashlib`` at once (measured here: ~2 ms and
3.3 MiB resident, which the process then keeps while it plays), even for BLAKE2, which ``hashlib``
itself takes from CPython's built-in ``_blake2``. The start needs BLAKE2 only (fingerprints, the data
folder's instance name, the built-in course's stamp, note ids), so ``blake2b`` is that same built-in;
``sha256`` (verifying a file, checksums of exports and journals) loads ``hashlib`` when first called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

try:
    from _blake2 import blake2b  # what hashlib.blake2b is, on CPython
except ImportError:  # pragma: no cover - a Python without the built-in module
    from hashlib import blake2b

if TYPE_CHECKING:
    from hashlib import _Hash

__all__ = ["blake2b", "sha256"]


def sha256(data: bytes = b"") -> _Hash:
    import hashlib

    return hashlib.sha256(data)
