"""Container facts from MediaInfo (pymediainfo, which bundles libmediainfo on every system we ship).

MediaInfo reads the chapters of MP4/MOV (QuickTime chapter track and Nero ``chpl``), Matroska and
WebM, and the duration of fragmented MP4. It lists a chapter by its start time only (the key
``HH_MM_SSmmm`` of the ``Menu`` track, the name as its value); each then lasts until the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from smrtplayer.library.chapters import Chapter

_CHAPTER_KEY = re.compile(r"^(\d{1,4})_(\d{2})_(\d{2})(\d{3})$")
#: Matroska chapter names may come as "en:Name" (the chapter's language first).
_LANGUAGE_PREFIX = re.compile(r"^[a-z]{2,3}:(?=\S)")
MAX_MENU_ENTRIES = 20_000


@dataclass(frozen=True)
class ContainerFacts:
    duration_ms: int | None
    chapters: tuple[Chapter, ...]


class ContainerFactsUnavailable(Exception):
    """MediaInfo could not be loaded or could not read the file; the reason is the message."""


def library_version() -> str:
    """The MediaInfo library's version; raises ``ContainerFactsUnavailable`` when it cannot load."""
    try:
        from pymediainfo import MediaInfo
    except ImportError as error:  # a build without the package
        raise ContainerFactsUnavailable(f"pymediainfo is not installed ({error})") from None
    try:
        return str(MediaInfo._get_library()[2])
    except (OSError, IndexError) as error:
        raise ContainerFactsUnavailable(f"the MediaInfo library cannot be loaded ({error})") from None


def read_container_facts(path: Path) -> ContainerFacts:
    """Duration and chapters of ``path``; raises ``ContainerFactsUnavailable`` with the reason."""
    try:
        from pymediainfo import MediaInfo
    except ImportError as error:
        raise ContainerFactsUnavailable(f"pymediainfo is not installed ({error})") from None
    try:
        parsed = MediaInfo.parse(path)
    except (OSError, RuntimeError, ValueError) as error:
        raise ContainerFactsUnavailable(f"MediaInfo cannot read it ({error})") from None
    duration_ms: int | None = None
    chapters: tuple[Chapter, ...] = ()
    for track in parsed.tracks:
        if track.track_type == "General":
            duration_ms = _milliseconds(track.duration)
        elif track.track_type == "Menu" and not chapters:
            # An MP4 often carries its chapters twice (chapter track and chpl): the first list serves.
            chapters = _chapters(track.to_data())
    return ContainerFacts(duration_ms, chapters)


def _chapters(data: dict[str, object]) -> tuple[Chapter, ...]:
    found: list[Chapter] = []
    for key, value in list(data.items())[:MAX_MENU_ENTRIES]:
        match = _CHAPTER_KEY.match(key)
        if match is None:
            continue
        hours, minutes, seconds, millis = (int(part) for part in match.groups())
        start_ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
        name = _LANGUAGE_PREFIX.sub("", str(value), count=1)
        found.append(Chapter(start_ms=start_ms, end_ms=None, name=name))
    return tuple(found)


def _milliseconds(value: object) -> int | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return round(number) if number >= 0 else None
