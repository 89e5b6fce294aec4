"""The taxonomy data and the term index: synonyms, abbreviations, prefixes, typos, groups, bad names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smrtplayer.library.scan import course_from_manifest
from smrtplayer.models.library import NewCourse, NewLesson
from smrtplayer.models.positions import NewPosition
from smrtplayer.models.regions import (
    Ref,
    Taxonomy,
    TaxonomyError,
    default_taxonomy,
    edit_distance,
    fold,
    load_taxonomy,
    parse_taxonomy,
)

BODY_REGIONS = {
    "head-neck",
    "shoulder-axilla",
    "arm-hand",
    "upper-back",
    "ribcage",
    "abdomen",
    "back-spine",
    "lower-back",
    "hips-sacrum",
    "pelvic-floor",
    "thighs-knees",
    "lower-leg-feet",
}


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return default_taxonomy()


def _ids(taxonomy: Taxonomy, query: str) -> list[set[str]]:
    """Each AND-ed group of the reading of ``query`` as the set of ids it may match."""
    reading = taxonomy.interpret(query)
    return [{ref.id for clause in group for ref in clause.refs} for group in reading.groups]


# ----------------------------------------------------------------------------------------- the data
def test_regions_follow_the_courses_organisation(taxonomy: Taxonomy) -> None:
    assert {region.id for region in taxonomy.body_regions()} == BODY_REGIONS
    assert {region.id for region in taxonomy.positioning_regions()} == {"laterally-recumbent", "pregnancy"}
    for region_id in taxonomy.regions:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", region_id)
    assert taxonomy.regions["hips-sacrum"].name == "Hips & Sacrum"
    assert taxonomy.canonical("region", "cranial") == "head-neck"


def test_every_body_region_has_structures_of_several_kinds(taxonomy: Taxonomy) -> None:
    for region in taxonomy.body_regions():
        assert len(region.structure_ids) >= 5, region.id
    types = {structure.type for structure in taxonomy.structures.values()}
    assert {"muscle", "ligament", "tendon", "fascia", "joint", "group"} <= types
    assert len(taxonomy.structures) >= 250
    assert all(structure.view in ("front", "back", "both") for structure in taxonomy.structures.values())
    assert taxonomy.structures["gluteus-medius"].view == "back"
    assert taxonomy.structures["sternocleidomastoid"].view == "front"


def test_structures_may_belong_to_several_regions(taxonomy: Taxonomy) -> None:
    psoas = taxonomy.structures["psoas-major"]
    assert psoas.region_ids[0] == "abdomen"
    assert {"hips-sacrum", "lower-back"} <= set(psoas.region_ids)
    assert "psoas-major" in taxonomy.regions["hips-sacrum"].structure_ids


def test_demo_course_names_are_all_known(taxonomy: Taxonomy, demo_course_dir: Path) -> None:
    course = course_from_manifest(demo_course_dir, kind="builtin").course
    assert taxonomy.check_course(course) == []


# --------------------------------------------------------------------------------------- synonyms
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("glute med", "gluteus-medius"),
        ("Gluteus Medius", "gluteus-medius"),
        ("gmed", "gluteus-medius"),
        ("TFL", "tensor-fasciae-latae"),
        ("scm", "sternocleidomastoid"),
        ("QL", "quadratus-lumborum"),
        ("IT band", "iliotibial-band"),
        ("ITB", "iliotibial-band"),
        ("peroneus longus", "fibularis-longus"),
        ("SI joint", "sacroiliac-joint"),
        ("Achilles", "achilles-tendon"),
        ("plantar aponeurosis", "plantar-fascia"),
        ("VMO", "vastus-medialis"),
        ("tailor's muscle", "sartorius"),
    ],
)
def test_synonyms_and_abbreviations(taxonomy: Taxonomy, query: str, expected: str) -> None:
    assert _ids(taxonomy, query) == [{expected}]


def test_a_group_name_finds_every_member(taxonomy: Taxonomy) -> None:
    assert _ids(taxonomy, "adductors") == [{"adductors"}]
    related = taxonomy.related_structures("adductors")
    assert {"adductor-longus", "adductor-brevis", "adductor-magnus", "pectineus", "gracilis"} <= related
    # and a member is found by positions tagged with its group
    assert "adductors" in taxonomy.related_structures("gracilis")
    assert {"piriformis", "obturator-internus"} <= taxonomy.related_structures("deep-hip-rotators")


def test_spellings_cover_case_and_hyphen_variants(taxonomy: Taxonomy) -> None:
    spelled = taxonomy.spellings(Ref("structure", "tensor-fasciae-latae"))
    assert {"tensor fasciae latae", "tfl", "tensor-fasciae-latae"} <= spelled
    technique = taxonomy.spellings(Ref("technique", "strain-counterstrain"))
    assert {"strain-counterstrain", "strain counterstrain", "scs", "counterstrain"} <= technique


# ---------------------------------------------------------------------------------- prefix, typos
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("piri", {"piriformis"}),
        ("subsc", {"subscapularis"}),
        ("gastroc", {"gastrocnemius"}),
        ("hip f", {"hip-flexors"}),  # a single letter continues a name while it is typed
        ("glu", {"glutes"}),
    ],
)
def test_prefixes_as_the_user_types(taxonomy: Taxonomy, query: str, expected: set[str]) -> None:
    assert _ids(taxonomy, query) == [expected]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("piriformus", "piriformis"),
        ("glute meduis", "gluteus-medius"),  # swapped letters
        ("gluteus medus", "gluteus-medius"),  # one missing
        ("sternocleidomastiod", "sternocleidomastoid"),
        ("gastrocnemeus", "gastrocnemius"),
        ("infraspinatis", "infraspinatus"),
        ("quadratus lumborm", "quadratus-lumborum"),
    ],
)
def test_small_typos_are_tolerated(taxonomy: Taxonomy, query: str, expected: str) -> None:
    assert _ids(taxonomy, query) == [{expected}]


def test_short_words_get_no_typo_tolerance(taxonomy: Taxonomy) -> None:
    # "tfk" is not "tfl": three letters are too few to guess from
    reading = taxonomy.interpret("tfk")
    assert reading.unmatched == ("tfk",)


def test_a_part_of_a_name_finds_every_name_with_it(taxonomy: Taxonomy) -> None:
    (group,) = taxonomy.interpret("teres").groups
    assert {ref.id for ref in group[0].refs} == {"teres-major", "teres-minor", "pronator-teres"}
    assert not group[0].strong


# ------------------------------------------------------------------------------ how words combine
def test_names_of_the_same_kind_are_alternatives(taxonomy: Taxonomy) -> None:
    assert _ids(taxonomy, "glute med, piriformis") == [{"gluteus-medius", "piriformis"}]
    assert _ids(taxonomy, "glute med piriformis") == [{"gluteus-medius", "piriformis"}]
    assert _ids(taxonomy, "hips piriformis") == [{"hips-sacrum", "piriformis"}]


def test_different_kinds_narrow_the_search(taxonomy: Taxonomy) -> None:
    assert _ids(taxonomy, "piriformis prone scs") == [
        {"piriformis"},
        {"prone"},
        {"strain-counterstrain"},
    ]
    assert _ids(taxonomy, "right glute med") == [{"R"}, {"gluteus-medius"}]


def test_a_part_name_after_a_whole_name_is_a_title_word(taxonomy: Taxonomy) -> None:
    reading = taxonomy.interpret("gluteus medius posterior fibres")
    groups = [[clause.words for clause in group] for group in reading.groups]
    assert groups == [["gluteus medius"], ["posterior"], ["fibres"]]
    assert [group[0].is_text for group in reading.groups] == [False, True, True]


def test_unknown_words_are_reported(taxonomy: Taxonomy) -> None:
    reading = taxonomy.interpret("zzyzx")
    assert reading.unmatched == ("zzyzx",)
    assert taxonomy.interpret("").empty
    assert taxonomy.interpret("  , ; ").empty


@given(st.text(max_size=60))
def test_any_text_is_interpreted_without_error(text: str) -> None:
    default_taxonomy().interpret(text)


# -------------------------------------------------------------------------------------- bad names
def test_unknown_names_are_reported_with_the_closest_known(taxonomy: Taxonomy) -> None:
    problems = taxonomy.validate_names(
        regions=["hips-sacrum", "hip and sacrum", ""],
        muscles=["Gluteus medius", "glut med", "piriformus", "xylophone"],
        where="lesson 'x'",
    )
    messages = [problem.message for problem in problems]
    assert messages == [
        "lesson 'x': unknown region 'hip and sacrum' (closest known: 'hips-sacrum')",
        "lesson 'x': unknown muscle 'glut med' (closest known: 'glute med (Gluteus medius)')",
        "lesson 'x': unknown muscle 'piriformus' (closest known: 'Piriformis')",
        "lesson 'x': unknown muscle 'xylophone'",
    ]


def test_check_course_names_the_lesson_and_position(taxonomy: Taxonomy) -> None:
    course = NewCourse(
        uid="c",
        title="Hips",
        kind="linked",
        root_path=Path("/nowhere"),
        regions=("hips-sacrum", "hipps"),
        lessons=(
            NewLesson(
                section_title="S",
                title="Glutes",
                rel_path="a.mp4",
                fingerprint="fp1-00",
                size_bytes=1,
                positions=(
                    NewPosition(
                        title="Med", start_ms=0, end_ms=10, region="hips-sacrum", muscles=("glute mde",)
                    ),
                ),
            ),
        ),
    )
    problems = taxonomy.check_course(course)
    assert [(p.kind, p.name, p.closest) for p in problems] == [
        ("region", "hipps", "hips-sacrum"),
        ("muscle", "glute mde", "glute med (Gluteus medius)"),
    ]
    assert problems[1].where == "lesson 'Glutes', position 'Med'"


# ----------------------------------------------------------------------------- a broken data file
_REGION = '[[regions]]\nid = "hips"\nname = "Hips"\nkind = "body"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("taxonomy_version = 1\n" + _REGION + _REGION, "listed twice"),
        (
            "taxonomy_version = 1\n" + _REGION + 'structures = [{ id = "a", name = "A", type = "group", '
            'view = "back", members = ["b"] }]\n',
            "unknown member 'b'",
        ),
        (
            "taxonomy_version = 1\n" + _REGION + 'structures = [{ id = "a", name = "A", type = "muscle", '
            'view = "back", also = ["nowhere"] }]\n',
            "unknown region 'nowhere'",
        ),
        ("taxonomy_version = 1\n" + _REGION.replace('"hips"', '"Hips Bad"', 1), "$.regions[0].id"),
        ("taxonomy_version = 1\n[[regions]]\nid = 3\n", "Expected `str`"),
        ("not toml ][", "taxonomy.toml"),
    ],
)
def test_a_broken_taxonomy_is_refused_with_the_entry_named(text: str, message: str) -> None:
    with pytest.raises(TaxonomyError, match=re.escape(message)):
        parse_taxonomy(text.encode())


# ------------------------------------------------------------------------------------ primitives
def test_fold_removes_case_accents_and_punctuation() -> None:
    assert fold("Tensor Fasciæ-Latæ (TFL)") == "tensor fasciae latae tfl"
    assert fold("Hips & Sacrum") == "hips and sacrum"
    assert fold("Tailor’s muscle") == "tailors muscle"


@given(st.text(alphabet="abcde", max_size=8), st.text(alphabet="abcde", max_size=8))
def test_edit_distance_is_symmetric_and_capped(a: str, b: str) -> None:
    distance = edit_distance(a, b, 2)
    assert distance == edit_distance(b, a, 2)
    assert (distance == 0) == (a == b)
    assert distance <= 3


def test_the_typo_index_is_built_by_the_first_query_with_a_typo() -> None:
    # ~18,000 spellings with letters deleted (~5 MiB): only a query that matches nothing as typed
    # needs them, so the names of regions alone (the home view) never build them.
    fresh = load_taxonomy()
    assert fresh.regions["hips-sacrum"].name
    assert _ids(fresh, "piriformis") == [{"piriformis"}]
    assert _ids(fresh, "piri") == [{"piriformis"}]
    assert fresh._index._deletions is None
    assert _ids(fresh, "piriformus") == [{"piriformis"}]
    assert fresh._index._deletions is not None and len(fresh._index._deletions) > 10_000
