"""A real X server for end-to-end tests, and a screen grab that sees real video pixels."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

GRAB_SCRIPT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = QGuiApplication.primaryScreen().grabWindow(0)
sys.exit(0 if image.save(sys.argv[1]) else 1)
"""


class Xvfb:
    def __init__(self, width: int = 1280, height: int = 800) -> None:
        self.width, self.height = width, height
        self.process: subprocess.Popen[bytes] | None = None
        self.display = ""

    @staticmethod
    def available() -> bool:
        return shutil.which("Xvfb") is not None

    def start(self) -> Xvfb:
        # A random display number rather than the first free one: X's abstract sockets are shared by
        # everything in the same network namespace, so two runs side by side would otherwise pick
        # the same low number and one app could end up on the other run's server.
        chooser = random.Random()
        for _attempt in range(20):
            if self._try_start(chooser.randrange(100, 30000)):
                return self
        raise RuntimeError("Xvfb did not start on any of 20 display numbers")

    def _try_start(self, number: int) -> bool:
        read_fd, write_fd = os.pipe()
        process = subprocess.Popen(
            [
                "Xvfb",
                f":{number}",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{self.width}x{self.height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as reader:
            ready = reader.readline().strip()  # written once the server accepts clients
        if ready != str(number):
            process.kill()
            process.wait()
            return False
        self.process = process
        self.display = f":{number}"
        return True

    def env(self) -> dict[str, str]:
        environment = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
        environment["DISPLAY"] = self.display
        environment["QT_QPA_PLATFORM"] = "xcb"
        return environment

    def grab(self, destination: Path) -> Path:
        subprocess.run(
            [sys.executable, "-c", GRAB_SCRIPT, str(destination)],
            env=self.env(),
            check=True,
            timeout=30,
            capture_output=True,
        )
        return destination

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None


def wait_for(predicate, timeout_s: float = 20.0, interval_s: float = 0.25) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval_s)
    return False


def run_window_driver(
    driver: Path,
    arguments: list[str],
    out: Path,
    *,
    screen: tuple[int, int] = (1280, 800),
    window_manager: bool = False,
    extra_env: dict[str, str] | None = None,
    timeout_s: float = 120,
) -> dict[str, Any]:
    """Run an end-to-end driver script (the app in its own process) on a fresh X server and return
    the ``result.json`` it wrote to ``out``; fails the test with the driver's output when it did not
    finish well. ``window_manager`` adds openbox, which maximizes and keeps frames on screen as a
    user's desktop does."""
    xvfb = Xvfb(*screen).start()
    manager = (
        subprocess.Popen(
            ["openbox", "--sm-disable"], env=xvfb.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if window_manager
        else None
    )
    try:
        completed = subprocess.run(
            [sys.executable, str(driver), *arguments, "--out", str(out)],
            env={**xvfb.env(), "PYTHONPATH": os.pathsep.join(sys.path), **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(timeout=10)
        xvfb.stop()
    result_file = out / "result.json"
    assert result_file.exists(), completed.stdout[-3000:] + completed.stderr[-3000:]
    result: dict[str, Any] = json.loads(result_file.read_text())
    assert completed.returncode == 0 and result["ok"], (result.get("error", result), completed.stderr[-3000:])
    return result
