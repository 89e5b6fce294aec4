"""Control characters, NUL and bidi overrides in titles: stripped at import, escaped on the terminal."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from helpers.cli import run_cli
from smrtplayer.common.controlchars import clean_text, has_unsafe, json_safe, terminal_safe
from smrtplayer.index.indexfile import IndexFileError, parse_index_file
from smrtplayer.library.manifest import parse_manifest
from smrtplayer.library.naming import clean_title

#: set the terminal's title, clear the screen, forge a line, NUL, C1 CSI, bidi override, line separator
HOSTILE = "A\x1b]0;owned\x07B\x1b[2J\r\nsmrtplayer: done\x00\x9b31m\u202eevil\u2028x"


def test_clean_text_drops_controls_and_turns_breaks_into_spaces() -> None:
    cleaned = clean_text(HOSTILE)
    assert not has_unsafe(cleaned)
    assert cleaned == "A]0;ownedB[2J smrtplayer: done31mevil x"
    assert clean_text("line one\r\nline two\ttab", multiline=True) == "line one\nline two\ttab"
    assert clean_text("Ilio-psoas – café 🦴") == "Ilio-psoas – café 🦴", "ordinary text is kept as it is"


def test_terminal_safe_shows_every_control_as_an_escape_on_one_line() -> None:
    shown = terminal_safe(HOSTILE)
    assert not has_unsafe(shown)
    assert "\\x1b]0;owned\\x07" in shown and "\\r\\n" in shown and "\\u202e" in shown and "\\x00" in shown
    assert terminal_safe("Error:\nadvice", keep_newlines=True) == "Error:\nadvice"
    assert terminal_safe("Error:\r\x1b[2J", keep_newlines=True) == "Error:\\r\\x1b[2J"
    document = json.dumps({"title": HOSTILE}, ensure_ascii=False)
    assert json.loads(json_safe(document)) == {"title": HOSTILE}, "still the same JSON"
    assert not has_unsafe(json_safe(document).replace("\n", ""))


def test_a_manifest_title_loses_its_controls_and_a_file_name_keeps_them() -> None:
    text = f"""
manifest_version = 1
id = "hostile"
title = {json.dumps(HOSTILE)}
description = "line one\\nline two\\u001b[2J"

[[sections]]
title = "\\u202eSection\\u0000"

[[sections.lessons]]
file = "01.mp4"
title = "Lesson\\r\\nsmrtplayer: forged"

[[sections.lessons.positions]]
title = "Pos\\u001b]0;x\\u0007"
start_ms = 0
end_ms = 1000
muscles = ["psoas\\u009b"]
technique = "\\u2066glide"
"""
    course = parse_manifest(text.encode(), source="course.toml", known_regions=())
    lesson = course.sections[0].lessons[0]
    position = lesson.positions[0]
    texts = [course.title, course.sections[0].title, lesson.title, position.title, position.technique]
    texts += position.muscles
    assert not any(has_unsafe(text) for text in texts), texts
    assert course.description == "line one\nline two[2J"
    assert lesson.title == "Lesson smrtplayer: forged"


def test_a_title_from_a_file_name_loses_its_controls() -> None:
    assert clean_title("03 \x1b[2JPsoas\r\nrelease\u202e") == "[2JPsoas release"


def _index_file(title: str, course_title: str = "Course") -> bytes:
    return json.dumps(
        {
            "format": "smrtplayer-index",
            "version": 1,
            "course": {"uid": "c", "title": course_title},
            "lessons": [
                {
                    "fingerprint": "sha-0123456789abcdef",
                    "title": "Lesson\x1b[2J",
                    "positions": [
                        {
                            "uid": "p1",
                            "title": title,
                            "start_ms": 0,
                            "end_ms": 1000,
                            "muscles": ["psoas\u202e", "\x00"],
                            "technique": "glide\r\n",
                        }
                    ],
                }
            ],
        }
    ).encode()


def test_an_index_file_loses_controls_and_refuses_a_title_of_nothing_else() -> None:
    document = parse_index_file(_index_file(HOSTILE, "C\u202eourse"), source="x.smrtindex.json")
    position = document.lessons[0].positions[0]
    assert document.course.title == "Course"
    assert document.lessons[0].title == "Lesson[2J"
    assert position.title == clean_text(HOSTILE)
    assert position.muscles == ["psoas"] and position.technique == "glide "
    with pytest.raises(IndexFileError, match="nothing but control characters"):
        parse_index_file(_index_file("\x1b\x07\u202e"), source="x.smrtindex.json")


def test_courses_and_verify_escape_titles_already_in_the_library(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("courses", data_dir=data).returncode == 0
    with sqlite3.connect(data / "smrtplayer.sqlite3") as conn:
        conn.execute("UPDATE courses SET title = ?", (HOSTILE,))
        conn.execute("UPDATE lessons SET title = ?", (HOSTILE,))
    for args in (("courses",), ("verify",), ("courses", "--json"), ("verify", "--json")):
        result = run_cli(*args, data_dir=data)
        for stream in (result.stdout, result.stderr):
            assert not has_unsafe(stream.replace("\n", "")), (args, stream)
        if "--json" in args:
            assert any(item["title"] == HOSTILE for item in json.loads(result.stdout)), "JSON keeps the text"
        else:
            assert "\\x1b]0;owned" in result.stdout, args
            assert not any(line.startswith("smrtplayer: done") for line in result.stdout.splitlines()), args
