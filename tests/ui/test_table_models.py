"""Every table model keeps Qt's model contract, and the groups filter sorts names the Swedish way."""

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from biv_desktop.domain.enums import GroupKind, GroupStatus, Programme, SessionStatus
from biv_desktop.services.followup.overview import WeekSession
from biv_desktop.services.groups.listing import GroupRow
from biv_desktop.ui.groups import table_model as columns
from biv_desktop.ui.groups.filter_proxy import GroupFilterProxy
from biv_desktop.ui.groups.table_model import GroupTableModel
from biv_desktop.ui.overview.week_table import WeekSessionTableModel


def group_row(number: int, name: str, start: dt.date) -> GroupRow:
    return GroupRow(
        id=number,
        uuid=f"uuid-{number}",
        name=name,
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        language="arabiska",
        age_min=7,
        age_max=9,
        premises="Ryds kyrka",
        district="Ryd",
        start_date=start,
        weekday=start.weekday(),
        start_time=dt.time(17),
        end_time=dt.time(19),
        status=GroupStatus.RUNNING,
        leader_names=("Karin Holmgren",),
        interpreter_name="",
        participant_count=number,
        capacity=6,
    )


def week_session(number: int, *, leaders: tuple[str, ...], interpreter: str) -> WeekSession:
    return WeekSession(
        id=number,
        group_id=1,
        group_name="BIV Somaliska 10–12 år, Berga, vt 2026",
        number=number,
        date=dt.date(2026, 3, 10),
        start_time=dt.time(17),
        end_time=dt.time(19),
        theme="Flykten",
        premises="Berga kyrka",
        leader_names=leaders,
        interpreter_name=interpreter,
        status=SessionStatus.PLANNED,
        missing_leaders=2 - len(leaders),
        missing_interpreter=not interpreter,
    )


NAMES = ["Örtagårdens grupp", "Zetagruppen", "Ängsgruppen", "Ålundagruppen", "Grupp 10", "grupp 2"]


def test_group_table_model_keeps_the_model_contract(qtmodeltester: ModelTester) -> None:
    model = GroupTableModel()
    model.set_rows([group_row(n, name, dt.date(2026, 1, n + 1)) for n, name in enumerate(NAMES)])
    qtmodeltester.check(model, force_py=True)


def test_group_filter_proxy_keeps_the_model_contract(qtmodeltester: ModelTester) -> None:
    model = GroupTableModel()
    model.set_rows([group_row(n, name, dt.date(2026, 1, n + 1)) for n, name in enumerate(NAMES)])
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("grupp")
    proxy.sort(columns.NAME)
    qtmodeltester.check(proxy, force_py=True)


def test_week_session_table_model_keeps_the_model_contract(qtmodeltester: ModelTester) -> None:
    model = WeekSessionTableModel()
    model.set_rows(
        [
            week_session(1, leaders=("Karin Holmgren", "Anders Bergvik"), interpreter="Yusuf Warsame"),
            week_session(2, leaders=("Leyla Samadi",), interpreter=""),
        ]
    )
    qtmodeltester.check(model, force_py=True)


def test_names_sort_in_swedish_alphabetical_order() -> None:
    model = GroupTableModel()
    model.set_rows([group_row(n, name, dt.date(2026, 1, n + 1)) for n, name in enumerate(NAMES)])
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(columns.NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(row, columns.NAME).data() for row in range(proxy.rowCount())]
    # Å, Ä and Ö come after Z, and numbers inside names sort as numbers.
    assert names == [
        "grupp 2",
        "Grupp 10",
        "Zetagruppen",
        "Ålundagruppen",
        "Ängsgruppen",
        "Örtagårdens grupp",
    ]


def test_a_session_lacking_staff_says_what_it_lacks() -> None:
    model = WeekSessionTableModel()
    model.set_rows(
        [
            week_session(1, leaders=("Karin Holmgren", "Anders Bergvik"), interpreter="Yusuf Warsame"),
            week_session(2, leaders=("Leyla Samadi",), interpreter=""),
            week_session(3, leaders=(), interpreter="Yusuf Warsame"),
        ]
    )
    staffing = [model.index(row, 9).data() for row in range(3)]
    assert staffing == ["Bemannad", "Saknar en gruppledare och tolk", "Saknar två gruppledare"]
    assert model.index(0, 9).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, 9).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_a_booked_leader_without_the_training_is_named_as_the_reason() -> None:
    untrained = replace(
        week_session(4, leaders=("Karin Holmgren", "Mira Lindqvist"), interpreter="Yusuf Warsame"),
        missing_leaders=1,  # Mira has not been on the group-leader training
    )
    neither = replace(week_session(5, leaders=("Mira Lindqvist",), interpreter=""), missing_leaders=2)
    model = WeekSessionTableModel()
    model.set_rows([untrained, neither])
    assert model.index(0, 9).data() == "Saknar en utbildad gruppledare"
    assert model.index(1, 9).data() == "Saknar två utbildade gruppledare och tolk"
