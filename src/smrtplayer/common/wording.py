"""Small pieces of user-facing wording shared by the CLI, the widgets and the exports."""

from __future__ import annotations

#: One name for reading every lesson file in full against its checksum: the course card's button, the
#: advice in messages, and the description of ``smrtplayer verify`` in its help and in the README.
CHECK_FILES = "Check files"
CHECK_FILES_HOW = f"{CHECK_FILES}… on the course's card, or 'smrtplayer verify'"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 lesson", "3 lessons", "0 notes" (``plural`` for nouns that do not just take an s)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def capitalised(text: str) -> str:
    """``text`` with its first letter upper case and the rest as written (unlike ``str.capitalize``)."""
    return text[:1].upper() + text[1:]


def byte_size(size: int) -> str:
    """ "3.2 GB", "41.5 MB", "12 KB": a size in the unit that shows its order of magnitude."""
    if size >= 1_000_000_000:
        return f"{size / 1e9:,.1f} GB"
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{max(1, round(size / 1000)) if size else 0} KB"
