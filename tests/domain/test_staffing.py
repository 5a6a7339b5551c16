"""The staffing rule: two trained group leaders and an interpreter who speaks the group's language."""

from biv_desktop.domain.schedule.staffing import StaffedPerson, staffing_problems

ARABIC, SOMALI = 1, 2
TRAINED_A = StaffedPerson(10, "Ada Exempelsson", trained=True)
TRAINED_B = StaffedPerson(11, "Bo Provsson", trained=True)
ARABIC_INTERPRETER = StaffedPerson(5, "Tove Tolksson", language_ids=frozenset({ARABIC, SOMALI}))


def test_two_trained_leaders_and_a_fitting_interpreter_is_fully_staffed() -> None:
    assert staffing_problems([TRAINED_A, TRAINED_B], ARABIC_INTERPRETER, ARABIC) == []


def test_one_leader_is_not_enough() -> None:
    assert staffing_problems([TRAINED_A], ARABIC_INTERPRETER, ARABIC) == ["Bara en gruppledare."]


def test_the_same_leader_twice_counts_once() -> None:
    assert staffing_problems([TRAINED_A, TRAINED_A], ARABIC_INTERPRETER, ARABIC) == ["Bara en gruppledare."]


def test_no_leaders_and_no_interpreter() -> None:
    assert staffing_problems([], None, ARABIC) == ["Inga gruppledare.", "Ingen tolk."]


def test_an_untrained_leader_is_named() -> None:
    untrained = StaffedPerson(12, "Cecilia Nybörjare", trained=False)

    assert staffing_problems([TRAINED_A, untrained], ARABIC_INTERPRETER, ARABIC) == [
        "Gruppledaren Cecilia Nybörjare är inte utbildad."
    ]


def test_untrained_leaders_without_names_get_neutral_sentences() -> None:
    one, other = StaffedPerson(12), StaffedPerson(13)
    trained = StaffedPerson(14, trained=True)

    assert staffing_problems([trained, one], ARABIC_INTERPRETER, ARABIC) == [
        "En gruppledare är inte utbildad."
    ]
    assert staffing_problems([one, other], ARABIC_INTERPRETER, ARABIC) == [
        "Ingen av gruppledarna är utbildad."
    ]
    assert staffing_problems([one], ARABIC_INTERPRETER, ARABIC) == [
        "Bara en gruppledare.",
        "Gruppledaren är inte utbildad.",
    ]


def test_an_interpreter_who_does_not_speak_the_groups_language() -> None:
    dari_only = StaffedPerson(6, language_ids=frozenset({3}))

    assert staffing_problems([TRAINED_A, TRAINED_B], dari_only, ARABIC) == [
        "Tolken talar inte gruppens språk."
    ]
    assert staffing_problems([TRAINED_A, TRAINED_B], dari_only, ARABIC, "Arabiska") == [
        "Tolken talar inte arabiska."
    ]


def test_a_named_interpreter_is_named() -> None:
    somali_group_interpreter = StaffedPerson(6, "Tove Tolksson", language_ids=frozenset({ARABIC}))

    assert staffing_problems([TRAINED_A, TRAINED_B], somali_group_interpreter, SOMALI, "Somaliska") == [
        "Tolken Tove Tolksson talar inte somaliska."
    ]


def test_every_problem_is_listed_leaders_first() -> None:
    untrained = StaffedPerson(12, "Cecilia Nybörjare")

    assert staffing_problems([untrained], None, ARABIC) == [
        "Bara en gruppledare.",
        "Gruppledaren Cecilia Nybörjare är inte utbildad.",
        "Ingen tolk.",
    ]
