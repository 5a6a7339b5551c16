"""Taking attendance in the room: by keyboard, by mouse, all present, a walk-in, the staff and Spara."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Mark, SessionStatus
from biv_desktop.services.attendance import session_attendance
from biv_desktop.services.participants.enrolment import roster
from biv_desktop.ui.attendance import session_dialog
from biv_desktop.ui.attendance.session_dialog import SessionAttendanceDialog, open_session_attendance
from biv_desktop.ui.attendance.walk_in_dialog import WalkInDialog

P, F, A = Mark.PRESENT, Mark.ABSENT, Mark.NOTIFIED_ABSENCE


def saved_marks(somali: object, number: int = 6) -> dict[str, Mark | None]:
    sheet = session_attendance(somali.database, somali.session[number], somali.today)  # type: ignore[attr-defined]
    return {row.first_name: row.mark for row in sheet.rows}


def shown(room: SessionAttendanceDialog) -> list[tuple[str, str]]:
    return [(line.name.text(), line.button.text()) for line in room.attendees.lines()]


def test_the_room_view_lists_todays_participants_with_the_session_facts(
    room: SessionAttendanceDialog,
) -> None:
    assert room.title.text() == "Träff 6 av 14: Flykten"
    assert "tisdag 10 mars 2026, 17:00–19:00 · Berga kyrka" in room.facts.text()
    assert [name for name, _mark in shown(room)] == [
        "Abdi Testsson",
        "Ayaan Testsson",
        "Hodan Testsson",
        "Khadar Testsson",
        "Sagal Testsson",
    ]
    assert {text for _name, text in shown(room)} == {"Inte markerad"}
    assert [box.text() for box in room.staff_boxes.values()] == [
        "Karin Holmgren (gruppledare)",
        "Anders Bergvik (gruppledare)",
        "Yusuf Warsame (tolk)",
    ]


def test_attendance_is_taken_by_keyboard_down_the_list(
    qtbot: QtBot, room: SessionAttendanceDialog, somali: object
) -> None:
    first = room.attendees.lines()[0]
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)  # Abdi: present
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_F)  # Ayaan: absent
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_3)  # Hodan: notified absence
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_N)  # Khadar: present
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_Up)
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_Space)  # Hodan again: notified absence cycles to present
    assert room.focusWidget() is room.attendees.lines()[2]
    assert saved_marks(somali) == {"Abdi": P, "Ayaan": F, "Hodan": P, "Khadar": P, "Sagal": None}
    assert [text for _name, text in shown(room)] == [
        "Närvarande",
        "Frånvarande",
        "Närvarande",
        "Närvarande",
        "Inte markerad",
    ]
    assert room.count.text() == "3 av 5 närvarande · 1 frånvarande · 0 anmäld frånvaro"
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_Delete)
    assert saved_marks(somali)["Hodan"] is None
    assert room.sheet().status is SessionStatus.HELD  # the first mark says the session took place


def test_attendance_is_taken_by_mouse_one_click_per_change(
    qtbot: QtBot, room: SessionAttendanceDialog, somali: object
) -> None:
    abdi, ayaan = room.attendees.lines()[:2]
    qtbot.mouseClick(abdi.button, Qt.MouseButton.LeftButton)
    assert saved_marks(somali)["Abdi"] is P
    qtbot.mouseClick(abdi.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(abdi.button, Qt.MouseButton.LeftButton)
    assert saved_marks(somali)["Abdi"] is A
    assert abdi.button.text() == "Anmäld frånvaro"
    # The whole line is a target: a click on the name marks the person too.
    qtbot.mouseClick(ayaan.name, Qt.MouseButton.LeftButton)
    assert saved_marks(somali)["Ayaan"] is P
    assert ayaan.hasFocus()


def test_all_present_in_one_action_keeps_a_notified_absence(
    qtbot: QtBot, room: SessionAttendanceDialog, somali: object
) -> None:
    qtbot.keyClick(room.attendees.lines()[2], Qt.Key.Key_A)  # Hodan called in
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert saved_marks(somali) == {"Abdi": P, "Ayaan": P, "Hodan": A, "Khadar": P, "Sagal": P}
    assert room.count.text() == "4 av 5 närvarande · 0 frånvarande · 1 anmäld frånvaro"


def test_a_walk_in_is_added_on_the_spot_and_marked_present(
    qtbot: QtBot,
    room: SessionAttendanceDialog,
    somali: object,
    monkeypatch: pytest.MonkeyPatch,
    type_text: object,
) -> None:
    def fill_in(dialog: WalkInDialog) -> int:
        type_text(dialog.first_name, "Nasra")  # type: ignore[operator]
        type_text(dialog.birth_year, "2015")  # type: ignore[operator]
        dialog.gender.setCurrentIndex(dialog.gender.findText("Flicka"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        return int(dialog.result())

    monkeypatch.setattr(WalkInDialog, "exec", fill_in)
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert ("Nasra", "Närvarande") in shown(room)
    assert saved_marks(somali)["Nasra"] is P
    new_line = next(line for line in room.attendees.lines() if line.name.text() == "Nasra")
    qtbot.waitUntil(new_line.hasFocus)
    assert new_line.details.text() == "2015 · Flicka · ny i gruppen i dag"
    assert room.count.text() == "1 av 6 närvarande · 0 frånvarande · 0 anmäld frånvaro"
    joined = {row.name: row.joined_on for row in roster(somali.database, somali.group_id)}  # type: ignore[attr-defined]
    assert joined["Nasra"] == somali.today  # type: ignore[attr-defined]


def test_a_walk_in_with_a_wrong_field_keeps_the_form_open(
    room: SessionAttendanceDialog, somali: object, message_boxes: object
) -> None:
    dialog = WalkInDialog(somali.database, room.sheet(), today=somali.today, parent=room)  # type: ignore[attr-defined]
    dialog.first_name.setText("Nasra")
    dialog.gender.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.message_for("birth_year") == "Skriv födelseåret med fyra siffror, t.ex. 2015."
    # A birth year outside the group's ages asks first; Avbryt keeps the form as it was.
    message_boxes.presses.append("Avbryt")  # type: ignore[attr-defined]
    dialog.birth_year.setText("2019")
    dialog.accept()
    assert message_boxes.shown[0]["informative"] == "• Gästen är 7 år, gruppen är för 10–12 år."  # type: ignore[attr-defined]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors.message_for("birth_year") == ""
    assert (dialog.first_name.text(), dialog.birth_year.text()) == ("Nasra", "2019")
    assert "Nasra" not in saved_marks(somali)


def test_spara_records_the_staff_and_asks_about_those_not_marked(
    qtbot: QtBot, room: SessionAttendanceDialog, somali: object, message_boxes: object
) -> None:
    message_boxes.presses.append("Spara ändå")  # type: ignore[attr-defined]
    qtbot.keyClick(room.attendees.lines()[0], Qt.Key.Key_1)
    boxes = list(room.staff_boxes.values())
    qtbot.mouseClick(boxes[0], Qt.MouseButton.LeftButton)
    boxes[2].setChecked(True)
    qtbot.keyClick(room.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert message_boxes.shown[0]["informative"] == (  # type: ignore[attr-defined]
        "• Ayaan Testsson, Hodan Testsson, Khadar Testsson och Sagal Testsson är inte markerade och räknas "
        "inte som närvarande."
    )
    assert room.result() == QDialog.DialogCode.Accepted and room.changed
    sheet = session_attendance(somali.database, somali.session[6], somali.today)  # type: ignore[attr-defined]
    assert sheet.status is SessionStatus.HELD
    assert [member.present for member in sheet.staff] == [True, False, True]


def test_a_session_still_to_come_is_shown_but_not_marked(qtbot: QtBot, somali: object) -> None:
    dialog = SessionAttendanceDialog(somali.database, somali.session[7], today=somali.today)  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.banner.text() == "Träffen har inte varit än."
    assert not dialog.all_present.isEnabled() and not dialog.save.isEnabled()
    qtbot.keyClick(dialog.attendees.lines()[0], Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.attendees.lines()[0].button, Qt.MouseButton.LeftButton)
    assert set(saved_marks(somali, 7).values()) == {None}


def test_opening_a_session_that_is_gone_says_so(monkeypatch: pytest.MonkeyPatch, somali: object) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()))
    assert open_session_attendance(None, somali.database, 99999) is False  # type: ignore[attr-defined]
    assert warnings == ["Träffen finns inte längre; uppdatera listan."]


def test_open_session_attendance_tells_whether_anything_was_recorded(
    monkeypatch: pytest.MonkeyPatch, somali: object
) -> None:
    monkeypatch.setattr(
        session_dialog.SessionAttendanceDialog, "exec", lambda dialog: dialog.mark_all_present()
    )
    assert open_session_attendance(None, somali.database, somali.session[5], today=somali.today)  # type: ignore[attr-defined]
    assert set(saved_marks(somali, 5).values()) == {P}
    monkeypatch.setattr(session_dialog.SessionAttendanceDialog, "exec", lambda dialog: 0)
    assert not open_session_attendance(None, somali.database, somali.session[5], today=somali.today)  # type: ignore[attr-defined]
