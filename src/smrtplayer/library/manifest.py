"""The course manifest (``course.toml``), version 1; see docs/manifest.md.

Parsed with ``tomllib`` and validated with msgspec: structural errors carry msgspec's field path
(``$.sections[0].lessons[1]...``), which is mapped back to a line of the file. Cross-field rules (times
in order, no overlaps, unique files, known regions) are checked after decoding and reported the same
way. The only exception that leaves ``parse_manifest`` is ``ManifestError``: the text is bounded in
size before it is parsed, and so is the depth of its dotted keys (tomllib spends quadratic time and
memory on ``a.a.a...``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

import msgspec

from smrtplayer.common.controlchars import clean_text
from smrtplayer.common.errors import ManifestError
from smrtplayer.common.userfile import read_user_file
from smrtplayer.models.positions import NewPosition

MANIFEST_NAME = "course.toml"
MANIFEST_VERSION = 1
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
MAX_KEY_DEPTH = 32
_VERBATIM_KEYS = frozenset({"file", "id", "sha256"})
_MULTILINE_KEYS = frozenset({"description"})

# A run of MAX_KEY_DEPTH dotted key parts, bare or quoted; possessive so that it scans in linear time.
_DEEP_KEY = re.compile(
    r"""(?<![\w"'-])(?:(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')[ \t]*+\.[ \t]*+)"""
    + f"{{{MAX_KEY_DEPTH}}}"
)

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=300, pattern=r"\S")]
LongText = Annotated[str, msgspec.Meta(max_length=5000)]
Millis = Annotated[int, msgspec.Meta(ge=0, le=48 * 3600 * 1000)]
HoldSeconds = Annotated[int, msgspec.Meta(gt=0, le=3600)]
Sha256 = Annotated[str, msgspec.Meta(pattern="^[0-9a-fA-F]{64}$")]
Side = Literal["L", "R", "both"]


