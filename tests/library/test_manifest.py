"""The course manifest: every error names the file, the field path and the line; bounds hold."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers.manifests import BASE
from smrtplayer.common.errors import ManifestError
from smrtplayer.library.manifest import MAX_MANIFEST_BYTES, load_manifest, parse_manifest


def _error(text: str) -> str:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(text.encode("utf-8"), source="/courses/x/course.toml")
    return str(caught.value)


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return text.count("\n", 0, start) + 1


def test_a_valid_manifest_is_read_completely() -> None:
    course = parse_manifest(BASE.encode(), source="course.toml")
    assert (course.id, course.title, course.publisher, course.version) == (
        "test-course",
        "Test Course",
        "Test Publisher",
        "2024.1",
    )
    assert course.regions == ["hips-sacrum", "lower-back"]
    assert [section.title for section in course.sections] == ["Section A", "Section B"]
    first = course.sections[0].lessons[0].positions[0]
    assert (first.start_ms, first.end_ms, first.side, first.hold_s, first.muscles) == (
        0,
        500,
        "R",
        30,
        ["gluteus medius"],
    )
    assert course.sections[1].lessons[0].sha256 is not None


def test_the_demo_course_manifest_is_valid(demo_course_dir: Path) -> None:
    course = load_manifest(demo_course_dir / "course.toml")
    assert len(course.lessons()) == 3


@pytest.mark.parametrize(
    ("old", "new", "message", "field_path", "line_needle"),
    [
        (
            "start_ms = 0",
            'start_ms = "0"',
            "Expected `int`, got `str`",
            ".positions[0].start_ms",
            'start_ms = "0"',
        ),
        ("start_ms = 500", "start_ms = -5", "Expected `int` >= 0", ".positions[1].start_ms", "start_ms = -5"),
        (
            "end_ms = 900",
            "end_ms = 400",
            "ends (400 ms) before it starts",
            ".positions[1].end_ms",
            "end_ms = 400",
        ),
        (
            "start_ms = 500",
            "start_ms = 450",
            "positions may not overlap",
            ".positions[1].start_ms",
            "start_ms = 450",
        ),
        (
            'region = "hips-sacrum"',
            'region = "hipz"',
            "unknown region 'hipz'",
            ".positions[0].region",
            "hipz",
        ),
        ('"lower-back"]', '"knees"]', "unknown region 'knees'", "$.regions[1]", "knees"),
        ('side = "R"', 'side = "right"', "Invalid enum value 'right'", ".positions[0].side", "right"),
        ("hold_s = 30", "hold_s = 0", "Expected `int` >= 1", ".positions[0].hold_s", "hold_s = 0"),
        ("hold_s = 30", "hold_s = 30.5", "Expected `int | null`, got `float`", ".hold_s", "hold_s = 30.5"),
        (
            'title = "Lesson A"\n',
            "",
            "missing required field `title`",
            "$.sections[0].lessons[0]",
            "[[sections.lessons]]",
        ),
        ("hold_s = 30", "hold_s = 30\nholds = 2", "unknown field `holds`", ".positions[0]", "holds = 2"),
        ('sha256 = "a25e', 'sha256 = "zz5e', "Expected `str` matching regex", ".lessons[0].sha256", '"zz5e'),
        ('"Part 2/02 - b.mp4"', '"../02 - b.mp4"', "must be a path inside", ".lessons[0].file", "../02"),
        ('"Part 2/02 - b.mp4"', '"/etc/passwd"', "must be a path inside", ".lessons[0].file", "/etc/passwd"),
        ('"Part 2/02 - b.mp4"', '"C:/x.mp4"', "must be a path inside", ".lessons[0].file", "C:/x.mp4"),
        (
            '"Part 2/02 - b.mp4"',
            '"01 - A.MP4"',
            "is listed twice",
            "$.sections[1].lessons[0].file",
            "01 - A.MP4",
        ),
        ('id = "test-course"', 'id = "Test Course"', "matching regex", "$.id", 'id = "Test Course"'),
        ('title = "Test Course"', 'title = "   "', "matching regex", "$.title", 'title = "   "'),
        (
            "manifest_version = 1",
            "manifest_version = 2",
            "needs a newer smrtplayer",
            "manifest_version",
            "= 2",
        ),
        (
            "manifest_version = 1",
            'manifest_version = "1"',
            "Expected `int`, got `str`",
            "manifest_version",
            '"1"',
        ),
        (
            'muscles = ["gluteus medius"]',
            "muscles = [1]",
            "Expected `str`, got `int`",
            ".muscles[0]",
            "muscles = [1]",
        ),
    ],
)
def test_each_error_names_the_file_the_field_and_the_line(
    old: str, new: str, message: str, field_path: str, line_needle: str
) -> None:
    assert old in BASE
    text = BASE.replace(old, new, 1)
    error = _error(text)
    assert error.startswith("/courses/x/course.toml:"), error
    assert message in error
    assert field_path in error
    assert f"course.toml:{_line_of(text, line_needle)}:" in error


def test_a_missing_required_field_points_at_its_table() -> None:
    error = _error(BASE.replace('file = "01 - a.mp4"\n', ""))
    assert "missing required field `file`" in error
    assert f"course.toml:{_line_of(BASE, '[[sections.lessons]]')}:" in error


def test_toml_syntax_errors_carry_toml_s_own_line() -> None:
    error = _error(BASE.replace('title = "Lesson A"', 'title = "Lesson A'))
    assert "not valid TOML" in error and f"line {_line_of(BASE, 'Lesson A')}" in error


def test_bytes_that_are_not_utf8_are_refused_with_their_line() -> None:
    raw = BASE.encode().replace(b"Lesson B", b"Lesson \xff")
    with pytest.raises(ManifestError, match=rf"course.toml:{_line_of(BASE, 'Lesson B')}: not UTF-8"):
        parse_manifest(raw, source="course.toml")


@pytest.mark.parametrize(
    "text",
    [
        "manifest_version = 1\nx = " + "[" * 50_000 + "]" * 50_000,
        "manifest_version = 1\nx = " + "{a = " * 20_000 + "1" + "}" * 20_000,
        "manifest_version = 1\n" + "a." * 5_000 + "b = 1",
        "manifest_version = 1\n[" + "t." * 5_000 + "u]\n",
        'manifest_version = 1\n"a" . "b" .' * 1 + ' "c".' * 40 + " d = 1",
    ],
)
def test_deeply_nested_documents_are_refused_quickly(text: str) -> None:
    error = _error(text)
    assert "nested" in error


def test_a_million_dotted_keys_cannot_exhaust_memory() -> None:
    """tomllib needs quadratic memory for ``a.a.a...``: the guard must refuse it before parsing."""
    script = textwrap.dedent(
        """
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from smrtplayer.common.errors import ManifestError
        from smrtplayer.library.manifest import parse_manifest
        try:
            parse_manifest(b"a." * 1_000_000 + b"b = 1", source="bomb.toml", known_regions=())
        except ManifestError as error:
            print(error)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "nested more than" in result.stdout


