"""``smrtplayer sync`` and ``sync status`` as a user runs them: the real executable on two data folders."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import run_cli
from helpers.syncdata import Device
from smrtplayer.app.paths import AppPaths
from smrtplayer.store.db import Store


def test_sync_round_trip_and_status_from_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    home, clinic = tmp_path / "home", tmp_path / "clinic"
    assert run_cli("courses", data_dir=home).returncode == 0
    assert run_cli("courses", data_dir=clinic).returncode == 0
    home_db = Device("home", home, Store.open(AppPaths.resolve(home).database))
    home_db.write_note("n1", "psoas", "2026-03-01T10:00:00.000+00:00")
    home_db.close()

    sent = run_cli("sync", "--folder", str(folder), "--json", data_dir=home)
    assert sent.returncode == 0, sent.stderr
    out = json.loads(sent.stdout)
    assert out["sent"] >= 1 and out["received"] == 0 and out["conflicts"] == 0 and out["devices"] == []

    got = run_cli("sync", "--folder", str(folder), "--json", data_dir=clinic)
    assert got.returncode == 0, got.stderr
    came = json.loads(got.stdout)
    assert came["received"] >= 1 and came["devices"] == [out["device"]]

    # The folder is remembered, and the status reports the devices seen.
    status = run_cli("sync", "status", "--json", data_dir=clinic)
    assert status.returncode == 0, status.stderr
    state = json.loads(status.stdout)
    assert [d["device"] for d in state["devices"]] == [out["device"]]
    assert state["devices"][0]["name"]  # the other computer's name, for people
    assert state["waiting"] == 0 and state["last_sync_at"]
    text = run_cli("sync", data_dir=clinic)
    assert text.returncode == 0 and "0 received" in text.stdout
    # Sessions with clients go out once asked for, and the choice is remembered.
    assert run_cli("sync", "--include-sessions", data_dir=clinic).returncode == 0
    remembered = Store.open(AppPaths.resolve(clinic).database)
    try:
        row = remembered.conn.execute(
            "SELECT value FROM settings WHERE key = 'local.sync_sessions'"
        ).fetchone()
    finally:
        remembered.close()
    assert row is not None and json.loads(row[0]) is True

    clinic_db = Store.open(AppPaths.resolve(clinic).database)
    try:
        bodies = [row[0] for row in clinic_db.conn.execute("SELECT body FROM notes WHERE uid = 'n1'")]
    finally:
        clinic_db.close()
    assert bodies == ["psoas"]


def test_sync_without_a_folder_says_how_to_choose_one(tmp_path: Path) -> None:
    result = run_cli("sync", "--json", data_dir=tmp_path / "data")
    assert result.returncode == 66
    assert "--folder" in json.loads(result.stdout)["error"]
    missing = run_cli("sync", "--folder", str(tmp_path / "nowhere"), data_dir=tmp_path / "data")
    assert missing.returncode == 73 and "does not exist" in missing.stderr


def test_the_window_takes_a_sync_folder_that_is_not_a_path_to_open(tmp_path: Path) -> None:
    from smrtplayer.__main__ import _command_names, _split_open_path, build_parser

    parser = build_parser()
    argv, open_path = _split_open_path(["--sync-folder", str(tmp_path)], _command_names(parser))
    assert open_path is None
    assert parser.parse_args(argv).sync_folder == str(tmp_path)
