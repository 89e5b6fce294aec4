"""PySide's look at imported modules gives the same answers without keeping their sources in memory."""

from __future__ import annotations

import _csv
import email.parser
import json
import os
import subprocess
import sys
from pathlib import Path

import smrtplayer.models.regions
import smrtplayer.player.ffmpeg_log
from smrtplayer.common.pyside_scan import _uses_pyside

SRC = Path(__file__).resolve().parents[2] / "src"

_PROBE = """
import json, linecache, sys
if sys.argv[1] == "replaced":
    from smrtplayer.common.pyside_scan import scan_modules_without_caching_sources
    assert scan_modules_without_caching_sources()
import email.parser  # before Qt: scanned when PySide starts
import PySide6.QtCore
import smrtplayer.player.ffmpeg_log, smrtplayer.models.regions, csv  # after: scanned as imported
decisions = sys.modules["shibokensupport.feature"].pyside_feature_dict
print(json.dumps({"decisions": decisions, "cached": sorted(linecache.cache)}))
"""


def _probe(mode: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, mode], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_the_same_modules_count_as_using_pyside_and_no_source_stays_in_memory() -> None:
    pyside_own, replaced = _probe("pyside"), _probe("replaced")

    decisions, theirs = replaced["decisions"], pyside_own["decisions"]
    assert isinstance(decisions, dict) and isinstance(theirs, dict)
    both = decisions.keys() & theirs.keys()
    assert len(both) > 50
    assert {name: decisions[name] for name in both} == {name: theirs[name] for name in both}
    assert 0 in decisions.values() and -1 in decisions.values()
    cached = replaced["cached"]
    assert isinstance(cached, list) and isinstance(pyside_own["cached"], list)
    assert not [name for name in cached if "smrtplayer" in name or name.endswith(("csv.py", "parser.py"))]
    assert len(pyside_own["cached"]) > len(cached) + 20  # what PySide's own check keeps


def test_a_module_uses_pyside_when_its_source_file_names_it() -> None:
    assert _uses_pyside(smrtplayer.player.ffmpeg_log)
    assert not _uses_pyside(smrtplayer.models.regions)
    assert not _uses_pyside(email.parser)
    assert not _uses_pyside(_csv)  # an extension: no source
    assert not _uses_pyside(sys)  # built in
