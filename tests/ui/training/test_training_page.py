"""The Utbildning page: courses and trainees, completing a place (which trains a leader), the municipality's places."""

from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.services.staff.leaders import LeaderDraft, list_leaders, save_leader
from biv_desktop.services.staff.training import TraineeDraft, add_trainee, list_courses
from biv_desktop.ui.training.dialogs import CourseDialog, TraineeDialog
from biv_desktop.ui.training.page import TrainingPage
from support import FixtureRegister
from support.qt import shown

SPRING = "Gruppledarutbildning våren 2026"


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> TrainingPage:
    return shown(qtbot, TrainingPage(register.database, register.today))


def save(qtbot: QtBot, dialog: Any) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def choose_course(page: TrainingPage, name: str) -> None:
    page.courses.select_id(next(row.id for row in page.courses.model.rows() if row.name == name))


def trainee_names(page: TrainingPage) -> list[str]:
    return [row.name for row in page.trainees_model.rows()]


def test_the_courses_and_the_municipal_places_with_the_payback_warning(
    page: TrainingPage, qtmodeltester: Any
) -> None:
    qtmodeltester.check(page.courses.model)
    qtmodeltester.check(page.courses.proxy)
    names = [page.courses.proxy.index(row, 0).data() for row in range(page.courses.proxy.rowCount())]
    assert names == [SPRING, "Gruppledarutbildning våren 2025"]
    assert page.places_label.text() == (
        "Kommunens utbildningsplatser avtalsåret 2025-04-01 – 2026-03-31: 2 av 4 använda."
    )
    # 10 March: the agreement year ends within three months with two places unused.
    assert page.warning_label.text() == (
        "Kommunen har använt 2 av 4 utbildningsplatser och avtalsåret slutar 2026-03-31: "
        "outnyttjade platser ska betalas tillbaka."
    )
    assert not page.warning_label.isHidden()
    choose_course(page, SPRING)
    qtmodeltester.check(page.trainees_model)
    assert trainee_names(page) == ["Eva Strandberg", "Johan Ekdal", "Lars Nyholm"]


def test_marking_a_leader_as_completed_trains_the_leader(
    qtbot: QtBot, page: TrainingPage, register: Any
) -> None:
    nora = save_leader(register.database, LeaderDraft(first_name="Nora", last_name="Nyström")).id
    spring = next(course for course in list_courses(register.database) if course.name == SPRING)
    place = add_trainee(register.database, spring.id, TraineeDraft(nora))
    page.refresh()
    choose_course(page, SPRING)
    page.select_trainee(place.id)
    assert page.complete_button.isEnabled()
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)

    trained = next(row for row in list_leaders(register.database, register.today) if row.id == nora)
    assert trained.trained_label == "Utbildad 2026-02-15"
    chosen = page.current_trainee()
    assert chosen is not None and (chosen.name, chosen.completed) == ("Nora Nyström", True)
    assert chosen.completed_on is not None
    assert page.undo_button.isEnabled() and not page.complete_button.isEnabled()
    assert page.course_facts.text().endswith("1 har genomfört.")

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    untrained = next(row for row in list_leaders(register.database, register.today) if row.id == nora)
    assert untrained.trained_label == "Ej utbildad"


def test_a_municipal_trainee_is_added_and_the_places_count_up(
    qtbot: QtBot, page: TrainingPage, monkeypatch: pytest.MonkeyPatch, register: Any
) -> None:
    def fill_in(dialog: TraineeDialog) -> int:
        assert dialog.is_other.isChecked()
        assert dialog.organisation.currentText() == "Kommunen"
        save(qtbot, dialog)  # no name yet
        assert (
            dialog.errors.message_for("external_name") == "Välj en gruppledare eller skriv deltagarens namn."
        )
        dialog.external_name.setText("Maja Testdotter")
        dialog.organisation_name.setText("Socialförvaltningen")
        save(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(TraineeDialog, "exec", fill_in)
    choose_course(page, SPRING)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    assert "Maja Testdotter" in trainee_names(page)
    assert page.places_label.text().endswith("3 av 4 använda.")
    assert "använt 3 av 4" in page.warning_label.text()


def test_a_leader_is_chosen_from_the_leaders_not_yet_on_the_course(
    qtbot: QtBot, page: TrainingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def fill_in(dialog: TraineeDialog) -> int:
        dialog.is_leader.setChecked(True)
        offered.extend(dialog.leader.itemText(row) for row in range(dialog.leader.count()))
        dialog.leader.setCurrentIndex(dialog.leader.findText("Karin Holmgren (utbildad)"))
        assert dialog.organisation.currentText() == "Församling/pastorat"
        save(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(TraineeDialog, "exec", fill_in)
    choose_course(page, SPRING)
    page.add_trainee()
    # Johan already has a place on the course.
    assert offered == ["Anders Bergvik (utbildad)", "Karin Holmgren (utbildad)", "Leyla Samadi (utbildad)"]
    assert "Karin Holmgren" in trainee_names(page)


def test_a_new_course_is_saved_and_chosen(
    qtbot: QtBot, page: TrainingPage, monkeypatch: pytest.MonkeyPatch, register: Any
) -> None:
    def fill_in(dialog: CourseDialog) -> int:
        dialog.name.setText("Gruppledarutbildning hösten 2026")
        dialog.starts_on.setDate(QDate(2026, 10, 9))
        assert dialog.ends_on.date() == QDate(2026, 10, 9)  # follows the first day
        dialog.ends_on.setDate(QDate(2026, 10, 10))
        dialog.place.setText("Ryds kyrka")
        save(qtbot, dialog)
        return dialog.result()

    monkeypatch.setattr(CourseDialog, "exec", fill_in)
    qtbot.mouseClick(page.courses.new_button, Qt.MouseButton.LeftButton)

    latest = list_courses(register.database)[0]
    assert (latest.name, latest.place) == ("Gruppledarutbildning hösten 2026", "Ryds kyrka")
    assert page.course is not None and page.course.id == latest.id
    assert page.course_heading.text() == "Gruppledarutbildning hösten 2026"
