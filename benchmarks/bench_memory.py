"""Where the memory goes: the study player's window and the self-test, stage by stage, beside a bare player.

Each stage prints what the process holds then: resident memory (RSS) split into anonymous memory (heaps,
decoder buffers, images) and file-backed pages (the libraries' code), the peak so far (VmHWM), what
glibc's malloc holds (in use, and free but kept), the Python heap (tracemalloc, with ``--trace``; it
costs memory itself, so the other figures of a traced run are not the plain ones), and the threads.
Anonymous memory is split by where it lies: the main heap, the malloc arenas of other threads (decoder
threads allocate there), and other anonymous mappings (large blocks, shared images).

Runs (each its own process, on the 1080p30 clip of bench_playback.py, in a real X window under Xvfb
when it is installed):

* ``bare``: the peer floor. A bare PySide6 script: QApplication, a QWidget, QMediaPlayer + QVideoSink
  (no painting), playing the clip.
* ``app``: the study player as ``bench_playback.py --only play`` runs it (the window, the panels after the
  first frame, the positions' pictures decoded by the second player while the lesson plays).
* ``selftest``: ``smrtplayer self-test`` on the demo course, a stage per check.
* mpv playing the clip (peak RSS only), for the ratio the issue's goal is set against.

    .venv/bin/python benchmarks/bench_memory.py [--seconds 20] [--trace] [--only app]
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS, Figure, write_results

MIB = 1024 * 1024
ARENA_BYTES = 64 * MIB  # glibc's HEAP_MAX_SIZE on 64-bit: every thread arena is a 64 MiB reservation


# ------------------------------------------------------------------------------ in the child: probes
class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def malloc_figures() -> dict[str, float]:
    """glibc's own count: bytes in use and bytes free but kept, over every arena (None elsewhere)."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _MallInfo2
    except (OSError, AttributeError):
        return {}
    info = libc.mallinfo2()
    return {
        "malloc_used": (info.uordblks + info.hblkhd) / MIB,
        "malloc_free": info.fordblks / MIB,
    }


def mapping_groups() -> dict[str, float]:
    """Resident MiB by kind of mapping (from /proc/self/smaps)."""
    groups: Counter[str] = Counter()
    name = ""
    start = end = 0
    header = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$")
    for line in Path("/proc/self/smaps").read_text().splitlines():
        match = header.match(line)
        if match:
            start, end = int(match[1], 16), int(match[2], 16)
            name = match[3].strip()
            continue
        if not line.startswith("Rss:"):
            continue
        rss = int(line.split()[1]) / 1024
        if name == "[heap]":
            kind = "anon: main heap"
        elif name in ("", "[anon]") and start % ARENA_BYTES == 0 and end - start <= ARENA_BYTES:
            kind = "anon: thread arenas"
        elif name in ("", "[anon]") or name.startswith("[anon:"):
            kind = "anon: other mappings"
        elif name.startswith("[stack"):
            kind = "anon: stacks"
        elif name.startswith("/SYSV") or name.startswith("/dev/shm") or "memfd:" in name:
            kind = "shared memory"
        elif re.search(r"/libQt6\w*\.so", name) or "/plugins/" in name:
            kind = "file: Qt"
        elif re.search(r"/lib(av|sw)\w*\.so", name):
            kind = "file: FFmpeg"
        elif "/PySide6/" in name or "/shiboken6/" in name:
            kind = "file: PySide6 bindings"
        elif "/libpython" in name or "/lib-dynload/" in name or re.search(r"/bin/python[\d.]*$", name):
            kind = "file: Python"
        elif "/site-packages/" in name:
            kind = "file: other Python packages"
        elif name.startswith("["):
            kind = "other"
        else:
            kind = "file: other libraries"
        groups[kind] += rss
    return {kind: round(value, 1) for kind, value in sorted(groups.items())}


