"""The headless CLI, run as a real subprocess the way a user (or a script) runs it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.cli import run_cli
from smrtplayer import __version__
from smrtplayer.store import migrations


def test_version(tmp_path: Path) -> None:
    result = run_cli("--version", data_dir=tmp_path)
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0] == f"smrtplayer {__version__}"
    import PySide6
    from PySide6.QtCore import qVersion

    assert f"Qt {qVersion()} (PySide6 {PySide6.__version__})" in lines
    assert f"SQLite {sqlite3.sqlite_version}" in lines
    ffmpeg = [line for line in lines if line.startswith("FFmpeg ")]
    # The version comes from the libavutil Qt plays with, read from the library itself.
    assert ffmpeg and ffmpeg[0].split()[1][0].isdigit(), lines
    assert result.stderr == "", "the library probes must not print notices"
    # The bundled components with their licences, and where the full texts are.
    assert "  Qt " + qVersion() + ": LGPL-3.0-only" in lines
    assert any(line.startswith("  FFmpeg ") and line.endswith(": LGPL-2.1-or-later") for line in lines)
    assert any(line.startswith("  msgspec ") and line.endswith(": BSD-3-Clause") for line in lines)
    texts = Path(lines[-1].removeprefix("Licence texts: ").split(" (")[0])
    assert (texts / "LGPL-3.0.txt").read_text().lstrip().startswith("GNU LESSER GENERAL PUBLIC LICENSE")


def test_courses_json_lists_the_builtin_demo(tmp_path: Path) -> None:
    result = run_cli("courses", "--json", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    courses = json.loads(result.stdout)
    demo = [course for course in courses if course["kind"] == "builtin"]
    assert len(demo) == 1
    assert demo[0]["lessons"] == 3
    assert "hips-sacrum" in demo[0]["regions"]


def test_courses_plain_text(tmp_path: Path) -> None:
    result = run_cli("courses", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "smrtplayer Demo" in result.stdout and "(built-in)" in result.stdout


def test_self_test_plays_the_demo_without_a_display(tmp_path: Path) -> None:
    result = run_cli("self-test", "--json", data_dir=tmp_path / "data")
    report = json.loads(result.stdout)
    assert result.returncode == 0, report
    assert report["ok"] is True
    checks = {check["name"]: check for check in report["checks"]}
    assert checks["multimedia-backend"]["ok"]
    assert checks["playback"]["frames"] >= 5
    assert checks["playback"]["played_ms"] >= 1000
    assert checks["container-facts"]["ok"] and checks["container-facts"]["mediainfo"]
    assert checks["container-facts"]["demo_duration_ms"] > 0
    # MediaInfo's library is loaded once the player's decoder has gone and its memory is given back,
    # so that the two never add up (the self-test's peak memory).
    names = [check["name"] for check in report["checks"]]
    assert names.index("container-facts") > names.index("playback")
    assert checks["database"]["quick_check"] == "ok"
    assert checks["database"]["integrity_check"] == "ok" and not checks["database"]["indexes_rebuilt"]
    assert report["qt_platform"] == "offscreen"
    # Qt's harmless notices (no sound server, no GPU) are in the log, not the terminal.
    assert "PulseAudioService" not in result.stderr and "QRhi" not in result.stderr
    assert "Input #0" not in result.stderr, "FFmpeg's description of each file opened goes to the log"


def test_self_test_runs_the_full_check_and_rebuilds_a_damaged_index(tmp_path: Path) -> None:
    from helpers.damage import damage_an_index

    data = tmp_path / "data"
    assert run_cli("courses", data_dir=data).returncode == 0
    damage_an_index(data / "smrtplayer.sqlite3")
    result = run_cli("self-test", "--json", data_dir=data)
    database = {check["name"]: check for check in json.loads(result.stdout)["checks"]}["database"]
    assert database["quick_check"] == "ok", "the damage quick_check cannot see"
    assert database["indexes_rebuilt"] is True and "lessons_fingerprint" in database["integrity_check"][0]
    assert "rebuilt" in database["note"]
    conn = sqlite3.connect(data / "smrtplayer.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_too_new_database_gives_a_clear_message_and_is_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("courses", data_dir=data).returncode == 0
    database = data / "smrtplayer.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = database.read_bytes()
    result = run_cli("courses", data_dir=data)
    assert result.returncode == 74
    assert "newer smrtplayer" in result.stderr
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before


def test_corrupt_database_gives_a_clear_message(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "smrtplayer.sqlite3").write_bytes(b"\x00garbage" * 512)
    result = run_cli("self-test", data_dir=data)
    assert result.returncode == 1
    assert "damaged" in result.stdout or "damaged" in result.stderr


def test_unusable_data_dir_gives_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file, not a folder")
    result = run_cli("courses", data_dir=blocker)
    assert result.returncode == 73
    assert "--data-dir" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="dlopen-based check is Linux only")
def test_window_start_names_a_missing_system_library(tmp_path: Path) -> None:
    """Simulate a machine without libpulse: the app explains instead of letting Qt abort."""
    code = (
        "import smrtplayer.app.syscheck as s, sys;"
        "s.CORE_LIBRARIES = s.CORE_LIBRARIES + "
        "(s.Requirement('libpulse-missing.so.0', 'libpulse0', 'video playback'),);"
        "from smrtplayer.__main__ import main; sys.exit(main(['--data-dir', sys.argv[1]]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 69
    assert "libpulse-missing.so.0" in result.stderr
    assert "sudo apt-get install libpulse0" in result.stderr


def test_window_without_a_display_explains_how_to_get_one(tmp_path: Path) -> None:
    result = run_cli(data_dir=tmp_path / "data")
    if sys.platform != "linux":
        pytest.skip("Linux only")
    assert result.returncode == 69
    assert "no display was found" in result.stderr
    assert "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_refused_import_with_json_still_prints_json(tmp_path: Path) -> None:
    disguised = tmp_path / "notavideo.mp4"
    disguised.write_text("a text file with a video's name")
    result = run_cli("import", "--json", str(disguised), data_dir=tmp_path / "data")
    assert result.returncode == 65
    payload = json.loads(result.stdout)
    assert payload == {
        "error": f"{disguised}: it is a text file, not a video. Nothing was imported.",
        "kind": "ImportRejected",
        "exit_code": 65,
    }
    assert "Nothing was imported" in result.stderr, "people reading the terminal see it too"


def test_a_mistyped_command_is_a_usage_error_not_a_window(tmp_path: Path) -> None:
    result = run_cli("couses", data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert "invalid choice: 'couses'" in result.stderr and "courses" in result.stderr


def test_data_commands_use_the_listed_exit_codes(tmp_path: Path) -> None:
    missing = run_cli("import-data", str(tmp_path / "nope.smrtdata"), data_dir=tmp_path / "data")
    assert missing.returncode == 66 and "does not exist" in missing.stderr
    (tmp_path / "a-file").write_text("x")
    unwritable = run_cli(
        "export-data", str(tmp_path / "a-file" / "data.smrtdata"), data_dir=tmp_path / "data"
    )
    assert unwritable.returncode == 73 and "could not be written" in unwritable.stderr
    helped = run_cli("export-data", "--help", data_dir=tmp_path / "data")
    assert "73" in helped.stdout and "exit codes" in helped.stdout


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path: Path) -> None:
    environment = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    process = subprocess.Popen(
        [sys.executable, "-m", "smrtplayer", "--data-dir", str(tmp_path / "data"), "courses"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as "| head -0" does
    errors = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in errors and "BrokenPipeError" not in errors


def test_the_window_takes_a_language_that_is_not_a_path_to_open(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from smrtplayer.__main__ import _command_names, _split_open_path, build_parser

    monkeypatch.chdir(tmp_path)
    (tmp_path / "de").mkdir()  # a folder named like the language code is still the language
    lesson = tmp_path / "lesson.mp4"
    lesson.write_bytes(b"")
    parser = build_parser()
    argv, open_path = _split_open_path(["--lang", "de", str(lesson)], _command_names(parser))
    assert open_path == lesson.resolve()
    assert parser.parse_args(argv).lang == "de"
