"""The overview's 'Kom igång' checklist and the school year's proposed breaks, used as the coordinator would."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.services import register
from biv_desktop.services.register import SetupStep, list_break_weeks
from biv_desktop.store.database import Database
from biv_desktop.ui.followup.agreement_dialog import AgreementDialog
from biv_desktop.ui.overview.page import OverviewPage
from biv_desktop.ui.overview.setup_checklist import DONE_MARK, TO_DO_MARK, ThemePlansDialog
from biv_desktop.ui.people.interpreter_dialog import InterpreterDialog
from biv_desktop.ui.people.leader_dialog import LeaderDialog
from biv_desktop.ui.premises.dialog import PremisesDialog
from biv_desktop.ui.settings.break_proposal_dialog import BreakProposalDialog
from biv_desktop.ui.settings.page import SettingsPage
from support import factories

TODAY = dt.date(2026, 9, 15)


@pytest.fixture
def page(qtbot: QtBot, database: Database) -> OverviewPage:
    overview = OverviewPage(database, today=TODAY)
    qtbot.addWidget(overview)
    overview.resize(1130, 760)
    overview.show()
    overview.refresh()
    return overview


def state(page: OverviewPage, step: SetupStep) -> tuple[str, str]:
    checklist = page.setup_checklist
    return checklist.marks[step].text(), checklist.states[step].text()


def click(qtbot: QtBot, page: OverviewPage, step: SetupStep) -> None:
    qtbot.mouseClick(page.setup_checklist.buttons[step], Qt.MouseButton.LeftButton)


def save(qtbot: QtBot, dialog: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def answer_with(monkeypatch: pytest.MonkeyPatch, kind: type, fill_in: Callable[[Any], None]) -> None:
    def run(dialog: QDialog) -> int:
        fill_in(dialog)
        return dialog.result()

    monkeypatch.setattr(kind, "exec", run)


def test_an_empty_register_shows_what_to_set_up_first(page: OverviewPage) -> None:
    checklist = page.setup_checklist
    assert checklist.isVisible()
    assert checklist.heading.text() == "Kom igång: 5 av 6 steg återstår"
    assert state(page, SetupStep.PREMISES) == (TO_DO_MARK, "Inga lokaler ännu")
    assert state(page, SetupStep.INTERPRETERS) == (TO_DO_MARK, "Inga tolkar ännu")
    assert state(page, SetupStep.BREAK_WEEKS) == (TO_DO_MARK, "Inga lov för läsåret 2026/27 ännu")
    assert state(page, SetupStep.THEME_PLANS) == (
        DONE_MARK,
        "2 temaplaner, med standardplan för båda grupptyperna",
    )
    assert [button.text().replace("&", "") for button in checklist.buttons.values()] == [
        "Lägg till lokal…",
        "Lägg till gruppledare…",
        "Lägg till tolk…",
        "Lägg in avtalet…",
        "Föreslå läsårets lov…",
        "Se över temaplanerna…",
    ]


def test_each_button_opens_its_form(
    qtbot: QtBot, page: OverviewPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def record(dialog: QDialog) -> int:
        opened.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QDialog, "exec", record)
    for step in SetupStep:
        click(qtbot, page, step)
    expected = [PremisesDialog, LeaderDialog, InterpreterDialog, AgreementDialog, BreakProposalDialog]
    assert opened == [kind.__name__ for kind in expected] + [ThemePlansDialog.__name__]


def test_premises_added_from_the_checklist_show_at_once(
    qtbot: QtBot, page: OverviewPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_in(dialog: PremisesDialog) -> None:
        dialog.name.setText("Ryds kyrka")
        dialog.district.setCurrentText("Ryd")
        dialog.accept()

    answer_with(monkeypatch, PremisesDialog, fill_in)
    click(qtbot, page, SetupStep.PREMISES)
    assert state(page, SetupStep.PREMISES) == (DONE_MARK, "1 lokal")
    assert page.setup_checklist.heading.text() == "Kom igång: 4 av 6 steg återstår"


def test_an_agreement_added_from_the_checklist_fills_the_overview_cards(
    qtbot: QtBot, page: OverviewPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.groups_card.value_label.text() == "–"
    answer_with(monkeypatch, AgreementDialog, lambda dialog: save(qtbot, dialog))
    click(qtbot, page, SetupStep.AGREEMENT)
    mark, text = state(page, SetupStep.AGREEMENT)
    assert mark == DONE_MARK and text.startswith("Gäller till och med ")
    assert page.groups_card.value_label.text() == "0"
    assert page.groups_card.of_label.text() == "av 6"


def test_the_proposed_breaks_are_saved_as_she_changed_them(
    qtbot: QtBot, page: OverviewPage, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, list[str]] = {}

    def fill_in(dialog: BreakProposalDialog) -> None:
        seen["names"] = [row.name.text() for row in dialog.rows]
        seen["notes"] = [row.note.text() for row in dialog.rows]
        assert dialog.school_year.currentText() == "2026/27"
        dialog.sports_week.setValue(9)
        _autumn, christmas, _sports, easter = dialog.rows
        christmas.ends_on.setDate(QDate(2027, 1, 6))
        easter.chosen.setChecked(False)
        assert not easter.starts_on.isEnabled()
        save(qtbot, dialog)

    answer_with(monkeypatch, BreakProposalDialog, fill_in)
    click(qtbot, page, SetupStep.BREAK_WEEKS)
    assert seen["names"] == ["Höstlov 2026", "Jullov 2026/2027", "Sportlov 2027", "Påsklov 2027"]
    assert seen["notes"][0] == "Förslag: vecka 44"
    assert seen["notes"][3] == "Förslag: veckan efter påsk (påskdagen är 28 mars)"
    assert [(row.name, row.starts_on, row.ends_on) for row in list_break_weeks(database)] == [
        ("Höstlov 2026", dt.date(2026, 10, 26), dt.date(2026, 11, 1)),
        ("Jullov 2026/2027", dt.date(2026, 12, 20), dt.date(2027, 1, 6)),
        ("Sportlov 2027", dt.date(2027, 3, 1), dt.date(2027, 3, 7)),
    ]
    assert state(page, SetupStep.BREAK_WEEKS) == (DONE_MARK, "3 lov under läsåret 2026/27")


def test_nothing_is_saved_when_she_cancels(
    qtbot: QtBot, page: OverviewPage, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_with(monkeypatch, BreakProposalDialog, lambda dialog: dialog.reject())
    click(qtbot, page, SetupStep.BREAK_WEEKS)
    assert list_break_weeks(database) == []
    assert state(page, SetupStep.BREAK_WEEKS) == (TO_DO_MARK, "Inga lov för läsåret 2026/27 ännu")


def test_a_break_already_there_is_left_unticked_and_the_next_school_year_can_be_chosen(
    qtbot: QtBot, database: Database
) -> None:
    register.save_break_week(
        database, register.BreakWeekDraft("Höstlov", dt.date(2026, 10, 26), dt.date(2026, 10, 30))
    )
    dialog = BreakProposalDialog(database, TODAY)
    qtbot.addWidget(dialog)
    autumn = dialog.rows[0]
    assert not autumn.chosen.isChecked()
    assert autumn.note.text() == "Finns redan: Höstlov (2026-10-26–2026-10-30)"
    assert [row.chosen.isChecked() for row in dialog.rows[1:]] == [True, True, True]
    dialog.school_year.setCurrentIndex(1)
    assert [row.name.text() for row in dialog.rows] == [
        "Höstlov 2027",
        "Jullov 2027/2028",
        "Sportlov 2028",
        "Påsklov 2028",
    ]
    assert all(row.chosen.isChecked() for row in dialog.rows)
    for row in dialog.rows:
        row.chosen.setChecked(False)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_planned_sessions_inside_a_break_are_asked_about_and_a_no_stops_there(
    qtbot: QtBot, database: Database, message_boxes: Any
) -> None:
    ryd = factories.premises(database)
    # A Tuesday group from 27 October: one session in the höstlov week, three over Christmas and New Year.
    factories.group(database, premises_id=ryd, start=dt.date(2026, 10, 27))
    dialog = BreakProposalDialog(database, TODAY)
    qtbot.addWidget(dialog)
    message_boxes.presses = ["Avbryt"]
    save(qtbot, dialog)
    assert message_boxes.shown[0]["title"] == "Spara Höstlov 2026"
    assert message_boxes.shown[0]["informative"].startswith("• 1 planerad träff i 1 grupp ligger under")
    assert list_break_weeks(database) == []
    assert dialog.result() != QDialog.DialogCode.Accepted
    # Yes to höstlov, no to jullov: höstlov is saved, and she is told that the rest is not.
    message_boxes.presses = ["Spara ändå", "Avbryt"]
    save(qtbot, dialog)
    assert [row.name for row in list_break_weeks(database)] == ["Höstlov 2026"]
    assert dialog.rows[0].note.text() == "Sparat"
    assert not dialog.rows[0].chosen.isEnabled()
    assert dialog.message.text().startswith("Sparade: Höstlov 2026. Resten är inte sparat")
    assert not dialog.school_year.isEnabled()
    # Yes to jullov saves it and the rest.
    message_boxes.presses = ["Spara ändå"]
    save(qtbot, dialog)
    assert [row.name for row in list_break_weeks(database)] == [
        "Höstlov 2026",
        "Jullov 2026/2027",
        "Sportlov 2027",
        "Påsklov 2027",
    ]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_break_with_bad_dates_saves_nothing(qtbot: QtBot, database: Database) -> None:
    dialog = BreakProposalDialog(database, TODAY)
    qtbot.addWidget(dialog)
    dialog.rows[2].ends_on.setDate(QDate(2027, 1, 1))  # sportlov ending before it starts
    save(qtbot, dialog)
    assert list_break_weeks(database) == []
    assert dialog.message.text().startswith("Sportlov 2027: Uppehållet måste sluta")


def test_a_set_up_register_shows_no_checklist(qtbot: QtBot, database: Database) -> None:
    factories.premises(database)
    factories.leader(database, "Karin")
    factories.leader(database, "Per", "Lindqvist")
    factories.interpreter(database)
    factories.agreement(database, dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    register.save_break_week(
        database, register.BreakWeekDraft("Jullov", dt.date(2026, 12, 20), dt.date(2027, 1, 8))
    )
    overview = OverviewPage(database, today=TODAY)
    qtbot.addWidget(overview)
    overview.show()
    overview.refresh()
    assert not overview.setup_checklist.isVisible()


def test_the_break_weeks_tab_proposes_the_same_breaks(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = SettingsPage(database, TODAY)
    qtbot.addWidget(settings)
    settings.refresh()
    settings.tabs.setCurrentWidget(settings.break_weeks)

    def keep_two(dialog: BreakProposalDialog) -> None:
        for row in dialog.rows[2:]:
            row.chosen.setChecked(False)
        save(qtbot, dialog)

    answer_with(monkeypatch, BreakProposalDialog, keep_two)
    qtbot.mouseClick(settings.break_weeks.propose_button, Qt.MouseButton.LeftButton)
    shown = [settings.break_weeks.model.rows()[n].name for n in range(settings.break_weeks.model.rowCount())]
    assert sorted(shown) == ["Höstlov 2026", "Jullov 2026/2027"]
