"""A real sync engine: two Syncthing instances on 127.0.0.1 carry the folder between two computers'
data folders while both edit; they converge within a bound, with a conflict kept as a visible copy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.syncdata import Device
from helpers.syncthing import Instance, syncthing_pair, syncthing_path, wait_until

pytestmark = pytest.mark.skipif(
    syncthing_path() is None, reason="syncthing is not installed (Debian package 'syncthing')"
)

#: under load on a shared machine; two idle instances converge in a few seconds
BOUND_S = 120


def _converged(home: Device, clinic: Device, pair: tuple[Instance, Instance]) -> Callable[[], bool]:
    def check() -> bool:
        for device, instance in zip((home, clinic), pair, strict=True):
            assert instance.process is not None and instance.process.poll() is None, instance.log.read_text()
            device.sync(instance.folder)
        return home.data() == clinic.data() and bool(home.live_notes())

    return check


def test_two_syncthing_instances_carry_concurrent_edits_to_convergence(tmp_path: Path) -> None:
    home, clinic = Device.open(tmp_path, "home"), Device.open(tmp_path, "clinic")
    try:
        with syncthing_pair(tmp_path / "st") as pair:
            home_folder, clinic_folder = pair[0].folder, pair[1].folder
            # Both computers change things before either has seen the other.
            home.write_note("n1", "psoas: release on exhale", "2026-03-01T10:00:00.000+00:00")
            home.set_subtitle_scale(1.5, "2026-03-01T10:00:01.000+00:00")
            clinic.log_practice("Psoas", "2026-03-01T10:00:02.000+00:00")
            clinic.save_position("p1", "Psoas, supine", "2026-03-01T10:00:03.000+00:00")
            home.sync(home_folder)
            clinic.sync(clinic_folder)
            first = wait_until(_converged(home, clinic, pair), timeout_s=BOUND_S)
            for device in (home, clinic):
                assert device.live_notes() == {"n1": "psoas: release on exhale"}
                assert device.subtitle_scale() == 1.5
                assert device.practice_titles() == ["Psoas"]
                assert device.position_titles() == {"p1": "Psoas, supine"}

            # Then both edit the same note at once: both versions survive everywhere.
            home.write_note("n1", "home's version", "2026-03-01T11:00:00.000+00:00")
            clinic.write_note("n1", "clinic's version", "2026-03-01T11:00:05.000+00:00")
            home.sync(home_folder)
            clinic.sync(clinic_folder)

            def both_versions() -> bool:
                return _converged(home, clinic, pair)() and len(home.live_notes()) == 2

            second = wait_until(both_versions, timeout_s=BOUND_S)
            for device in (home, clinic):
                assert sorted(device.live_notes().values()) == ["clinic's version", "home's version"]
                assert device.live_notes()["n1"] == "clinic's version"
            assert not list(home_folder.rglob("*.sqlite3*")) and not list(clinic_folder.rglob("*.sqlite3*"))
            print(f"converged in {first:.1f} s, then {second:.1f} s (bound {BOUND_S} s)")
    finally:
        home.close()
        clinic.close()
