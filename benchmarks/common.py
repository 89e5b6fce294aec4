"""Shared helpers for benchmarks: run a command measuring wall time and peak RSS, write results.

Every benchmark writes ``benchmarks/results/<name>.json`` shaped as
``{"name": ..., "machine": ..., "figures": [{"metric", "value", "unit", "peer", "peer_value", "ratio"}]}``
and ``run_all.py`` prints them as one table. Benchmarks measure; they never pass or fail.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Figure:
    metric: str
    value: float
    unit: str
    peer: str | None = None
    peer_value: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.peer_value in (None, 0):
            return None
        return round(self.value / self.peer_value, 2)  # type: ignore[operator]


def user_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a launched app, as on a user's machine: Python caches compiled modules.

    A development shell may turn the cache off (PYTHONDONTWRITEBYTECODE); every launch would then
    compile the app's modules again (~120 ms), which no installed app does.
    """
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass
class Run:
    started_at: float  # time.time() just before the process was spawned
    wall_s: float
    peak_rss_kb: int
    returncode: int
    stdout: str


def run_measured(command: list[str], env: dict[str, str] | None = None, timeout_s: float = 120) -> Run:
    """Run ``command``; return wall time and the child's own peak RSS (from wait4)."""
    started_at = time.time()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert process.stdout is not None
    # wait4 (not communicate) reaps the child so that its own peak RSS can be read; the timer ends a
    # run that hangs.
    killer = threading.Timer(timeout_s, process.kill)
    killer.start()
    try:
        output = process.stdout.read()
        _pid, status, usage = os.wait4(process.pid, 0)
    finally:
        killer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if wall >= timeout_s:
        raise TimeoutError(command)
    return Run(
        started_at=started_at,
        wall_s=wall,
        peak_rss_kb=int(usage.ru_maxrss),
        returncode=process.returncode,
        stdout=output,
    )


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))])


def machine() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def write_results(name: str, figures: list[Figure], extra: dict[str, Any] | None = None) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {
        "name": name,
        "machine": machine(),
        "figures": [{**asdict(figure), "ratio": figure.ratio} for figure in figures],
        **(extra or {}),
    }
    path.write_text(json.dumps(payload, indent=2))
    for figure in figures:
        peer = (
            f"   {figure.peer}: {figure.peer_value:g} {figure.unit}  (ratio {figure.ratio})"
            if figure.peer
            else ""
        )
        print(f"{name:>12}  {figure.metric:<42} {figure.value:>10g} {figure.unit}{peer}")
    return path


def start_as_the_app_does() -> None:
    """What the app's entry point (``smrtplayer.__main__.main``) does before anything imports Qt, for
    benchmark children that build its window themselves. Code from before 2026-12-06 (run for its
    figures with PYTHONPATH) did not tune malloc yet."""
    from smrtplayer.common import native_memory
    from smrtplayer.common.pyside_scan import scan_modules_without_caching_sources

    limit = getattr(native_memory, "tune_malloc", None)
    if limit is not None and not os.environ.get("BENCH_MALLOC_DEFAULT_ARENAS"):  # to measure what it saves
        limit()
    scan_modules_without_caching_sources()