def memory_now() -> dict[str, Any]:
    rollup = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        rollup[key] = int(value.split()[0]) / 1024
    status = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS", "Threads", "RssShmem"):
            status[key] = int(value.split()[0]) if key == "Threads" else int(value.split()[0]) / 1024
    figures: dict[str, Any] = {
        "rss": rollup["Rss"],
        "anon": rollup["Anonymous"],
        "file": rollup["Rss"] - rollup["Anonymous"] - status.get("RssShmem", 0),
        "shmem": status.get("RssShmem", 0),
        "peak": status["VmHWM"],
        "threads": status["Threads"],
        **malloc_figures(),
        "groups": mapping_groups(),
        "modules": len(sys.modules),
    }
    import tracemalloc

    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        figures["python_heap"] = current / MIB
        figures["python_heap_peak"] = peak / MIB
    return figures


def say_stage(stage: str) -> None:
    print("STAGE " + json.dumps({"stage": stage, **memory_now()}), flush=True)


def python_heap_top(limit: int = 8) -> None:
    import tracemalloc

    if not tracemalloc.is_tracing():
        return
    top = tracemalloc.take_snapshot().statistics("filename")[:limit]
    rows = [{"file": str(stat.traceback[0].filename), "mib": stat.size / MIB} for stat in top]
    print("HEAPTOP " + json.dumps(rows), flush=True)


# ------------------------------------------------------------------------------ children
def child_bare(clip: Path, seconds: float) -> int:
    say_stage("python")
    from PySide6.QtCore import QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer, QVideoSink
    from PySide6.QtWidgets import QApplication, QWidget

    say_stage("PySide6 imported")
    app = QApplication([sys.argv[0]])
    window = QWidget()
    window.resize(1100, 680)
    window.show()
    say_stage("QApplication + window")
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoOutput(sink)
    state = {"frames": 0}

    class Counter_(QWidget):
        def count(self, _frame: object) -> None:
            state["frames"] += 1
            if state["frames"] == 1:
                QTimer.singleShot(0, lambda: say_stage("first frame"))

    counter = Counter_()
    sink.videoFrameChanged.connect(counter.count)
    say_stage("player made")
    player.setSource(QUrl.fromLocalFile(str(clip)))
    player.play()
    QTimer.singleShot(int(seconds * 500), lambda: say_stage(f"playing {seconds / 2:g} s"))
    QTimer.singleShot(int(seconds * 1000), lambda: (say_stage(f"playing {seconds:g} s"), app.quit()))
    app.exec()
    print("FRAMES", state["frames"], flush=True)
    os._exit(0)  # the peer's teardown is not what is measured


def _start_as_the_app_does() -> None:
    from common import start_as_the_app_does

    start_as_the_app_does()


def child_app(data: Path, seconds: float, without: set[str]) -> int:
    say_stage("python")
    _start_as_the_app_does()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    say_stage("PySide6 imported")
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.ui.shell.main_window import MainWindow

    say_stage("app modules imported")
    if "pictures" in without:  # the positions' pictures, and so the second player, never asked for
        from smrtplayer.player.position_frames import PositionFrames

        PositionFrames.prefetch = lambda *_args, **_kwargs: None  # type: ignore[method-assign]
    if "grabber" in without:  # nothing at all for the second player: pictures, course thumbnails
        from smrtplayer.player.frame_grabber import FrameGrabber

        FrameGrabber.request = lambda *_args, **_kwargs: None  # type: ignore[method-assign]
    if "panels" in without:
        MainWindow._defer_workspace = lambda self: None  # type: ignore[method-assign]
    app = QApplication([sys.argv[0]])
    say_stage("QApplication")
    context = AppContext.open(AppPaths.resolve(data))
    say_stage("database open")
    window = MainWindow(context, panels_after_first_frame=True)
    window.show()
    say_stage("window built and shown")
    playback, view = context.playback, window.video_view
    frames = playback.position_frames
    state: dict[str, Any] = {"grabs_done": False}

    def first_frame() -> None:
        # At once, before the panels (which the window builds on a timer started by the same signal).
        say_stage("first frame painted")
        QTimer.singleShot(0, lambda: say_stage("side panels built"))

    def grabs() -> None:
        if (
            not state["grabs_done"]
            and frames is not None
            and view.frames_painted > 5
            and not frames.pending()
        ):
            state["grabs_done"] = True
            say_stage("positions' pictures ready")
            python_heap_top()

    view.first_frame_painted.connect(first_frame)
    poll = QTimer()
    poll.timeout.connect(grabs)
    poll.start(50)
    window.start(autoplay=True)
    QTimer.singleShot(int(seconds * 500), lambda: say_stage(f"playing {seconds / 2:g} s"))

    def finish() -> None:
        say_stage(f"playing {seconds:g} s")
        print("FRAMES", view.frames_painted, flush=True)
        python_heap_top()
        window.close()
        app.quit()

    QTimer.singleShot(int(seconds * 1000), finish)
    app.exec()
    context.close()
    return 0


