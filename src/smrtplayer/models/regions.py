"""The body-region taxonomy (``assets/taxonomy.toml``) and the search words that resolve against it.

The taxonomy is plain data written for this project: body regions as the courses organise them, the
muscles, tendons, ligaments, fascia and joints in each, synonyms and abbreviations, techniques,
client positions and sides. It is checked once when loaded (ids unique and kebab-case, references
resolve) and then turned into a term index:

* every spelling (name, id, synonym) is folded (case, accents, punctuation) into a token phrase;
* a query is cut, left to right, into the longest phrases it matches, each query word matching a
  phrase word exactly, as a prefix (the word being typed) or with a small typo (one edit from four
  letters, two from eight; a deletion index makes that a dictionary lookup instead of a scan);
* what is left over is free text, searched in position titles.

No Qt here: the index service, the CLI and a manifest check all use it.
"""

from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from smrtplayer.common.errors import SmrtError
from smrtplayer.common.resources import TAXONOMY_ASSET, asset
from smrtplayer.common.userfile import read_user_file
from smrtplayer.models.library import NewCourse

TAXONOMY_NAME = TAXONOMY_ASSET
#: The shipped taxonomy is tens of KiB.
MAX_TAXONOMY_BYTES = 8 * 1024 * 1024

Kind = Literal["region", "structure", "technique", "client_position", "side"]
#: Kinds whose clauses are alternatives of each other ("glute med, piriformis" = either).
ANATOMY: frozenset[str] = frozenset({"region", "structure"})
#: The prefix each kind's values carry in the search table (see store/index_search.py).
TERM_PREFIX: dict[str, str] = {"region": "r:", "structure": "m:", "technique": "t:", "client_position": "c:"}

_LIGATURES = str.maketrans({"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ø": "o", "Ø": "O"})
_STOP_WORDS = frozenset({"and", "of", "the"})
_MIN_TYPO_LENGTH = 4
_MIN_PREFIX = 3
_LONG_WORD = 8


class TaxonomyError(SmrtError):
    """The taxonomy file is malformed; the message names the entry at fault."""


# ----------------------------------------------------------------------------------- file format
_Id = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
_Name = Annotated[str, msgspec.Meta(min_length=1, max_length=120)]


class _StructureSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: _Id
    name: _Name
    type: Literal[
        "muscle", "tendon", "ligament", "fascia", "joint", "bursa", "bone", "group", "other", "tender-point"
    ]
    view: Literal["front", "back", "both"]
    synonyms: list[_Name] = []
    members: list[_Id] = []
    also: list[_Id] = []
    hold_ms: Annotated[int, msgspec.Meta(ge=5_000, le=1_200_000)] | None = None


