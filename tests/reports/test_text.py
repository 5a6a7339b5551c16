"""Turning typed text into drawable lines: fonts per script, Arabic joined and ordered, brackets mirrored,
and long names shrunk or cut so they never overflow their cell."""

import unicodedata

from bidi import get_base_level, get_display
from bidi.mirror import MIRRORED
from hypothesis import given
from hypothesis import strategies as st

from biv_desktop.reports import ordering
from biv_desktop.reports.drawing import ScriptText, fit_line
from biv_desktop.reports.fonts import Script, font_name
from biv_desktop.reports.text import ELLIPSIS, clean_text, script_of, visual_line


def test_each_script_is_drawn_with_its_own_font() -> None:
    line = visual_line("Åsa ሰላም Олена")
    assert [(run.text, run.font_name) for run in line.runs] == [
        ("Åsa ", font_name(Script.LATIN)),
        ("ሰላም ", font_name(Script.ETHIOPIC)),
        ("Олена", font_name(Script.LATIN)),
    ]
    assert not line.right_to_left


def test_bold_text_uses_the_bold_faces() -> None:
    fonts = {run.font_name for run in visual_line("Åsa سارة ሰላም", bold=True).runs}
    assert fonts == {font_name(script, bold=True) for script in Script}


def test_an_arabic_name_reads_right_to_left_with_joined_letters() -> None:
    line = visual_line("سارة الحسن")
    assert line.right_to_left
    assert {run.font_name for run in line.runs} == {font_name(Script.ARABIC)}
    drawn = line.text
    # Drawn from the left: the last word (الحسن) comes first, its last letter leftmost.
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "سارة الحسن"
    assert unicodedata.name(drawn[0]) == "ARABIC LETTER NOON FINAL FORM"
    assert unicodedata.name(drawn[-1]) == "ARABIC LETTER SEEN INITIAL FORM"


def test_lam_alef_is_joined_but_no_word_ligature_replaces_a_name() -> None:
    drawn = visual_line("عبدالله").text
    assert "\ufdf2" not in drawn  # the one-glyph "Allah" ligature
    assert any(
        unicodedata.name(char).startswith("ARABIC LIGATURE LAM WITH ALEF") for char in visual_line("علا").text
    )


def test_digits_keep_their_order_inside_arabic_text() -> None:
    assert "2012" in visual_line("سارة 2012").text


def test_brackets_face_the_right_way_in_right_to_left_text() -> None:
    assert visual_line("سارة (Sara)").text.startswith("(Sara) ")
    drawn = visual_line("(نور)").text
    assert drawn[0] == "(" and drawn[-1] == ")"
    assert visual_line("Ali (نور) Ek").text.startswith("Ali (")


def test_typed_line_breaks_tabs_and_controls_become_one_clean_line() -> None:
    assert clean_text("  Åsa\nÖberg\tEk\x07 ") == "Åsa Öberg Ek"
    # A decomposed Å (A + combining ring) is drawn as the one letter.
    assert clean_text("A\u030asa") == "Åsa"


def test_scripts_of_letters_and_shared_characters() -> None:
    assert script_of("ö") is Script.LATIN
    assert script_of("Ж") is Script.LATIN
    assert script_of("س") is Script.ARABIC
    assert script_of("ی") is Script.ARABIC
    assert script_of("ሰ") is Script.ETHIOPIC
    assert script_of(" ") is None
    assert script_of("7") is None


def test_a_name_that_fits_is_drawn_at_full_size() -> None:
    fitted = fit_line("Åsa Ek", 200, size=10, min_size=8)
    assert (fitted.size, fitted.truncated) == (10, False)


def test_a_slightly_long_name_shrinks_to_fit() -> None:
    natural = visual_line("Xaliimo Cabdiraxmaan").width(10)
    fitted = fit_line("Xaliimo Cabdiraxmaan", natural * 0.875, size=10, min_size=8)
    assert not fitted.truncated
    assert 8 <= fitted.size < 10
    assert fitted.width() <= natural * 0.875


def test_a_very_long_name_is_cut_at_its_end_with_an_ellipsis() -> None:
    name = "Anna-Karin Långnamnsdotter Wennerström-Östlund af Ekebyhov"
    fitted = fit_line(name, 120, size=10, min_size=8)
    assert fitted.truncated
    assert fitted.size == 8
    assert fitted.width() <= 120
    assert fitted.line.text.startswith("Anna-Karin")
    assert fitted.line.text.endswith(ELLIPSIS)


def test_a_long_arabic_name_keeps_its_beginning_on_the_right() -> None:
    name = "سارة الحسن عبدالرحمن محمد الأمين"
    fitted = fit_line(name, 60, size=10, min_size=8)
    assert fitted.truncated
    assert fitted.width() <= 60
    drawn = fitted.line.text
    assert drawn[0] == ELLIPSIS, "the cut end of a right-to-left name is on the left"
    assert unicodedata.normalize("NFKC", drawn[::-1]).startswith("سارة")


def test_a_cell_too_narrow_even_for_the_ellipsis_stays_empty() -> None:
    fitted = fit_line("Åsa", 1, size=10, min_size=8)
    assert fitted.line.text == ""


def test_the_flowable_never_claims_more_than_its_cell() -> None:
    cell = ScriptText("Anna-Karin Långnamnsdotter Wennerström-Östlund", size=10)
    width, height = cell.wrap(90, 500)
    assert width == 90
    assert height > 10
    assert "Anna" not in repr(cell)


_MIXED = st.text(
    alphabet=st.sampled_from(list("abc XYZ 12 -.,()[]«»<>") + list("سارةنوري٣٤") + list("ሰላም")),
    min_size=1,
    max_size=30,
)


@given(_MIXED)
def test_the_mirroring_step_reorders_exactly_as_python_bidi_does(text: str) -> None:
    right_to_left = get_base_level(text) == 1
    base_dir = "R" if right_to_left else "L"
    levels = ordering._levels(text, base_dir)
    assert levels is not None
    order = ordering._reordered(levels)
    assert "".join(text[index] for index in order) == get_display(text, base_dir=base_dir)
    # Mirroring only ever swaps a bracket (or another mirrored character) for its counterpart.
    display = get_display(text, base_dir=base_dir)
    visual = ordering.visual_order(text, right_to_left)
    assert len(visual) == len(display)
    for drawn, ordered in zip(visual, display, strict=True):
        assert drawn in (ordered, MIRRORED.get(ordered, ordered))
