"""What a chapter or file name says about its position, read through the taxonomy, never guessed.

"Gluteus medius – posterior fibres, client's right" names a structure (so its region), and a side.
Only whole names, ids and synonyms of the taxonomy count, word for word after folding case and
accents: no typo tolerance and no prefixes (the search box has those, for people typing), because a
name read wrongly here would file a demonstration under the wrong muscle for good. A phrase that
could mean two things of one kind is left out. Fields no words speak for stay empty; the side then
stays "both", the positions table's meaning of "not one side".
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from smrtplayer.models.regions import Ref, Taxonomy, tokens

#: Side words the taxonomy does not list because they name no single side.
_BOTH_SIDES = (("bilateral",), ("both", "sides"), ("bilaterally",))
_MAX_PHRASE_WORDS = 8
_PHRASES: weakref.WeakKeyDictionary[Taxonomy, dict[tuple[str, ...], frozenset[Ref]]] = (
    weakref.WeakKeyDictionary()
)


@dataclass(frozen=True)
class NameReading:
    region: str = ""  # a region id
    muscles: tuple[str, ...] = ()  # structure names
    side: str = "both"  # L | R | both
    client_position: str = ""
    technique: str = ""
    side_named: bool = False  # did the words name a side (or both sides)?


def read_position_name(text: str, taxonomy: Taxonomy) -> NameReading:
    phrases = _phrases(taxonomy)
    words = tokens(text)[:200]
    found: list[Ref] = []
    i = 0
    while i < len(words):
        for length in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            refs = phrases.get(words[i : i + length])
            if refs is not None:
                found.extend(_unambiguous(refs))
                i += length
                break
        else:
            i += 1
    structures = [taxonomy.structures[ref.id] for ref in found if ref.kind == "structure"]
    regions = [ref.id for ref in found if ref.kind == "region"]
    body = [region for region in regions if taxonomy.regions[region].kind == "body"]
    # A body region said outright, else the named structure's; "side-lying" (a positioning group)
    # only when the name says nothing about the body.
    region = (body or [s.region_ids[0] for s in structures] or regions or [""])[0]
    sides = {ref.id for ref in found if ref.kind == "side"}
    side = next(iter(sides)) if len(sides) == 1 else "both"
    return NameReading(
        region=region,
        muscles=tuple(dict.fromkeys(structure.name for structure in structures)),
        side=side,
        client_position=_first_name(taxonomy, found, "client_position"),
        technique=_first_name(taxonomy, found, "technique"),
        side_named=bool(sides),
    )


def _unambiguous(refs: frozenset[Ref]) -> list[Ref]:
    kinds: dict[str, list[Ref]] = {}
    for ref in refs:
        kinds.setdefault(ref.kind, []).append(ref)
    return [only[0] for only in kinds.values() if len(only) == 1]


def _first_name(taxonomy: Taxonomy, found: list[Ref], kind: str) -> str:
    return next((taxonomy.name_of(ref) for ref in found if ref.kind == kind), "")


def _phrases(taxonomy: Taxonomy) -> dict[tuple[str, ...], frozenset[Ref]]:
    cached = _PHRASES.get(taxonomy)
    if cached is not None:
        return cached
    collected: dict[tuple[str, ...], set[Ref]] = {}

    def add(ref: Ref, spellings: tuple[str, ...]) -> None:
        for spelling in spellings:
            words = tokens(spelling)
            if words and len(words) <= _MAX_PHRASE_WORDS:
                collected.setdefault(words, set()).add(ref)

    for region in taxonomy.regions.values():
        add(Ref("region", region.id), (region.id, region.name, *region.synonyms))
    for structure in taxonomy.structures.values():
        add(Ref("structure", structure.id), (structure.id, structure.name, *structure.synonyms))
    for kind, terms in (
        ("technique", taxonomy.techniques),
        ("client_position", taxonomy.client_positions),
        ("side", taxonomy.sides),
    ):
        for term in terms.values():
            add(Ref(kind, term.id), (term.id, term.name, *term.synonyms))
    for words in _BOTH_SIDES:
        collected.setdefault(words, set()).add(Ref("side", "both"))
    phrases = {words: frozenset(refs) for words, refs in collected.items()}
    _PHRASES[taxonomy] = phrases
    return phrases
