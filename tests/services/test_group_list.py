"""The groups list (services.groups.list_groups): every group with the names and counts the groups page
shows, newest start first, whether it has two leaders, one, or none, and an interpreter or not."""

import datetime as dt

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme
from biv_desktop.services.groups import list_groups
from biv_desktop.store.database import Database
from support import factories


def test_each_group_is_listed_with_its_staff_place_and_active_participants_newest_first(
    database: Database,
) -> None:
    ryd = factories.premises(database, "Ryds kyrka", "Ryd")
    hemgarden = factories.premises(database, "Hemgården", "Skäggetorp")
    karin = factories.leader(database, "Karin", "Holmgren")
    lars = factories.leader(database, "Lars", "Berg")
    yusuf = factories.interpreter(database, "Yusuf", "Warsame", languages=("ar",))
    both = factories.group(
        database,
        premises_id=ryd,
        start=dt.date(2026, 2, 3),
        leader_ids=(karin, lars),
        interpreter_id=yusuf,
        capacity=7,
        name="Barngrupp arabiska",
    )
    alone = factories.group(
        database,
        premises_id=hemgarden,
        start=dt.date(2026, 3, 2),
        kind=GroupKind.PARENTS,
        programme=Programme.BIS,
        leader_ids=(lars,),
        name="Föräldrar arabiska",
    )
    nobody = factories.group(database, premises_id=ryd, start=dt.date(2025, 9, 1), name="Höstgruppen")
    staying = factories.participant(database, "Zahra", 2015)
    gone = factories.participant(database, "Omar", 2015)
    factories.enrol(database, staying, both.id)
    factories.leave(database, factories.enrol(database, gone, both.id), dt.date(2026, 3, 1))

    rows = list_groups(database)

    assert [row.id for row in rows] == [alone.id, both.id, nobody.id]
    first, second, third = rows
    assert (second.name, second.language, second.premises, second.district) == (
        "Barngrupp arabiska",
        "arabiska",
        "Ryds kyrka",
        "Ryd",
    )
    assert second.leader_names == ("Karin Holmgren", "Lars Berg")
    assert second.interpreter_name == "Yusuf Warsame"
    assert (second.participant_count, second.capacity) == (1, 7)  # Omar has left
    assert (second.programme, second.kind, second.status) == (
        Programme.BIV,
        GroupKind.CHILDREN,
        GroupStatus.PLANNED,
    )
    assert (second.age_min, second.age_max, second.age_band_label) == (10, 12, "10–12 år")
    assert (second.start_date, second.weekday, second.start_time, second.end_time) == (
        dt.date(2026, 2, 3),
        1,
        dt.time(17, 0),
        dt.time(19, 0),
    )
    assert second.term == "vt 2026"
    assert (first.leader_names, first.interpreter_name, first.district) == (("Lars Berg",), "", "Skäggetorp")
    assert (first.kind, first.programme, first.age_min, first.age_max) == (
        GroupKind.PARENTS,
        Programme.BIS,
        None,
        None,
    )
    assert (third.leader_names, third.interpreter_name, third.participant_count) == ((), "", 0)
    assert third.uuid and third.uuid not in (first.uuid, second.uuid)
