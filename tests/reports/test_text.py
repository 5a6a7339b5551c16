"""Turning typed text into drawable lines: fonts per script, runs in drawing order, brackets facing the right
way, and long names shrunk or cut so they never overflow their cell (the glyphs: test_shaping.py)."""

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


def _drawn(text: str) -> list[tuple[str, bool]]:
    """The line's runs from the left: each run's characters as typed, and whether it reads right to left."""
    return [(run.text, run.right_to_left) for run in visual_line(text).runs]


def test_an_arabic_name_reads_right_to_left_in_the_arabic_face() -> None:
    line = visual_line("سارة الحسن")
    assert line.right_to_left
    assert {run.font_name for run in line.runs} == {font_name(Script.ARABIC)}
    assert line.text == "سارة الحسن"
    # Drawn from the left: the glyph of the last letter first, the first letter's last.
    [run] = line.runs
    assert run.glyphs[0].cluster == len("سارة الحسن") - 1
    assert run.glyphs[-1].cluster == 0


def test_digits_keep_their_order_inside_arabic_text() -> None:
    assert _drawn("سارة 2012") == [("2012", False), ("سارة ", True)]


def test_brackets_face_the_right_way_in_right_to_left_text() -> None:
    # A right-to-left bracket run is drawn mirrored by HarfBuzz: ")" read from the right shows as "(".
    assert _drawn("سارة (Sara)") == [(")", True), ("Sara", False), ("(", True), ("سارة ", True)]
    assert [rtl for _text, rtl in _drawn("(نور)")] == [True] * len(_drawn("(نور)"))
    assert _drawn("Ali (نور) Ek") == [("Ali (", False), ("نور", True), (") Ek", False)]


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
    assert fitted.line.text.startswith("سارة") and fitted.line.text.endswith(ELLIPSIS)
    leftmost = fitted.line.runs[0]
    assert leftmost.text[leftmost.glyphs[0].cluster] == ELLIPSIS, "the cut end of the name is on the left"


def test_a_cell_too_narrow_even_for_the_ellipsis_stays_empty() -> None:
    fitted = fit_line("Åsa", 1, size=10, min_size=8)
    assert fitted.line.text == ""


def test_the_flowable_never_claims_more_than_its_cell() -> None:
    cell = ScriptText("Anna-Karin Långnamnsdotter Wennerström-Östlund", size=10)
    width, height = cell.wrap(90, 500)
    assert width == 90
    assert height > 10
    assert "Anna" not in repr(cell)


def test_an_empty_text_is_an_empty_line() -> None:
    line = visual_line(" \n\t")
    assert (line.runs, line.text, line.width(10), line.right_to_left) == ((), "", 0, False)
