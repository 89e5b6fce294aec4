"""Who is first for a data folder, and what a later start does when the owner cannot answer.

The owner runs in a real second process holding a real QLockFile, as a closing or frozen window would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from smrtplayer.app.instance import InstanceGuard
from smrtplayer.app.paths import AppPaths

# Holds the lock (without listening, like a window whose event loop has ended) for argv[2] seconds.
SILENT_OWNER = """
import sys, time
from PySide6.QtCore import QCoreApplication, QLockFile
app = QCoreApplication(sys.argv[:1])
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
assert lock.tryLock(0)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
lock.unlock()
"""


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    resolved = AppPaths.resolve(tmp_path / "data")
    resolved.ensure()
    return resolved


def start_silent_owner(paths: AppPaths, hold_s: float) -> subprocess.Popen[str]:
    owner = subprocess.Popen(
        [sys.executable, "-c", SILENT_OWNER, str(paths.data / "window.lock"), str(hold_s)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert owner.stdout is not None and owner.stdout.readline().strip() == "locked"
    return owner


def test_the_first_start_owns_the_folder_and_a_second_guard_does_not(qapp, paths: AppPaths) -> None:
    first = InstanceGuard(paths)
    assert first.claim({"action": "raise"}, wait_s=0).kind == "first"
    try:
        second = InstanceGuard(paths)
        assert not second.acquire()
    finally:
        first.release()
    again = InstanceGuard(paths)
    assert again.acquire()
    again.release()


def test_a_start_waits_for_an_owner_that_is_closing(qapp, paths: AppPaths) -> None:
    owner = start_silent_owner(paths, hold_s=1.0)
    guard = InstanceGuard(paths)
    try:
        assert not guard.acquire(), "the owner still holds the folder"
        outcome = guard.claim({"action": "raise"}, wait_s=20)
        owner_finished = owner.poll() is not None or owner.wait(timeout=1) == 0
    finally:
        owner.kill()
        owner.wait(timeout=20)
        guard.release()
    assert outcome.kind == "first"
    assert owner_finished, "the folder became ours only once the owner let go"


def test_an_owner_that_never_answers_is_named_by_its_process(qapp, paths: AppPaths) -> None:
    owner = start_silent_owner(paths, hold_s=30)
    try:
        outcome = InstanceGuard(paths).claim({"action": "raise"}, wait_s=0.5)
    finally:
        owner.kill()
        owner.wait(timeout=20)
    assert outcome.kind == "no_answer"
    assert outcome.owner_pid == owner.pid


def test_a_lock_left_by_a_killed_owner_is_taken_over_at_once(qapp, paths: AppPaths) -> None:
    owner = start_silent_owner(paths, hold_s=30)
    owner.kill()
    owner.wait(timeout=20)
    assert (paths.data / "window.lock").exists()
    guard = InstanceGuard(paths)
    assert guard.claim({"action": "raise"}, wait_s=0).kind == "first"
    guard.release()


def test_a_start_asked_to_end_while_waiting_stops_waiting(qapp, paths: AppPaths) -> None:
    owner = start_silent_owner(paths, hold_s=30)
    try:
        outcome = InstanceGuard(paths).claim({"action": "raise"}, wait_s=600, should_stop=lambda: True)
    finally:
        owner.kill()
        owner.wait(timeout=20)
    assert outcome.kind == "no_answer"
