"""A second start with the same data folder hands its request to the running window and exits."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.xvfb import Xvfb, wait_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
]


@pytest.mark.time_limit(120)
def test_second_start_hands_over_and_exits(tmp_path: Path) -> None:
    xvfb = Xvfb().start()
    data = tmp_path / "data"
    command = [sys.executable, "-m", "smrtplayer", "--data-dir", str(data), "--paused"]
    first = subprocess.Popen(command, env=xvfb.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert wait_for(lambda: (data / "window.lock").exists(), timeout_s=30)
        second = subprocess.run(command, env=xvfb.env(), capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stdout + second.stderr
        assert "already open" in second.stdout
        assert first.poll() is None, "the first window keeps running"
        # A different data folder is a different library: it starts its own window.
        other_log = tmp_path / "other.log"
        other = subprocess.Popen(
            [sys.executable, "-m", "smrtplayer", "--data-dir", str(tmp_path / "other"), "--paused"],
            env=xvfb.env(),
            stdout=other_log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        assert wait_for(lambda: (tmp_path / "other" / "window.lock").exists(), timeout_s=30)
        assert other.poll() is None
        other.send_signal(signal.SIGTERM)
        assert other.wait(timeout=20) == 0, other_log.read_text(errors="replace")
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.wait(timeout=20)
        finally:
            xvfb.stop()
    assert first.returncode == 0


@pytest.mark.time_limit(120)
def test_lock_left_by_a_killed_window_does_not_block_the_next_start(tmp_path: Path) -> None:
    xvfb = Xvfb().start()
    data = tmp_path / "data"
    command = [sys.executable, "-m", "smrtplayer", "--data-dir", str(data), "--paused"]
    try:
        crashed = subprocess.Popen(
            command, env=xvfb.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        assert wait_for(lambda: (data / "window.lock").exists(), timeout_s=30)
        crashed.kill()
        crashed.wait(timeout=10)
        again = subprocess.Popen(
            command, env=xvfb.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        # It becomes the first instance (no hand-over message, keeps running).
        if wait_for(lambda: again.poll() is not None, timeout_s=4):
            output = again.stdout.read() if again.stdout else ""
            pytest.fail(f"the next start exited with {again.returncode}:\n{output}")
        again.send_signal(signal.SIGTERM)
        assert again.wait(timeout=20) == 0
        assert again.stdout is not None and "already open" not in again.stdout.read()
    finally:
        xvfb.stop()
