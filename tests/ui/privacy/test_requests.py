"""A person's requests from the Deltagare page: the register extract as a PDF, and deletion from the register."""

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from biv_desktop.services.register.backup import backups_folder
from biv_desktop.store.models import Enrollment, Family, Participant
from biv_desktop.ui.privacy.requests import delete_participant_on_request, export_register_extract


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The save dialog answers with the file the test puts in the list (empty: the user cancels);
    what it suggested is recorded in its place."""
    answers: list[str] = []

    def get_save_file_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        answer = answers.pop(0) if answers else ""
        answers.append(suggested)
        return answer, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return answers


def test_the_extract_is_saved_where_the_user_chooses_under_a_name_without_names(
    parent: QWidget, due_register: Any, message_boxes: Any, save_as: list[str], tmp_path: Path
) -> None:
    save_as.append(str(tmp_path / "utdrag"))
    message_boxes.presses = ["OK"]
    written = export_register_extract(
        parent,
        due_register.database,
        family_id=due_register.ids["Farah"],
        today=due_register.today,
        folder=tmp_path,
    )
    assert written == tmp_path / "utdrag.pdf"
    assert save_as == [str(tmp_path / "registerutdrag-2026-11-25.pdf")]
    assert written.stat().st_mode & 0o077 == 0
    reader = PdfReader(written)
    assert reader.metadata is not None and reader.metadata.title == "Registerutdrag"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Amina" in text and "Hodan" in text and "Konfidentiellt" in text
    (told,) = message_boxes.shown
    assert told["text"] == "Registerutdraget är sparat som utdrag.pdf."
    assert "radera filen" in told["informative"]


def test_cancelling_the_save_dialog_writes_nothing(
    parent: QWidget, due_register: Any, message_boxes: Any, save_as: list[str], tmp_path: Path
) -> None:
    assert export_register_extract(parent, due_register.database, participant_id=1, folder=tmp_path) is None
    assert message_boxes.shown == [] and list(tmp_path.glob("*.pdf")) == []


def test_an_extract_for_someone_gone_says_so(
    parent: QWidget, due_register: Any, message_boxes: Any, save_as: list[str], tmp_path: Path
) -> None:
    save_as.append(str(tmp_path / "utdrag.pdf"))
    message_boxes.presses = ["OK"]
    assert export_register_extract(parent, due_register.database, participant_id=999) is None
    (told,) = message_boxes.shown
    assert told["text"] == "Registerutdraget kunde inte sparas."
    assert "finns inte längre" in told["informative"]


def test_deleting_on_request_asks_first_and_removes_the_person_entirely(
    parent: QWidget, due_register: Any, message_boxes: Any, tmp_path: Path
) -> None:
    database, amina = due_register.database, due_register.ids["Amina"]
    message_boxes.presses = ["Avbryt"]
    assert not delete_participant_on_request(parent, database, amina, backups=tmp_path / "backups")
    assert message_boxes.shown[0]["text"] == "Ta bort Amina Farah helt ur registret?"
    message_boxes.presses = ["Ta bort", "OK"]
    assert delete_participant_on_request(parent, database, amina, backups=tmp_path / "backups")
    assert message_boxes.shown[2]["text"] == "Deltagaren är borttagen ur registret."
    with database.transaction() as session:
        assert session.get(Participant, amina) is None
        assert session.scalar(select(func.count()).where(Enrollment.participant_id == amina)) == 0
        assert session.get(Family, due_register.ids["Farah"]) is not None  # Hodan is still in it
    folder = backups_folder(database.path, tmp_path / "backups")  # this register's own backups
    names = [path.name for path in folder.iterdir()]
    assert len(names) == 1 and names[0].endswith("-efter-gallring.sqlite")
    assert b"Amina" not in (folder / names[0]).read_bytes()
