"""Every printed line is shaped by HarfBuzz: for each test name the program draws exactly the glyphs, in
drawing order and at the advances, that HarfBuzz itself gives for the same text and font, run by run; the
letters Pashto and Sorani need take their joined forms; and what the page writes is those glyphs."""

import pytest
import uharfbuzz as hb
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from biv_desktop.reports.fonts import FACES, Script, font_name, fonts_dir
from biv_desktop.reports.ordering import drawing_order, embedding_levels
from biv_desktop.reports.shaping import pdf_pieces
from biv_desktop.reports.text import visual_line

LATIN, ARABIC, ETHIOPIC = Script.LATIN, Script.ARABIC, Script.ETHIOPIC

# Fictional names, and the runs HarfBuzz is to shape them in, in drawing order (left to right):
# (the run's characters as typed, its script's face, right to left).
NAMES: dict[str, tuple[str, list[tuple[str, Script, bool]]]] = {
    "arabic": ("سارة الحسن", [("سارة الحسن", ARABIC, True)]),
    "persian with zwnj": ("مهرانگیز رحیمی\u200cنژاد", [("مهرانگیز رحیمی\u200cنژاد", ARABIC, True)]),
    "pashto": ("ګلالۍ ښکلا ټکړ ځدراڼ", [("ګلالۍ ښکلا ټکړ ځدراڼ", ARABIC, True)]),
    "sorani": ("گوڵاڵە شێرکۆ ڕەحیم", [("گوڵاڵە شێرکۆ ڕەحیم", ARABIC, True)]),
    "lam-alef": ("علاء", [("علاء", ARABIC, True)]),
    "tigrinya": ("ሰላም ተስፋይ", [("ሰላም ተስፋይ", ETHIOPIC, False)]),
    "ukrainian": ("Олена Коваленко", [("Олена Коваленко", LATIN, False)]),
    "latin with kerning": ("Jeffrey AVATAR Wąż", [("Jeffrey AVATAR Wąż", LATIN, False)]),
    # The brackets take the right-to-left direction of the name around them (rule N0), so each is
    # drawn mirrored; Noto Sans Arabic has no brackets, so they come from the Latin face.
    "mixed": (
        "سارة (Sara)",
        [(")", LATIN, True), ("Sara", LATIN, False), ("(", LATIN, True), ("سارة ", ARABIC, True)],
    ),
}


def _harfbuzz(text: str, script: Script, right_to_left: bool) -> list[tuple[int, int]]:
    """HarfBuzz's own glyphs for the text in the script's printout face: (glyph id, advance in font units)."""
    path = fonts_dir() / FACES[(script, False)].file_name
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = "rtl" if right_to_left else "ltr"
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"liga": False})  # the program leaves out the optional (Latin) ligatures
    return [
        (info.codepoint, position.x_advance)
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    ]


@pytest.mark.parametrize("case", list(NAMES))
def test_the_glyphs_drawn_are_harfbuzz_s_own_run_by_run(case: str) -> None:
    name, runs = NAMES[case]
    line = visual_line(name)
    drawn = [(run.text, run.font_name, run.right_to_left) for run in line.runs]
    assert drawn == [(text, font_name(script), rtl) for text, script, rtl in runs]
    program = [(glyph.glyph_id, round(glyph.x_advance)) for run in line.runs for glyph in run.glyphs]
    expected = [glyph for text, script, rtl in runs for glyph in _harfbuzz(text, script, rtl)]
    assert program == expected  # the Noto faces have 1000 units to the em
    assert line.text == name


def _glyph_names(name: str) -> list[str]:
    path = fonts_dir() / FACES[(ARABIC, False)].file_name
    font = hb.Font(hb.Face(hb.Blob.from_file_path(str(path))))
    return [font.glyph_to_string(glyph.glyph_id) for run in visual_line(name).runs for glyph in run.glyphs]


@pytest.mark.parametrize(
    ("word", "joined"),
    [
        # Pashto: ښ ګ ټ ځ begin their words joined to the next letter, ڼ ends its word joined to the one before.
        ("ښکلا", "uni069A.init"),
        ("ګلالۍ", "uni06AB.init"),
        ("ټکړ", "uni067C.init"),
        ("ځدراڼ", "uni0681.init"),
        ("ګڼ", "uni06BC.fina"),
        # Sorani: ڵ inside its word, ێ between two letters (ڕ joins only the letter before it).
        ("گوڵاڵە", "uni06B5.init"),
        ("شێرکۆ", "uni06CE.medi"),
    ],
)
def test_pashto_and_sorani_letters_are_joined(word: str, joined: str) -> None:
    assert joined in _glyph_names(word)


