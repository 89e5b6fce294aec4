"""Lesson order and titles from file names.

"2 - x" sorts before "10 - x"; "03_gluteus_medius.mp4" is titled "Gluteus medius".
"""

from __future__ import annotations

import re
import unicodedata

from smrtplayer.common.controlchars import clean_text

_DIGITS = re.compile(r"([0-9]+)")
# A leading number is a lesson number when punctuation follows it ("3 - x", "03_x", "3. x", "(3) x"),
# when it has parts ("1.2 x") or when it is zero-padded ("03 x"). "3 Ways to release the psoas" keeps
# its number.
_NUMBER_PREFIX = re.compile(
    r"""^\s*
    (?:(?:lesson|lecture|video|clip|part|chapter|module|section|unit|day|step|teil|lektion)\s*)?
    (?:
        [(\[#]\s*[0-9]{1,4}(?:[._-][0-9]{1,4})*\s*[)\]]?\s*[-–—_.:)]*\s*
      | (?>[0-9]{1,4}(?:[._-][0-9]{1,4})*)\s*[-–—_.:)]+\s*
      | [0-9]{1,4}(?:[._-][0-9]{1,4})+\s+
      | 0[0-9]{1,3}\s+
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_TAGS = re.compile(
    r"[\[(]\s*(?:\d{3,4}p|hd|sd|fhd|uhd|4k|x26[45]|h\.?26[45]|hevc|web(?:-?dl|rip)?|final)\s*[\])]",
    re.IGNORECASE,
)
_WORD_DOTS = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that compares digit runs as numbers: "2 - x" < "10 - x" < "x"."""
    folded = unicodedata.normalize("NFC", text).casefold()
    parts = _DIGITS.split(folded)
    key: list[tuple[int, int, str]] = []
    for index, part in enumerate(parts):
        if index % 2:
            key.append((0, int(part), part))
        elif part:
            key.append((1, 0, part))
    return tuple(key)


def clean_title(name: str, *, strip_number: bool = True) -> str:
    """A readable title from a file or folder name (without its extension)."""
    name = clean_text(name)  # a file name may hold any byte but "/" and NUL, escapes included
    text = unicodedata.normalize("NFC", name)
    text = _TAGS.sub(" ", text)
    text = text.replace("_", " ")
    text = _WORD_DOTS.sub(" ", text)
    text = " ".join(text.split())
    if strip_number:
        stripped = _NUMBER_PREFIX.sub("", text, count=1).strip(" -–—_.:")
        if stripped and any(char.isalpha() for char in stripped):
            text = stripped
    text = text.strip(" -–—_.") or name.strip() or name
    if text == text.lower() and text[:1].isalpha():
        text = text[0].upper() + text[1:]
    return text
