"""Who needs a call (children in running groups who missed the latest sessions in a row, by the settings) and
a running group's contact list, with their printouts."""

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from biv_desktop.domain.enums import Mark, Role
from biv_desktop.domain.errors import ValidationError
from biv_desktop.reports.contacts import write_call_list, write_contact_list
from biv_desktop.services.attendance import CallSettings, children_to_call, save_call_settings
from biv_desktop.services.groups import list_groups
from biv_desktop.services.printing import contact_list
from biv_desktop.store.database import Database
from support import factories

TODAY = dt.date(2026, 2, 18)  # after the sessions of 3, 10 and 17 February
P, F, A = Mark.PRESENT, Mark.ABSENT, Mark.NOTIFIED_ABSENCE


@pytest.fixture
def group(database: Database) -> dict[str, int]:
    ryd = factories.premises(database)
    running = factories.group(database, premises_id=ryd, running=True, name="Arabiska 10–12")
    factories.group(database, premises_id=ryd, start=dt.date(2026, 2, 4), name="Planerad grupp")
    family = factories.family(database, "Abdi")
    factories.participant(
        database,
        "Faduma",
        1985,
        last_name="Abdi",
        role=Role.GUARDIAN,
        family_id=family,
        guardian_phone="070-174 06 11",
    )
    hodan = factories.participant(
        database,
        "Hodan",
        2015,
        last_name="Abdi",
        family_id=family,
        guardian_phone="070-174 06 12",
        native_name="هودن",
    )
    samir = factories.participant(
        database, "Samir", 2014, last_name="Testsson", guardian_phone="070-174 06 13"
    )
    amal = factories.participant(database, "Amal", 2015, last_name="Testsson")
    left = factories.participant(database, "Omar", 2015, last_name="Testsson")
    for person in (hodan, samir, amal):
        factories.enrol(database, person, running.id)
    gone = factories.enrol(database, left, running.id)
    sessions = factories.session_ids(database, running.id)
    for number, marks in {1: (P, P, F, F), 2: (F, F, F, F), 3: (F, A, P, F)}.items():
        factories.marks(database, sessions[number], dict(zip((hodan, samir, amal, left), marks, strict=True)))
    factories.leave(database, gone, dt.date(2026, 2, 17))
    return {"group": running.id, "hodan": hodan, "samir": samir}


def test_children_who_missed_the_latest_two_are_listed_with_their_guardians(
    database: Database, group: dict[str, int]
) -> None:
    listed = children_to_call(database, TODAY)

    assert [(child.name, child.misses) for child in listed] == [("Hodan Abdi", 2), ("Samir Testsson", 2)]
    hodan = listed[0]
    assert hodan.group_name == "Arabiska 10–12"
    assert hodan.last_present == dt.date(2026, 2, 3)
    assert [(g.name, g.phone) for g in hodan.guardians] == [("Faduma Abdi", "070-174 06 11")]
    assert hodan.phones == "070-174 06 12, 070-174 06 11"


def test_the_settings_decide_who_is_listed(database: Database, group: dict[str, int]) -> None:
    save_call_settings(database, CallSettings(misses=2, count_notified=False))
    assert [child.name for child in children_to_call(database, TODAY)] == ["Hodan Abdi"]

    save_call_settings(database, CallSettings(misses=3, count_notified=True))
    assert children_to_call(database, TODAY) == ()

    with pytest.raises(ValidationError, match="mellan 1 och 14"):
        save_call_settings(database, CallSettings(misses=0))


def test_the_contact_list_is_for_running_groups_and_those_in_them_today(
    database: Database, group: dict[str, int], tmp_path: Path
) -> None:
    listing = contact_list(database, group["group"], TODAY)

    assert [contact.name for contact in listing.contacts] == ["Amal Testsson", "Hodan Abdi", "Samir Testsson"]
    hodan = listing.contacts[1]
    assert hodan.native_name == "هودن"
    assert [(g.name, g.phone) for g in hodan.guardians] == [("Faduma Abdi", "070-174 06 11")]

    text = " ".join(
        (PdfReader(write_contact_list(tmp_path / "k.pdf", listing)).pages[0].extract_text() or "").split()
    )
    assert "Konfidentiellt" in text
    assert "Faduma Abdi – 070-174 06 11" in text
    assert "Omar" not in text

    planned = next(g for g in list_groups(database) if g.name == "Planerad grupp")
    with pytest.raises(ValidationError, match="bara för pågående grupper"):
        contact_list(database, planned.id, TODAY)


def test_the_call_list_prints(database: Database, group: dict[str, int], tmp_path: Path) -> None:
    listed = children_to_call(database, TODAY)
    text = " ".join(
        (
            PdfReader(write_call_list(tmp_path / "r.pdf", listed, TODAY, 2)).pages[0].extract_text() or ""
        ).split()
    )
    assert "Att ringa" in text and "Konfidentiellt" in text
    assert "Hodan Abdi" in text and "Samir Testsson" in text and "Amal" not in text
