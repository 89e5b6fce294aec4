"""Memory a C library freed goes back to the system when asked (glibc's malloc_trim)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smrtplayer.common.native_memory import return_freed_memory

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