class Position(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    title: Text
    start_ms: Millis
    end_ms: Millis
    region: Annotated[str, msgspec.Meta(max_length=100)] = ""
    muscles: Annotated[list[Text], msgspec.Meta(max_length=50)] = []
    side: Side = "both"
    client_position: Annotated[str, msgspec.Meta(max_length=100)] = ""
    technique: Annotated[str, msgspec.Meta(max_length=100)] = ""
    hold_s: HoldSeconds | None = None

    def new_position(self) -> NewPosition:
        """The position as the library keeps it: the manifest gives the hold in whole seconds (what a
        publisher writes by hand), the library in milliseconds."""
        return NewPosition(
            title=self.title,
            start_ms=self.start_ms,
            end_ms=self.end_ms,
            region=self.region,
            muscles=tuple(self.muscles),
            side=self.side,
            client_position=self.client_position,
            technique=self.technique,
            hold_ms=self.hold_s * 1000 if self.hold_s else None,
        )


class Lesson(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    file: Text
    title: Text
    sha256: Sha256 | None = None
    positions: Annotated[list[Position], msgspec.Meta(max_length=2000)] = []


class Section(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    title: Text
    lessons: Annotated[list[Lesson], msgspec.Meta(min_length=1, max_length=5000)]


class Course(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    manifest_version: Literal[1]
    id: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9._-]{0,99}$")]
    title: Text
    publisher: Annotated[str, msgspec.Meta(max_length=200)] = ""
    version: Annotated[str, msgspec.Meta(max_length=50)] = ""
    description: LongText = ""
    regions: Annotated[list[Text], msgspec.Meta(max_length=50)] = []
    sections: Annotated[list[Section], msgspec.Meta(min_length=1, max_length=500)]

    def lessons(self) -> list[tuple[Section, Lesson]]:
        return [(section, lesson) for section in self.sections for lesson in section.lessons]


def load_manifest(path: Path, *, known_regions: Iterable[str] | None = None) -> Course:
    """Read and validate ``path``; raise ``ManifestError`` naming the file, field and line."""
    try:
        raw = read_user_file(path, limit=MAX_MANIFEST_BYTES, what="a manifest", error=ManifestError)
    except OSError as error:
        raise ManifestError(f"{path}: cannot read the manifest: {error.strerror or error}") from error
    return parse_manifest(raw, source=str(path), known_regions=known_regions)


def parse_manifest(raw: bytes, *, source: str, known_regions: Iterable[str] | None = None) -> Course:
    """Validate a manifest's bytes; ``source`` names it in messages.

    ``known_regions`` defaults to the region ids in ``assets/course_titles.toml``.
    """
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ManifestError(
            f"{source}: the manifest is {len(raw):,} bytes; the limit is {MAX_MANIFEST_BYTES:,}."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ManifestError(f"{source}:{line}: not UTF-8 text (byte {error.start}).") from None
    deep = _DEEP_KEY.search(text)
    if deep is not None:
        line = text.count("\n", 0, deep.start()) + 1
        raise ManifestError(
            f"{source}:{line}: a key is nested more than {MAX_KEY_DEPTH} levels deep; "
            "a course manifest never needs that."
        )
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{source}: not valid TOML: {error}") from None
    except RecursionError:
        raise ManifestError(f"{source}: the document is nested too deeply.") from None
    _check_version(document, source, text)
    try:
        document = _without_controls(document)
    except RecursionError:
        raise ManifestError(f"{source}: the document is nested too deeply.") from None
    try:
        course = msgspec.convert(document, Course, strict=True)
    except msgspec.ValidationError as error:
        message = str(error)
        path_match = re.search(r"at `(\$[^`]*)`", message)
        field_path = path_match.group(1) if path_match else "$"
        unknown = re.search(r"unknown field `([A-Za-z0-9_]+)`", message)
        line_path = f"{field_path}.{unknown.group(1)}" if unknown else field_path
        found = _guess_line(text, line_path)
        prefix = f"{source}:{found}" if found else source
        raise ManifestError(f"{prefix}: {message}") from None
    if known_regions is None:
        from smrtplayer.library.titles import known_regions as default_regions

        known_regions = default_regions()
    _check_rules(course, source, text, frozenset(known_regions))
    return course


def _without_controls(value: Any, key: str = "") -> Any:
    """Every text of the document without control or bidi characters (``clean_text``); file names and
    identifiers are left as written, to be matched or refused as they are."""
    if isinstance(value, str):
        return value if key in _VERBATIM_KEYS else clean_text(value, multiline=key in _MULTILINE_KEYS)
    if isinstance(value, dict):
        return {name: _without_controls(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_without_controls(item, key) for item in value]
    return value


def locate(source: str, text: str, field_path: str, message: str) -> str:
    """``source:line: message (at field_path)``, the line found where the format allows."""
    return _located(source, text, field_path, message)


def _check_version(document: dict[str, Any], source: str, text: str) -> None:
    version = document.get("manifest_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > MANIFEST_VERSION:
        raise ManifestError(
            _located(
                source,
                text,
                "$.manifest_version",
                f"manifest_version {version} needs a newer smrtplayer (this one reads version "
                f"{MANIFEST_VERSION})",
            )
        )


def _check_rules(course: Course, source: str, text: str, known_regions: frozenset[str]) -> None:
    for index, region in enumerate(course.regions):
        _check_region(region, known_regions, source, text, f"$.regions[{index}]")
    seen_files: dict[str, str] = {}
    for section_index, section in enumerate(course.sections):
        for lesson_index, lesson in enumerate(section.lessons):
            where = f"$.sections[{section_index}].lessons[{lesson_index}]"
            _check_relative_file(lesson.file, source, text, f"{where}.file")
            key = lesson.file.replace("\\", "/").casefold()
            if key in seen_files:
                raise ManifestError(
                    _located(
                        source,
                        text,
                        f"{where}.file",
                        f"lesson file {lesson.file!r} is listed twice (first at {seen_files[key]})",
                    )
                )
            seen_files[key] = f"{where}.file"
            previous: Position | None = None
            ordered = sorted(enumerate(lesson.positions), key=lambda item: (item[1].start_ms, item[0]))
            for position_index, position in ordered:
                at = f"{where}.positions[{position_index}]"
                if position.region:
                    _check_region(position.region, known_regions, source, text, f"{at}.region")
                if position.end_ms <= position.start_ms:
                    raise ManifestError(
                        _located(
                            source,
                            text,
                            f"{at}.end_ms",
                            f"position {position.title!r} ends ({position.end_ms} ms) before it "
                            f"starts ({position.start_ms} ms)",
                        )
                    )
                if previous is not None and position.start_ms < previous.end_ms:
                    raise ManifestError(
                        _located(
                            source,
                            text,
                            f"{at}.start_ms",
                            f"position {position.title!r} starts at {position.start_ms} ms, before "
                            f"position {previous.title!r} ends ({previous.end_ms} ms); positions may "
                            "not overlap",
                        )
                    )
                previous = position


def _check_region(region: str, known: frozenset[str], source: str, text: str, field_path: str) -> None:
    if region not in known:
        raise ManifestError(
            _located(
                source,
                text,
                field_path,
                f"unknown region {region!r}; the known regions are {', '.join(sorted(known))}",
            )
        )


def _check_relative_file(name: str, source: str, text: str, field_path: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", name):
        raise ManifestError(
            _located(
                source,
                text,
                field_path,
                f"lesson file {name!r} must be a path inside the course folder",
            )
        )


def _located(source: str, text: str, field_path: str, message: str) -> str:
    line = _guess_line(text, field_path)
    prefix = f"{source}:{line}" if line else source
    if field_path not in message:
        message = f"{message} (at {field_path})"
    return f"{prefix}: {message}"


def _guess_line(text: str, field_path: str) -> int | None:
    """Map a msgspec field path such as ``$.sections[0].lessons[2].positions[1].end_ms`` to a line.

    TOML keeps no positions after parsing, so this walks the text: each ``[[sections]]``,
    ``[[sections.lessons]]`` ... header advances the index of its array of tables, and the key is
    then looked for inside the block the path selects.
    """
    lines = text.splitlines()
    header = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.]+)\s*\]\]")
    headers = {match.group(1) for line in lines if (match := header.match(line))}
    tables: list[int] = []
    dotted: list[str] = []
    final_key: str | None = None
    for name, index in re.findall(r"\.([A-Za-z0-9_]+)(?:\[(\d+)\])?", field_path):
        candidate = ".".join([*dotted, name])
        if index and candidate in headers and final_key is None:
            dotted.append(name)
            tables.append(int(index))
        elif final_key is None:
            final_key = name
    key_line = re.compile(rf"^\s*{re.escape(final_key)}\s*=") if final_key else None
    target = ".".join(dotted)
    counters: dict[str, int] = {}
    inside = not dotted  # the top-level table when the path names no array of tables
    block_start = 0
    for number, line in enumerate(lines):
        match = header.match(line)
        if match:
            if inside and dotted:
                break  # the selected block ended without the key
            key = match.group(1)
            counters[key] = counters.get(key, -1) + 1
            for child in [k for k in counters if k.startswith(key + ".")]:
                del counters[child]
            if key == target:
                parts = key.split(".")
                inside = all(
                    counters.get(".".join(parts[: level + 1])) == tables[level] for level in range(len(parts))
                )
                if inside:
                    block_start = number
            elif not dotted:
                break  # top-level keys come before the first header
            continue
        if inside and key_line is not None and key_line.match(line):
            return number + 1
    if dotted and not inside and block_start == 0:
        return None
    return block_start + 1 if dotted else None
