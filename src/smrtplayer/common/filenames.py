"""File names made from titles the user or a publisher typed."""

from __future__ import annotations

#: Room left for what callers add to the name (a time, a suffix, " (2)"), well under the 255 bytes of
#: most file systems even in a script that takes three bytes a character.
MAX_NAME_CHARS = 60


def safe_filename(title: str, *, fallback: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """``title`` as a file name any system accepts: letters, digits, spaces, ``-`` and ``_`` kept, any
    other character (``/``, ``:``, ``*``, control characters, a trailing dot...) made ``_``.

    Only characters every file system and shell takes are kept, so the name survives a copy to a
    Windows disk or a USB stick in FAT. Any run of white space becomes one space; ``fallback`` stands
    in for a title with nothing left.
    """
    kept = "".join(
        char if char.isalnum() or char in "-_" else " " if char.isspace() else "_" for char in title
    )
    return " ".join(kept.split())[:max_chars].strip() or fallback
