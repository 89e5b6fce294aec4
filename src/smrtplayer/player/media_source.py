"""What the player may open (local files only), and what to tell the user when a file will not play."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QMediaPlayer

from smrtplayer.common.errors import MediaError
from smrtplayer.common.timetext import clock_text
from smrtplayer.common.wording import CHECK_FILES, CHECK_FILES_HOW
from smrtplayer.models.library import Lesson

_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")

_ERROR_ADVICE = {
    QMediaPlayer.Error.ResourceError: "The file could not be opened. It may have been moved or "
    "deleted: relink the course to its new folder, or skip to the next lesson.",
    QMediaPlayer.Error.FormatError: "The file is damaged or in a format smrtplayer cannot play. "
    f"Check the course's files ({CHECK_FILES_HOW}): it may be incomplete; or skip to the next lesson.",
    QMediaPlayer.Error.AccessDeniedError: "smrtplayer is not allowed to read this file. Check its "
    "permissions, or skip to the next lesson.",
}
_CODEC_ADVICE = (
    "It uses a video format (codec) smrtplayer cannot decode. Ask the publisher for an H.264 MP4 "
    "copy, or convert it; meanwhile skip to the next lesson."
)


def local_media_path(source: str | Path) -> Path:
    """The local file behind ``source``; anything that is not a local file is refused.

    Only local files are ever given to the player: no network, ever.
    """
    text = str(source)
    if text.startswith("file:"):
        url = QUrl(text)
        if not url.isLocalFile() or url.host() not in ("", "localhost"):
            raise MediaError(f"{text} is not a file on this computer. smrtplayer plays local files only.")
        return Path(url.toLocalFile())
    if isinstance(source, str) and _REMOTE.match(text):
        raise MediaError(
            f"{text} is not a file on this computer. smrtplayer never plays from the network: "
            "download the lesson and import its course."
        )
    return Path(source)


def advises_checking_files(message: str) -> bool:
    """Whether ``message`` tells the user to check the course's files (a damaged or incomplete file), so
    the place showing it offers the check."""
    return CHECK_FILES.casefold() in message.casefold()


def missing_file_message(title: str, path: Path) -> str:
    # The path on a line of its own: the video's message box shows such a line whole on one line
    # (elided in the middle), where wrapped into the sentence it broke after "at /".
    return (
        f"“{title}” cannot be found at:\n{path}\nIf the course folder was moved, "
        "relink the course to its new place; or skip to the next lesson."
    )


def title_not_prepared_message(title: str, error: OSError) -> str:
    """A DVD title's list of parts could not be written into the app's cache folder."""
    return (
        f"“{title}” cannot be played: its DVD parts could not be linked in smrtplayer's cache folder "
        f"({error.strerror or error}). Free some space there, or check that it is writable."
    )


def not_playable_message(title: str) -> str:
    """The backend found the file but no playable video in it."""
    return f"“{title}” is not a playable video. " + _ERROR_ADVICE[QMediaPlayer.Error.FormatError]


def error_message(title: str, error: QMediaPlayer.Error, detail: str) -> str:
    if "decoder" in detail.lower() or "codec" in detail.lower():
        advice = _CODEC_ADVICE
    else:
        advice = _ERROR_ADVICE.get(
            error, f"Skip to the next lesson, or check the course's files ({CHECK_FILES_HOW})."
        )
    return f"“{title}” cannot be played ({detail or error.name}). {advice}"


def truncated_message(title: str, ended_at_ms: int, duration_ms: int) -> str:
    return (
        f"“{title}” stopped at {clock_text(ended_at_ms, hours=False)} of "
        f"{clock_text(duration_ms, hours=False)}: "
        "the file is incomplete (truncated). Copy it again from the original, or check the course's "
        f"files ({CHECK_FILES_HOW}); meanwhile skip to the next lesson."
    )


def playable_path(lesson: Lesson, titles_dir: Path) -> Path:
    """The file to give a player for ``lesson``: its own file, or its DVD title's list of parts."""
    return title_stream(lesson, titles_dir) if lesson.title_parts else Path(lesson.path)


def title_stream(lesson: Lesson, folder: Path) -> Path:
    """A ``.ffconcat`` that plays a DVD title's VOB parts as one stream (FFmpeg's concat demuxer).

    The demuxer accepts plain relative names only, and a linked course's folder is never written
    into, so the list sits in a folder of the app's own beside links to the parts. The ``inpoint``
    and ``duration`` lines come from the import: without durations the player reports 0 and
    cannot seek across parts.

    Asked again for the same title (the start opens the lesson before the window announces it),
    links and list that are already right are left as they are: the backend may be reading them.
    """
    target = folder / lesson.fingerprint
    target.mkdir(parents=True, exist_ok=True)
    lines = ["ffconcat version 1.0"]
    for index, part in enumerate(lesson.title_parts, start=1):
        link = target / f"part{index}.vob"
        source = (lesson.path.parent / part.file_name).resolve()
        if not source.is_file():
            raise FileNotFoundError(2, "a VOB part of the title is missing", str(source))
        if not _links_to(link, source):
            if link.is_symlink() or link.exists():
                link.unlink()
            _link(link, source)
        lines += [f"file part{index}.vob", f"inpoint {_seconds(part.inpoint_us)}"]
        lines.append(f"duration {_seconds(part.duration_us)}")
        if part.stops:
            lines.append(f"outpoint {_seconds(part.inpoint_us + part.duration_us)}")
    playlist = target / "title.ffconcat"
    text = "\n".join(lines) + "\n"
    if not playlist.is_file() or playlist.read_text(encoding="utf-8", errors="replace") != text:
        written = playlist.with_suffix(".partial")
        written.write_text(text, encoding="utf-8")
        written.replace(playlist)  # whole or not at all, for a reader that has it open
    return playlist


def _links_to(link: Path, source: Path) -> bool:
    """Whether ``link`` already leads to ``source`` (a symbolic link to it, or a hard link of it)."""
    try:
        if link.is_symlink():
            return link.resolve() == source
        return link.exists() and link.samefile(source)
    except OSError:
        return False


def _link(link: Path, source: Path) -> None:
    """A symbolic link, or a hard link where symbolic ones need rights the user lacks (Windows)."""
    try:
        link.symlink_to(source)
    except OSError:
        link.hardlink_to(source)


def _seconds(microseconds: int) -> str:
    return f"{microseconds // 1_000_000}.{microseconds % 1_000_000:06d}"
