"""The group-leader training: courses, trainees, completing (which trains a leader) and the municipality's places."""

import datetime as dt

import pytest

from biv_desktop.domain.enums import Organisation
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup.agreements import AgreementDraft, save_agreement
from biv_desktop.services.staff import municipal_places
from biv_desktop.services.staff.leaders import LeaderDraft, get_leader, save_leader
from biv_desktop.services.staff.training import (
    CourseDraft,
    TraineeDraft,
    add_trainee,
    complete_trainee,
    delete_course,
    edit_trainee,
    get_course,
    list_courses,
    remove_trainee,
    save_course,
    undo_completion,
)
from biv_desktop.store.database import Database

SPRING = CourseDraft(
    "Gruppledarutbildning våren 2026", dt.date(2026, 5, 9), dt.date(2026, 5, 10), "Ryds kyrka"
)
AFTER = dt.date(2026, 6, 1)


def leader(database: Database, first_name: str = "Vera") -> int:
    return save_leader(database, LeaderDraft(first_name=first_name, last_name="Ledarsson")).id


def agreement(database: Database) -> None:
    save_agreement(
        database,
        AgreementDraft(
            name="IOP 2026/2027",
            starts_on=dt.date(2026, 4, 1),
            ends_on=dt.date(2027, 3, 31),
            public_party="Kommunen",
            nonprofit_party="Pastoratet",
            municipal_amount_sek=300_500,
            parish_amount_per_year_sek=160_000,
        ),
    )


def municipal(name: str) -> TraineeDraft:
    return TraineeDraft(None, external_name=name, organisation=Organisation.MUNICIPALITY)


def test_a_course_is_saved_with_its_trainees(database: Database) -> None:
    vera = leader(database)
    course = save_course(database, SPRING)
    add_trainee(database, course.id, TraineeDraft(vera, organisation=Organisation.PARISH))
    add_trainee(database, course.id, municipal("Eva Exempel"))

    again = get_course(database, course.id)
    assert [(t.name, t.organisation_label) for t in again.trainees] == [
        ("Eva Exempel", "Kommunen"),
        ("Vera Ledarsson", "Församling/pastorat"),
    ]
    assert (again.municipal_places, again.completed) == (1, 0)
    assert list_courses(database) == [again]