class _TenderPointsSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A family of Strain-Counterstrain tender points: ``AC`` with ``count = 8`` is AC1 to AC8."""

    code: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2,3}$")]
    name: _Name
    count: Annotated[int, msgspec.Meta(ge=1, le=30)]
    region: _Id
    view: Literal["front", "back", "both"]
    hold_ms: Annotated[int, msgspec.Meta(ge=5_000, le=1_200_000)]

    def structures(self) -> list[_StructureSpec]:
        slug = self.name.lower().replace(" ", "-")
        points = [
            _StructureSpec(
                id=f"tender-point-{self.code.lower()}{number}",
                name=f"{self.code}{number} {self.name.lower()} tender point",
                type="tender-point",
                view=self.view,
                synonyms=[f"{self.code}{number}", f"{self.name.lower()} {number}", f"{self.code} {number}"],
                hold_ms=self.hold_ms,
            )
            for number in range(1, self.count + 1)
        ]
        group = _StructureSpec(
            id=f"tender-points-{slug}",
            name=f"{self.name} tender points",
            type="group",
            view=self.view,
            synonyms=[self.code, f"{self.name.lower()} points", f"{self.code} points"],
            members=[point.id for point in points],
            hold_ms=self.hold_ms,
        )
        return [*points, group]


class _RegionSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: _Id
    name: _Name
    kind: Literal["body", "positioning"]
    synonyms: list[_Name] = []
    structures: list[_StructureSpec] = []


class _TermSpec(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    id: Annotated[str, msgspec.Meta(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*|L|R)$")]
    name: _Name
    synonyms: list[_Name] = []


class _TaxonomyFile(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    taxonomy_version: Annotated[int, msgspec.Meta(ge=1)]
    regions: list[_RegionSpec]
    techniques: list[_TermSpec] = []
    client_positions: list[_TermSpec] = []
    sides: list[_TermSpec] = []
    tender_points: list[_TenderPointsSpec] = []


# ------------------------------------------------------------------------------------ the model
@dataclass(frozen=True)
class Ref:
    """One thing in the taxonomy: (kind, id)."""

    kind: str
    id: str


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    kind: str  # body | positioning
    synonyms: tuple[str, ...]
    structure_ids: tuple[str, ...]  # defined here first, then those listed here by `also`


@dataclass(frozen=True)
class Structure:
    id: str
    name: str
    type: str
    view: str  # front | back | both
    synonyms: tuple[str, ...]
    region_ids: tuple[str, ...]  # main region first
    members: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # the groups this structure is a member of
    hold_ms: int | None = None  # a tender point's default hold (counterstrain: 90 s, ribs 120 s)


@dataclass(frozen=True)
class Term:
    """A technique, a client position or a side."""

    kind: str
    id: str
    name: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class NameProblem:
    """An unknown name found in a manifest, an index file or a form, with the nearest known one."""

    kind: str  # region | muscle | technique | client position
    name: str
    closest: str | None
    where: str = ""

    @property
    def message(self) -> str:
        place = f"{self.where}: " if self.where else ""
        hint = f" (closest known: {self.closest!r})" if self.closest else ""
        return f"{place}unknown {self.kind} {self.name!r}{hint}"


@dataclass(frozen=True)
class Clause:
    """A run of query words and what it resolved to; no refs means free text (title words)."""

    words: str
    refs: tuple[Ref, ...] = ()
    strong: bool = True  # a whole name was typed, not just part of one

    @property
    def is_text(self) -> bool:
        return not self.refs


@dataclass(frozen=True)
class Interpretation:
    """How a query was read: groups of clauses; clauses in a group are OR-ed, groups are AND-ed."""

    query: str
    groups: tuple[tuple[Clause, ...], ...] = ()
    unmatched: tuple[str, ...] = ()  # words that matched no known name (searched as title words)

    @property
    def empty(self) -> bool:
        return not self.groups

    def clauses(self) -> Iterator[Clause]:
        for group in self.groups:
            yield from group


@dataclass
class _Phrase:
    tokens: tuple[str, ...]
    ref: Ref


@dataclass
class _Candidate:
    consumed: int
    penalty: int
    strong: bool
    ref: Ref


@dataclass
class _Index:
    phrases: list[_Phrase] = field(default_factory=list)
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)  # sorted, for prefix lookups
    #: built by the first query that needs it: ~18,000 variants, ~5 MiB, that most runs never use
    _deletions: dict[str, set[str]] | None = None

    def deletions(self) -> dict[str, set[str]]:
        """Every vocabulary word under each of its spellings with up to its typo budget of letters
        deleted: a typo in a query then needs only dictionary lookups."""
        if self._deletions is None:
            self._deletions = {}
            for word in self.vocabulary:
                for variant in _deletions(word, _typo_budget(word)):
                    self._deletions.setdefault(variant, set()).add(word)
        return self._deletions


# ---------------------------------------------------------------------------------- text folding
def fold(text: str) -> str:
    """Lower-case, accents off, '&' as 'and', apostrophes dropped, other punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    plain = plain.replace("&", " and ").replace("'", "").replace("’", "")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def tokens(text: str) -> tuple[str, ...]:
    return tuple(word for word in fold(text).split() if word not in _STOP_WORDS)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts once), capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        best = current[0]
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)


def _deletions(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))}
        found |= frontier
    return found


def _typo_budget(word: str) -> int:
    if len(word) < _MIN_TYPO_LENGTH:
        return 0
    return 2 if len(word) >= _LONG_WORD else 1


