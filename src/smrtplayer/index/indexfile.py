"""The shared index file: one course's positions, to give to another install (docs/index-file.md).

Versioned JSON validated with msgspec. Lessons are named by content fingerprint, so the receiving
install finds them whatever its folders are called; positions carry their uid, so importing a file
twice adds nothing twice. ``parse_index_file`` raises ``IndexFileError`` and nothing else.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from smrtplayer.common.controlchars import clean_text
from smrtplayer.common.errors import ImportRejected
from smrtplayer.models.positions import Position, PositionDraft, description

FORMAT = "smrtplayer-index"
VERSION = 1
MAX_INDEX_FILE_BYTES = 20 * 1024 * 1024
SUFFIX = ".smrtindex.json"

Text = Annotated[str, msgspec.Meta(min_length=1, max_length=300)]
ShortText = Annotated[str, msgspec.Meta(max_length=100)]
Millis = Annotated[int, msgspec.Meta(ge=0, le=48 * 3600 * 1000)]
HoldMillis = Annotated[int, msgspec.Meta(gt=0, le=3600 * 1000)]
Uid = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")]
Fingerprint = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+-[0-9a-f]{16,128}$")]


class IndexFileError(ImportRejected):
    """An index file cannot be read or used; nothing was imported."""


class FilePosition(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    uid: Uid
    title: Text
    start_ms: Millis
    end_ms: Millis
    region: ShortText = ""
    muscles: Annotated[list[Text], msgspec.Meta(max_length=50)] = []
    side: Literal["L", "R", "both"] = "both"
    client_position: ShortText = ""
    technique: ShortText = ""
    hold_ms: HoldMillis | None = None
    #: who marked it: the user's own positions may overlap the publisher's, not each other
    source: Literal["user", "publisher"] = "user"

    @classmethod
    def of(cls, position: Position) -> FilePosition:
        """A stored position as the file carries it: its uid goes along, so that importing the file
        twice adds it once; its row id and its lesson (named by the ``FileLesson`` around it) do not."""
        return cls(
            uid=position.uid,
            source="publisher" if position.source == "publisher" else "user",
            **{**description(position), "muscles": list(position.muscles), "side": _side(position.side)},
        )

    def draft_in(self, lesson_fingerprint: str) -> PositionDraft:
        """The position to add to the receiving library's lesson; it keeps the file's uid apart."""
        return PositionDraft(lesson_fingerprint=lesson_fingerprint, **description(self))


def _side(side: str) -> Literal["L", "R", "both"]:
    return "L" if side == "L" else "R" if side == "R" else "both"


class FileLesson(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    fingerprint: Fingerprint
    title: Annotated[str, msgspec.Meta(max_length=300)] = ""
    duration_ms: Millis | None = None
    positions: Annotated[list[FilePosition], msgspec.Meta(max_length=5000)] = []


class FileCourse(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    uid: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    title: Text


class IndexFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    format: Literal["smrtplayer-index"]
    version: Literal[1]
    course: FileCourse
    lessons: Annotated[list[FileLesson], msgspec.Meta(max_length=20000)]
    taxonomy_version: Annotated[int, msgspec.Meta(ge=1)] = 1
    exported_at: Annotated[str, msgspec.Meta(max_length=40)] = ""
    app_version: Annotated[str, msgspec.Meta(max_length=40)] = ""

    def position_count(self) -> int:
        return sum(len(lesson.positions) for lesson in self.lessons)


class _Header(msgspec.Struct):
    """Just enough to say "this is not an index file" or "written by a newer smrtplayer"."""

    format: object = None
    version: object = None


def parse_index_file(raw: bytes, *, source: str) -> IndexFile:
    if len(raw) > MAX_INDEX_FILE_BYTES:
        raise IndexFileError(
            f"{source}: the file is {len(raw):,} bytes; an index file is at most {MAX_INDEX_FILE_BYTES:,}."
        )
    try:
        header = msgspec.json.decode(raw, type=_Header)
    except msgspec.DecodeError as error:
        raise IndexFileError(f"{source}: not an smrtplayer index file (not valid JSON: {error}).") from error
    except msgspec.ValidationError as error:
        raise IndexFileError(f"{source}: not an smrtplayer index file ({error}).") from error
    except RecursionError:
        raise IndexFileError(
            f"{source}: not an smrtplayer index file (its JSON is nested too deeply)."
        ) from None
    if header.format != FORMAT:
        raise IndexFileError(
            f'{source}: not an smrtplayer index file (its "format" is {header.format!r}, '
            f"expected {FORMAT!r}). Choose a file made with Export index."
        )
    if isinstance(header.version, int) and not isinstance(header.version, bool) and header.version > VERSION:
        raise IndexFileError(
            f"{source}: written by a newer smrtplayer (index format {header.version}; this version reads "
            f"format {VERSION}). Update smrtplayer to import it."
        )
    try:
        document = msgspec.json.decode(raw, type=IndexFile, strict=True)
    except (msgspec.DecodeError, msgspec.ValidationError) as error:
        raise IndexFileError(f"{source}: the index file is damaged: {error}.") from error
    except RecursionError:
        raise IndexFileError(
            f"{source}: the index file is damaged (its JSON is nested too deeply)."
        ) from None
    _clean_texts(document, source)
    _check_rules(document, source)
    return document


def _clean_texts(document: IndexFile, source: str) -> None:
    """Titles and names lose control and bidi characters (``clean_text``); a title left blank is refused."""
    document.course.title = _required(clean_text(document.course.title), source, "$.course.title")
    for lesson_index, lesson in enumerate(document.lessons):
        lesson.title = clean_text(lesson.title)
        for position_index, position in enumerate(lesson.positions):
            at = f"$.lessons[{lesson_index}].positions[{position_index}]"
            position.title = _required(clean_text(position.title), source, f"{at}.title")
            position.region = clean_text(position.region)
            position.muscles = [
                clean_text(muscle) for muscle in position.muscles if clean_text(muscle).strip()
            ]
            position.client_position = clean_text(position.client_position)
            position.technique = clean_text(position.technique)


def _required(text: str, source: str, at: str) -> str:
    if not text.strip():
        raise IndexFileError(f"{source}: a title holds nothing but control characters (at {at}).")
    return text


def _check_rules(document: IndexFile, source: str) -> None:
    seen_lessons: set[str] = set()
    seen_uids: set[str] = set()
    for lesson_index, lesson in enumerate(document.lessons):
        where = f"$.lessons[{lesson_index}]"
        if lesson.fingerprint in seen_lessons:
            raise IndexFileError(f"{source}: lesson {lesson.fingerprint} is listed twice (at {where}).")
        seen_lessons.add(lesson.fingerprint)
        previous: dict[str, FilePosition] = {}
        order = sorted(range(len(lesson.positions)), key=lambda i: lesson.positions[i].start_ms)
        for position_index in order:
            position = lesson.positions[position_index]
            at = f"{where}.positions[{position_index}]"
            if position.uid in seen_uids:
                raise IndexFileError(f"{source}: position uid {position.uid!r} appears twice (at {at}).")
            seen_uids.add(position.uid)
            if position.end_ms <= position.start_ms:
                raise IndexFileError(
                    f"{source}: position {position.title!r} ends ({position.end_ms} ms) before it starts "
                    f"({position.start_ms} ms) (at {at})."
                )
            if lesson.duration_ms is not None and position.end_ms > lesson.duration_ms:
                raise IndexFileError(
                    f"{source}: position {position.title!r} ends at {position.end_ms} ms, after the end of "
                    f"its lesson ({lesson.duration_ms} ms) (at {at})."
                )
            before = previous.get(position.source)
            if before is not None and position.start_ms < before.end_ms:
                raise IndexFileError(
                    f"{source}: position {position.title!r} starts at {position.start_ms} ms, before "
                    f"{before.title!r} ends ({before.end_ms} ms); positions in a lesson may not "
                    f"overlap (at {at})."
                )
            previous[position.source] = position


def encode_index_file(document: IndexFile) -> bytes:
    return msgspec.json.format(msgspec.json.encode(document), indent=2) + b"\n"
