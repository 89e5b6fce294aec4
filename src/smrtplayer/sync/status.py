"""The sync state as the status and ``sync status`` report it, read without changing anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smrtplayer.sync.journal import device_folders, journal_files
from smrtplayer.sync.state import DeviceSeen, load_state


def sync_status(folder: Path, state_path: Path) -> dict[str, Any]:
    """The state without changing anything: the last round, the devices, what waits to be read."""
    state = load_state(state_path)
    waiting = 0
    devices = []
    for device, path in device_folders(folder).items():
        if device == state.device:
            continue
        seen = state.devices.get(device, DeviceSeen())
        unread = [file for file in journal_files(path) if f"{device}/{file.name}" not in state.merged]
        waiting += len(unread)
        devices.append(
            {
                "device": device,
                "name": seen.name,
                "last_stamp": seen.last_stamp,
                "files_merged": seen.files,
                "unread": len(unread),
            }
        )
    return {
        "device": state.device,
        "folder": str(folder),
        "last_sync_at": state.last_sync_at,
        "sent": state.last_sent,
        "received": state.last_received,
        "conflicts": state.conflicts,
        "waiting": waiting,
        "devices": devices,
        "problems": state.problems,
    }
