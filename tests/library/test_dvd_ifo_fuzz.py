"""Damaged IFO files never break an import: each title set is read, or left as parts with a reason."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from helpers.dvd import AuthoredDvd
from smrtplayer.library.dvd import read_disc
from smrtplayer.library.scan import list_folder


def test_random_damage_to_the_ifo_and_bup_gives_titles_or_a_reason(
    tmp_path: Path, authored_dvd: AuthoredDvd
) -> None:
    clean = (authored_dvd.video_ts / "VTS_01_0.IFO").read_bytes()
    folder = tmp_path / "VIDEO_TS"
    shutil.copytree(authored_dvd.video_ts, folder)
    listing = list_folder(tmp_path)
    generator = random.Random(11)
    outcomes = {"read": 0, "left as parts": 0}
    for _ in range(300):
        for name in ("VTS_01_0.IFO", "VTS_01_0.BUP"):
            damaged = bytearray(clean)
            for _ in range(generator.randint(1, 12)):
                # the tables the reader follows live in the first sectors and the header
                at = generator.choice([generator.randrange(0, 0x100), generator.randrange(0, len(damaged))])
                damaged[at] = generator.randrange(256)
            if generator.random() < 0.1:
                damaged = damaged[: generator.randrange(len(damaged))]
            (folder / name).write_bytes(bytes(damaged))
        reading = read_disc(tmp_path, listing.files, listing.sizes)
        if reading.titles:
            outcomes["read"] += 1
            for title in reading.titles:
                assert 0 <= title.first_sector <= title.last_sector
                assert all(0 <= start < title.duration_ms for start in title.chapter_starts_ms)
        else:
            outcomes["left as parts"] += 1
            assert reading.problems and "could not be read" in reading.problems[0]
    assert outcomes["read"] and outcomes["left as parts"], outcomes
