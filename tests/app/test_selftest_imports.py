"""What the self-test holds in memory when its playback starts: everything loaded by then stays resident
through the playback and the MediaInfo check after it, which together make the self-test's peak."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers.cli import run_cli

SRC = Path(__file__).resolve().parents[2] / "src"

#: not needed before the playback (or not at all): the scratch progress store is made without the
#: migrations, and MediaInfo is loaded once the playback's memory is given back
NOT_BEFORE_PLAYBACK = (
    "sqlite_utils",
    "click",
    "pluggy",
    "dateutil",
    "importlib.metadata",
    "pymediainfo",
    "smrtplayer.library.container_facts",
)
#: not needed at all: the MediaInfo check reads a file's chapters without the body taxonomy that
#: names them as positions, and the built-in course's stamp is BLAKE2b alone, without OpenSSL's digests
NOT_AT_ALL = ("sqlite_utils", "smrtplayer.models.regions", "msgspec", "hashlib")

_PROBE = """
import json, linecache, sys
import smrtplayer.app.selftest as selftest
from smrtplayer.__main__ import main

seen = {}
play = selftest._play_one_second

def play_and_record(*args, **kwargs):
    seen["modules"] = sorted(sys.modules)
    seen["sources"] = sorted(linecache.cache)
    return play(*args, **kwargs)

selftest._play_one_second = play_and_record
code = main(["--data-dir", sys.argv[1], "self-test", "--json"])
print(json.dumps({"code": code, "at_the_end": sorted(sys.modules), **seen}))
"""


def test_the_self_test_plays_without_what_it_needs_only_later(tmp_path: Path) -> None:
    # A data folder the app has opened before: a first start migrates and registers the demo course.
    assert run_cli("courses", data_dir=tmp_path / "data").returncode == 0
    environment = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    environment.update(PYTHONPATH=str(SRC), QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    outcome = json.loads(completed.stdout.splitlines()[-1])
    assert outcome["code"] == 0, completed.stdout
    loaded = set(outcome["modules"])
    assert "smrtplayer.player.controller" in loaded, "the probe looks when the playback starts"
    assert not loaded & set(NOT_BEFORE_PLAYBACK), sorted(loaded & set(NOT_BEFORE_PLAYBACK))
    at_the_end = set(outcome["at_the_end"])
    assert "pymediainfo" in at_the_end, "the probe looks once the MediaInfo check has run"
    assert not at_the_end & set(NOT_AT_ALL), sorted(at_the_end & set(NOT_AT_ALL))
    # PySide's look at each imported module keeps no source in memory, from the first import of Qt
    # (the commands' parser) on.
    assert not [name for name in outcome["sources"] if "smrtplayer" in name], outcome["sources"]
