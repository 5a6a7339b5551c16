"""A group's evaluation form read back as a participant would: one copy a page, Swedish beside the group's
language (Arabic right-aligned, read from the right), boxes to tick, no one's name, nothing cut off."""

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from biv_desktop.domain.enums import GroupKind, Programme
from biv_desktop.paths import resource_dir
from biv_desktop.reports.document import MARGIN
from biv_desktop.reports.evaluation_form import MISSING, NOTICE, side_by_side, write_evaluation_forms
from biv_desktop.services.followup import EvaluationForm, FormOption, FormQuestion

PRINTED_ON = dt.date(2026, 5, 6)
# Fictional translations, written for these tests.
ARABIC = (
    (
        "Hur har du trivts i gruppen?",
        "كيف كان شعورك في المجموعة؟",
        (("Mycket bra", "جيد جداً"), ("Dåligt", "سيئ")),
    ),
    ("Har du fått prata om det du ville?", "هل استطعت أن تتحدث عما أردت؟", (("Ja", "نعم"), ("Nej", "لا"))),
)
UKRAINIAN = (
    ("Hur har du trivts i gruppen?", "Як тобі було в групі?", (("Mycket bra", "Дуже добре"), ("Dåligt", ""))),
    ("Har du fått prata om det du ville?", "", (("Ja", "Так"), ("Nej", "Ні"))),
)


def make_form(
    questions: Any, *, language: str = "arabiska", right_to_left: bool = True, participants: int = 3
) -> EvaluationForm:
    return EvaluationForm(
        group_id=7,
        group_name="BIV Arabiska 10–12 år, Skäggetorp",
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        first=dt.date(2026, 2, 3),
        last=dt.date(2026, 5, 12),
        premises="Skäggetorps kyrkcenter",
        questionnaire_name="Utvärdering barngrupp",
        language_name=language,
        translated=language != "svenska",
        right_to_left=right_to_left,
        questions=tuple(
            FormQuestion(
                number,
                number,
                swedish,
                translation,
                tuple(
                    FormOption(number * 10 + option_number, option, option_translation)
                    for option_number, (option, option_translation) in enumerate(options, start=1)
                ),
            )
            for number, (swedish, translation, options) in enumerate(questions, start=1)
        ),
        participants=participants,
    )


def flat(text: str) -> str:
    return " ".join(text.split())


def word_reading(words: list[Any], logical: str, as_read: Callable[[str], str]) -> Any:
    """The word box whose text reads ``logical`` (right-to-left words come in either order, by version)."""
    for word in words:
        if logical in (as_read(word.text), as_read(word.text[::-1])):
            return word
    raise AssertionError(f"no word reads {logical!r}")


def test_one_copy_a_page_per_participant_with_swedish_beside_arabic(
    tmp_path: Path, pdf_text: Callable[..., str], as_read: Callable[[str], str]
) -> None:
    form = make_form(ARABIC, participants=6)
    path = write_evaluation_forms(tmp_path / "utvärdering.pdf", form, form.participants, PRINTED_ON)
    reader = PdfReader(path)
    assert len(reader.pages) == 6
    assert reader.metadata is not None and reader.metadata.title == "Utvärdering att dela ut"
    for page in range(1, 7):
        text = flat(as_read(pdf_text(path, page)))
        assert "Utvärdering att dela ut – BIV Arabiska 10–12 år, Skäggetorp" in text
        assert "2026-02-03 – 2026-05-12" in text and "Skäggetorps kyrkcenter" in text
        assert "Hur har du trivts i gruppen?" in text and "Skriv inte ditt namn" in text
        assert NOTICE in text and "Sida 1 av 1" in text
        # Arabic comes out of the PDF as letters, in the one order or the other (by poppler's version).
        for translation in ("كيف كان شعورك في المجموعة؟", "نعم"):
            words = translation.split()
            assert all(word in text or word[::-1] in text for word in words), translation
        assert MISSING not in text


