"""Start-up cost: ``smrtplayer self-test`` (launch, open the database, play 1 s of the demo, exit).

Figures: wall time of the whole self-test, the time from giving the file to the player to its first
decoded frame, and the process's peak RSS; beside them ``mpv --no-audio --vo=null`` decoding the
same lesson's first frame (if mpv is installed), and the floor: ``bare_player.py frame``, the least a
PySide6 program does to decode that frame (QApplication + QMediaPlayer + QVideoSink). Medians of --runs
runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, Figure, median, run_measured, user_env, write_results

DEMO_LESSON = REPO / "courses" / "demo" / "01 - Gluteus medius.mp4"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--app", default=None, help="command to run instead of this venv's smrtplayer")
    args = parser.parse_args()
    app = args.app.split() if args.app else [sys.executable, "-m", "smrtplayer"]
    walls, rss, first_frames, launch_to_frame = [], [], [], []
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        env = user_env()
        run_measured([*app, "--data-dir", str(data), "courses"], env)  # create the database once
        run_measured([*app, "--data-dir", str(data), "self-test", "--json"], env)  # warm-up, not counted
        for _ in range(args.runs):
            result = run_measured([*app, "--data-dir", str(data), "self-test", "--json"], env)
            report = json.loads(result.stdout)
            if result.returncode != 0:
                print(json.dumps(report, indent=2), file=sys.stderr)
                return 1
            playback = next(check for check in report["checks"] if check["name"] == "playback")
            walls.append(result.wall_s * 1000)
            rss.append(result.peak_rss_kb / 1024)
            first_frames.append(playback["first_frame_ms"])
            launch_to_frame.append((playback["first_frame_at"] - result.started_at) * 1000)
    floor_rss = []
    for _ in range(args.runs):
        bare = [sys.executable, str(Path(__file__).resolve().parent / "bare_player.py")]
        floor_rss.append(run_measured([*bare, "frame", str(DEMO_LESSON)], user_env()).peak_rss_kb / 1024)
    mpv = shutil.which("mpv")
    mpv_walls, mpv_rss = [], []
    if mpv:
        for _ in range(args.runs):
            result = run_measured(
                [mpv, "--no-config", "--no-audio", "--vo=null", "--frames=1", str(DEMO_LESSON)]
            )
            mpv_walls.append(result.wall_s * 1000)
            mpv_rss.append(result.peak_rss_kb / 1024)
    figures = [
        Figure("self-test wall time (launch..exit)", round(median(walls)), "ms"),
        Figure(
            "launch to first decoded frame",
            round(median(launch_to_frame)),
            "ms",
            "mpv launch..first frame..exit" if mpv else None,
            round(median(mpv_walls)) if mpv_walls else None,
            note="smrtplayer also opens and checks its database and registers the demo course first",
        ),
        Figure("setSource to first decoded frame", round(median(first_frames), 1), "ms"),
        Figure(
            "self-test peak RSS",
            round(median(rss)),
            "MiB",
            "mpv" if mpv else None,
            round(median(mpv_rss)) if mpv_rss else None,
        ),
        Figure(
            "floor: bare PySide6 player decoding the first frame, peak RSS",
            round(median(floor_rss)),
            "MiB",
            "mpv" if mpv else None,
            round(median(mpv_rss)) if mpv_rss else None,
            note="bare_player.py frame: QApplication + QMediaPlayer + QVideoSink, nothing else",
        ),
    ]
    write_results("startup", figures, {"runs": args.runs})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
