"""Giving memory that C libraries freed back to the system.

glibc's malloc keeps what a library frees for its next allocation, in the arena of the thread that
allocated it. A decoder's frames (3 MiB each at 1080p, allocated by its threads) are freed when the
second player unloads a file, yet stay resident: 25-35 MiB after the positions' pictures of a 1080p
lesson. ``malloc_trim`` hands the free pages of every arena back. Elsewhere (another C library,
another system) there is nothing to do.

glibc also gives threads arenas of their own, up to 8 per core, so that they need not wait for each
other's allocations; each arena keeps its own free pieces. The player's threads (demuxer, decoder, its
frame threads, renderer, audio) allocate little and rarely at once: two arenas hold what they need
with less left over. And a large block (a 2 MiB picture scaled from a frame, a decoded still) is
mapped on its own and unmapped when freed, whatever size malloc saw freed last: by default glibc
raises that threshold to the largest block freed, and then keeps such blocks in its heap. Peak
resident size over 20 s of a 1080p lesson (``benchmarks/bench_memory.py --only app``, a fresh data
folder each run, three or four alternated runs each): 184.6 MiB with glibc's defaults, 180.0 with two
arenas, 179.1 with both.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

_libc: ctypes.CDLL | None = None
_looked_up = False
#: glibc's mallopt parameter for the most arenas malloc makes (malloc.h)
_M_ARENA_MAX = -8
#: the main thread's arena and one more, shared by all the other threads
ARENAS = 2
#: glibc's mallopt parameter for the size from which a block is mapped on its own (malloc.h)
_M_MMAP_THRESHOLD = -3
#: blocks of this size or more are mapped on their own, and unmapped when freed
MAPPED_FROM_BYTES = 1024 * 1024


def _glibc() -> ctypes.CDLL | None:
    """The C library, where it is glibc (whose functions these are); None elsewhere."""
    global _libc, _looked_up
    if not _looked_up:
        _looked_up = True
        if sys.platform.startswith("linux"):
            try:
                # glibc's own name: find_library would run ldconfig in a subprocess to say the same
                libc = ctypes.CDLL("libc.so.6")
                libc.malloc_trim.argtypes, libc.malloc_trim.restype = [ctypes.c_size_t], ctypes.c_int
                libc.mallopt.argtypes, libc.mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
            except (OSError, AttributeError):  # musl and others have neither
                log.info("not glibc: malloc is left as it is, and freed memory where the C library keeps it")
            else:
                _libc = libc
    return _libc


def return_freed_memory() -> bool:
    """Give the pages malloc holds free back to the system; False where that cannot be done."""
    libc = _glibc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True


def tune_malloc() -> bool:
    """Have malloc share two arenas among all threads, and map large blocks on their own (see the
    module's docstring); call before Qt starts its threads. False where that cannot be done (another
    C library, another system)."""
    libc = _glibc()
    if libc is None:
        return False
    return bool(libc.mallopt(_M_ARENA_MAX, ARENAS)) and bool(
        libc.mallopt(_M_MMAP_THRESHOLD, MAPPED_FROM_BYTES)
    )
