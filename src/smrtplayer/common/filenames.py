"""File names made from titles the user or a publisher typed."""

from __future__ import annotations

import re
import unicodedata

#: Room left for what callers add to the name (a time, a suffix, " (2)"), well under the 255 bytes of
#: most file systems even in a script that takes three bytes a character.
MAX_NAME_CHARS = 60

#: What Windows refuses in a name (the strictest of the three systems); "/" is refused everywhere.
_REFUSED = frozenset('\\/:*?"<>|')
#: Device names Windows reserves whatever the extension ("NUL.pdf" is the null device there).
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)


def _kept(char: str) -> str:
    if char in _REFUSED:
        return "_"
    if char.isspace():
        return " "
    # Control characters (C0, DEL, C1) and invisible format characters such as bidirectional
    # overrides, which would make a name read differently from what it is.
    if unicodedata.category(char) in ("Cc", "Cf"):
        return "_"
    return char


def safe_filename(title: str, *, fallback: str, max_chars: int = MAX_NAME_CHARS) -> str:
    """``title`` as a file name Windows, macOS and Linux all accept, kept as close to the title as that
    allows: ``Hips & Sacrum (part 2), v1.5`` stays as it is.

    ``\\ / : * ? " < > |``, control and invisible format characters become ``_``; any run of white space
    becomes one space; leading and trailing dots and spaces go (Windows drops trailing ones, a leading
    dot hides the file); a Windows device name (``CON``, ``NUL``, ``COM1``...) gets a ``_``. ``fallback``
    stands in for a title with nothing left.
    """
    kept = " ".join("".join(_kept(char) for char in title).split())
    name = kept[:max_chars].strip(" .") or fallback
    return f"{name}_" if _RESERVED.match(name) else name
