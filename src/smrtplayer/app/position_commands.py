"""``lessons`` and ``positions``: a course's lessons and positions for scripts, and positions read back.

``positions COURSE --csv`` writes the columns ``POSITION_COLUMNS``; ``--import FILE.csv`` reads the same
columns back as the user's own positions (a row over a position's span edits it: see
``IndexService.import_positions``), all or nothing: every row is checked first and the first
problems found are listed, each naming its row (counted as a spreadsheet shows it, the header being
row 1) and its column.
"""

from __future__ import annotations

import csv
import io
import sys
from argparse import Namespace
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from smrtplayer.app.cli import _dump, _open, _require_course, _say
from smrtplayer.app.paths import AppPaths
from smrtplayer.common.errors import SmrtError
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.userfile import read_user_file
from smrtplayer.common.wording import counted
from smrtplayer.index import PositionRejected
from smrtplayer.models.library import Lesson
from smrtplayer.models.positions import Position, PositionDraft

POSITION_COLUMNS = (
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
)
MAX_CSV_BYTES = 16 * 1024 * 1024
MAX_LISTED_PROBLEMS = 20
_SIDES = {"L": "L", "R": "R", "BOTH": "both", "": "both"}


class PositionFileRejected(SmrtError):
    """A positions CSV that cannot be imported; nothing was added."""

    exit_code = 65


def cmd_lessons(args: Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    try:
        course = _require_course(context, args.course)
        rows: list[dict[str, Any]] = [
            {
                "id": lesson.id,
                "title": lesson.title,
                "section": lesson.section_title,
                "duration_ms": lesson.duration_ms,
                "positions": len(context.library.positions(lesson)),
            }
            for lesson in context.library.lessons(course.id)
        ]
    finally:
        context.close()
    if args.json:
        _dump(rows)
        return 0
    for row in rows:
        length = clock_text(row["duration_ms"]) if row["duration_ms"] is not None else "?"
        _say(
            f"{row['id']:>5}  {row['section']} / {row['title']}  {length}  "
            f"{counted(row['positions'], 'position')}"
        )
    return 0


def cmd_positions(args: Namespace, paths: AppPaths) -> int:
    context = _open(paths)
    try:
        course = _require_course(context, args.course)
        lessons = context.library.lessons(course.id)
        if args.import_file is not None:
            drafts = read_positions_csv(Path(args.import_file), lessons)
            try:
                done = context.index.import_positions(drafts)
            except PositionRejected as error:
                raise PositionFileRejected(_refusal(Path(args.import_file), error.reasons)) from None
            _say(
                f"Imported into “{course.title}”: {counted(done.added, 'new position')}, "
                f"{done.changed} changed, {done.unchanged} unchanged."
            )
            if done.kept_course:
                _say(
                    f"{counted(done.kept_course, 'row')} differing from the course's own positions "
                    "(from its manifest) left them as they are; add such a change as a new position."
                )
            return 0
        rows = [
            position_row(lesson, position)
            for lesson in lessons
            for position in context.library.positions(lesson)
        ]
    finally:
        context.close()
    if args.json:
        _dump(rows)
    elif args.csv:
        sys.stdout.write(positions_csv(rows))
    else:
        for row in rows:
            _say(
                f"{row['lesson_id']:>5}  {clock_text(row['start_ms'])}–{clock_text(row['end_ms'])}  "
                f"{row['title']}  [{row['side'] or '-'}]  ({row['source']})"
            )
    return 0


def position_row(lesson: Lesson, position: Position) -> dict[str, Any]:
    return {
        "lesson": lesson.title,
        "lesson_id": lesson.id,
        "start_ms": position.start_ms,
        "end_ms": position.end_ms,
        "title": position.title,
        "region": position.region or None,
        "muscles": list(position.muscles),
        "side": position.side if position.side_known else None,
        "client_position": position.client_position or None,
        "technique": position.technique or None,
        "hold_ms": position.hold_ms,
        "source": position.source_name,
    }


def positions_csv(rows: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=POSITION_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                **{key: "" if value is None else value for key, value in row.items()},
                "muscles": "; ".join(row["muscles"]),
            }
        )
    return out.getvalue()


