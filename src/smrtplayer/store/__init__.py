"""SQLite storage: one connection owner (``Store``), numbered migrations, one repository per kind of data."""

from smrtplayer.store.db import Store

__all__ = ["Store"]