def test_lam_alef_is_one_ligature_and_zwnj_breaks_the_joining() -> None:
    # علاء: ain, the lam-alef ligature, hamza: three glyphs for four letters.
    assert _glyph_names("علاء") == ["uni0621", "uniFEFC", "uniFECB"]
    # رحیمی‌نژاد: the yeh before the ZWNJ takes its final form, the noon after it its initial one.
    names = _glyph_names("رحیمی\u200cنژاد")
    assert "uniFBFD" in names and "uniFEE7" in names  # FARSI YEH FINAL, NOON INITIAL


def test_no_word_ligature_replaces_a_name() -> None:
    assert "uniFDF2" not in _glyph_names("عبدالله")  # the one-glyph "Allah" ligature


@pytest.mark.parametrize("case", list(NAMES))
def test_the_page_writes_the_shaped_glyphs(case: str) -> None:
    # reportlab writes characters of its subset font; each must stand for the glyph HarfBuzz chose.
    for run in visual_line(NAMES[case][0]).runs:
        font = pdfmetrics.getFont(run.font_name)
        assert isinstance(font, TTFont)
        face = font.face
        pieces = pdf_pieces(run.text, run.font_name, run.right_to_left, run.glyphs)
        written = [face.charToGlyph[ord(char)] for piece in pieces for char in piece.string]
        assert written == [glyph.glyph_id for glyph in run.glyphs]
        assert sum(piece.advance for piece in pieces) == pytest.approx(sum(g.x_advance for g in run.glyphs))


def test_clusters_the_font_cannot_spell_carry_their_letters_as_seen_from_the_left() -> None:
    [run] = visual_line("علاء").runs
    pieces = pdf_pieces(run.text, run.font_name, run.right_to_left, run.glyphs)
    # The hamza is written as itself; the ligature and the initial ain carry their letters, from the left.
    assert [piece.actual_text for piece in pieces] == [None, "ال", "ع"]


_MIXED = st.text(
    alphabet=st.sampled_from(list("abc XYZ 12 -.,()[]«»<>") + list("سارةنوري٣٤") + list("ሰላም")),
    min_size=1,
    max_size=30,
)


@given(_MIXED, st.booleans())
def test_the_levels_order_a_line_as_python_bidi_s_full_algorithm_does(text: str, right_to_left: bool) -> None:
    # python-bidi's get_display (the Rust unicode-bidi crate) implements the whole algorithm, brackets
    # included, and returns the drawing order unmirrored: the levels here must put every character there.
    order = drawing_order(embedding_levels(text, right_to_left))
    base = "R" if right_to_left else "L"
    assert "".join(text[index] for index in order) == get_display(text, base_dir=base)


def test_a_bracket_pair_takes_the_direction_of_the_text_before_it() -> None:
    # Without rule N0 the closing bracket of "(Ek)" would sit at the far left of this line.
    text = "سارة Sara (Ek)"
    order = drawing_order(embedding_levels(text, right_to_left=True))
    assert "".join(text[index] for index in order) == "Sara (Ek) ةراس"


def test_joiners_keep_the_level_of_the_letter_before_them() -> None:
    levels = embedding_levels("می\u200cخواهم", right_to_left=True)
    assert levels == [1] * 8


_ANY_LINE = st.text(
    alphabet=st.sampled_from(
        list("aZ 9.,()[]«»-")
        + list("سارةنوريښګټځڼڕێڵلا٣")
        + list("ሰላም")
        + list("Олена")
        + ["\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
        + ["\u2066", "\u2067", "\u2068", "\u2069", "\u064e", "\u0651", "\u0301", "\ue000", "\U0001f600"]
    ),
    max_size=40,
)


@given(_ANY_LINE, st.booleans())
def test_any_typed_line_is_drawn_whole_in_order_and_measured_by_its_glyphs(text: str, bold: bool) -> None:
    line = visual_line(text, bold)
    # Every character typed is in exactly one run, and the line as typed comes back from the runs.
    assert sorted("".join(run.text for run in line.runs)) == sorted(line.text)
    assert line.width(10) == pytest.approx(sum(run.width(10) for run in line.runs))
    for run in line.runs:
        assert run.glyphs or not run.text
        pieces = pdf_pieces(run.text, run.font_name, run.right_to_left, run.glyphs)
        assert sum(len(piece.string) for piece in pieces) == len(run.glyphs)


def test_latin_letters_are_never_joined_into_a_ligature() -> None:
    # "ff" and "fi" as one glyph would copy as U+FB00 and U+FB01 in readers that ignore /ActualText.
    [run] = visual_line("Jeffrey Rafiq").runs
    assert len(run.glyphs) == len("Jeffrey Rafiq")
    pieces = pdf_pieces(run.text, run.font_name, run.right_to_left, run.glyphs)
    assert [(str(piece.string), piece.actual_text) for piece in pieces] == [("Jeffrey Rafiq", None)]
