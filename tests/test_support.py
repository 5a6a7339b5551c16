"""The test-support factories make what they promise, through the services, in a register of the test's own."""

import datetime as dt

from biv_desktop.domain.enums import GroupKind, GroupStatus, Mark, Role, SessionStatus
from biv_desktop.services import followup, groups, participants, staff
from biv_desktop.store.database import Database
from support import factories


def test_a_group_with_staff_people_and_marks(database: Database) -> None:
    ryd = factories.premises(database)
    karin = factories.leader(database, trained_on=dt.date(2025, 10, 4))
    anders = factories.leader(database, "Anders", "Bergvik")
    yusuf = factories.interpreter(database, languages=("so",))
    made = factories.group(
        database, premises_id=ryd, language="so", leader_ids=(karin, anders), interpreter_id=yusuf
    )
    people = factories.participants_in(database, made.id, ["Abdi", "Sagal"])
    first = factories.session_ids(database, made.id)[1]
    factories.marks(database, first, {people["Abdi"]: Mark.PRESENT, people["Sagal"]: Mark.ABSENT})

    detail = groups.get_group(database, made.id)
    assert detail.status is GroupStatus.PLANNED
    assert len(detail.sessions) == 14 and detail.sessions[0].status is SessionStatus.HELD
    assert detail.enrolled == 2
    assert [row.trained for row in staff.list_leaders(database)] == [False, True]  # Anders, Karin


def test_families_waiting_leaving_and_finishing(database: Database) -> None:
    farah = factories.family(database, "Farah")
    mother = factories.participant(database, "Hodan", 1988, role=Role.GUARDIAN, family_id=farah)
    child = factories.participant(database, "Amina", 2015, family_id=farah, mother_tongue="ar")
    factories.wait(database, child, dt.date(2025, 1, 7), today=dt.date(2025, 1, 8))
    assert [row.participant_id for row in participants.waiting_list(database)] == [child]

    parents = factories.group(
        database, premises_id=factories.premises(database), kind=GroupKind.PARENTS, start=dt.date(2025, 2, 11)
    )
    enrollment = factories.enrol(database, mother, parents.id)
    factories.all_present_until(database, parents.id, dt.date(2025, 3, 1))
    factories.leave(database, enrollment, dt.date(2025, 3, 4))
    finished = factories.finish(database, parents.id, dt.date(2025, 3, 5))
    assert finished.status is GroupStatus.FINISHED and finished.left == 1
    assert finished.count(SessionStatus.HELD) == 3


def test_an_agreement(database: Database) -> None:
    factories.agreement(database)
    current = followup.current_agreement(database, dt.date(2025, 12, 1))
    assert current is not None and current.agreement.municipal_amount_sek == 300_500
