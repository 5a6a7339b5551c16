"""The register extract: everything stored about a participant or a family, as a confidential Swedish PDF.

The fictional family Haddad: Rana (child, born 2015-03-08, name also in Arabic script, consent given) was in
the spring 2026 group, marked at its three sessions, and left it; she now waits for a new place. Her
mother Amal is in the family too.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import (
    Gender,
    GroupKind,
    GroupStatus,
    Mark,
    Programme,
    ProgrammeStatus,
    Role,
    SessionStatus,
)
from biv_desktop.domain.errors import ValidationError
from biv_desktop.reports.document import CONFIDENTIAL_NOTICE
from biv_desktop.reports.register_extract import default_file_name, write_register_extract
from biv_desktop.services.participants import WaitingWish, change_waiting_wish
from biv_desktop.services.participants.editing import save_participant
from biv_desktop.services.participants.enrolment import enrol, leave_group
from biv_desktop.services.participants.families import FamilyDraft, save_family
from biv_desktop.services.participants.register import ParticipantDraft
from biv_desktop.services.participants.waiting import add_to_waiting_list
from biv_desktop.services.privacy.extract import register_extract
from biv_desktop.store.database import Database
from biv_desktop.store.models import AttendanceMark, Group, GroupSession, Language, Premises
from support import language_id

TODAY = dt.date(2026, 11, 25)
RANA_ARABIC = "رنا حداد"


@dataclass(frozen=True)
class Haddad:
    database: Database
    family: int
    rana: int
    amal: int


@pytest.fixture
def haddad(database: Database) -> Haddad:
    with database.transaction() as session:
        arabic = session.scalars(select(Language).where(Language.iso_code == "ar")).one()
        group = Group(
            name="BIV Arabiska 10–12 år, Ryd, vt 2026", programme=Programme.BIV, kind=GroupKind.CHILDREN,
            language=arabic, age_min=10, age_max=12, premises=Premises(name="Ryds kyrka", district="Ryd"),
            start_date=dt.date(2026, 2, 3), weekday=1, start_time=dt.time(17), end_time=dt.time(19),
            status=GroupStatus.FINISHED,
        )  # fmt: skip
        for number, title in enumerate(("Vem är jag?", "Min familj", "Resan"), start=1):
            group.sessions.append(
                GroupSession(
                    number=number,
                    date=dt.date(2026, 2, 3) + dt.timedelta(weeks=number - 1),
                    start_time=dt.time(17),
                    end_time=dt.time(19),
                    theme_title=title,
                    status=SessionStatus.HELD,
                )
            )
        session.add(group)
        session.flush()
        group_id, language_id = group.id, arabic.id
    family = save_family(database, FamilyDraft("Haddad")).id
    arabic_family: dict[str, Any] = {
        "family_id": family,
        "mother_tongue_id": language_id,
        "district": "Skäggetorp",
    }
    rana = save_participant(
        database,
        ParticipantDraft(
            first_name="Rana",
            last_name="Haddad",
            native_name=RANA_ARABIC,
            birth_year=2015,
            birth_date=dt.date(2015, 3, 8),
            gender=Gender.FEMALE,
            guardian_phone="070-555 12 34",
            consent_on=dt.date(2026, 1, 12),
            consent_by="vårdnadshavare",
            programme_status=ProgrammeStatus.RESIDENCE_PERMIT,
            status_changed_on=dt.date(2025, 12, 1),
            **arabic_family,
        ),
        today=TODAY,
    ).id
    amal = save_participant(
        database,
        ParticipantDraft(
            first_name="Amal", last_name="Haddad", birth_year=1986, role=Role.GUARDIAN, **arabic_family
        ),
        today=TODAY,
    ).id
    enrollment = enrol(database, rana, group_id, dt.date(2026, 2, 3), override=True).enrollment_id
    with database.transaction() as session:
        marks = (Mark.PRESENT, Mark.NOTIFIED_ABSENCE, Mark.PRESENT)
        for row, mark in zip(
            session.scalars(select(GroupSession).order_by(GroupSession.number)), marks, strict=True
        ):
            session.add(AttendanceMark(session_id=row.id, participant_id=rana, mark=mark))
    leave_group(database, enrollment, dt.date(2026, 2, 20), "Familjen flyttade inom staden")
    add_to_waiting_list(database, rana, dt.date(2026, 3, 1), TODAY)
    return Haddad(database, family, rana, amal)


def test_the_extract_holds_every_stored_field_group_mark_and_the_waiting_list(haddad: Haddad) -> None:
    extract = register_extract(haddad.database, participant_id=haddad.rana, today=TODAY)
    assert not extract.is_family
    (rana,) = extract.people
    fields = {field.label: field.value for field in rana.fields}
    assert fields["Förnamn"] == "Rana" and fields["Namn i egen skrift"] == RANA_ARABIC
    assert fields["Födelsedatum"] == "2015-03-08" and fields["Födelseår"] == "2015"
    assert fields["Vårdnadshavarens telefon"] == "070-555 12 34"
    assert fields["Samtycke (datum, givet av)"] == "2026-01-12, vårdnadshavare"
    assert fields["Familj"] == "Haddad" and fields["Modersmål"] == "arabiska"
    assert fields["Status"] == "Uppehållstillstånd (Barn i start)" and fields["Status ändrad"] == "2025-12-01"
    assert fields["Bostadsområde"] == "Skäggetorp" and fields["Kön"] == "Flicka"
    (group,) = rana.enrolments
    assert (group.joined_on, group.left_on, group.leave_reason) == (
        dt.date(2026, 2, 3), dt.date(2026, 2, 20), "Familjen flyttade inom staden",
    )  # fmt: skip
    assert [(mark.number, mark.theme, mark.mark) for mark in rana.marks] == [
        (1, "Vem är jag?", "Närvarande"), (2, "Min familj", "Anmäld frånvaro"), (3, "Resan", "Närvarande"),
    ]  # fmt: skip
    assert (rana.waiting_since, rana.waiting_for) == (dt.date(2026, 3, 1), "")
    # What she waits for, once named, is hers too.
    swedish = WaitingWish(language_id=language_id(haddad.database, "sv"), age_band=AgeBand(10, 12))
    change_waiting_wish(haddad.database, haddad.rana, swedish, today=TODAY)
    (rana,) = register_extract(haddad.database, participant_id=haddad.rana, today=TODAY).people
    assert rana.waiting_for == "språket svenska, åldersgruppen 10–12 år"


def test_a_family_extract_has_each_member_guardians_first(haddad: Haddad) -> None:
    extract = register_extract(haddad.database, family_id=haddad.family, today=TODAY)
    assert extract.family_name == "Haddad"
    assert [person.name for person in extract.people] == ["Amal Haddad", "Rana Haddad"]
    assert extract.people[0].enrolments == () and extract.people[0].waiting_since is None


def test_the_pdf_is_swedish_confidential_and_names_no_one_outside_its_pages(
    haddad: Haddad, tmp_path: Path, pdf_text: Callable[..., str], as_read: Callable[[str], str]
) -> None:
    extract = register_extract(haddad.database, family_id=haddad.family, today=TODAY)
    path = write_register_extract(extract, tmp_path / default_file_name(TODAY))
    assert path.name == "registerutdrag-2026-11-25.pdf"
    assert path.stat().st_mode & 0o077 == 0
    reader = PdfReader(path)
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())
    assert reader.metadata is not None and reader.metadata.title == "Registerutdrag"
    assert "Haddad" not in metadata and "Rana" not in metadata
    pages = len(reader.pages)
    for page in range(1, pages + 1):
        assert CONFIDENTIAL_NOTICE in pdf_text(path, page)
        assert f"Sida {page} av {pages}" in pdf_text(path, page)
    text = " ".join(as_read(pdf_text(path)).split())
    for expected in ("Amal Haddad", "Rana Haddad", "070-555 12 34", "2026-01-12, vårdnadshavare",
                     "Familjen flyttade inom staden", "Anmäld frånvaro", "Står på väntelistan sedan 2026-03-01",
                     "Personuppgiftsansvarig", "sparas uppgifterna i 12 månader"):  # fmt: skip
        assert expected in text, expected
    assert all(word in text for word in RANA_ARABIC.split())


@pytest.mark.parametrize(
    "ids",
    [{}, {"participant_id": 1, "family_id": 1}, {"participant_id": 999}, {"family_id": 999}],
    ids=["neither", "both", "missing-participant", "missing-family"],
)
def test_an_extract_needs_exactly_one_person_or_family_that_exists(
    database: Database, ids: dict[str, int]
) -> None:
    with pytest.raises(ValidationError):
        register_extract(database, today=TODAY, **ids)
