"""Region ids, and the regions implied by the publisher's course titles (``assets/course_titles.toml``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from smrtplayer.resources import asset

TITLES_FILE = "course_titles.toml"
_REGION_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class TitleRule:
    pattern: re.Pattern[str]
    regions: tuple[str, ...]


@dataclass(frozen=True)
class TitleTable:
    regions: dict[str, str]  # id -> display name, in file order
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


def load_title_table(path: Path) -> TitleTable:
    """Parse and check the data file; a broken file is a packaging bug, so it raises ``ValueError``."""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    if document.get("format") != 1:
        raise ValueError(f"{path}: unsupported format {document.get('format')!r}")
    regions = document.get("regions")
    if not isinstance(regions, dict) or not regions:
        raise ValueError(f"{path}: [regions] is missing")
    for region_id, name in regions.items():
        if not _REGION_ID.match(region_id) or not isinstance(name, str):
            raise ValueError(f"{path}: bad region {region_id!r} = {name!r}")
    rules: list[TitleRule] = []
    for index, entry in enumerate(document.get("titles", [])):
        pattern, ids = entry.get("pattern"), entry.get("regions")
        if not isinstance(pattern, str) or not isinstance(ids, list) or not ids:
            raise ValueError(f"{path}: titles[{index}] needs a pattern and regions")
        unknown = [region for region in ids if region not in regions]
        if unknown:
            raise ValueError(f"{path}: titles[{index}] names unknown regions {unknown}")
        rules.append(TitleRule(re.compile(rf"\b(?:{pattern})\b"), tuple(ids)))
    return TitleTable(regions={str(k): str(v) for k, v in regions.items()}, rules=tuple(rules))


@cache
def title_table() -> TitleTable:
    return load_title_table(asset(TITLES_FILE))


def known_regions() -> frozenset[str]:
    return frozenset(title_table().regions)


def regions_for_title(title: str) -> tuple[str, ...]:
    return title_table().regions_for(title)
