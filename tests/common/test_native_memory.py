"""Memory a C library freed goes back to the system when asked (glibc's malloc_trim), and threads share
two of malloc's arenas once that is asked for (glibc's mallopt)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from smrtplayer.common.native_memory import ARENAS, return_freed_memory

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")


def _anonymous_mib() -> float:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Anonymous:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no smaps_rollup")


def test_freed_heap_pages_go_back_to_the_system() -> None:
    # 64 KiB blocks come from malloc's heap (not mapped one by one); the last one kept pins the top of
    # the heap, so that malloc cannot give the rest back by itself.
    blocks = [bytearray(64 * 1024) for _ in range(1600)]  # 100 MiB, touched
    keep = bytearray(64 * 1024)
    del blocks
    before = _anonymous_mib()
    assert return_freed_memory()
    assert before - _anonymous_mib() >= 50
    del keep


# Threads that allocate at the same moment: ctypes lets go of the GIL around each C call, so the eight
# threads really are in malloc together, and glibc gives a thread that finds an arena busy one of its own.
_ARENAS_AFTER_BUSY_THREADS = """
import ctypes, os, sys, tempfile, threading
from smrtplayer.common.native_memory import tune_malloc
if sys.argv[1] == "limited":
    assert tune_malloc()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
def churn():
    for _ in range(20000):
        libc.free(libc.malloc(4096))
threads = [threading.Thread(target=churn) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
libc.fdopen.restype, libc.fdopen.argtypes = ctypes.c_void_p, [ctypes.c_int, ctypes.c_char_p]
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fflush.argtypes = [ctypes.c_void_p]
with tempfile.TemporaryFile() as out:
    stream = libc.fdopen(os.dup(out.fileno()), b"w")
    libc.malloc_info(0, stream)
    libc.fflush(stream)
    out.seek(0)
    print(out.read().count(b"<heap nr="))
"""


def _probe(script: str, mode: str) -> int:
    """Run ``script`` in a fresh interpreter (``mode``: "limited" or glibc's default); the number it
    prints last."""
    completed = subprocess.run(
        [sys.executable, "-c", script, mode], capture_output=True, text=True, check=True, timeout=120
    )
    return int(completed.stdout.split()[-1])


def test_threads_share_two_arenas_once_limited() -> None:
    assert _probe(_ARENAS_AFTER_BUSY_THREADS, "limited") <= ARENAS
    assert _probe(_ARENAS_AFTER_BUSY_THREADS, "glibc's default") > ARENAS  # what the limit is for


# After a large block is freed, glibc by default keeps later blocks up to its size in the heap (and
# holds on to them there when they are freed); once limited, a 2 MiB picture is mapped on its own.
_MAPPED_AFTER_A_LARGER_FREE = """
import ctypes, sys
from smrtplayer.common.native_memory import tune_malloc
if sys.argv[1] == "limited":
    assert tune_malloc()
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
        "keepcost")]
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
libc.mallinfo2.restype = MallInfo2
libc.free(libc.malloc(8 * 1024 * 1024))
before = libc.mallinfo2().hblks
picture = libc.malloc(2 * 1024 * 1024)
print(libc.mallinfo2().hblks - before)
"""


def test_a_large_block_is_mapped_on_its_own_once_limited() -> None:
    assert _probe(_MAPPED_AFTER_A_LARGER_FREE, "limited") == 1
    assert (
        _probe(_MAPPED_AFTER_A_LARGER_FREE, "glibc's default") == 0
    )  # in the heap, where it stays once freed
