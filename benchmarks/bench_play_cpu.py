"""Where the CPU goes while 1080p plays in the real window, beside mpv in the same run.

``bench_playback.py --only play`` opens a lesson for the first time: the first frames of its 30
positions are decoded by the second player during the 60 s measured. This script measures the same
window twice on one data folder, that first opening and a second one (the pictures then on disk, as
for any lesson opened before), and splits the GUI thread's time into its per-frame parts:

* the process: CPU % of a core over ``--play-seconds`` from the first frames painted (mpv: the same);
* the GUI thread alone (``time.thread_time`` of the Qt main thread);
* converting and scaling each frame (``FrameScaler.scale``), the rest of the video view's paint,
  the per-frame slot (``_on_video_frame`` and what listens to ``frame_ready``) and the per-tick slot
  (``_on_position`` and what listens to ``position_changed``, 20 times a second).

The per-part figures come from wrappers timing each call (a few microseconds each); the process
and thread figures are the kernel's. Nothing here passes or fails.

    .venv/bin/python benchmarks/bench_play_cpu.py [--play-seconds 60]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_playback import (
    CLIP_SECONDS,
    GOP,
    MEDIA,
    child_env,
    display,
    make_clip,
    measure_child,
    mpv_play,
    position_marks,
    prepare_data_dir,
)
from common import RESULTS, Figure, write_results

#: (module, class, method, name in the figures) of the per-frame and per-tick parts timed
PARTS = (
    ("smrtplayer.player.frame_scaler", "FrameScaler", "scale", "frame conversion and scaling"),
    ("smrtplayer.ui.player.video_view", "VideoView", "paintEvent", "video view paint (with conversion)"),
    ("smrtplayer.player.controller", "PlaybackController", "_on_video_frame", "per-frame slot and listeners"),
    ("smrtplayer.player.controller", "PlaybackController", "_on_position", "per-tick slot and listeners"),
)


def _timed(spent: list[float], method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.thread_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[0] += time.thread_time() - began

    return wrapper


def child(data: Path, seconds: float) -> int:
    """Inside the measured process: the app's own window playing the lesson, parts timed."""
    spent: dict[str, list[float]] = {}
    for module, owner, method, name in PARTS:
        cls = getattr(importlib.import_module(module), owner)
        spent[name] = [0.0]
        setattr(cls, method, _timed(spent[name], getattr(cls, method)))

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.ui.shell.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    context = AppContext.open(AppPaths.resolve(data))
    window = MainWindow(context)
    window.show()
    window.start(autoplay=True)
    view, playback = window.video_view, context.playback
    start: dict[str, float] = {}
    poll = QTimer()

    def begin() -> None:
        if view.frames_painted <= 2 or not playback.is_playing():
            return
        poll.stop()
        for value in spent.values():
            value[0] = 0.0
        start.update(wall=time.perf_counter(), gui=time.thread_time(), frames=view.frames_painted)
        print("READY", flush=True)
        QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        wall = time.perf_counter() - start["wall"]
        report = {
            "wall_s": wall,
            "gui_percent": (time.thread_time() - start["gui"]) / wall * 100,
            "frames_painted": view.frames_painted - start["frames"],
            "view_size": [view.width(), view.height()],
            "parts_percent": {name: value[0] / wall * 100 for name, value in spent.items()},
        }
        print("STATS " + json.dumps(report), flush=True)
        window.close()
        app.quit()

    poll.timeout.connect(begin)
    poll.start(20)
    app.exec()
    context.close()
    return 0


def run_child(data: Path, env: dict[str, str], seconds: float) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", str(data), str(seconds)]
    return measure_child(command, env, measure_play=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--play-seconds", type=float, default=60)
    args = parser.parse_args()
    seconds = args.play_seconds
    clip = make_clip(MEDIA / f"bench-1080p30-gop{GOP}-{CLIP_SECONDS}s.mp4")
    mpv = shutil.which("mpv")
    figures: list[Figure] = []
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(dir=RESULTS) as scratch, display() as display_name:
        data = Path(scratch) / "data"
        env = child_env(display_name)
        theirs = round(mpv_play(mpv, clip, display_name, seconds)["cpu_percent"], 1) if mpv else None
        for opening in ("first opening", "second opening"):
            # From the start each time (the first run's resume point would leave less to play).
            prepare_data_dir(data, clip, position_marks(30, CLIP_SECONDS * 1000), 0)
            ours = runs[opening] = run_child(data, env, seconds)
            label = f"{seconds:g} s of 1080p30, {opening}"
            painted = f"{ours['frames_painted']} frames painted"
            figures.append(
                Figure(f"{label}: CPU", round(ours["cpu_percent"], 1), "% of a core", "mpv", theirs, painted)
            )
            figures.append(Figure(f"{label}: GUI thread", round(ours["gui_percent"], 1), "% of a core"))
            for name, share in ours["parts_percent"].items():
                figures.append(Figure(f"{label}: {name}", round(share, 2), "% of a core"))
    write_results("play_cpu", figures, {"runs": runs, "mpv_cpu_percent": theirs})
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.exit(child(Path(sys.argv[2]), float(sys.argv[3])))
    sys.exit(main())
