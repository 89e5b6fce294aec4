"""Strain-Counterstrain tender points in the taxonomy: their usual codes as structures with synonyms,
each family a group, each with its default hold (90 s, rib points 120 s), used for a position's
default hold and found by search."""

from __future__ import annotations

import pytest

from smrtplayer.common.resources import asset
from smrtplayer.models.positions import PositionDraft
from smrtplayer.models.presets import default_hold_ms
from smrtplayer.models.regions import Ref, TaxonomyError, default_taxonomy, load_taxonomy, parse_taxonomy


@pytest.mark.parametrize(
    ("code", "count", "hold_ms", "region"),
    [
        ("AC", 8, 90_000, "head-neck"),
        ("PC", 8, 90_000, "head-neck"),
        ("AT", 12, 90_000, "ribcage"),
        ("PT", 12, 90_000, "upper-back"),
        ("AR", 10, 120_000, "ribcage"),
        ("PL", 5, 90_000, "lower-back"),
    ],
)
def test_each_family_has_its_numbered_points_and_default_hold(
    code: str, count: int, hold_ms: int, region: str
) -> None:
    taxonomy = default_taxonomy()
    family = taxonomy.structure_named(code)
    assert family is not None and family.type == "group" and len(family.members) == count
    for number in (1, count):
        point = taxonomy.structure_named(f"{code}{number}")
        assert point is not None and point.type == "tender-point"
        assert point.hold_ms == hold_ms and point.region_ids[0] == region
        assert family.id in point.groups
        assert taxonomy.structure_named(f"{code.lower()} {number}") == point, "typed with a space, any case"
    assert taxonomy.structure_named(f"{code}{count + 1}") is None


def test_a_point_is_found_by_its_code_and_its_spelled_out_name() -> None:
    taxonomy = default_taxonomy()
    point = taxonomy.structure_named("AC3")
    assert point is not None
    assert taxonomy.structure_named("anterior cervical 3") == point
    clauses = list(taxonomy.interpret("AC3").clauses())
    assert Ref("structure", point.id) in clauses[0].refs


def test_a_position_on_a_tender_point_holds_for_the_points_time() -> None:
    def draft(*muscles: str, technique: str = "Strain-Counterstrain") -> PositionDraft:
        return PositionDraft("fp1-" + "a" * 32, 0, 10_000, "Point", muscles=muscles, technique=technique)

    assert default_hold_ms(draft("AR4")) == 120_000
    assert default_hold_ms(draft("tender-point-ac2")) == 90_000
    assert default_hold_ms(draft("piriformis", technique="SMRT")) == 30_000, "not a tender point"
    own = PositionDraft("fp1-" + "a" * 32, 0, 10_000, "Point", muscles=("AR4",), hold_ms=60_000)
    assert default_hold_ms(own) == 60_000, "the position's own time comes first"


def test_a_bad_tender_point_family_is_refused_with_its_code() -> None:
    raw = asset("taxonomy.toml").read_bytes()
    with pytest.raises(TaxonomyError, match="'XX'"):
        parse_taxonomy(
            raw + b'\n[[tender_points]]\ncode = "XX"\nname = "Nowhere"\ncount = 2\nregion = "moon"\n'
            b'view = "front"\nhold_ms = 90000\n'
        )
    with pytest.raises(TaxonomyError, match="hold_ms"):
        parse_taxonomy(
            raw + b'\n[[tender_points]]\ncode = "XX"\nname = "Zero"\ncount = 2\nregion = "ribcage"\n'
            b'view = "front"\nhold_ms = 0\n'
        )
    assert load_taxonomy().structure_named("XX1") is None
