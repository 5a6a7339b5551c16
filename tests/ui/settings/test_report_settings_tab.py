"""The Rapport tab of the settings: small counts and parents' groups, saved and used by the report."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup import follow_up_figures
from biv_desktop.services.register import ReportSettings, load_report_settings, save_report_settings
from biv_desktop.ui.settings.page import SettingsPage
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> SettingsPage:
    settings = shown(qtbot, SettingsPage(register.database, register.today))
    settings.refresh()
    return settings


def test_the_defaults_are_shown_and_a_change_is_saved(qtbot: QtBot, page: SettingsPage) -> None:
    tab = page.report
    assert tab.small_count_limit.value() == 2
    assert tab.parents_groups_count.isChecked()
    tab.small_count_limit.setValue(3)
    tab.parents_groups_count.setChecked(False)
    assert tab.status.text() == "Ändringarna är inte sparade."
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert load_report_settings(page.database) == ReportSettings(3, False)
    assert tab.status.text() == "Inställningarna är sparade."
    figures = follow_up_figures(page.database, dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert figures.small_count_limit == 3
    tab.small_count_limit.setValue(0)
    assert tab.small_count_limit.text() == "visa alla antal"


def test_a_limit_out_of_range_is_refused_by_the_service(register: FixtureRegister) -> None:
    with pytest.raises(ValidationError, match=r"0 .* eller mellan 2 och 9"):
        save_report_settings(register.database, ReportSettings(1, True))
    with pytest.raises(ValidationError):
        save_report_settings(register.database, ReportSettings(10, True))
    assert load_report_settings(register.database) == ReportSettings()