def test_a_huge_document_is_refused_before_parsing(tmp_path: Path) -> None:
    big = BASE + "\n" + "# padding\n" * (MAX_MANIFEST_BYTES // 10 + 1)
    error = _error(big)
    assert "the limit is" in error
    path = tmp_path / "course.toml"
    path.write_text(big, encoding="utf-8")
    with pytest.raises(ManifestError, match="the limit is"):
        load_manifest(path)


def test_many_sections_beyond_the_limit_are_refused() -> None:
    section = '\n[[sections]]\ntitle = "S"\n[[sections.lessons]]\nfile = "{n}.mp4"\ntitle = "L"\n'
    text = BASE + "".join(section.format(n=index) for index in range(501))
    assert "Expected `array` of length <= 500" in _error(text)


def test_a_missing_manifest_is_a_manifest_error(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="cannot read the manifest"):
        load_manifest(tmp_path / "course.toml")


def test_inline_table_manifests_are_accepted_and_located() -> None:
    text = textwrap.dedent(
        """\
        manifest_version = 1
        id = "inline"
        title = "Inline"
        sections = [
          { title = "A", lessons = [ { file = "a.mp4", title = "A", positions = [
              { title = "p", start_ms = 10, end_ms = 5 } ] } ] },
        ]
        """
    )
    error = _error(text)
    assert "$.sections[0].lessons[0].positions[0].end_ms" in error and "course.toml:" in error
    ok = parse_manifest(text.replace("end_ms = 5", "end_ms = 50").encode(), source="inline.toml")
    assert ok.sections[0].lessons[0].positions[0].end_ms == 50
