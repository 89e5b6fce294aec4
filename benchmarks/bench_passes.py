"""Active Release passes on time while a 1080p video plays: how late each pass's tone comes.

What runs, in one process, offscreen, for real (no fake clock): the 1080p H.264 clip of
``bench_holdtimer`` plays on a loop through the app's PlaybackController and is painted by table mode
at 1920x1080; the real SequenceRunner runs a plan of passes steps (200 passes in all, 1 s apart by
default), and table mode shows "PASS n / N" and flashes at every pass. For each pass the *cadence
error* is the monotonic time at which the clinic CuePlayer played the pass tone minus the pass's
planned instant (the step's start plus (n - 1) × cadence), measured like the end-cue figure.

The peer, in the same run: a plain repeating QTimer at the same interval (what counting passes on a
timer's timeout would give), its error taken against the same kind of grid from its own start. A
coarse QTimer (Qt's default) may fire early as well as late, so both are reported as the distance
from the planned instant; the passes' tone is never early.

Figures are printed and written to ``benchmarks/results/passes.json``; nothing passes or fails.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_holdtimer import make_clip, percentile
from common import Figure, write_results

NS_PER_MS = 1_000_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=200)
    parser.add_argument("--per-step", type=int, default=50, help="passes in one plan step (at most 100)")
    parser.add_argument("--cadence-ms", type=int, default=1000)
    parser.add_argument("--no-video", action="store_true", help="measure without the 1080p load")
    args = parser.parse_args()

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.models.plans import Plan, PlanStep
    from smrtplayer.ui.holds.table_mode import TableModeWindow

    app = QApplication([sys.argv[0]])
    scratch = Path(tempfile.mkdtemp(prefix="bench-passes-"))
    context = AppContext.open(AppPaths.resolve(scratch / "data"))
    if not args.no_video:
        clip = make_clip(scratch / "load-1080p.mp4")
        demo = next(
            lesson for course in context.library.courses() for lesson in context.library.lessons(course.id)
        )
        lesson = dataclasses.replace(
            demo, path=clip, fingerprint="bench-1080p", duration_ms=None, title="1080p"
        )
        playback = context.playback
        playback.media_finished.connect(lambda: (playback.seek(0), playback.play()))
        playback.open_lesson(lesson, autoplay=True, start_ms=0)

    steps = []
    left = args.passes
    while left > 0:
        count = min(args.per_step, left)
        steps.append(
            PlanStep(
                kind="passes",
                hold_ms=count * args.cadence_ms,
                passes=count,
                cadence_ms=args.cadence_ms,
                side="R",
                title=f"Passes {len(steps) + 1}",
                text="Client moves",
            )
        )
        left -= count
    plan = Plan(title="Passes", steps=tuple(steps))
    window = TableModeWindow(context, plan)
    window.resize(1920, 1080)
    window.show()

    runner = context.holds.runner
    runner.auto_advance = True
    errors_ms: list[float] = []

    def on_cue(kind: str) -> None:
        if kind == "pass":  # played for the beat just counted
            planned = runner.beats.instant_ns(runner.beats.current)
            errors_ms.append((time.monotonic_ns() - planned) / NS_PER_MS)

    context.holds.cues.cue_played.connect(on_cue)
    finished: list[bool] = []
    runner.sequence_finished.connect(finished.append)

    peer_errors_ms: list[float] = []
    peer = QTimer(app)
    peer.setInterval(args.cadence_ms)
    peer_state = {"start": 0, "count": 0}

    def on_peer() -> None:
        peer_state["count"] += 1
        planned = peer_state["start"] + peer_state["count"] * args.cadence_ms * NS_PER_MS
        peer_errors_ms.append(abs(time.monotonic_ns() - planned) / NS_PER_MS)
        if peer_state["count"] >= args.passes - 1:
            peer.stop()

    peer.timeout.connect(on_peer)
    peer.setTimerType(Qt.TimerType.CoarseTimer)  # QTimer's default

    def start() -> None:
        runner.run_plan(plan)
        peer_state["start"] = time.monotonic_ns()
        peer.start()
        print(f"{args.passes} passes, one every {args.cadence_ms} ms, in {len(steps)} steps", flush=True)

    QTimer.singleShot(2000, start)  # let playback settle first
    check = QTimer(app)
    check.timeout.connect(lambda: app.quit() if finished and not peer.isActive() else None)
    check.start(250)
    frames_before = {"n": 0}
    QTimer.singleShot(2000, lambda: frames_before.__setitem__("n", context.playback.frames_shown))
    wall = time.perf_counter()
    app.exec()
    wall_s = time.perf_counter() - wall
    frames = 0 if args.no_video else context.playback.frames_shown - frames_before["n"]
    context.close()

    figures = [
        Figure(
            "pass cadence error p50",
            round(statistics.median(errors_ms), 2),
            "ms",
            "repeating QTimer",
            round(statistics.median(peer_errors_ms), 2),
        ),
        Figure(
            "pass cadence error p99",
            round(percentile(errors_ms, 0.99), 2),
            "ms",
            "repeating QTimer",
            round(percentile(peer_errors_ms, 0.99), 2),
            note="goal <= 15 ms",
        ),
        Figure(
            "pass cadence error max",
            round(max(errors_ms), 2),
            "ms",
            "repeating QTimer",
            round(max(peer_errors_ms), 2),
        ),
    ]
    extra = {
        "passes": len(errors_ms),
        "cadence_ms": args.cadence_ms,
        "video": None if args.no_video else "1920x1080 H.264 25 fps, looped, painted by table mode",
        "frames_shown_per_s": round(frames / max(1.0, wall_s - 2), 1) if frames else None,
        "wall_s": round(wall_s, 1),
    }
    write_results("passes", figures, extra)
    for figure in figures:
        print(f"{figure.metric}: {figure.value} {figure.unit} (peer {figure.peer}: {figure.peer_value})")
    print(f"frames shown per second while measuring: {extra['frames_shown_per_s']}; wall {wall_s:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
