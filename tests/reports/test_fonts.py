"""The shipped fonts: present with their licence, modest in size, joining every letter of the groups'
Arabic-script languages, registered on first use rather than at import, and a clear message if one is missing."""

import subprocess
import sys
from pathlib import Path

import pytest

from biv_desktop.reports import MissingFontError, fonts
from biv_desktop.reports.fonts import FACES, Script, font_name, fonts_dir, has_glyph
from biv_desktop.reports.shaping import shape


def test_every_font_ships_with_its_licence_and_readme() -> None:
    folder = fonts_dir()
    for face in FACES.values():
        assert (folder / face.file_name).is_file()
        assert face.file_name in (folder / "README.md").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text(encoding="utf-8")


def test_the_fonts_stay_a_few_megabytes() -> None:
    total = sum((fonts_dir() / face.file_name).stat().st_size for face in FACES.values())
    assert total < 4 * 1024 * 1024


# The letters of the Arabic-script languages in the program's list: Arabic, Persian/Dari, Pashto, Sorani.
_ARABIC_SCRIPT_LETTERS = "آأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي" + "پچژکگی" + "ټځڅډړږښګڼۍې" + "ڕڤڵۆێە"


@pytest.mark.parametrize("bold", [False, True])
def test_the_arabic_face_joins_every_letter_of_the_groups_languages(bold: bool) -> None:
    arabic = font_name(Script.ARABIC, bold)
    assert has_glyph(arabic, "ء")  # the hamza, which joins to nothing
    for letter in _ARABIC_SCRIPT_LETTERS:
        assert has_glyph(arabic, letter), letter
        # Between two beh (which join on both sides) a letter takes its final or medial form: a glyph
        # other than its own, and never the missing-glyph box.
        alone = shape(letter, arabic, right_to_left=True)
        between = shape(f"ب{letter}ب", arabic, right_to_left=True)
        assert 0 not in {glyph.glyph_id for glyph in between}, letter
        assert between[1].glyph_id != alone[0].glyph_id, letter


@pytest.mark.parametrize("bold", [False, True])
def test_the_faces_cover_the_letters_of_the_groups_languages(bold: bool) -> None:
    latin = font_name(Script.LATIN, bold)
    for letter in "ÅÄÖåäöÉéÜüXxCcÀ" + "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя’":
        assert has_glyph(latin, letter), letter
    ethiopic = font_name(Script.ETHIOPIC, bold)
    for letter in "ሰላምተስፋይሃብቶምኣ፡።":
        assert has_glyph(ethiopic, letter), letter


def test_importing_the_reports_registers_no_font() -> None:
    program = (
        "import biv_desktop.reports.document, biv_desktop.reports.drawing\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "assert 'NotoSans-Regular' not in pdfmetrics.getRegisteredFontNames()\n"
        "from biv_desktop.reports.fonts import Script, font_name\n"
        "font_name(Script.LATIN)\n"
        "assert 'NotoSans-Regular' in pdfmetrics.getRegisteredFontNames()\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)


def test_a_missing_font_file_is_named_in_swedish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_registered", set())
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path)
    with pytest.raises(MissingFontError, match=r"Typsnittet NotoSans-Regular\.ttf saknas"):
        font_name(Script.LATIN)


def test_a_face_is_read_only_when_a_printout_draws_with_it() -> None:
    # In a fresh process: the fonts reportlab knows are shared by the whole process.
    program = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from biv_desktop.reports.text import visual_line\n"
        "visual_line('Anna Svensson, 2015')\n"
        "known = set(pdfmetrics.getRegisteredFontNames())\n"
        "assert 'NotoSans-Regular' in known, known\n"
        "assert not {'NotoSansArabic-Regular', 'NotoSansEthiopic-Regular'} & known, known\n"
        "visual_line('\u0645\u0631\u062a\u0636\u06cc')\n"
        "assert 'NotoSansArabic-Regular' in pdfmetrics.getRegisteredFontNames()\n"
        "assert 'NotoSansEthiopic-Regular' not in pdfmetrics.getRegisteredFontNames()\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)
