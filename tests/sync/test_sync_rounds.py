"""Sync rounds between devices sharing one folder: what travels, the merge rules, and what the folder
can do to the journals (half-written files, duplicates, conflict copies, deleted journals, skewed
clocks, a stick copied back). Real SQLite databases, real files."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.mounts import fill, tiny_disk
from helpers.syncdata import Device
from smrtplayer.sync.journal import APP_FOLDER, journal_files
from smrtplayer.sync.rounds import COMPACT_AFTER_FILES, SyncError

T1 = "2026-03-01T10:00:00.000+00:00"
T2 = "2026-03-01T11:00:00.000+00:00"
T3 = "2026-03-01T12:00:00.000+00:00"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "Sync"
    path.mkdir()
    return path


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    laptop, clinic = Device.open(tmp_path, "laptop"), Device.open(tmp_path, "clinic")
    yield laptop, clinic
    laptop.close()
    clinic.close()


def _own_folder(device: Device, folder: Path) -> Path:
    (path,) = [p for p in (folder / APP_FOLDER).iterdir() if p.name == device.sync(folder).device]
    return path


def test_changes_travel_and_the_database_stays_out_of_the_folder(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    laptop.write_note("n1", "psoas: release on exhale", T1)
    laptop.set_subtitle_scale(1.5, T1)
    laptop.log_practice("Psoas", T1)
    laptop.save_position("p1", "Psoas, supine", T1)
    sent = laptop.sync(folder)
    assert sent.sent == 4 and sent.received == 0
    received = clinic.sync(folder)
    assert received.received == 4
    assert received.devices == [sent.device]
    assert clinic.live_notes() == {"n1": "psoas: release on exhale"}
    assert clinic.subtitle_scale() == 1.5
    assert clinic.practice_titles() == ["Psoas"]
    assert clinic.position_titles() == {"p1": "Psoas, supine"}
    names = [path.name for path in folder.rglob("*")]
    assert not [name for name in names if "sqlite" in name]
    assert all(name.endswith(".jsonl") for name in names if "." in name)
    # What came in is not echoed back out.
    assert clinic.sync(folder).sent == 0
    assert laptop.sync(folder).received == 0
    assert laptop.data() == clinic.data()


def test_deletion_beats_older_edits_and_loses_to_newer_ones(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    laptop.save_position("old", "Old", T1)
    laptop.save_position("kept", "Kept", T1)
    laptop.sync(folder)
    clinic.sync(folder)
    laptop.delete_position("old")
    laptop.delete_position("kept")
    clinic.save_position("kept", "Kept, edited later", "2099-01-01T00:00:00.000+00:00")
    laptop.sync(folder)
    clinic.sync(folder)
    laptop.sync(folder)
    assert clinic.position_titles() == {"kept": "Kept, edited later"}
    assert laptop.position_titles() == clinic.position_titles()


def test_two_edits_of_one_note_keep_both_as_a_visible_conflict_copy(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    laptop.write_note("n1", "first", T1)
    laptop.sync(folder)
    clinic.sync(folder)
    laptop.write_note("n1", "laptop's edit", T2)
    clinic.write_note("n1", "clinic's edit", T3)
    laptop.sync(folder)
    report = clinic.sync(folder)
    assert report.conflicts == 1
    laptop.sync(folder)
    clinic.sync(folder)
    for device in devices:
        notes = device.live_notes()
        assert notes["n1"] == "clinic's edit"
        assert sorted(notes.values()) == ["clinic's edit", "laptop's edit"]
    assert laptop.data() == clinic.data()


def test_a_half_written_file_waits_and_is_merged_once_whole(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    laptop.write_note("n1", "whole", T1)
    laptop.sync(folder)
    (written,) = journal_files(_own_folder(laptop, folder))
    whole = written.read_bytes()
    written.write_bytes(whole[: len(whole) // 2])
    report = clinic.sync(folder)
    assert report.received == 0 and clinic.live_notes() == {}
    assert report.waiting and "incomplete" in report.waiting[0]
    written.write_bytes(whole)
    assert clinic.sync(folder).received == 1
    assert clinic.live_notes() == {"n1": "whole"}


def test_a_damaged_line_refuses_the_whole_file(devices: tuple[Device, Device], folder: Path) -> None:
    laptop, clinic = devices
    laptop.write_note("n1", "one", T1)
    laptop.write_note("n2", "two", T1)
    laptop.sync(folder)
    (written,) = journal_files(_own_folder(laptop, folder))
    written.write_bytes(written.read_bytes().replace(b'"two"', b'"TWO"'))
    report = clinic.sync(folder)
    assert clinic.live_notes() == {}
    assert "checksum" in report.waiting[0]


def test_files_out_of_order_or_twice_and_conflict_copies(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    laptop.write_note("n1", "v1", T1)
    laptop.sync(folder)
    laptop.write_note("n1", "v2", T2)
    laptop.save_position("p1", "Psoas", T2)
    laptop.sync(folder)
    first, second = journal_files(_own_folder(laptop, folder))
    hidden = first.with_name("hidden")
    first.rename(hidden)  # the second file arrives first
    clinic.sync(folder)
    assert clinic.live_notes() == {"n1": "v2"}
    hidden.rename(first)
    # Syncthing's conflict copy of a file, and the same file twice.
    shutil.copy(second, second.with_name("changes-00000002.sync-conflict-20260301-120000-ABCDEFG.jsonl"))
    clinic.sync(folder)
    clinic.sync(folder)
    assert clinic.live_notes() == {"n1": "v2"}
    assert clinic.position_titles() == {"p1": "Psoas"}


def test_a_deleted_journal_is_rewritten_and_the_others_keep_what_they_merged(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    laptop.write_note("n1", "kept", T1)
    laptop.sync(folder)
    clinic.sync(folder)
    laptop_id = laptop.sync(folder).device
    shutil.rmtree(folder / APP_FOLDER / laptop_id)
    assert clinic.sync(folder).received == 0
    assert clinic.live_notes() == {"n1": "kept"}
    report = laptop.sync(folder)
    assert report.journal_rewritten
    names = [path.name for path in journal_files(folder / APP_FOLDER / laptop_id)]
    assert names and names[0].startswith("snapshot-")
    fresh = Device.open(folder.parent, "new-computer")
    try:
        fresh.sync(folder)
        assert fresh.live_notes() == {"n1": "kept"}
    finally:
        fresh.close()


def test_journals_are_compacted_into_a_snapshot(devices: tuple[Device, Device], folder: Path) -> None:
    laptop, clinic = devices
    for number in range(COMPACT_AFTER_FILES + 2):
        laptop.write_note("n1", f"version {number}", f"2026-03-01T10:{number:02d}:00.000+00:00")
        laptop.sync(folder)
    names = [path.name for path in journal_files(_own_folder(laptop, folder))]
    assert len(names) <= 3 and any(name.startswith("snapshot-") for name in names)
    clinic.sync(folder)
    assert clinic.live_notes() == {"n1": f"version {COMPACT_AFTER_FILES + 1}"}


def test_a_stick_copied_back_twice_changes_nothing(devices: tuple[Device, Device], tmp_path: Path) -> None:
    laptop, clinic = devices
    stick = tmp_path / "stick"
    stick.mkdir()
    laptop.write_note("n1", "from home", T1)
    laptop.sync(stick)
    clinic.sync(stick)
    clinic.write_note("n2", "from the clinic", T2)
    clinic.sync(stick)
    old_copy = tmp_path / "old-copy"
    shutil.copytree(stick, old_copy)
    laptop.sync(stick)
    for _ in range(2):  # an old copy of the stick is copied back over it, twice
        shutil.copytree(old_copy, stick, dirs_exist_ok=True)
        laptop.sync(stick)
        clinic.sync(stick)
    laptop.sync(stick)
    assert laptop.live_notes() == clinic.live_notes() == {"n1": "from home", "n2": "from the clinic"}
    assert laptop.data() == clinic.data()


def test_a_missing_folder_is_refused_with_a_clear_message(
    devices: tuple[Device, Device], tmp_path: Path
) -> None:
    with pytest.raises(SyncError, match="does not exist"):
        devices[0].sync(tmp_path / "not-mounted")


def test_a_full_disk_here_is_said_as_such_and_the_next_round_sends_everything(
    tmp_path: Path, folder: Path
) -> None:
    with tiny_disk(tmp_path / "disk", size_kb=4096) as disk:
        laptop, clinic = Device.open(disk, "laptop"), Device.open(tmp_path, "clinic")
        try:
            laptop.write_note("n1", "before", T1)
            laptop.sync(folder)
            laptop.write_note("n2", "while the disk fills", T2)
            for leave_bytes in (0, 4096):  # no room for the round's lock, then none for its state
                filler = fill(disk, leave_bytes=leave_bytes)
                with pytest.raises(SyncError) as refused:
                    laptop.sync(folder)
                assert "still running" not in str(refused.value)
                assert "cannot be written" in str(refused.value), str(refused.value)
                filler.unlink()
            assert laptop.sync(folder).devices == []
            clinic.sync(folder)
            assert clinic.live_notes() == {"n1": "before", "n2": "while the disk fills"}
        finally:
            laptop.close()
            clinic.close()


def test_a_clock_hours_ahead_does_not_win_over_later_edits(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    hours_ahead = "2026-03-01T17:00:00.000+00:00"  # the clinic PC's clock is five hours fast
    clinic.set_subtitle_scale(2.0, hours_ahead)
    clinic.save_position("p1", "Psoas (clinic)", hours_ahead)
    clinic.write_note("n1", "clinic", hours_ahead)
    clinic.sync(folder)
    laptop.sync(folder)
    # Later in real time, on the laptop, whose clock is right.
    laptop.set_subtitle_scale(1.25, "2026-03-01T12:01:00.000+00:00")
    laptop.save_position("p1", "Psoas (laptop, later)", "2026-03-01T12:01:00.000+00:00")
    laptop.write_note("n1", "laptop, later", "2026-03-01T12:01:00.000+00:00")
    assert laptop.sync(folder).sent == 3
    clinic.sync(folder)
    laptop.sync(folder)
    for device in devices:
        assert device.subtitle_scale() == 1.25
        assert device.position_titles() == {"p1": "Psoas (laptop, later)"}
        assert device.live_notes() == {"n1": "laptop, later"}
    assert laptop.data() == clinic.data()
    # Nothing goes back and forth once both agree.
    assert laptop.sync(folder).sent == clinic.sync(folder).sent == 0


def test_different_presets_of_one_name_do_not_travel_back_and_forth(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    for device, hold in ((laptop, 30000), (clinic, 45000)):
        with device.store.write():
            device.store.conn.execute(
                "INSERT INTO hold_presets (name, hold_ms, technique, created_at) VALUES ('Quick', ?, '', ?)",
                [hold, T1],
            )
    for _ in range(3):
        laptop.sync(folder)
        clinic.sync(folder)
    assert laptop.sync(folder).file_written is None
    assert clinic.sync(folder).file_written is None


def test_versions_differing_only_in_what_the_merge_does_not_carry_settle(
    devices: tuple[Device, Device], folder: Path
) -> None:
    """One position uid saved on both computers (created at different times): no endless restamping."""
    laptop, clinic = devices
    clinic.save_position("p1", "Psoas", T1)
    laptop.save_position("p1", "Psoas, later", T2)
    for _ in range(3):
        laptop.sync(folder)
        clinic.sync(folder)
    assert laptop.sync(folder).file_written is None
    assert clinic.sync(folder).file_written is None
    assert laptop.position_titles() == clinic.position_titles() == {"p1": "Psoas, later"}


def test_what_a_retired_device_wrote_reaches_devices_that_come_later(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices
    laptop.write_note("n1", "from the old laptop", T1)
    laptop_id = laptop.sync(folder).device
    clinic.sync(folder)
    shutil.rmtree(folder / APP_FOLDER / laptop_id)  # the laptop is gone, and its journal with it
    report = clinic.sync(folder)
    assert report.file_written is not None and report.file_written.startswith("snapshot-")
    fresh = Device.open(folder.parent, "new-computer")
    try:
        fresh.sync(folder)
        assert fresh.live_notes() == {"n1": "from the old laptop"}
    finally:
        fresh.close()


def test_one_round_at_a_time_per_computer(
    devices: tuple[Device, Device], folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QLockFile

    from smrtplayer.sync import rounds

    laptop, _clinic = devices
    laptop.write_note("n1", "waits", T1)
    monkeypatch.setattr(rounds, "LOCK_WAIT_MS", 100)
    running = QLockFile(str(laptop.state_path) + ".lock")  # the window's round, say
    assert running.tryLock(0)
    try:
        with pytest.raises(SyncError, match="still running"):
            laptop.sync(folder)
    finally:
        running.unlock()
    assert laptop.sync(folder).sent == 1


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00" * 1000,
        b"[" * 100_000,
        b'{"end":"sha256:0"}\n',
        b"not json at all\n" * 10,
    ],
    ids=["empty", "zeros", "deep-nesting", "only-an-end", "text"],
)
def test_hostile_journal_files_are_refused_and_change_nothing(
    devices: tuple[Device, Device], folder: Path, content: bytes
) -> None:
    laptop, _clinic = devices
    stranger = folder / APP_FOLDER / "0123456789abcdef"
    stranger.mkdir(parents=True)
    (stranger / "changes-00000001.jsonl").write_bytes(content)
    before = laptop.data()
    report = laptop.sync(folder)
    assert report.received == 0 and len(report.waiting) == 1
    assert laptop.data() == before


def test_sessions_with_clients_travel_only_when_the_user_says_so(
    devices: tuple[Device, Device], folder: Path
) -> None:
    laptop, clinic = devices

    def sessions(device: Device) -> list[str]:
        return [str(label) for (label,) in device.store.conn.execute("SELECT client_label FROM sessions")]

    with clinic.store.write():
        session_id = clinic.store.conn.execute(
            "INSERT INTO sessions (client_label, started_at, ended_at) VALUES ('Client A', ?, ?)", [T1, T2]
        ).lastrowid
        clinic.store.conn.execute(
            "INSERT INTO practice_log (title, side, technique, planned_ms, actual_ms, completed, started_at, "
            "ended_at, session_id) VALUES ('Psoas', 'R', 'SMRT', 30000, 30000, 1, ?, ?, ?)",
            [T1, T1, session_id],
        )
    clinic.sync(folder)
    laptop.sync(folder)
    assert sessions(laptop) == [] and laptop.practice_titles() == []
    assert b"Client A" not in b"".join(path.read_bytes() for path in folder.rglob("*.jsonl"))
    clinic.sync(folder, include_private=True)
    laptop.sync(folder)
    assert sessions(laptop) == ["Client A"] and laptop.practice_titles() == ["Psoas"]
