"""The participant form: errors beside their fields with the typing kept, right-to-left names, warnings
that ask before saving, and editing what the register holds."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Role
from biv_desktop.services.participants.register import get_participant, list_participants
from biv_desktop.ui.participants.participant_dialog import ParticipantDialog
from biv_desktop.ui.participants.widgets import select_data


def open_dialog(
    qtbot: QtBot, people: Any, participant_id: int | None = None, **extra: Any
) -> ParticipantDialog:
    dialog = ParticipantDialog(people.database, participant_id, today=people.today, **extra)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot: QtBot, dialog: ParticipantDialog) -> None:
    qtbot.keyClick(dialog.buttons, Qt.Key.Key_Return)  # the default button: Spara


def test_a_missing_first_name_is_shown_beside_it_and_the_typing_kept(qtbot: QtBot, people: Any) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.last_name.setText("Saleh")
    dialog.birth_year.setValue(2014)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.message_for("first_name") == "Förnamnet måste fyllas i."
    assert dialog.last_name.text() == "Saleh"


def test_a_birth_year_not_filled_in_asks_for_one_in_a_sentence_that_wraps(qtbot: QtBot, people: Any) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.first_name.setText("Yara")
    assert dialog.birth_year.text() == ""
    dialog.accept()
    message = (
        "Fyll i födelseåret med fyra siffror, t.ex. 2015. Är det inte känt, skriv det år som är troligast."
    )
    assert dialog.message_for("birth_year") == message
    # The whole sentence shows: the line under the field is as tall as its wrapped text needs.
    label = next(label for label in dialog.findChildren(QLabel) if label.text() == message)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing()  # two lines or more


def test_a_birth_year_of_1850_is_refused_and_kept_as_typed_and_the_refusal_goes_when_fixed(
    qtbot: QtBot, people: Any
) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.first_name.setText("Yara")
    dialog.birth_year.setFocus()
    qtbot.keyClicks(dialog.birth_year, "1850")
    dialog.first_name.setFocus()  # leaving the field does not change it
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.birth_year.text() == "1850"
    assert dialog.message_for("birth_year") == "Födelseåret måste ligga mellan 1916 och 2026."
    dialog.birth_year.clear()
    qtbot.keyClicks(dialog.birth_year, "2015")
    assert dialog.message_for("birth_year") == ""


def test_a_birth_date_sets_the_year_and_must_agree_with_it(qtbot: QtBot, people: Any) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.first_name.setText("Yara")
    dialog.birth_date.check.setChecked(True)
    dialog.birth_date.edit.setDate(QDate(2014, 5, 3))
    assert dialog.birth_year.value() == 2014
    dialog.birth_year.setValue(2015)
    dialog.accept()
    assert dialog.message_for("birth_date") == (
        "Födelsedatumet 2014-05-03 stämmer inte med födelseåret 2015. Ändra ett av dem."
    )


def test_a_new_child_with_a_name_in_arabic_script_is_saved(
    qtbot: QtBot, people: Any, type_text: Callable[[QWidget, str], None]
) -> None:
    dialog = open_dialog(qtbot, people, family_id=people.families["Haddad"])
    qtbot.keyClicks(dialog.first_name, "Yusuf")
    qtbot.keyClicks(dialog.last_name, "Haddad")
    dialog.native_name.setFocus()
    type_text(dialog.native_name, "يوسف حداد")
    assert dialog.native_name.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.birth_year.setValue(2016)
    dialog.consent_on.check.setChecked(True)
    dialog.consent_by.setCurrentText("mamma")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None
    assert (dialog.saved.native_name, dialog.saved.family_name, dialog.saved.age) == (
        "يوسف حداد",
        "Haddad",
        10,
    )
    assert dialog.saved.consent_on == people.today


def test_latin_text_in_the_native_name_field_runs_left_to_right(qtbot: QtBot, people: Any) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.native_name.setText("Максим Коваленко")
    assert dialog.native_name.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_five_year_old_asks_before_saving(qtbot: QtBot, people: Any, message_boxes: Any) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.first_name.setText("Lilla")
    dialog.birth_year.setValue(2021)
    message_boxes.answer = "Avbryt"
    dialog.accept()
    assert message_boxes.shown == [
        "Kontrollera innan du sparar:\n• Barnet är 5 år; grupperna är för barn och unga 7–20 år."
    ]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(list_participants(people.database, people.today)) == 4

    message_boxes.answer = "Spara ändå"
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(list_participants(people.database, people.today)) == 5


def test_gender_words_follow_the_role(qtbot: QtBot, people: Any) -> None:
    dialog = open_dialog(qtbot, people)
    assert [dialog.gender.itemText(i) for i in range(dialog.gender.count())] == [
        "Flicka",
        "Pojke",
        "Annat",
        "Ej angivet",
    ]
    dialog.gender.setCurrentIndex(0)
    select_data(dialog.role, Role.GUARDIAN)
    assert dialog.gender.currentText() == "Kvinna"


def test_editing_shows_what_is_stored_and_the_groups(qtbot: QtBot, people: Any) -> None:
    rana = people.participants["Rana"]
    dialog = open_dialog(qtbot, people, rana)
    assert dialog.windowTitle() == "Rana Haddad"
    assert (dialog.first_name.text(), dialog.native_name.text(), dialog.birth_year.value()) == (
        "Rana",
        "رنا حداد",
        2015,
    )
    assert dialog.family.currentText() == "Haddad – Amal, Rana, Ahmad"
    assert dialog.consent_on.value() == dt.date(2026, 1, 12)
    assert dialog.consent_by.currentText() == "vårdnadshavare"
    dialog.district.setCurrentText("Ryd")
    save(qtbot, dialog)
    assert get_participant(people.database, rana, people.today).draft.district == "Ryd"


def test_a_family_name_not_in_the_list_is_refused(qtbot: QtBot, people: Any) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.first_name.setText("Yara")
    dialog.birth_year.setValue(2014)
    dialog.family.setCurrentText("Okänd familj")
    dialog.accept()
    assert dialog.message_for("family_id") == "Välj en familj i listan, eller skapa en ny med Ny familj…"


def test_ticking_a_known_birth_date_keeps_the_year_typed(qtbot: QtBot, people: Any) -> None:
    dialog = open_dialog(qtbot, people)
    dialog.birth_year.setValue(2012)
    dialog.birth_date.check.setChecked(True)
    assert dialog.birth_year.value() == 2012
    assert dialog.birth_date.value() == dt.date(2012, 1, 1)
