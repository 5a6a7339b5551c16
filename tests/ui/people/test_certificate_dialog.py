"""The leaders page's 'Intyg om ideellt uppdrag…': the chosen leader's certificate for a period, previewed."""

import pytest
from pytestqt.qtbot import QtBot

from biv_desktop.ui.bookings.hours_dialog import PeriodPrintout
from biv_desktop.ui.people.leaders_page import LeadersPage
from biv_desktop.ui.printing.preview import SheetPreviewDialog
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> LeadersPage:
    return shown(qtbot, LeadersPage(register.database, register.today), None)


def test_the_certificate_of_the_chosen_leader_is_previewed(page: LeadersPage, qtbot: QtBot) -> None:
    page.select_where(lambda row: True)
    assert page.certificate_button.isVisible()
    page.certificate_button.click()
    dialog = page.findChildren(PeriodPrintout)[0]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Intyg om ideellt uppdrag"
    assert not dialog.xlsx_button.isVisible()
    dialog.preview()
    preview = dialog.findChildren(SheetPreviewDialog)[0]
    qtbot.addWidget(preview)
    assert preview.isVisible()