@pytest.mark.parametrize(
    ("course", "field"),
    [
        (CourseDraft("", dt.date(2026, 5, 9), dt.date(2026, 5, 10)), "name"),
        (CourseDraft("Kurs", dt.date(2026, 5, 9), dt.date(2026, 5, 8)), "ends_on"),
        (CourseDraft("Kurs", dt.date(1990, 5, 9), dt.date(2026, 5, 10)), "starts_on"),
    ],
)
def test_a_bad_course_is_refused(database: Database, course: CourseDraft, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        save_course(database, course)
    assert refused.value.field == field


def test_a_trainee_needs_a_leader_or_a_name_and_a_leader_comes_once(database: Database) -> None:
    vera = leader(database)
    course = save_course(database, SPRING)
    with pytest.raises(ValidationError) as nobody:
        add_trainee(database, course.id, TraineeDraft(None, external_name="  "))
    assert nobody.value.field == "external_name"
    with pytest.raises(ValidationError) as other:
        add_trainee(database, course.id, TraineeDraft(None, "Åsa Annan", Organisation.OTHER))
    assert other.value.field == "organisation_name"
    add_trainee(database, course.id, TraineeDraft(vera))
    with pytest.raises(ValidationError, match="Vera Ledarsson är redan anmäld till kursen"):
        add_trainee(database, course.id, TraineeDraft(vera))
    assert len(get_course(database, course.id).trainees) == 1


def test_editing_and_removing_a_trainee(database: Database) -> None:
    course = save_course(database, SPRING)
    eva = add_trainee(database, course.id, municipal("Eva Exempel"))
    edited = edit_trainee(
        database, eva.id, TraineeDraft(None, "Eva Exempelsson", Organisation.OTHER, "Röda korset")
    )
    assert (edited.name, edited.organisation_label) == ("Eva Exempelsson", "Annan: Röda korset")
    remove_trainee(database, eva.id)
    assert get_course(database, course.id).trainees == ()


def test_completing_a_trainee_trains_the_leader_from_the_courses_last_day(database: Database) -> None:
    vera = leader(database)
    course = save_course(database, SPRING)
    place = add_trainee(database, course.id, TraineeDraft(vera))
    assert get_leader(database, vera).trained is False

    done = complete_trainee(database, place.id, today=AFTER)

    assert (done.completed, done.completed_on) == (True, dt.date(2026, 5, 10))
    trained = get_leader(database, vera)
    assert (trained.trained, trained.trained_on) == (True, dt.date(2026, 5, 10))
    assert trained.trained_label == "Utbildad 2026-05-10"


def test_a_leader_trained_earlier_keeps_the_earlier_date(database: Database) -> None:
    vera = leader(database)
    first = save_course(database, CourseDraft("Hösten 2025", dt.date(2025, 10, 4), dt.date(2025, 10, 5)))
    complete_trainee(database, add_trainee(database, first.id, TraineeDraft(vera)).id, today=AFTER)
    second = save_course(database, SPRING)
    complete_trainee(database, add_trainee(database, second.id, TraineeDraft(vera)).id, today=AFTER)
    assert get_leader(database, vera).trained_on == dt.date(2025, 10, 5)


def test_undoing_a_completion_untrains_a_leader_only_this_course_trained(database: Database) -> None:
    vera = leader(database)
    autumn = save_course(database, CourseDraft("Hösten 2025", dt.date(2025, 10, 4), dt.date(2025, 10, 5)))
    spring = save_course(database, SPRING)
    spring_place = add_trainee(database, spring.id, TraineeDraft(vera))
    complete_trainee(database, spring_place.id, today=AFTER)
    autumn_place = add_trainee(database, autumn.id, TraineeDraft(vera))
    complete_trainee(database, autumn_place.id, today=AFTER)
    assert get_leader(database, vera).trained_on == dt.date(2025, 10, 5)

    undo_completion(database, autumn_place.id)
    assert get_leader(database, vera).trained_on == dt.date(2026, 5, 10)
    undo_completion(database, spring_place.id)
    untrained = get_leader(database, vera)
    assert (untrained.trained, untrained.trained_on) == (False, None)


def test_a_course_cannot_be_completed_before_it_ends(database: Database) -> None:
    course = save_course(database, SPRING)
    place = add_trainee(database, course.id, municipal("Eva Exempel"))
    with pytest.raises(ValidationError, match="Kursen slutar 2026-05-10"):
        complete_trainee(database, place.id, today=dt.date(2026, 5, 9))
    assert get_course(database, course.id).completed == 0


def test_a_course_someone_completed_stays(database: Database) -> None:
    course = save_course(database, SPRING)
    complete_trainee(database, add_trainee(database, course.id, municipal("Eva Exempel")).id, today=AFTER)
    with pytest.raises(ValidationError, match="genomfört"):
        delete_course(database, course.id)
    empty = save_course(database, CourseDraft("Felinlagd", dt.date(2026, 9, 1), dt.date(2026, 9, 2)))
    delete_course(database, empty.id)
    assert [row.id for row in list_courses(database)] == [course.id]


def test_municipal_places_count_courses_starting_in_the_agreement_year(database: Database) -> None:
    assert municipal_places(database, dt.date(2026, 6, 1)) is None  # no agreement yet
    agreement(database)
    course = save_course(database, SPRING)
    add_trainee(database, course.id, municipal("Eva Exempel"))
    add_trainee(database, course.id, municipal("Lars Exempel"))
    add_trainee(database, course.id, TraineeDraft(leader(database)))
    earlier = save_course(database, CourseDraft("Förra året", dt.date(2026, 3, 7), dt.date(2026, 3, 8)))
    add_trainee(database, earlier.id, municipal("Per Exempel"))

    places = municipal_places(database, dt.date(2026, 6, 1))
    assert places is not None
    assert (places.used, places.quota) == (2, 4)
    assert (places.year_starts_on, places.year_ends_on) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert places.warning == ""  # ten months remain


def test_places_unused_near_the_years_end_are_to_be_paid_back(database: Database) -> None:
    agreement(database)
    course = save_course(database, SPRING)
    add_trainee(database, course.id, municipal("Eva Exempel"))
    add_trainee(database, course.id, municipal("Lars Exempel"))

    # More than three months left: no warning yet; within three months: the warning.
    early = municipal_places(database, dt.date(2026, 12, 31))
    assert early is not None and early.warning == ""
    late = municipal_places(database, dt.date(2027, 1, 15))
    assert late is not None
    assert late.warning == (
        "Kommunen har använt 2 av 4 utbildningsplatser och avtalsåret slutar 2027-03-31: "
        "outnyttjade platser ska betalas tillbaka."
    )

    for name in ("Ida Exempel", "Kim Exempel"):
        add_trainee(database, course.id, municipal(name))
    full = municipal_places(database, dt.date(2027, 1, 15))
    assert full is not None and (full.used, full.warning) == (4, "")