def test_the_arabic_column_is_right_aligned_and_the_swedish_left_aligned(
    tmp_path: Path, pdf_words: Callable[[Path], list[Any]], as_read: Callable[[str], str]
) -> None:
    path = write_evaluation_forms(tmp_path / "utvärdering.pdf", make_form(ARABIC), 1, PRINTED_ON)
    words = pdf_words(path)
    right_edge, left_edge = A4[0] - MARGIN, MARGIN
    # The last word of a right-to-left line is drawn leftmost; the first ends at the right margin.
    first_arabic = word_reading(words, "كيف", as_read)
    assert first_arabic.x_max == pytest.approx(right_edge, abs=2.5)
    assert word_reading(words, "نعم", as_read).x_max == pytest.approx(right_edge, abs=2.5)
    assert word_reading(words, "Hur", as_read).x_min == pytest.approx(left_edge, abs=1.5)
    # Nothing runs past the margins: no text is clipped at the paper's edge.
    assert all(left_edge - 1 <= word.x_min and word.x_max <= right_edge + 1 for word in words)


def test_ukrainian_is_printed_beside_swedish_and_a_missing_translation_says_so(
    tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    form = make_form(UKRAINIAN, language="ukrainska", right_to_left=False, participants=2)
    assert form.missing == 2 and side_by_side(form)
    path = write_evaluation_forms(tmp_path / "utvärdering.pdf", form, 2, PRINTED_ON)
    text = flat(pdf_text(path, 1))
    for expected in (
        "Svenska",
        "Ukrainska",
        "Як тобі було в групі?",
        "Дуже добре",
        "Так",
        "Har du fått prata",
    ):
        assert expected in text, expected
    assert text.count(MISSING) == 2


def test_without_any_translation_the_form_is_swedish_only(
    tmp_path: Path, pdf_text: Callable[..., str]
) -> None:
    untranslated = tuple(
        (swedish, "", tuple((option, "") for option, _t in options)) for swedish, _q, options in ARABIC
    )
    for form in (
        make_form(untranslated, language="somaliska", right_to_left=False),
        make_form(untranslated, language="svenska"),
    ):
        assert not side_by_side(form)
        path = write_evaluation_forms(tmp_path / f"{form.language_name}.pdf", form, 1, PRINTED_ON)
        text = flat(pdf_text(path))
        assert "1. Hur har du trivts i gruppen?" in text and "Mycket bra" in text
        assert MISSING not in text and "Svenska" not in text


def test_a_long_questionnaire_wraps_and_each_copy_starts_on_its_own_page(
    tmp_path: Path, pdf_text: Callable[..., str], pdf_words: Callable[[Path], list[Any]]
) -> None:
    long_question = "Hur tycker du att det har varit att komma till gruppen varje vecka " * 4
    long_somali = "Sidee ayaad u aragtay inaad toddobaad kasta timaado kooxda " * 6
    questions = tuple(
        (
            f"{long_question.strip()} ({number})",
            long_somali[:380].strip() + " dhammaad",
            tuple((f"Svar {n}", f"Jawaab {n}") for n in range(1, 11)),
        )
        for number in range(1, 9)
    )
    form = make_form(questions, language="somaliska", right_to_left=False)
    path = write_evaluation_forms(tmp_path / "lång.pdf", form, 2, PRINTED_ON)
    pages = len(PdfReader(path).pages)
    assert pages % 2 == 0 and pages >= 4  # each copy is more than a page, and both are whole
    per_copy = pages // 2
    assert f"Sida 1 av {per_copy}" in pdf_text(path, per_copy + 1)  # the second copy starts afresh
    right_edge = A4[0] - MARGIN
    assert all(word.x_max <= right_edge + 1 for word in pdf_words(path))
    # The long translation is wrapped over lines, not cut: its last word is printed with every question.
    assert sum(pdf_text(path, page).count("dhammaad") for page in range(1, per_copy + 1)) == 8


@pytest.mark.parametrize("kind", [GroupKind.CHILDREN, GroupKind.PARENTS])
def test_each_default_questionnaire_fully_translated_fits_one_page_a_copy(
    tmp_path: Path, kind: GroupKind
) -> None:
    seeded = json.loads((resource_dir() / "defaults" / "questionnaires.json").read_text(encoding="utf-8"))
    (chosen,) = [questionnaire for questionnaire in seeded if questionnaire["kind"] == kind.value]
    # A stand-in translation about as long as the longest Swedish question, for every text.
    questions = tuple(
        (
            q["text"],
            "هل تشعر بأمان أكثر الآن مما كنت عليه عندما بدأت المجموعة؟",
            tuple((o, "جيد إلى حد ما") for o in q["options"]),
        )
        for q in chosen["questions"]
    )
    path = write_evaluation_forms(tmp_path / "utvärdering.pdf", make_form(questions), 3, PRINTED_ON)
    assert len(PdfReader(path).pages) == 3
