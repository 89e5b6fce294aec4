"""Two real Syncthing instances on 127.0.0.1 sharing one folder between two data folders.

Each has its own home, random loopback ports for its GUI/API and its sync protocol, and every kind of
discovery, relaying and NAT traversal off, so nothing leaves the machine. The caller stops them
(``stop()``), which also happens when the ``with`` block ends, whatever happened in it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FOLDER_ID = "smrtplayer-sync-test"


def syncthing_path() -> str | None:
    return shutil.which("syncthing")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Instance:
    home: Path
    folder: Path
    device_id: str
    sync_port: int
    gui_port: int
    log: Path
    process: subprocess.Popen[bytes] | None = None


def _generate(executable: str, home: Path) -> str:
    result = subprocess.run(
        [executable, "generate", f"--home={home}", "--no-default-folder"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    for line in (result.stdout + result.stderr).splitlines():
        if "Device ID:" in line:
            return line.split("Device ID:", 1)[1].strip()
    raise RuntimeError(f"syncthing generate printed no device id: {result.stdout} {result.stderr}")


def _config(me: Instance, peer: Instance) -> str:
    return f"""<configuration version="36">
    <folder id="{FOLDER_ID}" label="smrtplayer" path="{me.folder}" type="sendreceive"
            rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1">
        <device id="{me.device_id}"></device>
        <device id="{peer.device_id}"></device>
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
    <device id="{me.device_id}" name="{me.home.name}"><address>dynamic</address></device>
    <device id="{peer.device_id}" name="{peer.home.name}">
        <address>tcp://127.0.0.1:{peer.sync_port}</address>
    </device>
    <gui enabled="true" tls="false">
        <address>127.0.0.1:{me.gui_port}</address>
        <apikey>{secrets.token_hex(16)}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{me.sync_port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
"""


@contextlib.contextmanager
def syncthing_pair(root: Path) -> Iterator[tuple[Instance, Instance]]:
    executable = syncthing_path()
    if executable is None:
        raise RuntimeError("syncthing is not installed")
    instances = []
    for name in ("home-st", "clinic-st"):
        home, folder = root / name, root / f"{name}-folder"
        folder.mkdir(parents=True)
        (folder / ".stfolder").mkdir()
        device_id = _generate(executable, home)
        instances.append(Instance(home, folder, device_id, _free_port(), _free_port(), root / f"{name}.log"))
    first, second = instances
    (first.home / "config.xml").write_text(_config(first, second))
    (second.home / "config.xml").write_text(_config(second, first))
    environment = {**os.environ, "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1", "STNORESTART": "1"}
    try:
        for instance in instances:
            instance.process = subprocess.Popen(
                [
                    executable,
                    "serve",
                    f"--home={instance.home}",
                    "--no-browser",
                    "--no-restart",
                    f"--gui-address=127.0.0.1:{instance.gui_port}",
                ],
                stdout=instance.log.open("wb"),
                stderr=subprocess.STDOUT,
                env=environment,
            )
        yield first, second
    finally:
        for instance in instances:
            stop(instance)


def stop(instance: Instance) -> None:
    process = instance.process
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def wait_until(condition: object, *, timeout_s: float, step_s: float = 0.5) -> float:
    """Seconds until ``condition()`` held; TimeoutError after ``timeout_s``."""
    start = time.monotonic()
    while True:
        if condition():  # type: ignore[operator]
            return time.monotonic() - start
        if time.monotonic() - start > timeout_s:
            raise TimeoutError(f"not reached within {timeout_s} s")
        time.sleep(step_s)
