"""SIGTERM at any moment of start-up or use closes the window the normal way, with exit code 0."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.xvfb import Xvfb, wait_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed (apt-get install xvfb)"),
]


@pytest.mark.time_limit(150)
def test_sigterm_during_start_up_ends_cleanly(tmp_path: Path) -> None:
    """The signal may land in the middle of an import or a constructor; nothing may run on half-built
    objects then (the close happens from the event loop)."""
    xvfb = Xvfb().start()
    try:
        for number, delay_s in enumerate((0.0, 0.05, 0.15, 0.3, 0.6, 1.2)):
            data = tmp_path / f"data{number}"
            window = subprocess.Popen(
                [sys.executable, "-m", "smrtplayer", "--data-dir", str(data), "--paused"],
                env=xvfb.env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            assert wait_for(lambda: (data / "window.lock").exists(), timeout_s=30)  # noqa: B023
            time.sleep(delay_s)
            window.send_signal(signal.SIGTERM)
            output, _ = window.communicate(timeout=30)
            assert window.returncode == 0, f"after {delay_s} s: {output}"
            assert "Traceback" not in output and "unexpected error" not in output, output
    finally:
        xvfb.stop()