def child_selftest(data: Path) -> int:
    say_stage("python")
    _start_as_the_app_does()
    from smrtplayer.app import selftest
    from smrtplayer.app.paths import AppPaths

    say_stage("self-test module imported")
    run = selftest._Report.run

    def measured(report: Any, name: str, check: Any) -> bool:
        ok = run(report, name, check)
        say_stage(f"check {name}")
        return ok

    selftest._Report.run = measured  # type: ignore[method-assign]
    result = selftest.run_self_test(AppPaths.resolve(data))
    print("FRAMES", result["ok"], flush=True)
    python_heap_top()
    return 0


# ------------------------------------------------------------------------------ the parent
def run_child(args: list[str], env: dict[str, str], trace: bool) -> tuple[list[dict[str, Any]], list[Any]]:
    if trace:
        env = {**env, "PYTHONTRACEMALLOC": "1"}
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    killer = threading.Timer(180, process.kill)
    killer.start()
    stages: list[dict[str, Any]] = []
    heap: list[Any] = []
    try:
        for line in process.stdout:
            if line.startswith("STAGE "):
                stages.append(json.loads(line[6:]))
            elif line.startswith("HEAPTOP "):
                heap = json.loads(line[8:])
        _pid, _status, usage = os.wait4(process.pid, 0)
    finally:
        killer.cancel()
    if stages:
        stages[-1]["peak_at_exit"] = usage.ru_maxrss / 1024
    return stages, heap


def print_stages(title: str, stages: list[dict[str, Any]], heap: list[Any]) -> None:
    print(f"\n== {title}")
    traced = any("python_heap" in stage for stage in stages)
    columns = "stage                          RSS   +RSS   anon   file  shmem   peak  malloc used/free"
    print(columns + ("  py heap" if traced else "") + "  threads")
    previous = 0.0
    for stage in stages:
        line = (
            f"{stage['stage']:<28} {stage['rss']:6.0f} {stage['rss'] - previous:+6.0f} {stage['anon']:6.0f} "
            f"{stage['file']:6.0f} {stage['shmem']:6.0f} {stage['peak']:6.0f} "
            f"{stage.get('malloc_used', 0):8.0f}/{stage.get('malloc_free', 0):<5.0f}"
        )
        if traced:
            line += f"  {stage.get('python_heap', 0):7.1f}"
        print(line + f"  {stage['threads']:5d}")
        previous = stage["rss"]
    if stages:
        last = stages[-1]
        peak_stage = max(stages, key=lambda stage: stage["rss"])
        print(f"   by mapping at '{peak_stage['stage']}' (the largest RSS seen):")
        for kind, mib in sorted(peak_stage["groups"].items(), key=lambda item: -item[1]):
            print(f"      {mib:7.1f} MiB  {kind}")
        if "peak_at_exit" in last:
            print(f"   peak RSS of the whole run: {last['peak_at_exit']:.0f} MiB")
    if heap:
        print("   Python heap by file (tracemalloc):")
        for row in heap:
            print(f"      {row['mib']:7.2f} MiB  {row['file']}")


def mpv_peak(clip: Path, display_name: str | None, seconds: float) -> float | None:
    from bench_playback import mpv_play

    mpv = shutil.which("mpv")
    if mpv is None:
        return None
    return float(mpv_play(mpv, clip, display_name, seconds)["peak_rss_mib"])


