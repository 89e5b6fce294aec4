"""Container facts from MediaInfo (pymediainfo, which bundles libmediainfo on every system we ship).

MediaInfo reads the chapters of MP4/MOV (QuickTime chapter track and Nero ``chpl``), Matroska and
WebM, and the duration of fragmented MP4. It lists a chapter by its start time only (the key
``HH_MM_SSmmm`` of the ``Menu`` track, the name as its value); each then lasts until the next one.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from smrtplayer.models.chapters import Chapter

_CHAPTER_KEY = re.compile(r"^(\d{1,4})_(\d{2})_(\d{2})(\d{3})$")
#: Matroska chapter names may come as "en:Name" (the chapter's language first).
_LANGUAGE_PREFIX = re.compile(r"^[a-z]{2,3}:(?=\S)")
MAX_MENU_ENTRIES = 20_000
#: Containers (as ``library.probe`` names them) that can carry chapters.
CHAPTER_CONTAINERS = frozenset({"mp4", "mov", "matroska", "webm"})


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
        # The XML itself, not only pymediainfo's reading of it: a name holding a control character
        # (even a tab) comes base64-encoded, which only an attribute of its element says.
        raw = str(MediaInfo.parse(path, output="OLDXML"))
        root = ElementTree.fromstring(raw)
    except (OSError, RuntimeError, ValueError, ElementTree.ParseError) as error:
        raise ContainerFactsUnavailable(f"MediaInfo cannot read it ({error})") from None
    duration_ms: int | None = None
    chapters: tuple[Chapter, ...] = ()
    for track in root.iter("track"):
        kind = track.get("type")
        if kind == "General":
            duration_ms = _milliseconds(track.findtext("Duration"))
        elif kind == "Menu" and not chapters:
            # An MP4 often carries its chapters twice (chapter track and chpl): the first list serves.
            chapters = _chapters(track)
    return ContainerFacts(duration_ms, chapters)


def _chapters(track: ElementTree.Element) -> tuple[Chapter, ...]:
    found: list[Chapter] = []
    for element in list(track)[:MAX_MENU_ENTRIES]:
        match = _CHAPTER_KEY.match(element.tag.lstrip("_"))
        if match is None:
            continue
        hours, minutes, seconds, millis = (int(part) for part in match.groups())
        start_ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis
        name = element.text or ""
        if element.get("dt") == "binary.base64":
            try:
                name = base64.b64decode(name, validate=True).decode("utf-8", errors="replace")
            except ValueError:
                name = ""
        name = _LANGUAGE_PREFIX.sub("", name, count=1)
        found.append(Chapter(start_ms=start_ms, end_ms=None, name=name))
    return tuple(found)


def _milliseconds(value: object) -> int | None:
    try:
        number = float(str(value))
    except ValueError:
        return None
    return round(number) if number >= 0 else None
