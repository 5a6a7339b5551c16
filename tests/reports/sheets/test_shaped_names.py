"""An attendance sheet with names in every script the groups write gives back each stored name when its
text is extracted (poppler's pdftotext, as copying or searching in a PDF viewer): the joined forms and
ligatures that are drawn carry the letters typed."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from biv_desktop.domain.enums import Role
from biv_desktop.reports.sheets import write_session_sheet
from biv_desktop.services.printing.sheets import SessionSheet, SheetParticipant

START = dt.date(2026, 2, 4)
_EMBEDDING_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c"))
# (name in Latin letters, name in the person's own script), all fictional.
PEOPLE = {
    "arabic": ("Sara al-Hassan", "سارة الحسن"),
    "persian with zwnj": ("Mehrangiz Rahiminezhad", "مهرانگیز رحیمی\u200cنژاد"),
    "pashto": ("Golalai Zadran", "ګلالۍ ښکلا ټکړ ځدراڼ"),
    "sorani": ("Gulale Rahim", "گوڵاڵە شێرکۆ ڕەحیم"),
    "lam-alef": ("Alaa Nasser", "علاء ناصر"),
    "tigrinya": ("Selam Tesfay", "ሰላም ተስፋይ"),
    "ukrainian": ("Olena Kovalenko", "Олена Коваленко"),
    "mixed": ("Sara Nour", "سارة (Sara)"),
}


@pytest.fixture
def sheet_text(
    tmp_path: Path,
    session_sheet: Callable[..., SessionSheet],
    printed_on: dt.date,
    pdf_text: Callable[..., str],
) -> list[str]:
    participants = tuple(
        SheetParticipant(
            id=index,
            name=name,
            native_name=native,
            birth_year=2014,
            role=Role.CHILD,
            joined_on=START,
            left_on=None,
        )
        for index, (name, native) in enumerate(PEOPLE.values(), start=1)
    )
    path = write_session_sheet(
        tmp_path / "träff.pdf", session_sheet(5, participants=participants), printed_on
    )
    # pdftotext marks right-to-left stretches with embedding controls; a reader's copy has none.
    return [line.translate(_EMBEDDING_CONTROLS) for line in pdf_text(path).splitlines()]


@pytest.mark.parametrize("case", [case for case in PEOPLE if case != "mixed"])
def test_each_stored_name_comes_back_from_the_sheet_as_typed(case: str, sheet_text: list[str]) -> None:
    native = PEOPLE[case][1]
    assert native in sheet_text, f"the {case} name did not come back letter for letter"


def test_a_name_mixing_directions_comes_back_word_for_word(sheet_text: list[str]) -> None:
    # poppler reads a line in the page's own direction (left to right on these Swedish sheets), so the
    # bracketed Latin word, drawn at the left of the Arabic one, comes first: each word as typed.
    assert "(Sara) سارة" in sheet_text