def mpv_first_frame_peak() -> float | None:
    from bench_startup import DEMO_LESSON
    from common import run_measured

    mpv = shutil.which("mpv")
    if mpv is None:
        return None
    result = run_measured([mpv, "--no-config", "--no-audio", "--vo=null", "--frames=1", str(DEMO_LESSON)])
    return result.peak_rss_kb / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="how long the clip plays")
    parser.add_argument("--trace", action="store_true", help="measure the Python heap (tracemalloc)")
    parser.add_argument("--only", choices=["bare", "app", "selftest", "mpv"], action="append")
    parser.add_argument(
        "--parts",
        action="store_true",
        help="also run the window without the positions' pictures, without the second player at all, "
        "without the side panels, and without both",
    )
    args = parser.parse_args()
    parts = set(args.only or ["bare", "app", "selftest", "mpv"])
    from bench_playback import (
        CLIP_SECONDS,
        GOP,
        MEDIA,
        child_env,
        display,
        make_clip,
        position_marks,
        prepare_data_dir,
    )
    from common import user_env

    clip = make_clip(MEDIA / f"bench-1080p30-gop{GOP}-{CLIP_SECONDS}s.mp4")
    figures: list[Figure] = []
    extra: dict[str, Any] = {}
    mpv_play_peak = None
    with tempfile.TemporaryDirectory(dir=RESULTS) as scratch, display() as display_name:
        env = child_env(display_name)
        bare_peak = app_peak = None
        if "bare" in parts:
            stages, heap = run_child(["bare", str(clip), str(args.seconds)], env, args.trace)
            print_stages("bare PySide6 player (QMediaPlayer + QVideoSink, no painting)", stages, heap)
            extra["bare"] = stages
            bare_peak = stages[-1]["peak_at_exit"] if stages else None
        if "app" in parts:
            data = Path(scratch) / "data"

            def fresh_data() -> Path:
                # Each run resumes where the one before stopped otherwise: a later run would seek into
                # the clip or find it played to its end (nothing decoded, ~10 MiB less).
                shutil.rmtree(data, ignore_errors=True)
                prepare_data_dir(data, clip, position_marks(30, CLIP_SECONDS * 1000), 0)
                return data

            stages, heap = run_child(["app", str(fresh_data()), str(args.seconds), ""], env, args.trace)
            print_stages("smrtplayer window playing the clip", stages, heap)
            extra["app"] = stages
            app_peak = stages[-1]["peak_at_exit"] if stages else None
            for without in ["pictures", "grabber", "panels", "grabber,panels"] if args.parts else []:
                stages, heap = run_child(
                    ["app", str(fresh_data()), str(args.seconds), without], env, args.trace
                )
                print_stages(f"smrtplayer window playing the clip, without {without}", stages, heap)
                extra[f"app without {without}"] = stages
        if "mpv" in parts or "app" in parts:
            mpv_play_peak = mpv_peak(clip, display_name, args.seconds)
        if app_peak is not None:
            figures.append(
                Figure(
                    f"{args.seconds:g} s of 1080p30: peak RSS", round(app_peak), "MiB", "mpv", mpv_play_peak
                )
            )
            if bare_peak is not None:
                figures.append(
                    Figure(
                        f"{args.seconds:g} s of 1080p30: peak RSS beside the bare player",
                        round(app_peak),
                        "MiB",
                        "bare QMediaPlayer + QVideoSink",
                        round(bare_peak),
                    )
                )
        if "selftest" in parts:
            data = Path(scratch) / "selftest-data"
            subprocess.run(
                [sys.executable, "-m", "smrtplayer", "--data-dir", str(data), "courses"],
                env=user_env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            selftest_env = {k: v for k, v in user_env().items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
            stages, heap = run_child(["selftest", str(data)], selftest_env, args.trace)
            print_stages("smrtplayer self-test", stages, heap)
            extra["selftest"] = stages
            peer = mpv_first_frame_peak()
            if stages:
                figures.append(
                    Figure(
                        "self-test peak RSS", round(stages[-1]["peak_at_exit"]), "MiB", "mpv --frames=1", peer
                    )
                )
    print()
    if args.trace:
        print("(traced run: tracemalloc's own bookkeeping is in these figures)")
    write_results("memory" + ("-traced" if args.trace else ""), figures, extra)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind = sys.argv[2]
        if kind == "bare":
            raise SystemExit(child_bare(Path(sys.argv[3]), float(sys.argv[4])))
        if kind == "app":
            without = set(filter(None, sys.argv[5].split(",")))
            raise SystemExit(child_app(Path(sys.argv[3]), float(sys.argv[4]), without))
        raise SystemExit(child_selftest(Path(sys.argv[3])))
    raise SystemExit(main())
