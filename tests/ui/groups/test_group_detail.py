"""A group's detail: its facts and sessions, and editing, cancelling, finishing, copying and its roster."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from biv_desktop.services.groups.listing import list_groups
from biv_desktop.ui.groups import table_model as columns
from biv_desktop.ui.groups.detail_dialog import GroupDetailDialog
from biv_desktop.ui.groups.group_dialog import GroupDialog
from biv_desktop.ui.groups.page import GroupsPage
from biv_desktop.ui.participants.enrol_dialogs import EnrolDialog
from biv_desktop.ui.participants.leave_dialog import LeaveGroupDialog

SOMALI = "BIV Somaliska 10–12 år, Berga, vt 2026"  # Tuesdays from 3 February; five sessions held by 10 March
ARABIC_PARENTS = "BIS Arabiska föräldrar, Ryd, vt 2026"


def column(model: Any, number: int) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


def open_group(page: GroupsPage, name: str) -> None:
    """Select the group's line and open it, as Enter does."""
    names = [page.proxy.index(row, columns.NAME).data() for row in range(page.proxy.rowCount())]
    page.table.selectRow(names.index(name))
    page.open_selected()


def test_the_detail_shows_facts_staff_and_sessions(
    qtbot: QtBot, qtmodeltester: ModelTester, page: GroupsPage, dialogs: Any
) -> None:
    dialogs.on(GroupDetailDialog, lambda detail: None)
    open_group(page, SOMALI)
    detail = dialogs.last(GroupDetailDialog)
    assert detail.status.text() == "Pågår · BIV – Barn i väntan · Barngrupp · vt 2026"
    assert detail.facts.premises.text() == "Berga kyrka (Berga)"
    assert detail.facts.when.text() == "tis 17:00–19:00"
    assert detail.facts.participants.text() == "5 av 6 platser"
    assert detail.facts.leader1.text() == "Karin Holmgren – Utbildad"
    assert detail.facts.interpreter.text() == "Yusuf Warsame – somaliska"
    assert column(detail.sessions, 5)[4:6] == ["Genomförd", "Planerad"]
    assert column(detail.roster, 0) == [
        f"{name} Testsson" for name in ("Abdi", "Ayaan", "Hodan", "Khadar", "Sagal")
    ]
    qtmodeltester.check(detail.sessions)
    qtmodeltester.check(detail.roster)


def test_editing_new_leader_applies_to_the_sessions_ahead(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, choose: Callable[..., None], save: Callable[[Any], None]
) -> None:
    def edit(dialog: GroupDialog) -> None:
        assert dialog.windowTitle() == f"Redigera {SOMALI}"
        assert not dialog.form.start_date.isEnabled()  # the group has met: dates are changed in the schedule
        assert "inte träffar som redan har hållits" in dialog.form.staff_note.text()
        choose(dialog.form.leader2, "Leyla Samadi")
        save(dialog)

    def in_detail(detail: GroupDetailDialog) -> None:
        dialogs.on(GroupDialog, edit)
        detail.edit_button.click()
        assert detail.message.text() == "Ändringarna är sparade."
        leaders = column(detail.sessions, 6)
        assert leaders[:5] == ["Karin Holmgren\nAnders Bergvik"] * 5  # held before 10 March
        assert set(leaders[5:]) == {"Karin Holmgren\nLeyla Samadi"}
        assert detail.facts.leader2.text() == "Leyla Samadi – Utbildad"

    dialogs.on(GroupDetailDialog, in_detail)
    open_group(page, SOMALI)
    row = page.selected_row()
    assert row is not None and row.leader_names == ("Karin Holmgren", "Leyla Samadi")


def test_cancelling_asks_first_and_then_calls_off_the_planned_sessions(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, message_boxes: Any
) -> None:
    def in_detail(detail: GroupDetailDialog) -> None:
        message_boxes.presses.extend(["Avbryt", "Ställ in gruppen"])
        detail.cancel_button.click()
        assert detail.status.text().startswith("Pågår")
        detail.cancel_button.click()
        assert detail.status.text().startswith("Inställd")
        assert column(detail.sessions, 5) == ["Genomförd"] * 5 + ["Inställd"] * 9
        assert not detail.cancel_button.isEnabled() and not detail.finish_button.isEnabled()

    dialogs.on(GroupDetailDialog, in_detail)
    open_group(page, SOMALI)
    asked = message_boxes.shown[0]
    assert asked["text"] == f"Ställa in ”{SOMALI}”?"
    assert asked["informative"].splitlines()[0] == "9 planerade träffar ställs in."
    assert "5 deltagare är anmälda" in asked["informative"]
    assert asked["buttons"] == ["Ställ in gruppen", "Avbryt"]
    assert page.selected_row() is not None and page.selected_row().status.label == "Inställd"  # type: ignore[union-attr]


def test_finishing_early_says_what_is_called_off(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, message_boxes: Any
) -> None:
    def in_detail(detail: GroupDetailDialog) -> None:
        message_boxes.presses.append("Avsluta gruppen")
        detail.finish_button.click()
        assert detail.status.text().startswith("Avslutad")

    dialogs.on(GroupDetailDialog, in_detail)
    open_group(page, SOMALI)
    assert message_boxes.shown[0]["informative"] == (
        "9 träffar från och med 2026-03-10 är fortfarande planerade. De ställs in när gruppen avslutas."
    )


