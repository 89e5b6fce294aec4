"""A DVD title played as one stream across its VOB parts, beside its first part played alone.

Figures (nothing here passes or fails):

* the title's duration as the player reports it, beside the IFO's; peer: the first part opened alone
  (what a lesson per part showed before titles were read);
* seek -> the start of the frame then on screen, minus the seek target (p50/p95 over seeks spread
  over the title); peer: the same kind of seeks inside the first part opened alone. MPEG program
  streams have no index: a seek lands on a keyframe, so this is about one GOP at worst, cut or not;
* frames shown while playing 3 s across the cut, beside the frames due at 25 fps.

The disc is authored with dvdauthor (tests/helpers/dvd.py) and its title split at a sector boundary.

    .venv/bin/python benchmarks/bench_dvd.py [--seeks 20]
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent / "tests"))  # after benchmarks/: its common

from common import Figure, median, p95, write_results

SEED = 5


def wait_until(app: object, predicate: Callable[[], bool], timeout_s: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        if predicate():
            return True
        time.sleep(0.005)
    return False


def seek_offsets(app: object, playback: object, targets: list[int]) -> list[float]:
    offsets = []
    for target in targets:
        shown = playback.frames_shown  # type: ignore[attr-defined]
        playback.seek(target)  # type: ignore[attr-defined]
        wait_until(app, lambda shown=shown: playback.frames_shown > shown)  # type: ignore[attr-defined]
        wait_until(app, lambda: False, timeout_s=0.3)  # the frame at the target, after any on the way
        offsets.append(playback.frame_start_ms() - target)  # type: ignore[attr-defined]
    return offsets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeks", type=int, default=20)
    args = parser.parse_args()
    faulthandler.dump_traceback_later(300, exit=True)  # a hung player must not hang the run

    from PySide6.QtWidgets import QApplication

    from helpers.dvd import author_dvd
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths

    app = QApplication([])
    work = Path(tempfile.mkdtemp(prefix="bench-dvd-"))
    dvd = author_dvd(work / "authored")
    video_ts = dvd.copy_to(work)
    context = AppContext.open(AppPaths.resolve(work / "data"))
    title_report = context.library.import_course(video_ts, mode="link")
    [title] = context.library.lessons(title_report.course_id)
    boundary_ms = title.title_parts[0].duration_us // 1000
    playback = context.playback
    generator = random.Random(SEED)

    playback.open_lesson(title, autoplay=False, start_ms=0)
    wait_until(app, lambda: playback.frames_shown > 0 and playback.duration_ms() > 0)
    title_duration = playback.duration_ms()
    title_targets = [generator.randrange(500, dvd.duration_ms - 1500) for _ in range(args.seeks)]
    title_offsets = seek_offsets(app, playback, title_targets)
    playback.seek(boundary_ms - 1500)
    wait_until(app, lambda: False, timeout_s=0.5)
    frames_before, started = playback.frames_shown, playback.position_ms()
    playback.play()
    wait_until(app, lambda: playback.position_ms() > boundary_ms + 1500, timeout_s=15)
    playback.pause()
    played_ms = playback.position_ms() - started
    frames_across = playback.frames_shown - frames_before

    # The peer: the first part alone, as a lesson of its own (the disc's chapters unread).
    (video_ts / "VTS_01_0.IFO").unlink()
    (video_ts / "VTS_01_0.BUP").unlink()
    context.library.remove_course(title_report.course_id)
    parts_report = context.library.import_course(video_ts, mode="link")
    first_part = context.library.lessons(parts_report.course_id)[0]
    playback.open_lesson(first_part, autoplay=False, start_ms=0)
    wait_until(app, lambda: playback.frames_shown > 0 and playback.duration_ms() > 0)
    part_duration = playback.duration_ms()
    part_targets = [generator.randrange(500, boundary_ms - 1500) for _ in range(args.seeks)]
    part_offsets = seek_offsets(app, playback, part_targets)

    figures = [
        Figure(
            "title duration reported",
            title_duration,
            "ms",
            "first part alone",
            part_duration,
            note=f"IFO: {dvd.duration_ms} ms; cut at {boundary_ms} ms",
        ),
        Figure(
            "seek -> frame start minus target p50",
            median(title_offsets),
            "ms",
            "first part alone",
            median(part_offsets),
        ),
        Figure(
            "seek -> frame start minus target p95",
            p95(title_offsets),
            "ms",
            "first part alone",
            p95(part_offsets),
        ),
        Figure(
            "frames shown across the cut",
            frames_across,
            "frames",
            "due at 25 fps",
            round(played_ms * 25 / 1000),
            note=f"over {played_ms} ms of playing",
        ),
    ]
    write_results("dvd", figures)
    sys.stdout.flush()
    os._exit(0)  # no player teardown at exit: stopping one from Python is where QtMultimedia hangs


if __name__ == "__main__":
    main()
