"""A small fictional register for the Deltagare page, the page opened on it, and message boxes that answer
themselves.

On TODAY (Tuesday 10 March 2026): the Haddad family (Arabic, names also in Arabic script) has a mother
and two children, Rana (born 2015, 11 years) and Ahmad (born 2012, no consent yet); the Noori family
(Dari, residence permit) has Parisa (born 2013). Two groups run: Arabic 13–15 and an Arabic parents'
group. Parisa has waited since 2025-11-02, Rana since 2026-01-20.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import Gender, GroupKind, ProgrammeStatus, Role
from biv_desktop.services.participants.editing import save_participant
from biv_desktop.services.participants.families import FamilyDraft, save_family
from biv_desktop.services.participants.register import ParticipantDraft
from biv_desktop.services.participants.waiting import add_to_waiting_list
from biv_desktop.store.database import Database
from biv_desktop.ui.participants.page import ParticipantsPage
from support import factories, language_ids

TODAY = dt.date(2026, 3, 10)
ARABIC_13_15 = "BIV Arabiska 13–15 år, Ryd, vt 2026"
ARABIC_PARENTS = "BIV Arabiska föräldrar, Ryd, vt 2026"


@dataclass(frozen=True)
class People:
    """The fixture's ids by the names the tests use."""

    database: Database
    today: dt.date
    participants: dict[str, int]
    families: dict[str, int]
    groups: dict[str, int]


def _group(database: Database, name: str, kind: GroupKind, ages: tuple[int, int] | None) -> int:
    """A running Arabic group at Ryds kyrka, on Tuesdays from 3 February 2026."""
    ryd = factories.premises(database, "Ryds kyrka", "Ryd")
    start = dt.date(2026, 2, 3)
    return factories.group(
        database, name=name, kind=kind, language="ar", ages=ages, premises_id=ryd, start=start, running=True
    ).id


@pytest.fixture
def people(database: Database) -> People:
    """The register described in this module's docstring."""
    lang = language_ids(database)
    haddad = save_family(database, FamilyDraft("Haddad")).id
    noori = save_family(database, FamilyDraft("Noori")).id
    consent = {"consent_on": dt.date(2026, 1, 12), "consent_by": "vårdnadshavare"}
    arabic = {
        "mother_tongue_id": lang["ar"],
        "family_id": haddad,
        "district": "Skäggetorp",
        "last_name": "Haddad",
    }

    def add(first: str, born: int, **values: object) -> int:
        draft = ParticipantDraft(first_name=first, birth_year=born, **values)  # type: ignore[arg-type]
        return save_participant(database, draft, today=TODAY).id

    ids = {
        "Amal": add(
            "Amal",
            1986,
            native_name="أمل حداد",
            role=Role.GUARDIAN,
            gender=Gender.FEMALE,
            **arabic,
            consent_on=dt.date(2026, 1, 12),
            consent_by="eget samtycke",
        ),
        "Rana": add("Rana", 2015, native_name="رنا حداد", gender=Gender.FEMALE, **arabic, **consent),
        "Ahmad": add("Ahmad", 2012, native_name="أحمد حداد", gender=Gender.MALE, **arabic),
        "Parisa": add(
            "Parisa",
            2013,
            last_name="Noori",
            native_name="پریسا نوری",
            gender=Gender.FEMALE,
            family_id=noori,
            mother_tongue_id=lang["prs"],
            district="Ryd",
            programme_status=ProgrammeStatus.RESIDENCE_PERMIT,
            **consent,
        ),
    }
    add_to_waiting_list(database, ids["Parisa"], dt.date(2025, 11, 2), today=TODAY)
    add_to_waiting_list(database, ids["Rana"], dt.date(2026, 1, 20), today=TODAY)
    groups = {
        "13-15": _group(database, ARABIC_13_15, GroupKind.CHILDREN, (13, 15)),
        "parents": _group(database, ARABIC_PARENTS, GroupKind.PARENTS, None),
    }
    return People(database, TODAY, ids, {"Haddad": haddad, "Noori": noori}, groups)


@pytest.fixture
def page(qtbot: QtBot, people: People) -> Iterator[ParticipantsPage]:
    """The Deltagare page on the fixture register, at the size it has in the 1280×800 window."""
    participants_page = ParticipantsPage(people.database, today=people.today)
    qtbot.addWidget(participants_page)
    participants_page.resize(1130, 760)
    participants_page.show()
    qtbot.waitExposed(participants_page)
    participants_page.refresh()
    yield participants_page


@dataclass
class MessageBoxes:
    """Every message box shown, and the button the next ones answer with."""

    answer: str = "Spara ändå"
    shown: list[str] = field(default_factory=list)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Message boxes never block: each records its text and clicks the button named by ``answer``;
    yes/no questions answer Yes."""
    boxes = MessageBoxes()

    def exec_box(box: QMessageBox) -> int:
        boxes.shown.append(f"{box.text()}\n{box.informativeText()}")
        named = [button for button in box.buttons() if button.text().replace("&", "") == boxes.answer]
        # A question without that button (Ta bort …?) is answered yes: its accepting or destructive button.
        yes = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.DestructiveRole)
        for button in named or [button for button in box.buttons() if box.buttonRole(button) in yes][:1]:
            button.click()
        return 0

    def question(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        boxes.shown.append(text)
        return QMessageBox.StandardButton.Yes

    def warning(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        boxes.shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return boxes