def test_copying_opens_the_next_terms_group_to_check_and_save(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, save: Callable[[Any], None]
) -> None:
    def check_copy(dialog: GroupDialog) -> None:
        assert dialog.windowTitle() == "Kopiera till nästa termin"
        form = dialog.form
        assert form.start_date.date().toString("yyyy-MM-dd") == "2026-08-18"
        assert (form.weekday.currentText(), form.start_time.time().toString("HH:mm")) == ("tisdag", "17:00")
        assert form.leader1.currentText() == "Karin Holmgren"
        assert form.interpreter.currentText() == "Yusuf Warsame – ledig alla 14 träffar"
        assert dialog.preview.name.text() == "Namn: BIV Somaliska 10–12 år, Berga, ht 2026"
        save(dialog)

    def in_detail(detail: GroupDetailDialog) -> None:
        dialogs.on(GroupDialog, check_copy)
        detail.copy_button.click()
        assert (
            detail.message.text()
            == "Skapade ”BIV Somaliska 10–12 år, Berga, ht 2026” med 14 träffar från 2026-08-18."
        )

    dialogs.on(GroupDetailDialog, in_detail)
    open_group(page, SOMALI)
    assert page.count_label.text() == "Visar 6 av 6 grupper"


def test_a_childrens_group_gets_its_parents_group_and_links_to_it(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, save: Callable[[Any], None]
) -> None:
    def parents(dialog: GroupDialog) -> None:
        assert dialog.windowTitle() == f"Föräldragrupp till {SOMALI}"
        assert not dialog.form.language.isEnabled() and not dialog.form.premises.isEnabled()
        assert dialog.form.start_time.time().toString("HH:mm") == "19:00"
        assert column(dialog.preview.model, 1)[0] == "2026-03-10"
        save(dialog)

    def in_detail(detail: GroupDetailDialog) -> None:
        dialogs.on(GroupDialog, parents)
        detail.parents_button.click()
        assert detail.message.text() == "Skapade föräldragruppen ”BIV Somaliska föräldrar, Berga, vt 2026”."
        assert "BIV Somaliska föräldrar, Berga, vt 2026</a>" in detail.facts.linked.text()
        # The children's group has its parents' group now: a second one is not offered.
        assert not detail.parents_button.isEnabled()
        assert detail.parents_button.toolTip() == (
            "Gruppen har redan en föräldragrupp: BIV Somaliska föräldrar, Berga, vt 2026"
        )
        parents_id = next(
            g.id for g in list_groups(detail._database) if g.name.startswith("BIV Somaliska föräldrar")
        )
        detail.facts.linked.linkActivated.emit(str(parents_id))
        assert detail.title.text() == "BIV Somaliska föräldrar, Berga, vt 2026"
        assert column(detail.sessions, 4)[0] == "Välkomna – vi lär känna varandra"
        assert not detail.parents_button.isEnabled()

    dialogs.on(GroupDetailDialog, in_detail)
    open_group(page, SOMALI)


def test_the_roster_takes_in_and_lets_go_of_participants(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, message_boxes: Any
) -> None:
    def enrol(dialog: EnrolDialog) -> None:
        assert dialog.choose(lambda row: row.name == "Faadumo Testsson")
        message_boxes.presses.append("Spara ändå")
        dialog.accept()

    def in_detail(detail: GroupDetailDialog) -> None:
        dialogs.on(EnrolDialog, enrol)
        detail.add_button.click()
        assert detail.message.text() == "Faadumo Testsson är anmäld till gruppen."
        assert column(detail.roster, 0) == ["Faadumo Testsson"]
        assert detail.tabs.tabText(1) == "&Deltagare (1)"

        def leave(dialog: LeaveGroupDialog) -> None:
            dialog.left_on.setDate(QDate(2026, 3, 31))  # a week after she joined at the group's start
            dialog.reason.setCurrentText("Ville inte fortsätta")
            dialog.accept()

        dialogs.on(LeaveGroupDialog, leave)
        detail.roster_table.selectRow(0)
        detail.leave_button.click()
        assert column(detail.roster, 7) == ["Ville inte fortsätta"]
        assert detail.tabs.tabText(1) == "&Deltagare (0)"

    dialogs.on(GroupDetailDialog, in_detail)
    open_group(page, ARABIC_PARENTS)


def test_the_list_filters_by_language_premises_and_term(
    page: GroupsPage, choose: Callable[..., None]
) -> None:
    assert [page.term_filter.itemText(i) for i in range(page.term_filter.count())] == [
        "Alla",
        "vt 2026",
        "ht 2025",
    ]
    choose(page.language_filter, "Somaliska")
    assert page.count_label.text() == "Visar 2 av 5 grupper"
    choose(page.language_filter, "Alla")
    choose(page.premises_filter, "Ryds kyrka")
    assert page.count_label.text() == "Visar 2 av 5 grupper"
    choose(page.term_filter, "ht 2025")
    assert [page.proxy.index(r, columns.NAME).data() for r in range(page.proxy.rowCount())] == [
        "BIV Arabiska 7–9 år, Ryd, ht 2025"
    ]
    page.refresh()  # a refresh keeps what was chosen
    assert page.term_filter.currentText() == "ht 2025"
    assert page.count_label.text() == "Visar 1 av 5 grupper"


def test_a_finished_group_cannot_be_cancelled(qtbot: QtBot, page: GroupsPage, register: Any) -> None:
    groups = {row.name: row.id for row in list_groups(page.database)}
    detail = GroupDetailDialog(
        page.database, groups["BIV Arabiska 7–9 år, Ryd, ht 2025"], register.today, page
    )
    qtbot.addWidget(detail)
    assert not detail.cancel_button.isEnabled()
    assert not detail.finish_button.isEnabled()
    assert not detail.add_button.isEnabled()
    assert detail.edit_button.isEnabled()
    assert dt.date(2025, 9, 1).isoformat() in detail.facts.period.text()
