"""Control characters, NUL and bidirectional overrides in text that came from outside the app.

A course title holding ``ESC ] 0 ;`` retitles the terminal it is printed on, ``ESC [ 2 J`` clears it,
``\\r\\n`` forges a line of output, and U+202E shows a name backwards. Titles lose them when they are
imported (``clean_text``); whatever is printed on a terminal has them escaped (``terminal_safe``,
``json_safe``), so that text already in a library is harmless too.
"""

from __future__ import annotations

import re
import unicodedata

#: Bidirectional embeddings, overrides, isolates and marks: they reorder the text shown around them.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Characters that end a line somewhere (terminals, Qt, Python's splitlines) besides LF itself.
_LINE_BREAKS = frozenset("\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def is_unsafe(char: str) -> bool:
    """A C0 or C1 control (NUL, ESC, CR, LF, TAB... DEL), a line separator or a bidi control."""
    return unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS or char in _LINE_BREAKS


_UNSAFE = re.compile(
    "["
    + re.escape("".join(chr(code) for code in range(0x20)) + "\x7f")
    + re.escape("".join(chr(code) for code in range(0x80, 0xA0)))
    + re.escape("".join(sorted(BIDI_CONTROLS | _LINE_BREAKS)))
    + "]"
)


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def clean_text(text: str, *, multiline: bool = False) -> str:
    """``text`` without control or bidi characters: a line break or tab becomes a space (kept, as
    ``\\n``, when ``multiline``), anything else is dropped."""
    if not has_unsafe(text):
        return text

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        if multiline and char in "\n\r\u2028\u2029\x85":
            return "\n"
        if multiline and char == "\t":
            return "\t"
        if char in "\t\n" or char in _LINE_BREAKS:
            return " "
        return ""

    cleaned = _UNSAFE.sub(replace, text.replace("\r\n", "\n"))
    return cleaned


_SHORT_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object, *, keep_newlines: bool = False) -> str:
    """``str(text)`` with every control, line break and bidi character shown as ``\\x1b``-style escapes:
    one printed value stays on its line and cannot command the terminal.

    ``keep_newlines`` is for messages written over several lines on purpose (errors with advice).
    """

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return char if keep_newlines and char == "\n" else _escape(char)

    return _UNSAFE.sub(escape, str(text))


def json_safe(document: str) -> str:
    """JSON text with the unsafe characters that ``ensure_ascii=False`` leaves raw written as ``\\uXXXX``.

    Outside strings JSON allows none of them but plain whitespace, which is kept.
    """
    return _UNSAFE.sub(
        lambda match: match.group() if match.group() in " \t\n\r" else f"\\u{ord(match.group()):04x}",
        document,
    )
