"""Hold-timer accuracy with a 1080p video playing: how late the end cue comes, and sequence drift.

What runs, in one process, offscreen, for real (no fake clock):

* a 1920x1080 H.264 clip (made here with PyAV) plays on a loop through the app's PlaybackController
  and is painted by table mode at 1920x1080, so decoding and painting load the main thread as they
  would on the table;
* **100 holds** of 20-45 s (seeded random) in 10 lanes of 10 back-to-back holds, the lanes staggered
  by a few seconds, each lane with its own HoldTimer and clinic CuePlayer; for every hold the
  *end-cue error* is the monotonic time at which the cue was played minus the hold's deadline;
* a **10-minute sequence** (holds and rests, auto-advance) through the real SequenceRunner at the same
  time; *drift* is when the last step's done cue came minus (start + the sum of the planned times).
  Beside it, the same run's lateness summed over all steps: what a timer that restarts each step
  when it hears the previous cue would have drifted.

Running both at once keeps the default real-time run at about 10 minutes (100 holds back to back
alone would take ~54 min). ``--scale 0.1`` shortens every duration for a quick look (not the figure
to quote). Figures are printed and written to ``benchmarks/results/holdtimer.json``; nothing passes
or fails. Audio output latency (cue played -> sound from the speaker) is not measured: it depends on
the sound device, and benchmark machines often have none.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, write_results

NS_PER_MS = 1_000_000


def make_clip(path: Path, seconds: int = 20, fps: int = 25) -> Path:
    """A 1080p H.264 clip with moving content (so every frame really decodes)."""
    import av
    import numpy as np

    container = av.open(str(path), mode="w")
    stream = container.add_stream("libx264", rate=fps)
    stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
    stream.codec_context.time_base = Fraction(1, fps)
    stream.options = {"preset": "ultrafast", "crf": "28", "g": str(fps * 2)}
    ys, xs = np.mgrid[0:1080, 0:1920]
    for index in range(seconds * fps):
        frame = np.empty((1080, 1920, 3), dtype=np.uint8)
        frame[..., 0] = ((xs + index * 8) % 256).astype(np.uint8)
        frame[..., 1] = ((ys + index * 4) % 256).astype(np.uint8)
        frame[..., 2] = ((xs // 8 + ys // 8 + index) % 256).astype(np.uint8)
        video_frame = av.VideoFrame.from_ndarray(frame, format="rgb24")
        video_frame.pts = index
        for packet in stream.encode(video_frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
    container.close()
    return path


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = fraction * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holds", type=int, default=100)
    parser.add_argument("--lanes", type=int, default=10)
    parser.add_argument("--sequence-minutes", type=float, default=10.0)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every duration (0.1 = quick look)")
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--no-video", action="store_true", help="measure without the 1080p load")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.holds.cues import CuePlayer
    from smrtplayer.holds.timer import HoldTimer
    from smrtplayer.models.presets import MIN_HOLD_MS
    from smrtplayer.store.plans import Plan, PlanStep
    from smrtplayer.ui.holds.table_mode import TableModeWindow

    app = QApplication([sys.argv[0]])
    scratch = Path(tempfile.mkdtemp(prefix="bench-holdtimer-"))
    context = AppContext.open(AppPaths.resolve(scratch / "data"))
    rng = random.Random(args.seed)

    def scaled(ms: int) -> int:
        return max(MIN_HOLD_MS, round(ms * args.scale))

    # --------------------------------------------------------------------------- the video load
    if not args.no_video:
        started = time.perf_counter()
        clip = make_clip(scratch / "load-1080p.mp4")
        print(f"made the 1080p clip in {time.perf_counter() - started:.1f} s", flush=True)
        demo = next(
            lesson for course in context.library.courses() for lesson in context.library.lessons(course.id)
        )
        lesson = dataclasses.replace(
            demo, path=clip, fingerprint="bench-1080p", duration_ms=None, title="1080p"
        )
        playback = context.playback
        playback.media_finished.connect(lambda: (playback.seek(0), playback.play()))
        playback.open_lesson(lesson, autoplay=True, start_ms=0)
    window = TableModeWindow(context)
    window.resize(1920, 1080)
    window.show()

    # ------------------------------------------------------------------------------ the 100 holds
    per_lane = [
        args.holds // args.lanes + (1 if lane < args.holds % args.lanes else 0) for lane in range(args.lanes)
    ]
    errors_ms: list[float] = []
    lanes_left = [args.lanes]

    def run_lane(lane: int, count: int) -> None:
        timer = HoldTimer(parent=app)
        cues = CuePlayer(context.paths.cache, parent=app)
        cues.attach(timer)
        state = {"left": count, "deadline": 0}

        def start_next() -> None:
            if state["left"] == 0:
                lanes_left[0] -= 1
                return
            state["left"] -= 1
            timer.start(scaled(rng.randint(20, 45) * 1000))
            state["deadline"] = timer.deadline_ns() or 0

        def on_cue(kind: str) -> None:
            if kind != "done":
                return
            errors_ms.append((time.monotonic_ns() - state["deadline"]) / NS_PER_MS)
            timer.finish()
            QTimer.singleShot(0, start_next)

        cues.cue_played.connect(on_cue)
        start_next()

    for lane, count in enumerate(per_lane):
        QTimer.singleShot(
            round(lane * 3_300 * min(1.0, args.scale * 2)),
            lambda lane=lane, count=count: run_lane(lane, count),
        )

    # -------------------------------------------------------------------------- the long sequence
    target_ms = round(args.sequence_minutes * 60_000 * args.scale)
    steps: list[PlanStep] = []
    total = 0
    while total < target_ms:
        hold = scaled(rng.choice((20, 30, 45, 90)) * 1000)
        rest = scaled(rng.choice((10, 15, 30)) * 1000)
        steps.append(PlanStep(kind="hold", hold_ms=hold, title=f"Hold {len(steps) + 1}", side="R"))
        steps.append(PlanStep(kind="rest", hold_ms=rest, title="Rest"))
        total += hold + rest
    plan = Plan(title="Ten minutes", steps=tuple(steps))
    runner = context.holds.runner
    runner.auto_advance = True
    sequence: dict[str, int] = {"start": 0, "end": 0, "done": 0}
    deadlines: list[int] = []  # every step's deadline, in order
    step_errors: list[float] = []
    runner.timer.started.connect(lambda _ms: deadlines.append(runner.timer.deadline_ns() or 0))

    def on_sequence_cue(kind: str) -> None:
        if kind == "done" and sequence["done"] < len(deadlines):
            now = time.monotonic_ns()
            step_errors.append((now - deadlines[sequence["done"]]) / NS_PER_MS)
            sequence["done"] += 1
            sequence["end"] = now if sequence["done"] == len(plan.steps) else 0

    context.holds.cues.cue_played.connect(on_sequence_cue)

    def start_sequence() -> None:
        runner.run_plan(plan)
        sequence["start"] = deadlines[0] - plan.steps[0].hold_ms * NS_PER_MS
        print(
            f"sequence of {len(plan.steps)} steps, {total / 60_000:.1f} min; 100 holds in {args.lanes} lanes",
            flush=True,
        )

    QTimer.singleShot(500, start_sequence)
    frames_at: dict[str, int] = {}
    if not args.no_video:
        QTimer.singleShot(2000, lambda: frames_at.setdefault("start", context.playback.frames_shown))

    def check_finished() -> None:
        if lanes_left[0] == 0 and sequence["end"]:
            app.quit()

    poll = QTimer(app)
    poll.timeout.connect(check_finished)
    poll.start(250)
    progress = QTimer(app)
    progress.timeout.connect(
        lambda: print(f"  {len(errors_ms)} holds done, {len(step_errors)} sequence steps", flush=True)
    )
    progress.start(60_000)
    wall = time.perf_counter()
    app.exec()
    wall_s = time.perf_counter() - wall
    frames = context.playback.frames_shown if not args.no_video else 0
    frames_before = frames_at.get("start", 0)
    context.close()  # quitting the application already closed (and deleted) table mode

    planned_end = sequence["start"] + total * NS_PER_MS
    drift_ms = (sequence["end"] - planned_end) / NS_PER_MS
    schedule_drift_ms = (deadlines[-1] - planned_end) / NS_PER_MS
    minutes = f"{total / 60_000:.1f}".removesuffix(".0")
    figures = [
        Figure("end-cue error p50", round(statistics.median(errors_ms), 2), "ms"),
        Figure("end-cue error p99", round(percentile(errors_ms, 0.99), 2), "ms", note="goal <= 15 ms"),
        Figure("end-cue error max", round(max(errors_ms), 2), "ms"),
        Figure(
            f"{minutes}-min sequence: last deadline vs plan",
            round(schedule_drift_ms, 3),
            "ms",
            note="goal 0 ms: each step starts at the previous step's deadline",
        ),
        Figure(
            f"{minutes}-min sequence: last cue vs plan",
            round(drift_ms, 2),
            "ms",
            "restart each step on its cue",
            round(sum(step_errors), 2),
            note="the last cue's own lateness; the peer sums every step's lateness",
        ),
        Figure("sequence step cue error max", round(max(step_errors), 2), "ms"),
    ]
    extra = {
        "holds": len(errors_ms),
        "lanes": args.lanes,
        "scale": args.scale,
        "video": None if args.no_video else "1920x1080 H.264 25 fps, looped, painted by table mode",
        "frames_shown_per_s": round((frames - frames_before) / max(1.0, wall_s - 2), 1) if frames else None,
        "wall_s": round(wall_s, 1),
        "sequence_steps": len(plan.steps),
    }
    write_results("holdtimer", figures, extra)
    print(f"frames shown per second while measuring: {extra['frames_shown_per_s']}; wall {wall_s:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
