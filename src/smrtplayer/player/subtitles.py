"""Sidecar subtitles (``.srt`` / ``.vtt`` with the video's stem, next to it), read with pysubs2.

Cues become plain text (tags stripped): subtitles are drawn as text, never as markup.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from pathlib import Path

from smrtplayer.common.errors import MediaError
from smrtplayer.common.userfile import read_user_file

log = logging.getLogger(__name__)

SIDECAR_SUFFIXES = (".srt", ".vtt")
#: Files from old DVDs are often in a Windows code page rather than UTF-8.
_ENCODINGS = ("utf-8-sig", "cp1252")
#: A feature film's subtitles are well under 1 MiB.
MAX_SUBTITLE_BYTES = 16 * 1024 * 1024
#: How many earlier cues to look at for overlaps; real files overlap two or three at most.
_OVERLAP_LOOKBACK = 8


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str


class SubtitleCues:
    def __init__(self, cues: list[Cue], source: Path) -> None:
        self.source = source
        self._cues = sorted(cues, key=lambda cue: (cue.start_ms, cue.end_ms))
        self._starts = [cue.start_ms for cue in self._cues]

    def __len__(self) -> int:
        return len(self._cues)

    def text_at(self, position_ms: int) -> str:
        """The text showing at ``position_ms``; overlapping cues are stacked in start order."""
        index = bisect.bisect_right(self._starts, position_ms)
        showing = [
            cue
            for cue in self._cues[max(0, index - _OVERLAP_LOOKBACK) : index]
            if cue.start_ms <= position_ms < cue.end_ms
        ]
        return "\n".join(cue.text for cue in showing)


def find_sidecar(video: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        for candidate in (video.with_suffix(suffix), video.with_suffix(suffix.upper())):
            if candidate.is_file():
                return candidate
    return None


def find_sidecars(video: Path) -> list[Path]:
    """Every subtitle file beside ``video`` named after it: the plain one ("01 Release.srt") first,
    then the translations ("01 Release.de.srt", "01 Release.es.vtt") by name."""
    plain = find_sidecar(video)
    prefix = video.stem.casefold() + "."
    try:
        siblings = list(video.parent.iterdir())
    except OSError:
        siblings = []
    translations = sorted(
        (
            path
            for path in siblings
            if path.suffix.casefold() in SIDECAR_SUFFIXES
            and path.name.casefold().startswith(prefix)
            and path != plain
            and path.is_file()
        ),
        key=lambda path: path.name.casefold(),
    )
    return ([plain] if plain is not None else []) + translations


def load_cues(path: Path) -> SubtitleCues:
    """Read a subtitle file; raise ``MediaError`` with a message the user can act on."""
    import pysubs2  # here, not at the top: most lessons have no sidecar, and start-up is 16 ms faster

    try:
        raw = read_user_file(path, limit=MAX_SUBTITLE_BYTES, what="a subtitle file", error=MediaError)
    except OSError as error:
        raise MediaError(
            f"The subtitles in {path.name} cannot be read ({error.strerror or error}). "
            "Check that the file is still there, or remove it."
        ) from error
    last_error: Exception | None = None
    for encoding in _ENCODINGS:
        try:
            document = pysubs2.SSAFile.from_string(raw.decode(encoding))
            break
        except UnicodeDecodeError as error:
            last_error = error
        except (pysubs2.Pysubs2Error, ValueError, OSError) as error:
            raise MediaError(
                f"The subtitles in {path.name} cannot be read ({error}). "
                "Check that it is a valid .srt or .vtt file, or remove it."
            ) from error
    else:
        raise MediaError(
            f"The subtitles in {path.name} are not in a known text encoding ({last_error}). "
            "Save the file as UTF-8."
        )
    cues = [
        Cue(int(event.start), int(event.end), event.plaintext.strip())
        for event in document
        if not event.is_comment and event.end > event.start and event.plaintext.strip()
    ]
    log.info("loaded %d subtitle cues from %s", len(cues), path)
    return SubtitleCues(cues, path)
