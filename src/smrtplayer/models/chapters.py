"""A chapter mark as a container or a disc lists it, before it is read as a position.

A module of its own: reading a file's chapters (``library.container_facts``) needs only this value,
not the taxonomy that ``library.chapters`` reads chapter names through.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    """A chapter as a container or a disc lists it; ``end_ms`` None means "until the next one"."""

    start_ms: int
    end_ms: int | None
    name: str
