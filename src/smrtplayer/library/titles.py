"""The regions implied by the publisher's course titles (``assets/course_titles.toml``).

Region ids themselves belong to the body-region taxonomy (``smrtplayer.models.regions``): the title table
may only name those, and so may a manifest.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from smrtplayer.common.resources import COURSE_TITLES_ASSET, asset
from smrtplayer.common.userfile import read_user_text
from smrtplayer.models.regions import default_taxonomy

TITLES_FILE = COURSE_TITLES_ASSET
#: The shipped table is a few KiB.
MAX_TITLE_TABLE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class TitleRule:
    pattern: re.Pattern[str]
    regions: tuple[str, ...]


@dataclass(frozen=True)
class TitleTable:
    rules: tuple[TitleRule, ...]

    def regions_for(self, title: str) -> tuple[str, ...]:
        """The regions of the first rule matching ``title``; () when none does."""
        normalised = normalise_title(title)
        for rule in self.rules:
            if rule.pattern.search(normalised):
                return rule.regions
        return ()


def normalise_title(title: str) -> str:
    text = title.casefold().replace("&", " and ").replace("+", " and ")
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def load_title_table(path: Path, known: Iterable[str] | None = None) -> TitleTable:
    """Parse and check the data file; a broken file is a packaging bug, so it raises ``ValueError``."""
    known_ids = frozenset(known) if known is not None else known_regions()
    document = tomllib.loads(read_user_text(path, limit=MAX_TITLE_TABLE_BYTES, what="a course-title table"))
    if document.get("format") != 1:
        raise ValueError(f"{path}: unsupported format {document.get('format')!r}")
    rules: list[TitleRule] = []
    for index, entry in enumerate(document.get("titles", [])):
        pattern, ids = entry.get("pattern"), entry.get("regions")
        if not isinstance(pattern, str) or not isinstance(ids, list) or not ids:
            raise ValueError(f"{path}: titles[{index}] needs a pattern and regions")
        unknown = [region for region in ids if region not in known_ids]
        if unknown:
            raise ValueError(f"{path}: titles[{index}] names unknown regions {unknown}")
        rules.append(TitleRule(re.compile(rf"\b(?:{pattern})\b"), tuple(ids)))
    return TitleTable(rules=tuple(rules))


@cache
def title_table() -> TitleTable:
    return load_title_table(asset(TITLES_FILE))


def known_regions() -> frozenset[str]:
    """Every region id a course or a position may name."""
    return frozenset(default_taxonomy().regions)


def regions_for_title(title: str) -> tuple[str, ...]:
    return title_table().regions_for(title)
