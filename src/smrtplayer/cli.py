"""Headless sub-commands: no window is opened, and Qt is loaded only when a command needs it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from smrtplayer.context import AppContext
from smrtplayer.paths import AppPaths


def add_commands(subparsers: Any) -> None:
    courses = subparsers.add_parser("courses", help="list the courses in the library")
    courses.add_argument("--json", action="store_true", help="machine-readable output")
    courses.set_defaults(handler=cmd_courses)

    self_test = subparsers.add_parser(
        "self-test", help="check the database, the multimedia backend and play the demo course"
    )
    self_test.add_argument("--json", action="store_true", help="print the report as JSON")
    self_test.set_defaults(handler=cmd_self_test)


def _format_ms(ms: int) -> str:
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def cmd_courses(args: argparse.Namespace, paths: AppPaths) -> int:
    context = AppContext.open(paths)
    try:
        courses = context.library.courses()
        if args.json:
            payload = [
                {
                    "id": course.id,
                    "uid": course.uid,
                    "title": course.title,
                    "publisher": course.publisher,
                    "kind": course.kind,
                    "path": str(course.root_path),
                    "available": course.available,
                    "regions": list(course.regions),
                    "lessons": course.lesson_count,
                    "watched": course.watched_count,
                    "duration_ms": course.total_duration_ms,
                }
                for course in courses
            ]
            json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            if not courses:
                print("No courses yet. Import one with: smrtplayer import PATH")
            for course in courses:
                status = "" if course.available else "  [MISSING: relink it]"
                tag = " (built-in)" if course.kind == "builtin" else ""
                print(
                    f"{course.id:>4}  {course.title}{tag}  {course.lesson_count} lessons"
                    f"  {_format_ms(course.total_duration_ms)}{status}"
                )
        for problem in context.library.problems:
            print(f"warning: {problem}", file=sys.stderr)
    finally:
        context.close()
    return 0


def cmd_self_test(args: argparse.Namespace, paths: AppPaths) -> int:
    from smrtplayer.selftest import run_self_test

    report = run_self_test(paths)
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for check in report["checks"]:
            mark = "ok  " if check["ok"] else "FAIL"
            detail = check.get("error") or ""
            print(f"{mark} {check['name']:<20} {detail}")
        print("self-test passed" if report["ok"] else "self-test FAILED")
    return 0 if report["ok"] else 1
