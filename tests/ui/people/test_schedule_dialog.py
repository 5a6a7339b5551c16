"""The people pages' 'Schema och kalenderfil…': the chosen person's schedule for a period, counted, and
saved as an .ics file that parses back with one event per session."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from biv_desktop.ui.people.interpreters_page import InterpretersPage
from biv_desktop.ui.schedules.export_dialog import ScheduleDialog
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> InterpretersPage:
    return shown(qtbot, InterpretersPage(register.database, register.today), None)


def test_the_chosen_interpreters_schedule_is_counted_and_saved_as_a_calendar(
    page: InterpretersPage, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.select_where(lambda row: True)
    assert page.schedule_button.isVisible()
    page.schedule_button.click()
    dialog = next(child for child in page.findChildren(ScheduleDialog))
    qtbot.addWidget(dialog)
    dialog.last.setDate(dialog.first.date().addDays(365))
    assert dialog.schedule is not None
    count = len(dialog.schedule.entries)
    assert count == 18
    assert dialog.summary.text().startswith("18 träffar")

    target = tmp_path / "kalender"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    written = dialog.save_calendar()

    assert written == target.with_name("kalender.ics")
    events = list(Calendar.from_ical(written.read_bytes()).walk("VEVENT"))
    assert len(events) == count


def test_a_period_without_sessions_says_so_and_offers_no_calendar(
    page: InterpretersPage, qtbot: QtBot, register: Any
) -> None:
    page.select_where(lambda row: True)
    dialog = page.open_schedule(page.current_row().id)  # type: ignore[union-attr]
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ScheduleDialog)
    later = dialog.first.date().addYears(5)
    dialog.first.setDate(later)
    assert dialog.summary.text() == "Sista dagen måste vara samma dag som den första eller senare."
    assert not dialog.print_button.isEnabled()
    dialog.last.setDate(later.addDays(30))
    assert dialog.summary.text() == "Inga träffar under perioden."
    assert not dialog.calendar_button.isEnabled()
    assert register.today < dt.date(2100, 1, 1)
