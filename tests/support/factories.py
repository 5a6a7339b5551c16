"""Factories that make a test's data the way the program makes it: through the services' public faces.

Each factory takes the open register first and keyword arguments with fictional defaults, saves through the
service a user's form would call (overriding its warnings: a test that wants the warning calls the service
itself), and returns the id, or the service's read model where a test needs more than the id.
"""

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from biv_desktop.domain.enums import (
    Gender,
    GroupKind,
    GroupStatus,
    InterpreterEngagement,
    Mark,
    Organisation,
    Programme,
    Role,
    SessionStatus,
)
from biv_desktop.services import attendance, followup, groups, participants, register, staff
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group
from support.register import language_id

# A day long after every date the tests use, for taking attendance (refused at sessions ahead of "today").
FAR_TODAY = dt.date(2099, 12, 31)


# The register: premises and languages ------------------------------------------------------------------


def premises(
    database: Database, name: str = "Ryds kyrka", district: str = "Ryd", *, address: str = ""
) -> int:
    """Premises by name, saved through the premises form's service; the id of the premises already so
    named if there is one (names are unique), so helpers that each need 'Ryds kyrka' can all ask for it."""
    for row in register.list_premises(database):
        if row.name == name:
            return row.id
    return register.save_premises(database, register.PremisesDraft(name, district, address)).id


def theme_plan(
    database: Database, titles: Iterable[str], *, kind: GroupKind = GroupKind.CHILDREN, name: str = ""
) -> int:
    """A theme plan with one theme per title, in session order (not the kind's default unless the first)."""
    themes = tuple(register.ThemeDraft(title) for title in titles)
    draft = register.ThemePlanDraft(name or f"Testplan {kind.value}", kind, themes)
    return register.save_theme_plan(database, draft).id


# Staff -------------------------------------------------------------------------------------------------


def leader(
    database: Database,
    first_name: str = "Karin",
    last_name: str = "Holmgren",
    *,
    trained_on: dt.date | None = None,
    languages: Iterable[str] = (),
    organisation: Organisation = Organisation.PARISH,
    inactive_since: dt.date | None = None,
) -> int:
    """A group leader; ``trained_on`` makes them trained the way the program does, by completing a
    one-day group-leader training that ends that day; ``inactive_since`` marks them inactive from then."""
    draft = staff.LeaderDraft(
        first_name,
        last_name,
        organisation=organisation,
        language_ids=frozenset(language_id(database, code) for code in languages),
        active=inactive_since is None,
    )
    leader_id = staff.save_leader(database, draft, override=True, today=inactive_since).id
    if trained_on is not None:
        train(database, [leader_id], trained_on)
    return leader_id


def train(database: Database, leader_ids: Sequence[int], on: dt.date, name: str = "") -> int:
    """A one-day group-leader training on ``on`` that the leaders completed; returns the course's id."""
    course = staff.save_course(
        database, staff.CourseDraft(name or f"Gruppledarutbildning {on.isoformat()}", on, on)
    ).id
    for leader_id in leader_ids:
        trainee = staff.add_trainee(database, course, staff.TraineeDraft(leader_id))
        staff.complete_trainee(database, trainee.id, today=on)
    return course


def interpreter(
    database: Database,
    first_name: str = "Yusuf",
    last_name: str = "Warsame",
    *,
    languages: Iterable[str] = ("so",),
    active: bool = True,
    agency: str = "",
    freelance: bool = False,
) -> int:
    """An interpreter for the languages given by ISO code, through ``agency`` or freelance."""
    draft = staff.InterpreterDraft(
        first_name,
        last_name,
        language_ids=frozenset(language_id(database, code) for code in languages),
        active=active,
        engagement=InterpreterEngagement.FREELANCE if freelance else InterpreterEngagement.AGENCY,
        agency_name=agency,
    )
    return staff.save_interpreter(database, draft, override=True).id


# Groups ------------------------------------------------------------------------------------------------


def group(
    database: Database,
    *,
    premises_id: int,
    language: str = "ar",
    start: dt.date = dt.date(2026, 2, 3),
    kind: GroupKind = GroupKind.CHILDREN,
    programme: Programme = Programme.BIV,
    ages: tuple[int, int] | None = (10, 12),
    start_time: dt.time = dt.time(17, 0),
    length_minutes: int = 120,
    leader_ids: Sequence[int] = (),
    interpreter_id: int | None = None,
    capacity: int = 6,
    themes: bool = True,
    theme_plan_id: int | None = None,
    name: str = "",
    running: bool = False,
) -> groups.GroupDetail:
    """A planned group and its weekly sessions from the first free day on or after ``start``, planned by
    the program: holidays and break weeks skipped, themes from ``theme_plan_id``, else from the kind's
    default plan unless ``themes`` is False. ``ages`` is ignored for a parents' group; ``name`` empty
    gives the suggested name; ``running`` makes it running (see mark_running)."""
    if theme_plan_id is None and themes:
        default = register.default_theme_plan(database, kind)
        theme_plan_id = default.id if default is not None else None
    draft = groups.GroupDraft(
        programme=programme,
        kind=kind,
        language_id=language_id(database, language),
        premises_id=premises_id,
        start_date=start,
        weekday=start.weekday(),
        start_time=start_time,
        length_minutes=length_minutes,
        age_min=ages[0] if ages and kind is GroupKind.CHILDREN else None,
        age_max=ages[1] if ages and kind is GroupKind.CHILDREN else None,
        leader1_id=leader_ids[0] if leader_ids else None,
        leader2_id=leader_ids[1] if len(leader_ids) > 1 else None,
        interpreter_id=interpreter_id,
        capacity=capacity,
        theme_plan_id=theme_plan_id,
        name=name,
    )
    created = groups.create_group(database, draft, override=True)
    if not running:
        return created
    mark_running(database, created.id)
    return groups.get_group(database, created.id)