# ------------------------------------------------------------------------------------- taxonomy
class Taxonomy:
    def __init__(self, spec: _TaxonomyFile, source: str = TAXONOMY_NAME) -> None:
        self.version = spec.taxonomy_version
        self.source = source
        self.regions: dict[str, Region] = {}
        self.structures: dict[str, Structure] = {}
        self.techniques: dict[str, Term] = {}
        self.client_positions: dict[str, Term] = {}
        self.sides: dict[str, Term] = {}
        self._build(spec)
        self._spellings: dict[Ref, frozenset[str]] = {}
        self._lookup: dict[str, dict[str, str]] = {kind: {} for kind in (*TERM_PREFIX, "side")}
        self._display: dict[tuple[str, str], str] = {}
        for ref, names in self._all_spellings():
            for spelling in names:
                self._lookup[ref.kind].setdefault(fold(spelling), ref.id)
                self._display.setdefault((ref.kind, fold(spelling)), spelling)
        self._phrases: _Index | None = None  # built at the first search: ~1.2 MiB a window may never need

    @property
    def _index(self) -> _Index:
        if self._phrases is None:
            self._phrases = self._build_index()
        return self._phrases

    # ------------------------------------------------------------------------------ building
    def _build(self, spec: _TaxonomyFile) -> None:
        also: dict[str, list[str]] = {}
        structure_specs: dict[str, tuple[_StructureSpec, str]] = {}
        for region in spec.regions:
            if region.id in self.regions:
                raise TaxonomyError(f"{self.source}: region {region.id!r} is listed twice")
            self.regions[region.id] = Region(region.id, region.name, region.kind, tuple(region.synonyms), ())
            families = [family for family in spec.tender_points if family.region == region.id]
            for structure in [*region.structures, *(s for f in families for s in f.structures())]:
                if structure.id in structure_specs:
                    raise TaxonomyError(f"{self.source}: structure {structure.id!r} is listed twice")
                structure_specs[structure.id] = (structure, region.id)
        names: dict[str, str] = {}
        groups_of: dict[str, list[str]] = {}
        for structure_id, (structure, _main) in structure_specs.items():
            folded = fold(structure.name)
            if folded in names:
                raise TaxonomyError(
                    f"{self.source}: structures {names[folded]!r} and {structure_id!r} share the name "
                    f"{structure.name!r}"
                )
            names[folded] = structure_id
            for region_id in structure.also:
                if region_id not in self.regions:
                    raise TaxonomyError(
                        f"{self.source}: structure {structure_id!r} names an unknown region {region_id!r}"
                    )
                also.setdefault(region_id, []).append(structure_id)
            if structure.members and structure.type != "group":
                raise TaxonomyError(f"{self.source}: {structure_id!r} has members but is not a group")
            if structure.type == "group" and not structure.members:
                raise TaxonomyError(f"{self.source}: group {structure_id!r} has no members")
            for member in structure.members:
                if member not in structure_specs:
                    raise TaxonomyError(
                        f"{self.source}: group {structure_id!r} names an unknown member {member!r}"
                    )
                groups_of.setdefault(member, []).append(structure_id)
        for structure_id, (structure, main) in structure_specs.items():
            self.structures[structure_id] = Structure(
                id=structure_id,
                name=structure.name,
                type=structure.type,
                view=structure.view,
                synonyms=tuple(structure.synonyms),
                region_ids=(main, *[r for r in structure.also if r != main]),
                members=tuple(structure.members),
                groups=tuple(groups_of.get(structure_id, ())),
                hold_ms=structure.hold_ms,
            )
        for family in spec.tender_points:
            if family.region not in self.regions:
                raise TaxonomyError(f"{self.source}: tender points {family.code!r} name an unknown region")
        for region in spec.regions:
            own = [s.id for s in region.structures] + [
                s.id
                for family in spec.tender_points
                if family.region == region.id
                for s in family.structures()
            ]
            extra = [s for s in also.get(region.id, []) if s not in own]
            previous = self.regions[region.id]
            self.regions[region.id] = Region(
                previous.id, previous.name, previous.kind, previous.synonyms, (*own, *extra)
            )
        for kind, specs, target in (
            ("technique", spec.techniques, self.techniques),
            ("client_position", spec.client_positions, self.client_positions),
            ("side", spec.sides, self.sides),
        ):
            for term in specs:
                if term.id in target:
                    raise TaxonomyError(f"{self.source}: {kind} {term.id!r} is listed twice")
                target[term.id] = Term(kind, term.id, term.name, tuple(term.synonyms))

    def _all_spellings(self) -> Iterator[tuple[Ref, tuple[str, ...]]]:
        for region in self.regions.values():
            yield Ref("region", region.id), (region.id, region.name, *region.synonyms)
        for structure in self.structures.values():
            yield Ref("structure", structure.id), (structure.id, structure.name, *structure.synonyms)
        for kind, terms in (
            ("technique", self.techniques),
            ("client_position", self.client_positions),
            ("side", self.sides),
        ):
            for term in terms.values():
                yield Ref(kind, term.id), (term.id, term.name, *term.synonyms)

    def _build_index(self) -> _Index:
        index = _Index()
        seen: set[tuple[tuple[str, ...], Ref]] = set()
        for ref, names in self._all_spellings():
            for spelling in names:
                words = tokens(spelling)
                if not words or (words, ref) in seen:
                    continue
                seen.add((words, ref))
                number = len(index.phrases)
                index.phrases.append(_Phrase(words, ref))
                for position, word in enumerate(words):
                    index.postings.setdefault(word, []).append((number, position))
        index.vocabulary = sorted(index.postings)
        return index

    # ------------------------------------------------------------------------------- queries
    def body_regions(self) -> list[Region]:
        return [region for region in self.regions.values() if region.kind == "body"]

    def positioning_regions(self) -> list[Region]:
        return [region for region in self.regions.values() if region.kind == "positioning"]

    def structures_in(self, region_id: str) -> list[Structure]:
        region = self.regions.get(region_id)
        return [self.structures[s] for s in region.structure_ids] if region else []

    def name_of(self, ref: Ref) -> str:
        item: Region | Structure | Term | None
        if ref.kind == "region":
            item = self.regions.get(ref.id)
        elif ref.kind == "structure":
            item = self.structures.get(ref.id)
        else:
            item = {
                "technique": self.techniques,
                "client_position": self.client_positions,
                "side": self.sides,
            }.get(ref.kind, {}).get(ref.id)
        return item.name if item is not None else ref.id

    def canonical(self, kind: str, text: str) -> str | None:
        """The id that ``text`` names (a name, id or synonym, any case), or None."""
        return self._lookup.get(kind, {}).get(fold(text))

    def structure_named(self, text: str) -> Structure | None:
        structure_id = self.canonical("structure", text)
        return self.structures[structure_id] if structure_id else None

    def spellings(self, ref: Ref) -> frozenset[str]:
        """Every way a stored value may spell ``ref``, lower-cased as the search table keeps it."""
        cached = self._spellings.get(ref)
        if cached is not None:
            return cached
        names: list[str] = []
        for candidate, spelled in self._all_spellings():
            if candidate == ref:
                names.extend(spelled)
                break
        variants: set[str] = set()
        for name in names:
            lowered = " ".join(name.lower().split())
            variants.update({lowered, lowered.replace("-", " "), lowered.replace(" ", "-")})
            variants.add(" ".join(fold(name).split()))
        result = frozenset(variants)
        self._spellings[ref] = result
        return result

    def related_structures(self, structure_id: str) -> set[str]:
        """A structure, its members (for a group, recursively) and the groups it belongs to."""
        related = {structure_id}
        pending = [structure_id]
        while pending:
            current = self.structures.get(pending.pop())
            if current is None:
                continue
            for member in current.members:
                if member not in related:
                    related.add(member)
                    pending.append(member)
        structure = self.structures.get(structure_id)
        if structure is not None:
            related.update(structure.groups)
        return related

    # -------------------------------------------------------------------------- name checks
    def validate_names(
        self,
        *,
        regions: Iterable[str] = (),
        muscles: Iterable[str] = (),
        techniques: Iterable[str] = (),
        client_positions: Iterable[str] = (),
        where: str = "",
    ) -> list[NameProblem]:
        """Unknown names, each with the closest known one. Empty strings are not names: no problem."""
        problems: list[NameProblem] = []
        for label, kind, names in (
            ("region", "region", regions),
            ("muscle", "structure", muscles),
            ("technique", "technique", techniques),
            ("client position", "client_position", client_positions),
        ):
            for name in names:
                if name.strip() and self.canonical(kind, name) is None:
                    problems.append(NameProblem(label, name, self.closest(kind, name), where))
        return problems

    def closest(self, kind: str, text: str) -> str | None:
        """The known name nearest to ``text`` (for "did you mean"): a region id, else a name."""
        import difflib  # imported at first use: not needed while a lesson plays

        lookup = self._lookup.get(kind, {})
        folded = fold(text)
        match = difflib.get_close_matches(folded, list(lookup), n=1, cutoff=0.6)
        if not match:
            return None
        ref = Ref(kind, lookup[match[0]])
        if kind == "region":
            return ref.id
        name = self.name_of(ref)
        spelled = self._display.get((kind, match[0]), match[0])
        return name if fold(name) == match[0] else f"{spelled} ({name})"

    def check_course(self, course: NewCourse) -> list[NameProblem]:
        """Unknown region, muscle, technique and client-position names in a course about to be stored."""
        problems = self.validate_names(regions=course.regions, where=f"course {course.title!r}")
        for lesson in course.lessons:
            for position in lesson.positions:
                problems.extend(
                    self.validate_names(
                        regions=[position.region],
                        muscles=position.muscles,
                        techniques=[position.technique],
                        client_positions=[position.client_position],
                        where=f"lesson {lesson.title!r}, position {position.title!r}",
                    )
                )
        return problems

    # ------------------------------------------------------------------------------ search
    def _word_matches(self, word: str) -> dict[str, int]:
        """Vocabulary words ``word`` may stand for, with a penalty: 0 exact, 1 prefix, 2+ typo."""
        index = self._index
        found: dict[str, int] = {}
        exact = word in index.postings
        if exact:
            found[word] = 0
        if len(word) >= _MIN_PREFIX:
            found.update(self._prefixes(word))
        budget = _typo_budget(word)
        if not exact and budget:
            candidates: set[str] = set()
            deletions = index.deletions()
            for variant in _deletions(word, budget):
                candidates |= deletions.get(variant, set())
            for candidate in candidates:
                if candidate in found:
                    continue
                distance = edit_distance(word, candidate, min(budget, _typo_budget(candidate)))
                if 0 < distance <= min(budget, _typo_budget(candidate)):
                    found[candidate] = 1 + distance
        return found

    def _prefixes(self, word: str) -> dict[str, int]:
        vocabulary = self._index.vocabulary
        found: dict[str, int] = {}
        for candidate in vocabulary[bisect.bisect_left(vocabulary, word) :]:
            if not candidate.startswith(word):
                break
            if candidate != word:
                found[candidate] = 1
        return found

    def interpret(self, query: str) -> Interpretation:
        words = list(tokens(query))
        if not words:
            return Interpretation(query)
        # A word of one or two letters is a known abbreviation ("QL", "SI") or the continuation of a
        # name being typed ("hip f"); it never starts a prefix search on its own: two letters match
        # a sixth of a large library, and nobody means that.
        last = len(words) - 1
        matches = [
            self._word_matches(word)
            if len(word) >= _MIN_PREFIX
            else {
                **(self._prefixes(word) if n == last else {}),
                **({word: 0} if word in self._index.postings else {}),
            }
            for n, word in enumerate(words)
        ]
        clauses: list[Clause] = []
        unmatched: list[str] = []
        i = 0
        while i < len(words):
            short = len(words[i]) < _MIN_PREFIX
            best = self._best_at(words, matches, i, exact_only=short) if len(words[i]) > 1 else []
            if not best:
                if not short:
                    clauses.append(Clause(words[i]))
                    unmatched.append(words[i])
                i += 1
                continue
            consumed = best[0].consumed
            refs = tuple(dict.fromkeys(candidate.ref for candidate in best))
            strong = any(candidate.strong for candidate in best)
            clauses.append(Clause(" ".join(words[i : i + consumed]), refs, strong))
            i += consumed
        return Interpretation(query, _group(clauses), tuple(unmatched))

    def _best_at(
        self, words: list[str], matches: list[dict[str, int]], start: int, *, exact_only: bool = False
    ) -> list[_Candidate]:
        index = self._index
        candidates: list[_Candidate] = []
        for word, penalty in matches[start].items():
            if exact_only and penalty:
                continue
            for number, offset in index.postings.get(word, ()):
                phrase = index.phrases[number].tokens
                consumed = 1
                total = penalty
                while (
                    offset + consumed < len(phrase)
                    and start + consumed < len(words)
                    and phrase[offset + consumed] in matches[start + consumed]
                ):
                    total += matches[start + consumed][phrase[offset + consumed]]
                    consumed += 1
                complete = offset == 0 and offset + consumed == len(phrase)
                total += (offset > 0) + (offset + consumed < len(phrase))
                candidates.append(_Candidate(consumed, total, complete, index.phrases[number].ref))
        if not candidates:
            return []
        most = max(candidate.consumed for candidate in candidates)
        longest = [candidate for candidate in candidates if candidate.consumed == most]
        least = min(candidate.penalty for candidate in longest)
        return [candidate for candidate in longest if candidate.penalty == least]


