"""Registered names in free text: whole words, folded for case, accents and Arabic letter forms."""

from biv_desktop.domain.followup.names import MASK, marked, masked, name_words, names_in


def found(text: str, *names: str) -> list[str]:
    return [name.word for name in names_in(text, name_words(names))]


def test_a_name_is_found_whatever_its_case_and_accents() -> None:
    assert found("Tack till ALI och josé!", "Ali Hassan", "José Pérez") == ["ALI", "josé"]
    assert found("Jose var snäll", "José") == ["Jose"]
    assert found("Perez hjälpte", "José Pérez") == ["Perez"]


def test_a_name_is_found_only_as_a_whole_word() -> None:
    assert found("Vi åkte till Alingsås", "Ali") == []
    assert found("Ali-Reza kom", "Ali") == ["Ali"]


def test_short_name_parts_are_not_looked_for() -> None:
    assert found("Vi bo i Ryd, Li", "Bo Li") == []


def test_a_name_in_arabic_script_is_found_with_other_letter_forms_and_vowel_marks() -> None:
    # Registered with Persian yeh and teh marbuta; written with Arabic yeh, heh and a vowel mark.
    assert found("شكرا لسارہ و علي", "علی", "سارة") == ["علي"]
    assert found("شكرا علِي", "علی") == ["علِي"]
    # Persian with a zero-width non-joiner inside the word.
    assert found("ممنون از مهر\u200cانگیز", "مهرانگیز") == ["مهر\u200cانگیز"]


def test_masking_replaces_each_name_and_marking_shows_it() -> None:
    text = "Ali och Sara lekte"
    names = names_in(text, name_words(["Ali Hassan", "Sara"]))
    assert masked(text, names) == f"{MASK} och {MASK} lekte"
    assert marked(text, names) == "⟦Ali⟧ och ⟦Sara⟧ lekte"
    long_text = "x" * 50 + " Ali " + "y" * 50
    assert marked(long_text, names_in(long_text, name_words(["Ali"]))).startswith("…")


def test_names_read_once_with_repeats_give_each_word_once() -> None:
    # The register's names come as one pass over its rows, the same first names and surnames many times.
    rows = iter(["Ali Hassan", "Sara Öberg", "Ali Hassan", "سارة الحسن", "Li Öberg"])
    assert name_words(rows) == {"ali", "hassan", "sara", "oberg", "ساره", "الحسن"}
