"""Lesson order and titles from file names, and regions from the publisher's course titles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smrtplayer.common.resources import asset
from smrtplayer.library.naming import clean_title, natural_key
from smrtplayer.library.titles import known_regions, load_title_table, regions_for_title
from smrtplayer.models.regions import default_taxonomy


def test_natural_order_puts_2_before_10() -> None:
    names = [
        "10 - x.mp4",
        "2 - x.mp4",
        "1 - y.mp4",
        "Lesson 10.mp4",
        "Lesson 9.mp4",
        "a2b10",
        "a2b9",
        "B.mp4",
    ]
    assert sorted(names, key=natural_key) == [
        "1 - y.mp4",
        "2 - x.mp4",
        "10 - x.mp4",
        "a2b9",
        "a2b10",
        "B.mp4",
        "Lesson 9.mp4",
        "Lesson 10.mp4",
    ]


@given(st.lists(st.text(max_size=12), max_size=8))
@settings(max_examples=200, deadline=None)
def test_natural_key_always_sorts(names: list[str]) -> None:
    sorted(names, key=natural_key)  # never raises: digits and text never compare with each other


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("01 - Gluteus medius", "Gluteus medius"),
        ("03_gluteus_medius", "Gluteus medius"),
        ("1.2 intro to the back", "Intro to the back"),
        ("12. Psoas", "Psoas"),
        ("(01) Intro", "Intro"),
        ("[02] Piriformis [1080p]", "Piriformis"),
        ("#4 Scalenes", "Scalenes"),
        ("Lesson 3 - Psoas", "Psoas"),
        ("Module 2 - Hips", "Hips"),
        ("gluteus.medius", "Gluteus medius"),
        ("3 Ways to release the psoas", "3 Ways to release the psoas"),
        ("Lesson 3", "Lesson 3"),
        ("07", "07"),
        ("Quadratus Lumborum (HD)", "Quadratus Lumborum"),
    ],
)
def test_titles_are_cleaned_from_file_names(name: str, title: str) -> None:
    assert clean_title(name) == title


@pytest.mark.parametrize(
    ("title", "regions"),
    [
        ("Abdomen", ("abdomen",)),
        ("Arm & Hand", ("arm-hand",)),
        ("Back & Spine", ("back-spine", "upper-back", "lower-back")),
        ("Head & Neck", ("head-neck",)),
        ("Hips & Sacrum", ("hips-sacrum",)),
        ("Hips, Lower Back & Abdomen", ("hips-sacrum", "lower-back", "abdomen")),
        ("Lower Back", ("lower-back",)),
        ("Lower Extremities", ("thighs-knees", "lower-leg-feet")),
        ("Lower Leg & Feet", ("lower-leg-feet",)),
        ("Ribcage", ("ribcage",)),
        ("Shoulder & Axilla", ("shoulder-axilla",)),
        ("Thighs & Knees", ("thighs-knees",)),
        ("Upper Back", ("upper-back",)),
        ("Laterally Recumbent Work & Pregnancy", ("laterally-recumbent", "pregnancy")),
        ("Advanced Hips & Sacrum", ("hips-sacrum",)),
        ("SMRT_Advanced_Shoulder_&_Axilla (2021)", ("shoulder-axilla",)),
        ("Advanced Head and Neck incl. Cranial Work", ("head-neck",)),
        ("SMRT HIPS SACRUM DVD", ("hips-sacrum",)),
        ("Pelvic Floor", ("pelvic-floor",)),
        ("Cooking with Herbs", ()),
    ],
)
def test_publisher_titles_imply_regions(title: str, regions: tuple[str, ...]) -> None:
    assert regions_for_title(title) == regions


def test_the_title_table_only_names_taxonomy_regions() -> None:
    table = load_title_table(asset("course_titles.toml"))
    used = {region for rule in table.rules for region in rule.regions}
    assert used <= known_regions() == frozenset(default_taxonomy().regions)


def test_a_broken_title_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "titles.toml"
    path.write_text('format = 1\n[[titles]]\npattern = "x"\nregions = ["knee"]\n')
    with pytest.raises(ValueError, match="unknown regions"):
        load_title_table(path)


def test_the_subtitle_named_like_the_video_comes_before_the_translations() -> None:
    from smrtplayer.library.scan import plan_course

    plan = plan_course(
        ["01 Release.mp4", "01 Release.de.srt", "01 Release.srt", "01 Release.es.vtt"], title="Course"
    )
    (lesson,) = plan.lessons
    assert [item.rel_path for item in lesson.subtitles] == [
        "01 Release.srt",
        "01 Release.de.srt",
        "01 Release.es.vtt",
    ]


@pytest.mark.parametrize(
    ("title", "regions"),
    [
        ("Hip and Pelvis", ("hips-sacrum",)),
        ("The Shoulder Course", ("shoulder-axilla",)),
        ("Foot and Ankle", ("lower-leg-feet",)),
        ("Knee & Thigh", ("thighs-knees",)),
        ("Hand and Wrist", ("arm-hand",)),
        ("SMRT Hips, Lower Back & Abdomen", ("hips-sacrum", "lower-back", "abdomen")),  # the full title first
        ("Headache relief", ()),  # a word inside another word is not a region
        ("Feedback session", ()),
    ],
)
def test_looser_course_titles_still_find_their_region(title: str, regions: tuple[str, ...]) -> None:
    assert regions_for_title(title) == regions
