"""``smrtplayer import / verify / relink / remove / courses``: output, JSON and exit codes.

Most tests run the command handlers in-process (the parser and handlers ``main`` uses, minus its
process-wide logging set-up); one runs the real executable end to end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.cli import run_cli
from helpers.library import make_course_folder, make_zip
from helpers.media import MediaFactory
from smrtplayer.__main__ import build_parser
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.errors import SmrtError

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp) -> Run:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"

    def invoke(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        args = build_parser().parse_args(["--data-dir", str(data), *argv])
        try:
            code = int(args.handler(args, AppPaths.resolve(args.data_dir)))
        except SmrtError as error:
            print(f"smrtplayer: {error}", file=sys.stderr)
            code = error.exit_code
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_import_lists_skipped_files_and_exits_3(run: Run, tmp_path: Path, media: MediaFactory) -> None:
    folder = make_course_folder(tmp_path / "Thighs & Knees", ["1 - a.mp4", "2 - b.mp4"], media)
    (folder / "3 - broken.mp4").write_text("404 not found")
    code, out, _ = run("import", str(folder))
    assert code == 3
    assert "Imported 'Thighs & Knees' as course" in out and "2 lessons, used in place" in out
    assert "3 - broken.mp4: it is a text file, not a video" in out and "regions: thighs-knees" in out

    code, out, _ = run("courses", "--json")
    [course] = [item for item in json.loads(out) if item["kind"] != "builtin"]
    assert (course["title"], course["lessons"], course["available"], course["duration_ms"]) == (
        "Thighs & Knees",
        2,
        True,
        2000,
    )


def test_import_json_and_a_clean_copy_exits_0(run: Run, tmp_path: Path, media: MediaFactory) -> None:
    folder = make_course_folder(tmp_path / "Ribcage", ["1 - a.mp4", "1 - a.srt"], media)
    code, out, _ = run("import", "--copy", "--json", str(folder))
    assert code == 0
    report = json.loads(out)
    assert (report["kind"], report["lessons"], report["skipped"], report["regions"]) == (
        "copied",
        1,
        [],
        ["ribcage"],
    )
    assert Path(report["path"]).is_dir() and Path(report["path"]).parent == tmp_path / "data" / "library"


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["import", "{tmp}/nowhere"], 66, "does not exist"),
        (["import", "{tmp}/bad.zip"], 65, "climbs out"),
        (["import", "--link", "{tmp}/bad.zip"], 65, "cannot be used in place"),
        (["verify", "no such course"], 66, "There is no course 'no such course'"),
        (["relink", "42", "{tmp}"], 66, "There is no course '42'"),
    ],
)
def test_errors_have_their_exit_code_and_no_traceback(
    run: Run, tmp_path: Path, argv: list[str], code: int, message: str
) -> None:
    make_zip(tmp_path / "bad.zip", [("../../evil.mp4", b"x")])
    result, _, err = run(*(arg.format(tmp=tmp_path) for arg in argv))
    assert result == code and message in err and "Traceback" not in err


def test_verify_then_damage_then_verify(run: Run, tmp_path: Path, media: MediaFactory) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    code, out, _ = run("import", "--json", str(folder))
    course_id = str(json.loads(out)["course_id"])
    code, out, _ = run("verify", course_id)
    assert code == 0 and "2/2 files ok  [ok]" in out

    data = bytearray((folder / "2.mp4").read_bytes())
    data[-1] ^= 1
    (folder / "2.mp4").write_bytes(bytes(data))
    code, out, _ = run("verify", course_id, "--json")
    assert code == 3
    [report] = json.loads(out)
    assert [check["status"] for check in report["checks"]] == ["ok", "mismatch"]

    code, out, _ = run("verify")  # every course, the built-in demo included
    assert code == 3 and "smrtplayer Demo" in out and "mismatch   2.mp4" in out


def test_a_moved_course_is_missing_until_relinked(run: Run, tmp_path: Path, media: MediaFactory) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4", "2.mp4"], media)
    _, out, _ = run("import", "--json", str(folder))
    course_id = str(json.loads(out)["course_id"])
    moved = tmp_path / "moved"
    folder.rename(moved)
    code, out, _ = run("courses")
    assert code == 0 and "[MISSING: relink it]" in out

    (moved / "2.mp4").unlink()
    code, out, _ = run("relink", course_id, str(moved))
    assert code == 3 and "1 lesson(s) found" in out and "not found: 2" in out
    code, out, _ = run("courses")
    assert "MISSING" not in out

    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("relink", course_id, str(empty), "--json")
    assert code == 65 and "nothing was changed" in err


def test_remove_keeps_linked_files(run: Run, tmp_path: Path, media: MediaFactory) -> None:
    folder = make_course_folder(tmp_path / "course", ["1.mp4"], media)
    _, out, _ = run("import", "--json", str(folder))
    code, out, _ = run("remove", str(json.loads(out)["course_id"]))
    assert code == 0 and "were not touched" in out and (folder / "1.mp4").is_file()


def test_two_courses_with_one_title_are_told_apart_by_id(
    run: Run, tmp_path: Path, media: MediaFactory
) -> None:
    first = make_course_folder(tmp_path / "a" / "Loose", ["1.mp4"], media)
    second = make_course_folder(tmp_path / "b" / "Loose", ["2.mp4"], media, first_index=2)
    results = [run("import", "--json", str(folder)) for folder in (first, second)]
    assert [code for code, _out, _err in results] == [0, 0], results
    ids = [json.loads(out)["course_id"] for _code, out, _err in results]
    code, _, err = run("remove", "loose")
    assert code == 66
    assert f"2 courses are called 'loose' (ids {ids[0]}, {ids[1]}); give the id instead" in err
    code, _out, _ = run("remove", str(ids[1]))
    assert code == 0
    code, _out, _ = run("remove", "Loose")  # one left: the title is enough again
    assert code == 0


def test_the_real_command_line(tmp_path: Path, media: MediaFactory) -> None:
    """One end-to-end run of the executable: help with exit codes, an import, a refusal."""

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*argv, data_dir=tmp_path / "data")

    help_text = cli("import", "--help")
    assert help_text.returncode == 0 and "exit codes" in help_text.stdout and "65" in help_text.stdout
    folder = make_course_folder(tmp_path / "Upper Back", ["1.mp4"], media)
    shutil.copyfile(folder / "1.mp4", folder / "cut.mp4")
    with (folder / "cut.mp4").open("r+b") as handle:
        handle.truncate(300)
    result = cli("import", str(folder))
    assert result.returncode == 3, result.stderr
    assert "cut.mp4: the file is incomplete" in result.stdout
    refused = cli("import", str(make_zip(tmp_path / "evil.zip", [("/etc/evil", b"x")])))
    assert refused.returncode == 65 and "'/etc/evil'" in refused.stderr and "Traceback" not in refused.stderr


def test_a_read_only_data_folder_refuses_every_change_and_never_claims_one(
    tmp_path: Path, media: MediaFactory
) -> None:
    from helpers.mounts import read_only

    data = tmp_path / "data"
    kept = make_course_folder(tmp_path / "Kept", ["1.mp4"], media)
    imported = run_cli("import", "--json", str(kept), data_dir=data)
    assert imported.returncode == 0, imported.stderr
    course_id = str(json.loads(imported.stdout)["course_id"])
    new = make_course_folder(tmp_path / "New", ["1.mp4"], media, first_index=2)
    database = data / "smrtplayer.sqlite3"
    before = database.read_bytes()

    with read_only(data):
        for argv in (
            ["import", str(new)],
            ["import", "--copy", str(new)],
            ["import", "--json", "--copy", str(new)],
            ["remove", course_id],
            ["relink", course_id, str(kept)],
        ):
            result = run_cli(*argv, data_dir=data)
            assert result.returncode in (73, 74), (argv, result.returncode, result.stderr)
            assert "Traceback" not in result.stderr, argv
            assert "read-only" in result.stderr and "cannot be changed" in result.stderr, argv
            assert "Imported" not in result.stdout and "Removed" not in result.stdout, argv
            assert "Relinked" not in result.stdout, argv
            if "--json" in argv:
                assert json.loads(result.stdout)["exit_code"] == result.returncode
    assert database.read_bytes() == before
    listed = run_cli("courses", "--json", data_dir=data)
    titles = [course["title"] for course in json.loads(listed.stdout) if course["kind"] != "builtin"]
    assert titles == ["Kept"]
    assert sorted(path.name for path in (data / "library").iterdir()) == []


def test_absurd_header_numbers_skip_that_file_and_the_rest_is_imported(
    tmp_path: Path, media: MediaFactory
) -> None:
    from helpers import containers

    folder = make_course_folder(tmp_path / "Mixed", ["1 - good.mp4", "2 - good.mp4"], media)
    containers.write(folder / "3 - mvhd.mp4", containers.mp4(timescale=1, duration=2**64 - 2))
    containers.write(folder / "4 - width.mkv", containers.matroska(width=2**64 - 1))
    containers.write(folder / "5 - scale.webm", containers.matroska(timestamp_scale=2**64 - 1))
    result = run_cli("import", "--json", str(folder), data_dir=tmp_path / "data")
    assert result.returncode == 3, result.stderr
    report = json.loads(result.stdout)
    assert report["lessons"] == 2
    skipped = {item["path"]: item["reason"] for item in report["skipped"]}
    assert sorted(skipped) == ["3 - mvhd.mp4", "4 - width.mkv", "5 - scale.webm"]
    assert all("impossible" in reason for reason in skipped.values()), skipped


def test_importing_the_same_zip_again_refreshes_the_course(
    run: Run, tmp_path: Path, media: MediaFactory
) -> None:
    folder = make_course_folder(tmp_path / "Pelvis", ["1 - a.mp4"], media)
    archive = tmp_path / "pelvis.zip"
    make_zip(archive, [(f"Pelvis/{file.name}", file.read_bytes()) for file in folder.iterdir()])
    assert run("import", str(archive))[0] == 0
    code, out, err = run("import", str(archive))
    assert code == 0, err
    assert "Refreshed 'Pelvis' as course" in out
    code, out, _ = run("courses", "--json")
    assert [item["title"] for item in json.loads(out) if item["kind"] != "builtin"] == ["Pelvis"]