def session_ids(database: Database, group_id: int) -> dict[int, int]:
    """A group's session ids by session number."""
    return {row.number: row.id for row in groups.get_group(database, group_id).sessions}


def mark_running(database: Database, group_id: int) -> None:
    """Make a planned group running.

    The one write here that no service makes: the program has no use case that moves a group from
    planned to running (only the demo generator writes that status), so this stands in for it, in one
    place, until one exists.
    """
    with database.transaction() as session:
        group = session.get(Group, group_id)
        assert group is not None, group_id
        group.status = GroupStatus.RUNNING


def finish(database: Database, group_id: int, today: dt.date) -> groups.GroupDetail:
    """Finish a group on ``today`` (sessions still planned from then on are cancelled)."""
    return groups.finish_group(database, group_id, override=True, today=today)


# Participants and families -----------------------------------------------------------------------------


def family(database: Database, name: str = "Påhittad") -> int:
    """A family by the name it is known by."""
    return participants.save_family(database, participants.FamilyDraft(name)).id


def participant(
    database: Database,
    first_name: str = "Hodan",
    birth_year: int = 2015,
    *,
    last_name: str = "Testsson",
    role: Role = Role.CHILD,
    gender: Gender = Gender.NOT_STATED,
    family_id: int | None = None,
    mother_tongue: str | None = None,
    native_name: str = "",
    district: str = "",
    guardian_phone: str = "",
    consent_on: dt.date | None = None,
    consent_by: str = "",
    today: dt.date | None = None,
) -> int:
    """A child (or, with ``role``, a guardian) in the register; ``mother_tongue`` by ISO code."""
    draft = participants.ParticipantDraft(
        first_name=first_name,
        birth_year=birth_year,
        last_name=last_name,
        native_name=native_name,
        gender=gender,
        role=role,
        family_id=family_id,
        mother_tongue_id=language_id(database, mother_tongue) if mother_tongue else None,
        district=district,
        guardian_phone=guardian_phone,
        consent_on=consent_on,
        consent_by=consent_by,
    )
    return participants.save_participant(database, draft, override=True, today=today).id


def participants_in(
    database: Database,
    group_id: int,
    first_names: Iterable[str],
    *,
    birth_year: int = 2015,
    last_name: str = "Testsson",
    role: Role = Role.CHILD,
    joined_on: dt.date | None = None,
) -> dict[str, int]:
    """New participants enrolled in a group from ``joined_on`` (its start unless given), by first name."""
    people = {
        first_name: participant(database, first_name, birth_year, last_name=last_name, role=role)
        for first_name in first_names
    }
    for participant_id in people.values():
        enrol(database, participant_id, group_id, joined_on)
    return people


def enrol(database: Database, participant_id: int, group_id: int, joined_on: dt.date | None = None) -> int:
    """Place a participant in a group from ``joined_on`` (the group's start unless given); returns the
    enrolment's id."""
    day = joined_on or groups.get_group(database, group_id).start_date
    return participants.enrol(database, participant_id, group_id, day, override=True).enrollment_id


def leave(database: Database, enrollment_id: int, left_on: dt.date, reason: str = "Flyttade") -> None:
    """Record that an enrolled participant left their group on ``left_on``."""
    participants.leave_group(database, enrollment_id, left_on, reason)


def wait(database: Database, participant_id: int, since: dt.date, today: dt.date | None = None) -> None:
    """Put a participant on the waiting list from ``since``."""
    participants.add_to_waiting_list(database, participant_id, since, today=today)


# Attendance --------------------------------------------------------------------------------------------


def marks(
    database: Database, session_id: int, given: Mapping[int, Mark], *, today: dt.date = FAR_TODAY
) -> None:
    """Marks at one session by participant id (the first mark makes the session held)."""
    for participant_id, value in given.items():
        attendance.mark(database, session_id, participant_id, value, today=today)


def all_present_until(database: Database, group_id: int, until: dt.date) -> list[int]:
    """Mark everyone enrolled present at each of a group's planned sessions before ``until``, as a leader
    taking attendance would; returns the ids of the sessions now held."""
    held = []
    for row in groups.get_group(database, group_id).sessions:
        if row.date < until and row.status is SessionStatus.PLANNED:
            sheet = attendance.mark_all_present(database, row.id, today=until)
            if any(attendee.mark is not None for attendee in sheet.rows):
                held.append(row.id)
    return held


# Follow-up ---------------------------------------------------------------------------------------------


def agreement(
    database: Database,
    starts_on: dt.date = dt.date(2025, 4, 1),
    ends_on: dt.date = dt.date(2026, 3, 31),
    *,
    name: str = "",
    municipal_amount_sek: int = 300_500,
    parish_amount_per_year_sek: int = 160_000,
    min_groups_per_year: int = 6,
    training_places_per_year: int = 4,
) -> int:
    """A follow-up agreement (IOP) for the period, between fictional parties."""
    draft = followup.AgreementDraft(
        name=name or f"IOP Barn i väntan/Barn i start {starts_on.year}–{ends_on.year}",
        starts_on=starts_on,
        ends_on=ends_on,
        public_party="Social- och omsorgsnämnden",
        nonprofit_party="Pastoratet",
        municipal_amount_sek=municipal_amount_sek,
        parish_amount_per_year_sek=parish_amount_per_year_sek,
        min_groups_per_year=min_groups_per_year,
        training_places_per_year=training_places_per_year,
    )
    return followup.save_agreement(database, draft, override=True).id
