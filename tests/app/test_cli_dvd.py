"""A DVD imported through the CLI: ``lessons`` shows one lesson per title, ``positions`` its chapters."""

from __future__ import annotations

import json
from pathlib import Path

from app.test_cli_positions import Run, run  # noqa: F401  (the "run" fixture)
from helpers.dvd import AuthoredDvd


def test_lessons_and_positions_list_a_dvd_title_and_its_chapters(
    run: Run,  # noqa: F811
    tmp_path: Path,
    authored_dvd: AuthoredDvd,
) -> None:
    code, out, err = run("import", str(authored_dvd.copy_to(tmp_path)), "--json")
    assert code == 0, out + err
    course = json.loads(out)["title"]
    code, out, err = run("lessons", course, "--json")
    assert code == 0, err
    [lesson] = json.loads(out)
    starts = authored_dvd.chapter_starts_ms
    assert (lesson["title"], lesson["duration_ms"], lesson["positions"]) == (
        "Title 1",
        authored_dvd.duration_ms,
        len(starts),
    )
    code, out, err = run("positions", course, "--json")
    assert code == 0, err
    positions = json.loads(out)
    ends = [*starts[1:], authored_dvd.duration_ms]
    assert [(p["title"], p["start_ms"], p["end_ms"], p["source"]) for p in positions] == [
        (f"Chapter {number}", start, end, "chapter")
        for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1)
    ]
    assert {p["lesson_id"] for p in positions} == {lesson["id"]}
