"""Property: 2–4 devices edit at random while a sync engine delivers their journal files late, out of
order, twice, as conflict copies, or not at all for whole rounds. Once every file has arrived, all
devices hold the same data, and it is what one computer doing every edit in time order would hold.

Each device sees the synced folder through its own copy (as Syncthing gives each computer its own
folder); the "engine" copies files between those copies at random.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.syncdata import Device
from smrtplayer.models.settings import SUBTITLE_SCALE
from smrtplayer.sync.journal import APP_FOLDER

SCALES = (0.75, 1.0, 1.5, 2.0)


@dataclass(frozen=True)
class Edit:
    device: int
    kind: str  # note | scale | position | delete_position | practice
    value: str


@dataclass(frozen=True)
class Sync:
    device: int


@dataclass(frozen=True)
class Deliver:
    source: int
    destination: int
    #: which of the files the source's folder holds arrive (by position; the rest come later)
    picks: tuple[int, ...]
    as_conflict_copy: bool


def _steps(devices: int) -> st.SearchStrategy[list[Edit | Sync | Deliver]]:
    device = st.integers(0, devices - 1)
    edit = st.builds(
        Edit,
        device=device,
        kind=st.sampled_from(["note", "scale", "position", "delete_position", "practice"]),
        value=st.sampled_from(["a", "b", "c", "d"]),
    )
    deliver = st.builds(
        Deliver,
        source=device,
        destination=device,
        picks=st.lists(st.integers(0, 40), max_size=6).map(tuple),
        as_conflict_copy=st.booleans(),
    )
    return st.lists(st.one_of(edit, st.builds(Sync, device=device), deliver), min_size=1, max_size=30)


@contextmanager
def _devices(count: int) -> Iterator[tuple[Path, list[Device]]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        devices = [Device.open(root, f"device{number}") for number in range(count)]
        for number in range(count):
            (root / f"folder{number}").mkdir()
        try:
            yield root, devices
        finally:
            for device in devices:
                device.close()


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in (folder / APP_FOLDER).rglob("*.jsonl") if path.is_file())


def _copy(source: Path, destination: Path, picks: tuple[int, ...], *, conflict_copy: bool) -> None:
    files = _files(source)
    for pick in picks:
        if not files:
            return
        file = files[pick % len(files)]
        target = destination / file.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        if conflict_copy:
            stem = file.name.removesuffix(".jsonl")
            target = target.with_name(f"{stem}.sync-conflict-20260301-120000-ABCDEFG.jsonl")
        shutil.copyfile(file, target)


def _apply(edit: Edit, device: Device, moment: str, number: int) -> str | None:
    """Make the edit as the app would; the uid it touched, or None when the app offers no such edit."""
    if edit.kind == "note":
        # A note is edited where it is (after it arrived), or written anew under a fresh uid, as in the app.
        here = sorted(uid for uid in device.live_notes() if "~" not in uid)
        choice = ord(edit.value) % (len(here) + 1)
        uid = here[choice] if choice < len(here) else f"note{number}"
        device.write_note(uid, f"{edit.value}{number}", moment)
        return uid
    if edit.kind == "scale":
        device.set_subtitle_scale(SCALES[ord(edit.value) % 4], moment)
        return SUBTITLE_SCALE.name
    if edit.kind == "practice":
        device.log_practice(f"practice {number}", moment)
        return f"practice {number}"
    # Likewise a position: edited or deleted where it is, or saved anew under a fresh uid.
    here = sorted(device.position_titles())
    choice = ord(edit.value) % (len(here) + 1)
    if edit.kind == "position":
        uid = here[choice] if choice < len(here) else f"position{number}"
        device.save_position(uid, f"{edit.value}{number}", moment)
        return uid
    if not here:
        return None
    uid = here[choice % len(here)]
    device.delete_position(uid)
    return uid


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), count=st.integers(2, 4))
def test_every_device_converges_to_the_sequential_result(data: st.DataObject, count: int) -> None:
    steps = data.draw(_steps(count))
    with _devices(count) as (root, devices):
        folders = [root / f"folder{number}" for number in range(count)]
        # What one computer doing every edit in time order would hold.
        notes: dict[str, str] = {}
        scale: float | None = None
        positions: dict[str, str] = {}
        deleted_positions: set[str] = set()
        practice: list[str] = []
        for number, step in enumerate(steps):
            if isinstance(step, Sync):
                devices[step.device].sync(folders[step.device])
            elif isinstance(step, Deliver):
                if step.source != step.destination:
                    _copy(
                        folders[step.source],
                        folders[step.destination],
                        step.picks,
                        conflict_copy=step.as_conflict_copy,
                    )
            else:
                moment = f"2026-03-01T10:{number // 60:02d}:{number % 60:02d}.000+00:00"
                device = devices[step.device]
                touched = _apply(step, device, moment, number)
                if touched is None:
                    continue
                if step.kind == "note":
                    notes[touched] = f"{step.value}{number}"
                elif step.kind == "scale":
                    scale = SCALES[ord(step.value) % 4]
                elif step.kind == "practice":
                    practice.append(f"practice {number}")
                elif step.kind == "position":
                    positions[touched] = f"{step.value}{number}"
                else:
                    deleted_positions.add(touched)
        # The engine catches up: every file reaches every folder, and each device syncs until quiet.
        for _ in range(3):
            for number, device in enumerate(devices):
                device.sync(folders[number])
            for source in folders:
                for destination in folders:
                    if source != destination:
                        shutil.copytree(source / APP_FOLDER, destination / APP_FOLDER, dirs_exist_ok=True)
        for number, device in enumerate(devices):
            assert device.sync(folders[number]).file_written is None, "a converged device still sends"

        first = devices[0].data()
        for device in devices[1:]:
            assert device.data() == first
        for device in devices:
            main_notes = {uid: body for uid, body in device.live_notes().items() if "~" not in uid}
            assert main_notes == notes
            assert device.subtitle_scale() == scale
            assert device.position_titles() == {
                uid: title for uid, title in positions.items() if uid not in deleted_positions
            }
            assert device.practice_titles() == sorted(practice)
