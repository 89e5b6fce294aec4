"""File names made from titles: one rule for captures, exports, handouts and copied course folders."""

from __future__ import annotations

from smrtplayer.common.filenames import MAX_NAME_CHARS, safe_filename


def test_characters_some_system_refuses_become_underscores() -> None:
    assert (
        safe_filename("smrtplayer Demo: Hips & Shoulder", fallback="x") == "smrtplayer Demo_ Hips _ Shoulder"
    )
    assert safe_filename('a/b\\c*d?e"f<g>h|i', fallback="x") == "a_b_c_d_e_f_g_h_i"
    assert safe_filename("Lesson 1.", fallback="x") == "Lesson 1_", "no trailing dot, which Windows drops"


def test_letters_of_any_script_are_kept_and_spaces_are_tidied() -> None:
    assert safe_filename("  Épaule   – côté droit\t", fallback="x") == "Épaule _ côté droit"
    assert safe_filename("Schulter-Übung_2", fallback="x") == "Schulter-Übung_2"


def test_control_characters_never_reach_the_name() -> None:
    assert safe_filename("a\x00b\x07c\nd", fallback="x") == "a_b_c d"


def test_long_titles_are_cut_and_empty_ones_fall_back() -> None:
    assert len(safe_filename("x" * 500, fallback="y")) == MAX_NAME_CHARS
    assert safe_filename("word " * 30, fallback="y", max_chars=12) == "word word wo"
    assert safe_filename("word " * 30, fallback="y", max_chars=10) == "word word"
    assert safe_filename("   ", fallback="notes") == "notes"
    assert safe_filename("", fallback="plan") == "plan"