def _family(clause: Clause) -> frozenset[str]:
    kinds = {"anatomy" if ref.kind in ANATOMY else ref.kind for ref in clause.refs}
    return frozenset(kinds)


def _group(clauses: list[Clause]) -> tuple[tuple[Clause, ...], ...]:
    """Same-family clauses are alternatives; a part-name next to a whole name is a title word."""
    strong_families = {_family(c) for c in clauses if c.refs and c.strong}
    families: dict[frozenset[str], list[Clause]] = {}
    text: list[Clause] = []
    for clause in clauses:
        if clause.is_text:
            text.append(clause)
        elif not clause.strong and _family(clause) in strong_families:
            text.append(Clause(clause.words))
        else:
            families.setdefault(_family(clause), []).append(clause)
    return (*(tuple(group) for group in families.values()), *((clause,) for clause in text))


# ---------------------------------------------------------------------------------- loading
def parse_taxonomy(raw: bytes, *, source: str = TAXONOMY_NAME) -> Taxonomy:
    try:
        document = tomllib.loads(raw.decode("utf-8"))
        spec = msgspec.convert(document, _TaxonomyFile, strict=True)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, msgspec.ValidationError) as error:
        raise TaxonomyError(f"{source}: {error}") from error
    return Taxonomy(spec, source)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    path = path or asset(TAXONOMY_NAME)
    try:
        raw = read_user_file(path, limit=MAX_TAXONOMY_BYTES, what="body-region data", error=TaxonomyError)
    except OSError as error:
        raise TaxonomyError(
            f"The body-region data {path} cannot be read ({error.strerror or error}). Reinstall smrtplayer."
        ) from error
    return parse_taxonomy(raw, source=str(path))


@cache
def default_taxonomy() -> Taxonomy:
    """The shipped taxonomy, loaded once per process."""
    return load_taxonomy()


def validate_names(
    *,
    regions: Iterable[str] = (),
    muscles: Iterable[str] = (),
    techniques: Iterable[str] = (),
    client_positions: Iterable[str] = (),
    where: str = "",
) -> list[NameProblem]:
    """Check names against the shipped taxonomy; see ``Taxonomy.validate_names``."""
    return default_taxonomy().validate_names(
        regions=regions,
        muscles=muscles,
        techniques=techniques,
        client_positions=client_positions,
        where=where,
    )


def check_course(course: NewCourse) -> list[NameProblem]:
    """Unknown names in a course converted from a manifest; call before ``CourseRepository.save``."""
    return default_taxonomy().check_course(course)
