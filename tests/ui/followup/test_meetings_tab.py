"""The Möten tab: a meeting recorded with its report, the stored figures reopened and exported again."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Channel, Party
from biv_desktop.reports.followup import write_follow_up_pdf
from biv_desktop.services.followup.communication import EffortDraft, save_effort
from biv_desktop.services.followup.meetings import list_meetings, meeting_report
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.ui.followup.meeting_dialog import MeetingDialog
from biv_desktop.ui.followup.page import FollowUpPage


@pytest.fixture
def meetings(page: FollowUpPage) -> FollowUpPage:
    page.tabs.setCurrentWidget(page.meetings)
    return page


def record(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, notes: str, *, with_report: bool) -> None:
    def fill_in(dialog: MeetingDialog) -> int:
        dialog.held_on.setDate(QDate(2025, 10, 20))
        # The meeting on 20 October discusses the half year that ended before it.
        assert dialog.period.period() == (dt.date(2025, 4, 1), dt.date(2025, 9, 30))
        dialog.attendees.setPlainText("Utvecklingsledare (kommunen)\nSamordnande diakon (pastoratet)")
        dialog.notes.setPlainText(notes)
        dialog.decisions.setPlainText("Fler grupper på dari.")
        button = (
            dialog.with_report_button
            if with_report
            else dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        )
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(MeetingDialog, "exec", fill_in)


def test_a_meeting_recorded_with_its_report_keeps_the_figures(
    qtbot: QtBot, meetings: FollowUpPage, monkeypatch: pytest.MonkeyPatch, register: Any, qtmodeltester: Any
) -> None:
    tab = meetings.meetings
    assert tab.count_label.text() == "Inga uppföljningsmöten är registrerade ännu."
    record(qtbot, monkeypatch, "Gick igenom rapporten.", with_report=True)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)

    (saved,) = list_meetings(register.database)
    assert (saved.held_on, saved.has_report, saved.notes) == (
        dt.date(2025, 10, 20),
        True,
        "Gick igenom rapporten.",
    )
    expected = follow_up_figures(
        register.database, dt.date(2025, 4, 1), dt.date(2025, 9, 30), today=register.today
    )
    assert meeting_report(register.database, saved.id) == expected
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    row = [tab.proxy.index(0, column).data() for column in range(tab.proxy.columnCount())]
    assert row[:3] == ["2025-10-20", "2025-04-01 – 2025-09-30", "Sparad 2026-03-10"]
    assert tab.current_row() == saved
    assert tab.figures == expected
    assert (
        tab.summary.heading.text()
        == "Sparad rapport: perioden 2025-04-01 – 2025-09-30, sammanställd 2026-03-10"
    )
    assert tab.pdf_button.isEnabled()


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_the_stored_report_is_exported_again_as_it_was(
    qtbot: QtBot,
    meetings: FollowUpPage,
    monkeypatch: pytest.MonkeyPatch,
    save_dialog: Any,
    register: Any,
    tmp_path: Path,
) -> None:
    tab = meetings.meetings
    record(qtbot, monkeypatch, "Första mötet.", with_report=True)
    tab.add_new()
    # Later changes to the register do not reach the stored figures.
    effort = EffortDraft(dt.date(2025, 6, 1), Party.PARISH, Channel.WEBSITE, "", "Ny webbtext om grupperna.")
    save_effort(register.database, effort)
    tab.refresh()
    tab.select_id(list_meetings(register.database)[0].id)

    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.xlsx_button, Qt.MouseButton.LeftButton)

    assert save_dialog.suggested == [
        "uppfoljning-2025-04-01--2025-09-30.pdf",
        "uppfoljning-2025-04-01--2025-09-30.xlsx",
    ]
    exported = pdf_text(save_dialog.folder / "uppfoljning-2025-04-01--2025-09-30.pdf")
    assert "2025-04-01" in exported and "Ny webbtext" not in exported
    now = follow_up_figures(
        register.database, dt.date(2025, 4, 1), dt.date(2025, 9, 30), today=register.today
    )
    assert "Ny webbtext" in pdf_text(write_follow_up_pdf(now, tmp_path / "nu.pdf"))
    assert (save_dialog.folder / "uppfoljning-2025-04-01--2025-09-30.xlsx").stat().st_size > 0


def test_a_meeting_without_a_report_has_nothing_to_export(
    qtbot: QtBot, meetings: FollowUpPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = meetings.meetings
    record(qtbot, monkeypatch, "Kort avstämning.", with_report=False)
    tab.add_new()
    assert tab.proxy.index(0, 2).data() == "Ingen sparad"
    assert not tab.pdf_button.isEnabled()
    assert not tab.summary.isVisible()


def test_replacing_a_stored_report_is_asked_about(
    qtbot: QtBot, meetings: FollowUpPage, monkeypatch: pytest.MonkeyPatch, message_boxes: Any, register: Any
) -> None:
    tab = meetings.meetings
    record(qtbot, monkeypatch, "Första mötet.", with_report=True)
    tab.add_new()
    message_boxes.presses = ["Avbryt"]
    tab.open_current()  # the patched editor presses 'Spara mötet med rapporten' again
    assert message_boxes.shown[0]["informative"].startswith("• Mötet har redan en sparad rapport")
    (meeting,) = list_meetings(register.database)
    assert meeting.report_compiled_on == register.today
