"""A course of MP4 and MKV files with named chapters imports with its positions, seen through
``smrtplayer lessons`` and ``positions``; a user's edit survives re-import; ``positions --import``
is all or nothing and names the row and column of each problem."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from helpers.media import write_clip
from smrtplayer.__main__ import build_parser
from smrtplayer.app.context import AppContext
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.errors import SmrtError

Run = Callable[..., tuple[int, str, str]]
CHAPTERS = [
    (0, 3000, "Gluteus medius – posterior fibres, client's right"),
    (3000, 6000, "Psoas (L), supine, SMRT"),
    (6000, 9000, "Upper trap bilateral"),
    (9000, 12000, "Interlude"),
]


@pytest.fixture
def run(data_dir: Path, capsys: pytest.CaptureFixture[str], qapp) -> Run:  # type: ignore[no-untyped-def]
    def invoke(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        args = build_parser().parse_args(["--data-dir", str(data_dir), *argv])
        try:
            code = int(args.handler(args, AppPaths.resolve(args.data_dir)))
        except SmrtError as error:
            print(f"smrtplayer: {error}", file=sys.stderr)
            code = error.exit_code
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture(scope="module")
def course_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("courses") / "Hips by chapter"
    folder.mkdir()
    clip = {"seconds": 12, "size": (64, 48), "fps": 5}
    write_clip(folder / "01 - Demonstration.mp4", rgb=(10, 20, 30), chapters=CHAPTERS, **clip)  # type: ignore[arg-type]
    write_clip(folder / "02 - Demonstration.mkv", rgb=(30, 20, 10), chapters=CHAPTERS, **clip)  # type: ignore[arg-type]
    write_clip(folder / "03 - Gluteus medius (R).mp4", rgb=(50, 50, 50), **clip)  # type: ignore[arg-type]
    write_clip(folder / "04 - Introduction.mp4", rgb=(70, 70, 70), **clip)  # type: ignore[arg-type]
    return folder


def _positions(run: Run, course: str = "Hips by chapter") -> list[dict[str, object]]:
    code, out, err = run("positions", course, "--json")
    assert code == 0, err
    return list(json.loads(out))


def test_chapters_and_named_files_import_as_positions(run: Run, course_folder: Path) -> None:
    code, out, err = run("import", str(course_folder))
    assert code == 0, out + err

    code, out, _ = run("lessons", "Hips by chapter", "--json")
    assert code == 0
    lessons = json.loads(out)
    assert [(each["title"], each["positions"]) for each in lessons] == [
        ("Demonstration", 4),
        ("Demonstration", 4),
        ("Gluteus medius (R)", 1),
        ("Introduction", 0),
    ]
    assert all(abs(each["duration_ms"] - 12_000) <= 250 for each in lessons)
    assert set(lessons[0]) == {"id", "title", "section", "duration_ms", "positions"}

    positions = _positions(run)
    assert len(positions) == 9
    by_title = {(p["lesson_id"], p["title"]): p for p in positions}
    glute = by_title[(lessons[1]["id"], CHAPTERS[0][2])]  # from the MKV
    assert glute == {
        "lesson": "Demonstration",
        "lesson_id": lessons[1]["id"],
        "start_ms": 0,
        "end_ms": 3000,
        "title": "Gluteus medius – posterior fibres, client's right",
        "region": "hips-sacrum",
        "muscles": ["Gluteus medius"],
        "side": "R",
        "client_position": None,
        "technique": None,
        "hold_ms": None,
        "source": "chapter",
    }
    psoas = by_title[(lessons[0]["id"], "Psoas (L), supine, SMRT")]
    assert (psoas["side"], psoas["client_position"], psoas["technique"]) == ("L", "Supine", "SMRT")
    interlude = by_title[(lessons[0]["id"], "Interlude")]
    assert (interlude["region"], interlude["muscles"], interlude["side"], interlude["end_ms"]) == (
        None,
        [],
        None,  # no word said which side
        12_000,
    )
    bilateral = by_title[(lessons[0]["id"], "Upper trap bilateral")]
    assert bilateral["side"] == "both"
    whole = by_title[(lessons[2]["id"], "Gluteus medius (R)")]
    assert (whole["start_ms"], whole["side"], whole["region"]) == (0, "R", "hips-sacrum")

    code, out, _ = run("positions", "Hips by chapter")
    assert code == 0 and "Gluteus medius – posterior fibres, client's right" in out and "(chapter)" in out


def test_a_users_edit_of_a_chapter_survives_re_import_without_duplicates(
    run: Run, course_folder: Path, app_paths: AppPaths
) -> None:
    assert run("import", str(course_folder))[0] == 0
    before = _positions(run)
    target = next(p for p in before if p["title"] == "Upper trap bilateral")
    context = AppContext.open(app_paths)
    try:
        lesson = context.library.lesson(int(str(target["lesson_id"])))
        assert lesson is not None
        [chapter] = [p for p in context.library.positions(lesson) if p.title == "Upper trap bilateral"]
        from smrtplayer.models.positions import PositionDraft

        edited = replace(
            PositionDraft.of(chapter), title="Upper trapezius, client's left", side="L", hold_ms=30_000
        )
        context.index.edit_position(chapter.uid, edited)
    finally:
        context.close()

    code, out, err = run("import", str(course_folder))
    assert code == 0, out + err
    assert "Refreshed" in out
    after = _positions(run)
    assert len(after) == len(before)
    mine = [p for p in after if p["source"] == "user"]
    assert [(p["title"], p["side"], p["hold_ms"], p["start_ms"]) for p in mine] == [
        ("Upper trapezius, client's left", "L", 30_000, 6000)
    ]
    assert not any(
        p["title"] == "Upper trap bilateral" and p["lesson_id"] == target["lesson_id"] for p in after
    )


def test_positions_csv_reads_back_and_adds_only_new_rows(
    run: Run, course_folder: Path, tmp_path: Path
) -> None:
    assert run("import", str(course_folder))[0] == 0
    code, out, _ = run("positions", "Hips by chapter", "--csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "lesson",
        "lesson_id",
        "start_ms",
        "end_ms",
        "title",
        "region",
        "muscles",
        "side",
        "client_position",
        "technique",
        "hold_ms",
        "source",
    ]
    exported = tmp_path / "positions.csv"
    exported.write_text(out, encoding="utf-8")
    code, out, err = run("positions", "Hips by chapter", "--import", str(exported))
    assert code == 0, err
    assert "0 new positions, 0 changed, 9 unchanged" in out

    # Renamed in a spreadsheet: the chapter becomes the user's, edited; nothing is added.
    interlude = next(row for row in rows if row["title"] == "Interlude")
    interlude.update(title="Hip flexor stretch", region="hips-sacrum", side="L")
    edited = tmp_path / "edited.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    code, out, err = run("positions", "Hips by chapter", "--import", str(edited))
    assert code == 0, err
    assert "0 new positions, 1 changed, 8 unchanged" in out
    after = _positions(run)
    assert len(after) == 9
    [mine] = [p for p in after if p["source"] == "user"]
    assert (mine["title"], mine["side"], mine["start_ms"], mine["lesson_id"]) == (
        "Hip flexor stretch",
        "L",
        interlude_start := int(interlude["start_ms"]),
        int(interlude["lesson_id"]),
    )
    assert interlude_start == 9000

    intro = next(
        p for p in json.loads(run("lessons", "Hips by chapter", "--json")[1]) if p["title"] == "Introduction"
    )
    added = tmp_path / "added.csv"
    added.write_text(
        "lesson,lesson_id,start_ms,end_ms,title,region,muscles,side,client_position,technique,hold_ms,source\n"
        f"Introduction,{intro['id']},1000,4000,Piriformis release,hips-sacrum,piriformis,R,prone,SMRT,"
        "45000,\n",
        encoding="utf-8",
    )
    code, out, err = run("positions", "Hips by chapter", "--import", str(added))
    assert code == 0, err
    [new] = [p for p in _positions(run) if p["lesson_id"] == intro["id"]]
    assert (new["title"], new["muscles"], new["side"], new["hold_ms"], new["source"]) == (
        "Piriformis release",
        ["Piriformis"],
        "R",
        45_000,
        "user",
    )


HEADER = (
    "lesson,lesson_id,start_ms,end_ms,title,region,muscles,side,client_position,technique,hold_ms,source\n"
)


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            "lesson,id,start,end\nx,1,0,1000\n",
            ["row 1 (the header)", "missing column(s): lesson_id, start_ms"],
        ),
        (
            HEADER + "x,{lesson},1:00,2000,Glute,hips-sacrum,,R,,,,\n",
            ["row 2, start_ms: '1:00' is not a time"],
        ),
        (
            HEADER + "x,{lesson},0,2000,Glute,hips-sacrum,,right-ish,,,,\n",
            ["row 2, side: 'right-ish' is not a side"],
        ),
        (
            HEADER + "x,999999,0,2000,Glute,hips-sacrum,,R,,,,\n",
            ["row 2, lesson_id: '999999' is not a lesson"],
        ),
        (
            HEADER + "x,{lesson},0,2000,Fine,hips-sacrum,,R,,,,\n"
            "x,{lesson},5000,4000,Backwards,hips-sacrum,,L,,,,\nx,{lesson},0,99000,Long,,,L,,,,\n",
            [
                "row 3, end_ms: 4000 is not after start_ms (5000)",
                "row 4, end_ms: 99000 is after the end of the lesson",
            ],
        ),
        (
            HEADER + "x,{lesson},0,2000,Fine,hips-sacrum,,R,,,,\nx,{lesson},3000,4000,Nowhere,,,L,,,,\n",
            ["row 3: Choose the body region it belongs to."],
        ),
        (
            HEADER + "x,{lesson},0,2000,Fine,hips-sacrum,,R,,,,\nx,{lesson},abc,,,,,,,,,\n",
            ["row 3, start_ms", "row 3, end_ms"],
        ),
    ],
)
def test_a_bad_csv_adds_nothing_and_names_row_and_column(
    run: Run, course_folder: Path, tmp_path: Path, body: str, said: list[str]
) -> None:
    assert run("import", str(course_folder))[0] == 0
    lesson = json.loads(run("lessons", "Hips by chapter", "--json")[1])[3]["id"]
    before = _positions(run)
    path = tmp_path / "bad.csv"
    path.write_text(body.format(lesson=lesson), encoding="utf-8")
    code, _, err = run("positions", "Hips by chapter", "--import", str(path))
    assert code == 65
    for words in said:
        assert words in err
    assert "nothing was imported" in err.lower()
    assert _positions(run) == before


def test_an_unknown_course_exits_66(run: Run) -> None:
    code, _, err = run("lessons", "No such course")
    assert code == 66 and "There is no course" in err
    assert run("positions", "No such course", "--json")[0] == 66


def test_a_chapter_edited_on_another_computer_arrives_as_the_users_own(
    run: Run,
    course_folder: Path,
    tmp_path: Path,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    from smrtplayer.models.positions import PositionDraft

    here, there = AppPaths.resolve(tmp_path / "here"), AppPaths.resolve(tmp_path / "there")
    moved = tmp_path / "moved.smrtdata"
    for paths in (here, there):
        context = AppContext.open(paths)
        try:
            course_id = context.library.import_course(course_folder).course_id
            if paths is here:
                chapter = next(
                    p
                    for lesson in context.library.lessons(course_id)
                    for p in context.library.positions(lesson)
                    if p.title == "Interlude"
                )
                edited = replace(PositionDraft.of(chapter), title="Hip flexor stretch", region="hips-sacrum")
                context.index.edit_position(chapter.uid, edited)
                context.data_transfer.export_to(moved)
            else:
                context.data_transfer.import_from(moved)
                lessons = context.library.lessons(course_id)
                positions = [p for lesson in lessons for p in context.library.positions(lesson)]
                assert len(positions) == 9
                [mine] = [p for p in positions if p.source == "user"]
                assert (mine.title, mine.region, mine.origin, mine.uid) == (
                    "Hip flexor stretch",
                    "hips-sacrum",
                    "chapter",
                    chapter.uid,
                )
        finally:
            context.close()


def test_a_file_with_bad_chapters_imports_repaired_and_the_report_says_so(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "Odd chapters"
    folder.mkdir()
    hostile = [
        (6000, 9000, "Psoas (R)"),
        (0, 7000, "Piriformis\x1b[2J <script>alert(1)</script>"),  # first, and overlapping the next
        (30_000, 40_000, "After the end"),
    ]
    write_clip(folder / "01 - Odd.mkv", seconds=12, size=(64, 48), fps=5, rgb=(1, 2, 3), chapters=hostile)
    code, out, err = run("import", str(folder), "--json")
    assert code == 0, err
    notes = " ".join(json.loads(out)["notes"])
    assert "01 - Odd.mkv" in notes and "1 chapter past the end" in notes
    positions = _positions(run, "Odd chapters")
    assert [(p["title"], p["start_ms"], p["end_ms"], p["side"]) for p in positions] == [
        ("Piriformis[2J alert(1)", 0, 6000, None),  # the escape character is gone
        ("Psoas (R)", 6000, 12_000, "R"),
    ]


def test_the_real_executable_lists_the_demo_courses_positions(tmp_path: Path) -> None:
    from helpers.cli import run_cli

    data = tmp_path / "data"
    [demo] = json.loads(run_cli("courses", "--json", data_dir=data).stdout)
    listed = run_cli("lessons", str(demo["id"]), "--json", data_dir=data)
    assert listed.returncode == 0, listed.stderr
    lessons = json.loads(listed.stdout)
    assert len(lessons) == demo["lessons"] and all(each["positions"] > 0 for each in lessons)
    table = run_cli("positions", demo["uid"], "--csv", data_dir=data)
    assert table.returncode == 0, table.stderr
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert len(rows) == sum(each["positions"] for each in lessons)
    assert {row["source"] for row in rows} == {"manifest"}
    failed = run_cli("positions", "nope", "--json", data_dir=data)
    assert failed.returncode == 66 and json.loads(failed.stdout)["exit_code"] == 66


def test_a_csv_never_changes_a_manifests_positions(run: Run, tmp_path: Path) -> None:
    [demo] = json.loads(run("courses", "--json")[1])
    code, out, _ = run("positions", str(demo["id"]), "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    rows[0]["title"] = "Renamed in a spreadsheet"
    path = tmp_path / "demo.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    code, out, err = run("positions", str(demo["id"]), "--import", str(path))
    assert code == 0, err
    assert f"0 changed, {len(rows) - 1} unchanged" in out and "1 row differing from the course's own" in out
    titles = [p["title"] for p in _positions(run, str(demo["id"]))]
    assert "Renamed in a spreadsheet" not in titles and len(titles) == len(rows)