def read_positions_csv(path: Path, lessons: Sequence[Lesson]) -> list[tuple[int, PositionDraft]]:
    """(row number, draft) for every row; raises ``PositionFileRejected`` naming rows and columns."""
    raw = read_user_file(path, limit=MAX_CSV_BYTES, what="a positions file", error=PositionFileRejected)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PositionFileRejected(
            f"{path}: it is not UTF-8 text (byte {error.start}). Nothing was imported."
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [column for column in POSITION_COLUMNS if column not in header and column != "source"]
    unknown = [column for column in header if column not in POSITION_COLUMNS]
    if missing or unknown:
        said = []
        if missing:
            said.append(f"missing column(s): {', '.join(missing)}")
        if unknown:
            said.append(f"unknown column(s): {', '.join(map(repr, unknown))}")
        raise PositionFileRejected(
            f"{path}: row 1 (the header): {'; '.join(said)}. Expected: {','.join(POSITION_COLUMNS)}. "
            "Nothing was imported."
        )
    by_id = {str(lesson.id): lesson for lesson in lessons}
    drafts: list[tuple[int, PositionDraft]] = []
    problems: list[str] = []
    for number, row in enumerate(reader, start=2):
        if None in row:
            problems.append(f"row {number}: more values than columns")
            continue
        draft = _draft(row, by_id, number, problems)
        if draft is not None:
            drafts.append((number, draft))
    if problems:
        raise PositionFileRejected(_refusal(path, problems))
    if not drafts:
        raise PositionFileRejected(f"{path}: it has no positions. Nothing was imported.")
    return drafts


def _draft(
    row: dict[str, str | None], lessons: dict[str, Lesson], number: int, problems: list[str]
) -> PositionDraft | None:
    def text(column: str) -> str:
        return (row.get(column) or "").strip()

    failures = 0

    def fail(column: str, why: str) -> None:
        nonlocal failures
        failures += 1
        problems.append(f"row {number}, {column}: {why}")

    lesson = lessons.get(text("lesson_id"))
    if lesson is None:
        fail(
            "lesson_id",
            f"{text('lesson_id')!r} is not a lesson of this course ('smrtplayer lessons' lists them)",
        )
    times: dict[str, int] = {}
    for column in ("start_ms", "end_ms"):
        value = text(column)
        if not value.isdigit() or len(value) > 12:
            fail(column, f"{value!r} is not a time in whole milliseconds")
        else:
            times[column] = int(value)
    hold: int | None = None
    if text("hold_ms"):
        if not text("hold_ms").isdigit() or len(text("hold_ms")) > 9:
            fail("hold_ms", f"{text('hold_ms')!r} is not a hold in whole milliseconds")
        else:
            hold = int(text("hold_ms"))
    side = _SIDES.get(text("side").upper())
    if side is None:
        fail("side", f"{text('side')!r} is not a side (L, R or both)")
    source = text("source")
    if source not in ("", "user", "chapter", "manifest"):
        fail("source", f"{source!r} is not a source (user, chapter or manifest)")
    if lesson is not None and len(times) == 2:
        if times["end_ms"] <= times["start_ms"]:
            fail("end_ms", f"{times['end_ms']} is not after start_ms ({times['start_ms']})")
        elif lesson.duration_ms and times["end_ms"] > lesson.duration_ms:
            fail("end_ms", f"{times['end_ms']} is after the end of the lesson ({lesson.duration_ms} ms)")
    if not text("title"):
        fail("title", "the position needs a title")
    if failures or lesson is None or side is None:
        return None
    return PositionDraft(
        lesson_fingerprint=lesson.fingerprint,
        start_ms=times["start_ms"],
        end_ms=times["end_ms"],
        title=text("title"),
        region=text("region"),
        muscles=tuple(name.strip() for name in text("muscles").split(";") if name.strip()),
        side=side,
        client_position=text("client_position"),
        technique=text("technique"),
        hold_ms=hold,
    )


def _refusal(path: Path, problems: list[str]) -> str:
    listed = "\n  ".join(problems[:MAX_LISTED_PROBLEMS])
    more = (
        f"\n  (and {len(problems) - MAX_LISTED_PROBLEMS} more)" if len(problems) > MAX_LISTED_PROBLEMS else ""
    )
    return f"{path}: nothing was imported:\n  {listed}{more}"
