"""The study player, measured beside mpv on the same 1080p30 H.264 file in the same run.

Figures (medians unless named otherwise; nothing here passes or fails):

* launch -> the resumed lesson on screen: the real ``smrtplayer`` command on a data folder whose last
  lesson stopped at 30 s (written by this checkout, then opened once by the measured command so that
  its own built-in courses are registered), in two kinds of launch, alternated:
  - reopened: the previous launch was closed normally, so the picture at the resume point was kept;
    timed until the start window logs "resume picture shown" and, in the same launch, until the video
    view logs "first frame shown" (the decoded frame);
  - nothing kept: the resume point is written again before the launch (as a sync or a command would),
    so the database is not as the last close left it and the start waits for the decoded frame; once
    playing, as users reopen, and once with ``--paused``, which closes at 30 s, so that the reopened
    launch after it resumes at 30 s too (on the same keyframe as mpv's ``--start=30``).
  mpv: ``mpv --no-audio --start=30`` until it logs "first video frame after restart shown".
* 60 s of playing: frames dropped (frames due for the media time played minus distinct frames painted;
  mpv: its decoder and output drop counters), CPU % of one core, and peak RSS.
* seek to a position mark -> that frame shown, p50/p95, while playing, on a file with a keyframe every
  2 s; mpv: ``seek <t> absolute+exact`` until its ``playback-restart`` event.
* jump to a position (``jump_to``, as the index and the indexing table do) -> the cached picture of
  its first frame painted, p50/p95 (the view repaints it within the jump; without a picture, the
  decoded frame counts), beside the decoded frame of the same jumps in the same run (the seek
  figure above, measured again); the pictures are grabbed before the first jump.
* one position save on the GUI thread (resume point + played spans, one SQLite transaction with
  synchronous=FULL), p50/p95.

Beside them the floor, ``bare_player.py``: the least a PySide6 player does to show its first frame
(QApplication, a QWidget, QMediaPlayer + QVideoSink, ``QVideoFrame.paint``), and Qt Multimedia decoding
the 60 s alone, unpainted; so a ratio to mpv can be split into what Python + Qt Multimedia cost by
themselves and what smrtplayer adds.

All players draw into a real X window under Xvfb when it is installed (smrtplayer: Qt xcb + QPainter;
mpv: ``--vo=x11``, software scaling); otherwise smrtplayer runs offscreen and mpv uses ``--vo=null``.
The clip is generated with PyAV (textured, moving, ~8 Mbit/s) and cached in benchmarks/results/media.

    .venv/bin/python benchmarks/bench_playback.py [--runs 7] [--play-seconds 60] [--seeks 30]
    .venv/bin/python benchmarks/bench_playback.py --only jump     # just the position-jump figures
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, RESULTS, Figure, median, p95, user_env, write_results

MEDIA = RESULTS / "media"
CLIP_SECONDS = 95
FPS = 30
GOP = 2 * FPS  # a keyframe every 2 s
RESUME_MS = 30_000
MARK_SEED = 7


# ---------------------------------------------------------------------------------------- media
def make_clip(path: Path) -> Path:
    """1080p30 H.264, yuv420p, keyframe every 2 s, moving texture so the decoder has real work."""
    if path.is_file():
        return path
    import av
    import numpy as np

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.mp4")
    rng = np.random.default_rng(1)
    tile = rng.integers(0, 255, size=(270, 480, 3), dtype=np.uint8)
    texture = np.repeat(np.repeat(tile, 4, axis=0), 4, axis=1)  # 1080x1920, blocky detail
    ramp = np.linspace(0, 90, 1920, dtype=np.float32)[None, :, None]
    with av.open(str(partial), "w", options={"movflags": "+faststart"}) as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
        stream.codec_context.time_base = Fraction(1, FPS)
        stream.options = {"preset": "veryfast", "g": str(GOP), "keyint_min": str(GOP), "crf": "26"}
        for index in range(CLIP_SECONDS * FPS):
            shifted = np.roll(texture, (index * 3, index * 5), axis=(0, 1))
            image = (shifted.astype(np.float32) * 0.6 + ramp + (index % 90)).clip(0, 255).astype(np.uint8)
            x = 100 + (index * 11) % 1600
            image[400:700, x : x + 120] = 255
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    partial.replace(path)
    return path


def position_marks(count: int, duration_ms: int) -> list[int]:
    rng = random.Random(MARK_SEED)
    return sorted(rng.randrange(2_000, duration_ms - 8_000) for _ in range(count))


def prepare_data_dir(data: Path, clip: Path, marks: list[int], resume_ms: int) -> None:
    """A data folder with one course holding the clip, its positions, and a resume point."""
    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.library.fingerprint import lesson_fingerprint
    from smrtplayer.models.library import NewCourse, NewLesson, NewPosition
    from smrtplayer.models.settings import AUTOPLAY_NEXT_S

    course_dir = data.parent / "course"
    course_dir.mkdir(parents=True, exist_ok=True)
    target = course_dir / "01 - Bench 1080p.mp4"
    if not target.exists():
        os.link(clip, target) if clip.stat().st_dev == course_dir.stat().st_dev else shutil.copy(clip, target)
    fingerprint = lesson_fingerprint(target)
    bounds = [*marks, CLIP_SECONDS * 1000]
    positions = tuple(
        NewPosition(title=f"Position {i + 1}", start_ms=start, end_ms=max(start + 500, bounds[i + 1]))
        for i, start in enumerate(marks)
    )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([])
    context = AppContext.open(AppPaths.resolve(data))
    try:
        context.courses.save(
            NewCourse(
                uid="bench-1080p",
                title="Bench 1080p",
                kind="linked",
                root_path=course_dir,
                lessons=(
                    NewLesson(
                        section_title="Bench",
                        title="Bench 1080p",
                        rel_path=target.name,
                        fingerprint=fingerprint,
                        size_bytes=target.stat().st_size,
                        positions=positions,
                    ),
                ),
            )
        )
        context.progress.save_position(fingerprint, resume_ms, CLIP_SECONDS * 1000)
        context.settings.set(AUTOPLAY_NEXT_S, 0)
    finally:
        context.close()


def register_builtin_courses(app: list[str], data: Path, env: dict[str, str]) -> None:
    """Let the measured installation register its own built-in courses in a prepared data folder.

    ``prepare_data_dir`` opens the folder with this checkout's code, which registers the demo course
    from this checkout's ``courses/`` and stamps it so. Another installation (the frozen bundle) finds
    the stamp not its own and registers its demo course again before its first frame (~100 ms): a
    cost paid once when a user changes installations, which would otherwise count in every launch.
    """
    subprocess.run(
        [*app, "--data-dir", str(data), "courses", "--json"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=60,
    )


# ------------------------------------------------------------------------------------- display
@contextlib.contextmanager
def display() -> Iterator[str | None]:
    """A private Xvfb display, or None (offscreen) when Xvfb is not installed."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        yield None
        return
    number = next(n for n in range(140, 240) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def child_env(display_name: str | None) -> dict[str, str]:
    env = {k: v for k, v in user_env().items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    if display_name:
        env["DISPLAY"] = display_name
        env["QT_QPA_PLATFORM"] = "xcb"
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def mpv_vo(display_name: str | None) -> str:
    return "--vo=x11" if display_name else "--vo=null"


# ------------------------------------------------------------------------------- /proc probes
def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def end(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


# ------------------------------------------------------------------------ launch -> first frame
LOGGED_PICTURE = "resume picture shown"
LOGGED_FRAME = "first frame shown"


def smrtplayer_launch(data: Path, env: dict[str, str], app: list[str], *options: str) -> dict[str, float]:
    """Launch to the kept picture (when one is shown) and to the first decoded frame, in ms."""
    log_file = data / "logs" / "smrtplayer.log"
    log_file.unlink(missing_ok=True)
    stamps: dict[str, float] = {}
    with tempfile.TemporaryFile("w+") as errors:
        started = time.time()
        process = subprocess.Popen(
            [*app, "--data-dir", str(data), *options],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and process.poll() is None:
                text = log_file.read_text(errors="replace") if log_file.exists() else ""
                for line in text.splitlines():
                    for what in (LOGGED_PICTURE, LOGGED_FRAME):
                        if what in line and what not in stamps:
                            stamp = datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
                            stamps[what] = (stamp - started) * 1000
                if LOGGED_FRAME in stamps:
                    return stamps
                time.sleep(0.01)
            errors.seek(0)
            raise RuntimeError(f"smrtplayer showed no frame (exit {process.poll()}): {errors.read()[-2000:]}")
        finally:
            end(process)


def mpv_launch(mpv: str, clip: Path, display_name: str | None) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [
            mpv,
            "--no-config",
            "--no-audio",
            f"--start={RESUME_MS / 1000:g}",
            mpv_vo(display_name),
            "--autofit=1100x620",
            "--msg-level=all=no,cplayer=v",
            str(clip),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=child_env(display_name),
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if "first video frame after restart shown" in line:
                return (time.perf_counter() - started) * 1000
        raise RuntimeError("mpv showed no frame")
    finally:
        end(process)


BARE = Path(__file__).resolve().parent / "bare_player.py"


STILL = Path(__file__).resolve().parent / "still_window.py"


def still_launch(picture: Path, env: dict[str, str]) -> float:
    """A QtGui window painting the resume point's picture (still_window.py), launch to paint."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, str(STILL), str(picture)], env=env, capture_output=True, text=True, timeout=60
    )
    for line in result.stdout.splitlines():
        if line.startswith("FIRST "):
            return (float(line.split()[1]) - started) * 1000
    raise RuntimeError(f"the still window painted nothing: {result.stderr[-2000:]}")


def resume_picture(clip: Path, target: Path) -> Path:
    """The frame at the resume point as a 960-wide JPEG, as the app keeps a position's first frame."""
    if not target.exists():
        subprocess.run(
            [
                *("ffmpeg", "-y", "-loglevel", "error", "-ss", f"{RESUME_MS / 1000:g}", "-i", str(clip)),
                *("-frames:v", "1", "-vf", "scale=960:-2", str(target)),
            ],
            check=True,
        )
    return target


def bare_launch(clip: Path, env: dict[str, str]) -> float:
    """The floor: a bare PySide6 player (bare_player.py) from launch to its first painted frame."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, str(BARE), "launch", str(clip), str(RESUME_MS)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    for line in result.stdout.splitlines():
        if line.startswith("FIRST "):
            return (float(line.split()[1]) - started) * 1000
    raise RuntimeError(f"the bare player showed no frame: {result.stderr[-2000:]}")


# ------------------------------------------------------------------------ child: the real window
def child(mode: str, data: Path, seconds: float, seeks: int) -> int:
    """Runs inside the measured process: the app's own window, driven from here."""
    from common import start_as_the_app_does

    start_as_the_app_does()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.ui.shell.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    context = AppContext.open(AppPaths.resolve(data))
    window = MainWindow(context)
    window.show()
    playback, view = context.playback, window.video_view
    report: dict[str, Any] = {}

    def say(line: str) -> None:
        print(line, flush=True)

    if mode == "save":
        lesson = context.library.lessons(context.library.courses()[0].id)[0]
        playback.open_lesson(lesson, autoplay=True, start_ms=0)

        def measure_saves() -> None:
            for start in range(0, 40_000, 2_000):  # a realistic history: 20 separate spans
                playback._tracker.played(start)
                playback._tracker.played(start + 900)
                playback._tracker.interrupt()
            costs = []
            for _ in range(200):
                began = time.perf_counter()
                playback.save_position()
                costs.append((time.perf_counter() - began) * 1000)
            report["save_ms"] = costs
            finish()

        QTimer.singleShot(1500, measure_saves)
    elif mode == "play":
        window.start(autoplay=True)
        state: dict[str, Any] = {}
        poll = QTimer()

        def check_ready() -> None:
            if view.frames_painted > 2 and playback.is_playing():
                poll.stop()
                state.update(
                    t0=time.perf_counter(),
                    p0=playback.position_ms(),
                    f0=view.frames_painted,
                    r0=playback.frames_shown,
                )
                say("READY")
                QTimer.singleShot(int(seconds * 1000), done_playing)

        def done_playing() -> None:
            report.update(
                wall_s=time.perf_counter() - state["t0"],
                media_ms=playback.position_ms() - state["p0"],
                frames_painted=view.frames_painted - state["f0"],
                frames_received=playback.frames_shown - state["r0"],
                view_size=[view.width(), view.height()],
            )
            finish()

        poll.timeout.connect(check_ready)
        poll.start(20)
    elif mode == "seek":
        window.start(autoplay=True)
        marks = [p.start_ms for p in playback.positions][:seeks]
        costs: list[float] = []
        pending: dict[str, Any] = {"index": -1, "target": None}
        poll = QTimer()

        def next_seek() -> None:
            pending["index"] += 1
            if pending["index"] >= len(marks):
                poll.stop()
                report["seek_ms"] = costs
                finish()
                return
            pending["target"] = marks[pending["index"]]
            pending["began"] = time.perf_counter()
            playback.seek(pending["target"])

        def check_shown() -> None:
            target = pending["target"]
            if pending["index"] < 0:
                if view.frames_painted > 2:
                    next_seek()
            elif target is not None and 0 <= view.painted_frame_ms - target + 40 <= 600:
                costs.append((time.perf_counter() - pending["began"]) * 1000)
                pending["target"] = None
                QTimer.singleShot(250, next_seek)

        poll.timeout.connect(check_shown)
        poll.start(1)

    elif mode == "jump":
        window.start(autoplay=True)
        marks = [p.start_ms for p in playback.positions][:seeks]
        frames = playback.position_frames
        still_costs: list[float] = []
        frame_costs: list[float] = []
        jump: dict[str, Any] = {"index": -1, "target": None}
        poll = QTimer()

        def cached() -> bool:
            lesson = playback.lesson
            return (
                frames is not None
                and lesson is not None
                and all(frames.has_image(lesson.fingerprint, mark) for mark in marks)
            )

        def next_jump() -> None:
            jump["index"] += 1
            if jump["index"] >= len(marks):
                poll.stop()
                report.update(jump_still_ms=still_costs, jump_frame_ms=frame_costs)
                finish()
                return
            jump.update(target=marks[jump["index"]], stills=view.stills_painted, still_seen=False)
            jump["began"] = time.perf_counter()
            playback.jump_to(jump["target"])

        def still_on_screen() -> None:
            if jump["target"] is not None and not jump["still_seen"]:
                jump["still_seen"] = True
                still_costs.append((time.perf_counter() - jump["began"]) * 1000)

        def check_jump() -> None:
            target = jump["target"]
            if jump["index"] < 0:
                if view.frames_painted > 2 and cached():
                    next_jump()
                return
            if target is None:
                return
            elapsed = (time.perf_counter() - jump["began"]) * 1000
            if 0 <= view.painted_frame_ms - target + 40 <= 600:
                if not jump["still_seen"]:  # no picture was ready: the decoded frame came first
                    still_costs.append(elapsed)
                frame_costs.append(elapsed)
                jump["target"] = None
                QTimer.singleShot(250, next_jump)

        view.still_painted.connect(still_on_screen)
        poll.timeout.connect(check_jump)
        poll.start(1)

    def finish() -> None:
        say("STATS " + json.dumps(report))
        window.close()
        app.quit()

    app.exec()
    context.close()
    return 0


def run_child(
    mode: str, data: Path, env: dict[str, str], seconds: float = 0, seeks: int = 0, measure_play: bool = False
) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", mode, str(data), str(seconds), str(seeks)]
    return measure_child(command, env, measure_play)


def measure_child(command: list[str], env: dict[str, str], measure_play: bool) -> dict[str, Any]:
    """Run a child that prints READY then STATS {json}; add its CPU between the two and its peak RSS."""
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    cpu0 = 0.0
    result: dict[str, Any] = {}
    try:
        for line in process.stdout:
            if line.startswith("READY"):
                cpu0 = cpu_seconds(process.pid)
            elif line.startswith("STATS "):
                result = json.loads(line[6:])
                if measure_play:
                    result["cpu_percent"] = (cpu_seconds(process.pid) - cpu0) / result["wall_s"] * 100
                result["peak_rss_mib"] = peak_rss_mib(process.pid)
                break
    finally:
        process.wait(30)
        end(process)
    return result


# ------------------------------------------------------------------------------------ mpv runs
class MpvIpc:
    def __init__(self, path: Path) -> None:
        deadline = time.monotonic() + 10
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        self.sock = socket.socket(socket.AF_UNIX)
        self.sock.connect(str(path))
        self.buffer = b""

    def send(self, *command: Any) -> None:
        self.sock.sendall(json.dumps({"command": list(command)}).encode() + b"\n")

    def messages(self) -> Iterator[dict[str, Any]]:
        while True:
            while b"\n" not in self.buffer:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\n", 1)
            yield json.loads(line)

    def get(self, name: str) -> Any:
        self.send("get_property", name)
        for message in self.messages():
            if "error" in message and "event" not in message:
                return message.get("data")
        return None

    def wait_event(self, name: str) -> None:
        for message in self.messages():
            if message.get("event") == name:
                return


def mpv_process(
    mpv: str, clip: Path, display_name: str | None, sock: Path, *extra: str
) -> subprocess.Popen[Any]:
    return subprocess.Popen(
        [
            mpv,
            "--no-config",
            "--no-audio",
            mpv_vo(display_name),
            "--autofit=1100x620",
            "--keep-open=yes",
            f"--input-ipc-server={sock}",
            "--msg-level=all=no",
            *extra,
            str(clip),
        ],
        env=child_env(display_name),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def mpv_play(mpv: str, clip: Path, display_name: str | None, seconds: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        sock = Path(scratch) / "mpv.sock"
        process = mpv_process(mpv, clip, display_name, sock)
        try:
            ipc = MpvIpc(sock)
            while not ipc.get("time-pos"):
                time.sleep(0.02)
            time.sleep(0.1)
            cpu0, t0 = cpu_seconds(process.pid), time.perf_counter()
            p0 = float(ipc.get("time-pos"))
            drops0 = (ipc.get("frame-drop-count") or 0) + (ipc.get("decoder-frame-drop-count") or 0)
            time.sleep(seconds)
            wall = time.perf_counter() - t0
            cpu = (cpu_seconds(process.pid) - cpu0) / wall * 100
            media_ms = (float(ipc.get("time-pos")) - p0) * 1000
            drops = (ipc.get("frame-drop-count") or 0) + (ipc.get("decoder-frame-drop-count") or 0) - drops0
            return {
                "cpu_percent": cpu,
                "media_ms": media_ms,
                "dropped": drops,
                "peak_rss_mib": peak_rss_mib(process.pid),
                "wall_s": wall,
            }
        finally:
            end(process)


def mpv_seeks(mpv: str, clip: Path, display_name: str | None, marks: list[int]) -> list[float]:
    with tempfile.TemporaryDirectory() as scratch:
        sock = Path(scratch) / "mpv.sock"
        process = mpv_process(mpv, clip, display_name, sock)
        try:
            ipc = MpvIpc(sock)
            while not ipc.get("time-pos"):
                time.sleep(0.02)
            costs = []
            for mark in marks:
                time.sleep(0.25)
                began = time.perf_counter()
                ipc.send("seek", mark / 1000, "absolute+exact")
                ipc.wait_event("playback-restart")
                costs.append((time.perf_counter() - began) * 1000)
            return costs
        finally:
            end(process)


# ------------------------------------------------------------------------------------------ main
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="launches of each player")
    parser.add_argument("--play-seconds", type=float, default=60)
    parser.add_argument("--seeks", type=int, default=30)
    parser.add_argument("--only", choices=["launch", "play", "seek", "jump", "save"], action="append")
    parser.add_argument("--app", default=None, help="launch this command (e.g. the frozen bundle) instead")
    args = parser.parse_args()
    app = args.app.split() if args.app else [sys.executable, "-m", "smrtplayer"]
    parts = set(args.only or ["launch", "play", "seek", "jump", "save"])
    mpv = shutil.which("mpv")
    clip = make_clip(MEDIA / f"bench-1080p30-gop{GOP}-{CLIP_SECONDS}s.mp4")
    marks = position_marks(args.seeks, CLIP_SECONDS * 1000)
    figures: list[Figure] = []
    extra: dict[str, Any] = {
        "clip": {
            "path": str(clip.relative_to(REPO)),
            "bytes": clip.stat().st_size,
            "seconds": CLIP_SECONDS,
            "fps": FPS,
            "gop": GOP,
        }
    }
    with tempfile.TemporaryDirectory(dir=RESULTS) as scratch, display() as display_name:
        extra["display"] = "Xvfb (xcb / mpv --vo=x11)" if display_name else "offscreen / mpv --vo=null"
        data = Path(scratch) / "data"
        env = child_env(display_name)
        if "launch" in parts:
            prepare_data_dir(data, clip, marks, RESUME_MS)
            register_builtin_courses(app, data, env)
            smrtplayer_launch(data, env, app)  # not counted: writes the bytecode cache, warms the disk cache
            if mpv:
                mpv_launch(mpv, clip, display_name)
            bare_launch(clip, env)
            picture = resume_picture(clip, MEDIA / f"{clip.stem}-at-{RESUME_MS}ms.jpg")
            still_launch(picture, env)
            reopened_picture, reopened_frame, cold, cold_paused = [], [], [], []
            theirs, floor, still = [], [], []
            for _ in range(args.runs):
                # Nothing kept: the resume point written again (30 s), as a sync or a command would.
                prepare_data_dir(data, clip, marks, RESUME_MS)
                register_builtin_courses(app, data, env)
                cold.append(smrtplayer_launch(data, env, app)[LOGGED_FRAME])
                # The same, opened paused, so that it closes at 30 s too: a launch resumed a few frames
                # past a keyframe decodes those frames first (~30 ms more here), whatever else it does.
                prepare_data_dir(data, clip, marks, RESUME_MS)
                register_builtin_courses(app, data, env)
                cold_paused.append(smrtplayer_launch(data, env, app, "--paused")[LOGGED_FRAME])
                # Reopened: that launch was closed normally and kept the picture where it stopped
                # (paused at 30 s, and so paused again, as it was left).
                stamps = smrtplayer_launch(data, env, app)
                if LOGGED_PICTURE not in stamps:
                    raise RuntimeError("the reopened launch showed no kept picture")
                reopened_picture.append(stamps[LOGGED_PICTURE])
                reopened_frame.append(stamps[LOGGED_FRAME])
                floor.append(bare_launch(clip, env))
                still.append(still_launch(picture, env))
                if mpv:
                    theirs.append(mpv_launch(mpv, clip, display_name))
            extra["launch_ms"] = {
                "smrtplayer_reopened_picture": reopened_picture,
                "smrtplayer_reopened_decoded_frame": reopened_frame,
                "smrtplayer_nothing_kept": cold,
                "smrtplayer_nothing_kept_paused": cold_paused,
                "mpv": theirs,
                "bare_pyside6": floor,
                "qtgui_still": still,
            }
            suffix = f" ({args.app})" if args.app else ""
            peer = ("mpv --no-audio --start=30" if mpv else None, round(median(theirs)) if theirs else None)
            figures += [
                Figure(
                    "launch -> picture at the resume point (reopened)" + suffix,
                    round(median(reopened_picture)),
                    "ms",
                    *peer,
                ),
                Figure(
                    "launch -> first decoded frame (reopened)" + suffix,
                    round(median(reopened_frame)),
                    "ms",
                    *peer,
                ),
                Figure(
                    "launch -> first decoded frame (nothing kept, paused)" + suffix,
                    round(median(cold_paused)),
                    "ms",
                    *peer,
                ),
                Figure(
                    "launch -> first decoded frame (nothing kept)" + suffix, round(median(cold)), "ms", *peer
                ),
            ]
            figures.append(
                Figure(
                    "floor: bare PySide6 player, launch -> first frame at 30 s",
                    round(median(floor)),
                    "ms",
                    "mpv --no-audio --start=30" if mpv else None,
                    round(median(theirs)) if theirs else None,
                    note="bare_player.py: QApplication + QWidget + QMediaPlayer/QVideoSink, nothing else",
                )
            )
            figures.append(
                Figure(
                    "a QtGui window painting the picture at 30 s, launch -> painted",
                    round(median(still)),
                    "ms",
                    "mpv --no-audio --start=30" if mpv else None,
                    round(median(theirs)) if theirs else None,
                    note="still_window.py: QGuiApplication + QRasterWindow + a 960-wide JPEG, nothing else",
                )
            )
        if "seek" in parts:
            prepare_data_dir(data, clip, marks, 0)
            ours = run_child("seek", data, env, seeks=args.seeks).get("seek_ms", [])
            theirs = mpv_seeks(mpv, clip, display_name, marks) if mpv else []
            extra["seek_ms"] = {"smrtplayer": ours, "mpv": theirs}
            for name, pick in (("p50", median), ("p95", p95)):
                figures.append(
                    Figure(
                        f"seek to position mark -> frame shown {name}",
                        round(pick(ours)),
                        "ms",
                        "mpv seek absolute+exact" if theirs else None,
                        round(pick(theirs)) if theirs else None,
                    )
                )
        if "jump" in parts:
            prepare_data_dir(data, clip, marks, 0)
            jumps = run_child("jump", data, env, seeks=args.seeks)
            stills, decoded = jumps.get("jump_still_ms", []), jumps.get("jump_frame_ms", [])
            extra["jump_ms"] = {"cached_picture": stills, "decoded_frame": decoded}
            for name, pick in (("p50", median), ("p95", p95)):
                figures.append(
                    Figure(
                        f"jump to position -> cached first frame shown {name}",
                        round(pick(stills)),
                        "ms",
                        "decoded frame of the same jumps",
                        round(pick(decoded)),
                    )
                )
        if "play" in parts:
            prepare_data_dir(data, clip, marks, 0)
            ours = run_child("play", data, env, seconds=args.play_seconds, measure_play=True)
            due = ours["media_ms"] * FPS / 1000
            ours["dropped"] = max(0, round(due - ours["frames_painted"]))
            theirs = mpv_play(mpv, clip, display_name, args.play_seconds) if mpv else {}
            decode_only = [sys.executable, str(BARE), "decode", str(clip), str(args.play_seconds)]
            bare = measure_child(decode_only, env, measure_play=True)
            extra["play"] = {"smrtplayer": ours, "mpv": theirs, "bare_pyside6": bare}
            label = f"{args.play_seconds:g} s of 1080p30"
            figures += [
                Figure(
                    f"{label}: frames dropped",
                    ours["dropped"],
                    "frames",
                    "mpv" if theirs else None,
                    theirs.get("dropped"),
                    note=f"{ours['frames_painted']} painted of {round(due)} due",
                ),
                Figure(
                    f"{label}: CPU",
                    round(ours["cpu_percent"], 1),
                    "% of a core",
                    "mpv" if theirs else None,
                    round(theirs["cpu_percent"], 1) if theirs else None,
                ),
                Figure(
                    f"{label}: peak RSS",
                    round(ours["peak_rss_mib"]),
                    "MiB",
                    "mpv" if theirs else None,
                    round(theirs["peak_rss_mib"]) if theirs else None,
                ),
                Figure(
                    f"floor: Qt Multimedia decoding alone, {label}: CPU",
                    round(bare["cpu_percent"], 1),
                    "% of a core",
                    "mpv" if theirs else None,
                    round(theirs["cpu_percent"], 1) if theirs else None,
                    note=f"bare_player.py decode: {bare['frames_received']} frames received, none painted",
                ),
                Figure(
                    f"floor: Qt Multimedia decoding alone, {label}: peak RSS",
                    round(bare["peak_rss_mib"]),
                    "MiB",
                    "mpv" if theirs else None,
                    round(theirs["peak_rss_mib"]) if theirs else None,
                ),
            ]
        if "save" in parts:
            prepare_data_dir(data, clip, marks, 0)
            costs = run_child("save", data, child_env(None)).get("save_ms", [])
            extra["save_ms"] = costs
            figures += [
                Figure("position save on the GUI thread p50", round(median(costs), 2), "ms"),
                Figure("position save on the GUI thread p95", round(p95(costs), 2), "ms"),
            ]
    if args.only:  # a partial run refreshes its own figures and keeps the others
        figures, extra = merge_previous(figures, extra)
    write_results("playback", figures, extra)
    return 0


def merge_previous(figures: list[Figure], extra: dict[str, Any]) -> tuple[list[Figure], dict[str, Any]]:
    previous_path = RESULTS / "playback.json"
    if not previous_path.is_file():
        return figures, extra
    previous = json.loads(previous_path.read_text())
    fresh = {figure.metric for figure in figures}
    kept = [
        Figure(**{k: v for k, v in figure.items() if k != "ratio"})
        for figure in previous.get("figures", [])
        if figure["metric"] not in fresh
    ]
    old_extra = {k: v for k, v in previous.items() if k not in ("name", "machine", "figures")}
    return kept + figures, {**old_extra, **extra}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        raise SystemExit(child(sys.argv[2], Path(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])))
    raise SystemExit(main())
