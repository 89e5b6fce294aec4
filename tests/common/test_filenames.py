"""File names made from titles: one rule for captures, exports, handouts and copied course folders."""

from __future__ import annotations

from smrtplayer.common.filenames import MAX_NAME_CHARS, safe_filename


def test_a_title_that_every_system_accepts_stays_as_it_is() -> None:
    assert safe_filename("Hips & Sacrum (part 2), v1.5", fallback="x") == "Hips & Sacrum (part 2), v1.5"
    assert safe_filename("Épaule – côté droit", fallback="x") == "Épaule – côté droit"


def test_characters_some_system_refuses_become_underscores() -> None:
    assert safe_filename("smrtplayer Demo: Hips/Shoulder", fallback="x") == "smrtplayer Demo_ Hips_Shoulder"
    assert safe_filename('a/b\\c*d?e"f<g>h|i', fallback="x") == "a_b_c_d_e_f_g_h_i"


def test_no_leading_or_trailing_dots_and_no_windows_device_names() -> None:
    assert safe_filename("Lesson 1.", fallback="x") == "Lesson 1", "Windows drops a trailing dot"
    assert safe_filename("..hidden", fallback="x") == "hidden"
    assert safe_filename("NUL", fallback="x") == "NUL_"
    assert safe_filename("com1.txt", fallback="x") == "com1.txt_"
    assert safe_filename("Console", fallback="x") == "Console"


def test_control_and_invisible_characters_never_reach_the_name() -> None:
    assert safe_filename("a\x00b\x07c\nd\x1b[2Je", fallback="x") == "a_b_c d_[2Je"
    assert safe_filename("evil\u202egpj.exe", fallback="x") == "evil_gpj.exe"


def test_long_titles_are_cut_and_empty_ones_fall_back() -> None:
    assert len(safe_filename("x" * 500, fallback="y")) == MAX_NAME_CHARS
    assert safe_filename("word " * 30, fallback="y", max_chars=12) == "word word wo"
    assert safe_filename("word " * 30, fallback="y", max_chars=10) == "word word"
    assert safe_filename("   ", fallback="notes") == "notes"
    assert safe_filename("...", fallback="notes") == "notes"
    assert safe_filename("", fallback="plan") == "plan"
