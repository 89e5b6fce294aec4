"""Name suggestions for the indexing mode: structures, regions and techniques of the taxonomy.

A few typed letters should bring the wanted name to the top, so each typed word matches the start of
a word of a name or of one of its synonyms ("glu med", "ql", "tfl"), and the order favours what this
lesson and course already use (a muscle is usually shown on one side, then the other), then
whole-word and first-word matches, then what is treated (muscles before tendons, ligaments and
fascia, before bony landmarks, regions and techniques), then names in the course's regions, then
shorter names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from smrtplayer.models.regions import Ref, Taxonomy, fold

MAX_SUGGESTIONS = 8
#: what a position is most often about comes first among equally good matches
KIND_ORDER = {"muscle": 0, "group": 0, "fascia": 1, "tendon": 1, "ligament": 1, "joint": 1, "bursa": 1}
LATER_KINDS = {"bone": 2, "other": 2, "region": 3, "technique": 4}


@dataclass(frozen=True)
class NameChoice:
    """One name the user can give a position, and what it files the position under."""

    name: str
    ref: Ref
    spellings: tuple[tuple[str, ...], ...]  # the folded words of the name and of each synonym
    region_ids: tuple[str, ...] = ()
    kind: str = ""  # a structure's type (muscle, group, tendon...), else "region" or "technique"

    @property
    def kind_order(self) -> int:
        return KIND_ORDER.get(self.kind, LATER_KINDS.get(self.kind, 2))


def name_choices(taxonomy: Taxonomy) -> list[NameChoice]:
    """Every structure, body region and technique, in taxonomy order."""
    choices: list[NameChoice] = []
    for structure in taxonomy.structures.values():
        choices.append(
            NameChoice(
                structure.name,
                Ref("structure", structure.id),
                _spelled((structure.name, *structure.synonyms)),
                structure.region_ids,
                structure.type,
            )
        )
    for region in taxonomy.regions.values():
        spelled = _spelled((region.name, *region.synonyms))
        choices.append(NameChoice(region.name, Ref("region", region.id), spelled, (region.id,), "region"))
    for term in taxonomy.techniques.values():
        spelled = _spelled((term.name, *term.synonyms))
        choices.append(NameChoice(term.name, Ref("technique", term.id), spelled, kind="technique"))
    return choices


def _spelled(names: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(name).replace("-", " ").split()) for name in names)


def _match_rank(typed: Sequence[str], spellings: tuple[tuple[str, ...], ...]) -> int | None:
    """How well the typed words match (lower is better), None when they do not.

    Each typed word must start a different word of one spelling, in order.
    """
    best: int | None = None
    for words in spellings:
        position = 0
        first_word = True
        for index, word in enumerate(typed):
            while position < len(words) and not words[position].startswith(word):
                position += 1
            if position >= len(words):
                break
            if index == 0 and position != 0:
                first_word = False
            position += 1
        else:
            whole = " ".join(typed) == " ".join(words)
            rank = 0 if whole else (1 if first_word else 2)
            best = rank if best is None else min(best, rank)
    return best


class NameSuggester:
    """Ranks ``NameChoice``s for typed text; knows the names already used nearby."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._taxonomy = taxonomy
        self._named: tuple[list[NameChoice], dict[str, NameChoice]] | None = None
        self._recent: list[str] = []
        self._regions: frozenset[str] = frozenset()

    # Made at the first use: the indexing panel is built with the window, and most sessions never
    # name a position (~0.3 MiB of choices and spellings).
    @property
    def _choices(self) -> list[NameChoice]:
        return self._names()[0]

    @property
    def _by_name(self) -> dict[str, NameChoice]:
        return self._names()[1]

    def _names(self) -> tuple[list[NameChoice], dict[str, NameChoice]]:
        if self._named is None:
            choices = name_choices(self._taxonomy)
            self._named = (choices, {fold(choice.name): choice for choice in choices})
        return self._named

    def set_context(self, recent_names: Iterable[str], region_ids: Iterable[str]) -> None:
        """``recent_names``: names used in this lesson and course, most relevant first."""
        self._recent = [fold(name) for name in dict.fromkeys(recent_names) if fold(name) in self._by_name]
        self._regions = frozenset(region_ids)

    def choice(self, name: str) -> NameChoice | None:
        return self._by_name.get(fold(name))

    def suggest(self, text: str, limit: int = MAX_SUGGESTIONS) -> list[NameChoice]:
        typed = fold(text).replace("-", " ").split()
        if not typed:
            return [self._by_name[name] for name in self._recent[:limit]]
        ranked: list[tuple[tuple[int, ...], NameChoice]] = []
        for order, choice in enumerate(self._choices):
            match = _match_rank(typed, choice.spellings)
            if match is None:
                continue
            folded = fold(choice.name)
            recent = self._recent.index(folded) if folded in self._recent else len(self._recent)
            in_course = 0 if self._regions.intersection(choice.region_ids) else 1
            key = (recent, match, choice.kind_order, in_course, len(choice.name), order)
            ranked.append((key, choice))
        ranked.sort(key=lambda item: item[0])
        return [choice for _, choice in ranked[:limit]]
