"""Take the README's screenshots from the real app (run: ``make screenshots``).

Each screen size gets its own X server (Xvfb) with a window manager (openbox, when installed, so the
window is maximized as on a desktop); the app opens on a scratch data folder holding only the bundled
demo course, paused on its first lesson with the body map showing a region's positions, and is
grabbed into docs/screenshots/ in the light and the dark theme, in table mode during a hold, and at
1920×1080. The PNGs are written at the strongest compression Qt has, then through ``optipng`` when it
is installed. The AppStream metainfo of the Debian package lists the README's images
(tools/build_deb.py reads them from the README).

Options: ``--out DIR`` (default docs/screenshots), ``--only NAME`` (repeatable: one shot's name).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is imported only inside the X server's process
    from PySide6.QtWidgets import QWidget

    from smrtplayer.app.context import AppContext

REPO = Path(__file__).resolve().parent.parent
SHOT_TIMEOUT_S = 90


@dataclass(frozen=True)
class Shot:
    name: str  # the file's name without .png
    theme: str  # "light" or "dark"
    table_mode: bool = False


#: screen size -> the shots taken on it (one app start per size)
SCREENS: dict[tuple[int, int], tuple[Shot, ...]] = {
    (1366, 768): (
        Shot("main-light-1366x768", "light"),
        Shot("main-dark-1366x768", "dark"),
        Shot("table-mode-dark-1366x768", "dark", table_mode=True),
    ),
    (1920, 1080): (Shot("main-light-1920x1080", "light"),),
}


# ----------------------------------------------------------------------------------- the X servers
class XServer:
    """Xvfb on a free display number (``-displayfd`` names it), with openbox when installed."""

    def __init__(self, width: int, height: int) -> None:
        read_fd, write_fd = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as answer:
            number = answer.readline().strip()
        if not number:
            self.server.kill()
            raise RuntimeError("Xvfb did not start")
        self.env = {**os.environ, "DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
        self.env.pop("QT_SCALE_FACTOR", None)
        self.manager = None
        if shutil.which("openbox"):
            self.manager = subprocess.Popen(
                ["openbox", "--sm-disable"],
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(0.3)  # openbox takes the screen before the window maps

    def stop(self) -> None:
        for process in (self.manager, self.server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()


def take_all(out: Path, only: set[str]) -> int:
    if shutil.which("Xvfb") is None:
        print("Xvfb is missing: sudo apt-get install xvfb openbox", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for (width, height), shots in SCREENS.items():
        names = [shot.name for shot in shots if not only or shot.name in only]
        if not names:
            continue
        server = XServer(width, height)
        try:
            command = [sys.executable, str(Path(__file__).resolve()), "--shoot", "--out", str(out)]
            command += [argument for name in names for argument in ("--only", name)]
            completed = subprocess.run(command, env=server.env, timeout=SHOT_TIMEOUT_S, check=False)
            failed += completed.returncode != 0
        finally:
            server.stop()
    optimise(out)
    return 1 if failed else 0


def optimise(out: Path) -> None:
    optipng = shutil.which("optipng")
    if optipng is None:
        return
    files = [str(path) for path in sorted(out.glob("*.png"))]
    subprocess.run([optipng, "-quiet", "-o2", *files], check=False)


# ------------------------------------------------------------------------------ inside the X server
def shoot(out: Path, only: set[str]) -> int:
    sys.path.insert(0, str(REPO / "src"))
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtGui import QGuiApplication, QImage
    from PySide6.QtWidgets import QApplication

    from smrtplayer.app.context import AppContext
    from smrtplayer.app.paths import AppPaths
    from smrtplayer.ui.common.theme import theme_manager
    from smrtplayer.ui.shell.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    screen_size = QGuiApplication.primaryScreen().size()
    shots = SCREENS[(screen_size.width(), screen_size.height())]

    def settle(seconds: float, done: Callable[[], bool] = lambda: False) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not done():
            QCoreApplication.processEvents()
            time.sleep(0.02)

    def save(widget: QWidget, name: str) -> None:
        settle(0.4)
        image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        target = out / f"{name}.png"
        if not image.save(str(target), quality=0):  # quality 0: the strongest compression
            raise OSError(f"cannot write {target}")
        print(f"{target} ({image.width()}×{image.height()}, {target.stat().st_size // 1024} KB)")

    with tempfile.TemporaryDirectory() as data:
        context = AppContext.open(AppPaths.resolve(data))
        try:
            theme = theme_manager(context.settings)
            window = MainWindow(context)
            window.showMaximized()
            window.start(autoplay=False)
            playback = context.playback
            settle(8.0, lambda: playback.frames_shown > 0)
            playback.seek(1500)  # past the lesson's first frame: the position's title is on screen
            _show_region(window, "hips-sacrum")
            settle(2.0)  # the seek's frame, and the start's notice fading
            for shot in shots:
                if only and shot.name not in only:
                    continue
                theme.set_choice(shot.theme)
                if shot.table_mode:
                    _shoot_table_mode(context, window, save, shot.name, settle)
                else:
                    save(window, shot.name)
            window.close()
            QTimer.singleShot(0, app.quit)
            settle(0.3)
        finally:
            context.close()
    return 0


def _show_region(window: QWidget, region_id: str) -> None:
    """The index lists a region's positions, as after a click on the body map (when the window has one)."""
    from smrtplayer.ui.index.body_map import BodyMap

    body_map = window.findChild(BodyMap)
    if body_map is not None:
        body_map.region_activated.emit(region_id)


def _shoot_table_mode(
    context: AppContext,
    window: QWidget,
    save: Callable[[QWidget, str], None],
    name: str,
    settle: Callable[[float], None],
) -> None:
    from smrtplayer.ui.holds.table_mode import open_table_mode

    table = open_table_mode(context, None, window)
    context.holds.hold_current_position()
    settle(2.2)  # a couple of seconds into the hold
    save(table, name)
    context.holds.runner.stop()
    table.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--only", action="append", default=[], help="take only this shot (repeatable)")
    parser.add_argument("--shoot", action="store_true", help=argparse.SUPPRESS)  # inside the X server
    args = parser.parse_args(argv)
    if args.shoot:
        return shoot(args.out, set(args.only))
    started = time.monotonic()
    status = take_all(args.out, set(args.only))
    print(f"screenshots taken in {time.monotonic() - started:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
