"""Nothing goes to the network: every socket the app opens is a local (AF_UNIX) one.

The app and its CLI run under ``strace``, which records every socket() and connect() from every
thread and child process, including those made inside Qt and FFmpeg where a Python-level patch
would see nothing.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.xvfb import Xvfb, wait_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed"),
]

NETWORK_CALL = re.compile(r"socket\((AF_INET6?|PF_INET6?)|connect\(\d+, \{sa_family=AF_INET")


def network_calls(trace: Path) -> list[str]:
    return [line for line in trace.read_text().splitlines() if NETWORK_CALL.search(line)]


def traced(trace: Path, *command: str) -> list[str]:
    return ["strace", "-f", "-qq", "-e", "trace=execve,socket,connect", "-o", str(trace), *command]


@pytest.mark.time_limit(180)
def test_cli_commands_open_no_network_socket(tmp_path: Path, media) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    course = tmp_path / "Hips & Sacrum"
    course.mkdir()
    (course / "01 - Gluteus medius.mp4").write_bytes(media.clip(seconds=1.0).read_bytes())
    for name, arguments in {
        "courses": ["courses", "--json"],
        "self-test": ["self-test", "--json"],
        "import": ["import", str(course), "--copy", "--json"],
        "verify": ["verify", "--json"],
        "export-data": ["export-data", str(tmp_path / "export.json")],
        "import-data": ["import-data", str(tmp_path / "export.json")],
    }.items():
        trace = tmp_path / f"{name}.trace"
        result = subprocess.run(
            traced(trace, sys.executable, "-m", "smrtplayer", "--data-dir", str(data), *arguments),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert trace.read_text(), "strace recorded nothing: the trace is not working"
        assert network_calls(trace) == [], name


@pytest.mark.time_limit(180)
@pytest.mark.skipif(not Xvfb.available(), reason="Xvfb is not installed")
def test_window_playing_the_demo_opens_no_network_socket(tmp_path: Path) -> None:
    xvfb = Xvfb().start()
    trace = tmp_path / "window.trace"
    tracer = subprocess.Popen(
        traced(trace, sys.executable, "-m", "smrtplayer", "--data-dir", str(tmp_path / "data")),
        env=xvfb.env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # Let it start, open the demo and play for a few seconds; the first line is its own execve.
        assert wait_for(lambda: (tmp_path / "data" / "smrtplayer.sqlite3").exists(), timeout_s=30)
        time.sleep(4)
        app_pid = int(trace.read_text().split(None, 1)[0])
        subprocess.run(["kill", "-TERM", str(app_pid)], check=False)
        tracer.wait(timeout=30)
    finally:
        if tracer.poll() is None:
            tracer.send_signal(signal.SIGKILL)
        xvfb.stop()
    assert network_calls(trace) == []
