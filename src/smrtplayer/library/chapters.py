"""Chapter marks become positions: a file's (MP4, MOV, MKV, WebM) or a disc's (DVD programs).

``positions_from_chapters`` is the one way in, whoever read the chapters: it puts them in order, ends
each where the next begins (or at its own end, when earlier), drops what lies past the end of the video,
cleans names of control characters and markup, reads each name through the taxonomy
(``library.position_names``) and bounds how many are kept. Whatever it had to correct is said in
``problems``, one sentence each, for the import report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from smrtplayer.common.controlchars import clean_text
from smrtplayer.library.position_names import read_position_name
from smrtplayer.models.chapters import Chapter
from smrtplayer.models.positions import NewPosition
from smrtplayer.models.regions import Taxonomy, default_taxonomy

#: A lesson with more chapters than this is not indexed by position (a disc menu with a chapter a
#: second, a damaged table); the first ones are kept and the rest reported.
MAX_CHAPTERS = 500
MAX_NAME_LENGTH = 200
#: Shorter than this, a chapter is a mark left by an editor, not a demonstration.
MIN_CHAPTER_MS = 1
_MARKUP = re.compile(r"<[^<>]{0,200}>")


@dataclass(frozen=True)
class ChapterPositions:
    positions: tuple[NewPosition, ...]
    problems: tuple[str, ...] = ()


def clean_chapter_name(name: str) -> str:
    """The name as plain text: no control characters, no markup tags, one space between words."""
    text = _MARKUP.sub(" ", clean_text(name))
    text = " ".join(text.split())
    return text[:MAX_NAME_LENGTH].rstrip()


def positions_from_chapters(
    chapters: Iterable[Chapter],
    duration_ms: int | None,
    *,
    origin: str = "chapter",
    taxonomy: Taxonomy | None = None,
) -> ChapterPositions:
    """Positions (``origin`` 'chapter' for a file's marks, 'disc' for a DVD's) from ``chapters``.

    ``duration_ms`` is the video's length (None when unknown: the last chapter then has no end and is
    dropped unless it gives one).
    """
    taxonomy = taxonomy or default_taxonomy()
    problems: list[str] = []
    everything = list(chapters)
    given = [chapter for chapter in everything if chapter.start_ms >= 0]
    if len(given) < len(everything):
        problems.append(f"{_count(len(everything) - len(given), 'chapter')} before the start left out")
    listed = sorted(given, key=lambda chapter: chapter.start_ms)
    if listed != given:
        problems.append("the chapters were listed out of order; they were put in order of time")
    # One position per start: a position's identity across re-imports is its lesson and its start.
    first_at = {chapter.start_ms: chapter for chapter in reversed(listed)}
    if len(first_at) < len(listed):
        twins = len(listed) - len(first_at)
        problems.append(f"{_count(twins, 'chapter')} starting where another starts left out")
        listed = [chapter for chapter in listed if first_at[chapter.start_ms] is chapter]
    past_end = [c for c in listed if duration_ms is not None and c.start_ms >= duration_ms]
    if past_end:
        problems.append(f"{_count(len(past_end), 'chapter')} past the end of the video left out")
        listed = [c for c in listed if c not in past_end]
    if len(listed) > MAX_CHAPTERS:
        problems.append(
            f"{len(listed):,} chapters is more than a lesson's positions can be; "
            f"the first {MAX_CHAPTERS} were kept"
        )
        listed = listed[:MAX_CHAPTERS]
    positions: list[NewPosition] = []
    overlapping = 0
    for number, chapter in enumerate(listed):
        following = listed[number + 1].start_ms if number + 1 < len(listed) else None
        ends = [end for end in (chapter.end_ms, following, duration_ms) if end is not None]
        if not ends:
            continue
        end_ms = min(ends)
        if chapter.end_ms is not None and following is not None and chapter.end_ms > following:
            overlapping += 1
        if end_ms - chapter.start_ms < MIN_CHAPTER_MS:
            continue  # a second chapter at the same time, or one of no length
        title = clean_chapter_name(chapter.name) or f"Chapter {number + 1}"
        reading = read_position_name(title, taxonomy)
        positions.append(
            NewPosition(
                title=title,
                start_ms=chapter.start_ms,
                end_ms=end_ms,
                region=reading.region,
                muscles=reading.muscles,
                side=reading.side,
                client_position=reading.client_position,
                technique=reading.technique,
                origin=origin,
                side_known=reading.side_named,
            )
        )
    if overlapping:
        problems.append(f"{_count(overlapping, 'chapter')} overlapping the next one now end where it begins")
    return ChapterPositions(tuple(positions), tuple(problems))


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")
