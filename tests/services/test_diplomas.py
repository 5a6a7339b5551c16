"""Diplomas for the closing session: one page per participant in the group that day, the name in Latin letters
and in their own script, the group and its dates."""

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.schedule.reshaping import Way
from biv_desktop.reports.diplomas import write_diplomas
from biv_desktop.services.groups import get_group
from biv_desktop.services.printing import DiplomaName, closing_diplomas
from biv_desktop.services.schedule import cancel_session
from biv_desktop.store.database import Database
from support import factories


@pytest.fixture
def group_id(database: Database) -> int:
    karin = factories.leader(database, "Karin", "Holmgren")
    lars = factories.leader(database, "Lars", "Berg")
    group = factories.group(
        database, premises_id=factories.premises(database), running=True, leader_ids=(karin, lars)
    )
    zahra = factories.participant(database, "Zahra", 2015, last_name="Rahimi", native_name="زهرا رحیمی")
    hodan = factories.participant(database, "Hodan", 2015, last_name="Abdi")
    omar = factories.participant(database, "Omar", 2015, last_name="Nuur")
    for person in (zahra, hodan):
        factories.enrol(database, person, group.id)
    factories.leave(database, factories.enrol(database, omar, group.id), dt.date(2026, 3, 1))
    return group.id


def test_the_diplomas_name_those_in_the_group_at_its_closing_session(
    database: Database, group_id: int
) -> None:
    # One session called off with its theme: the group holds 13, and the closing session is still its last.
    cancel_session(database, factories.session_ids(database, group_id)[13], way=Way.ONLY_THIS, override=True)
    closing_day = {row.number: row.date for row in get_group(database, group_id).sessions}[14]

    found = closing_diplomas(database, group_id)

    assert found.names == (DiplomaName("Hodan Abdi", ""), DiplomaName("Zahra Rahimi", "زهرا رحیمی"))
    assert (found.first, found.closing, found.sessions) == (dt.date(2026, 2, 3), closing_day, 13)
    assert found.leader_names == ("Karin Holmgren", "Lars Berg")


def test_one_page_per_participant(database: Database, group_id: int, tmp_path: Path) -> None:
    pdf = PdfReader(write_diplomas(tmp_path / "diplom.pdf", closing_diplomas(database, group_id)))

    assert len(pdf.pages) == 2
    texts = [page.extract_text() or "" for page in pdf.pages]
    assert "Hodan Abdi" in texts[0] and "Zahra Rahimi" in texts[1]
    assert all("Diplom" in text and "BIV Arabiska" in text for text in texts)
    assert "Omar" not in " ".join(texts)
    assert pdf.metadata is not None and pdf.metadata.title == "Diplom"


def test_a_group_without_participants_at_the_end_gets_a_reason(database: Database) -> None:
    empty = factories.group(database, premises_id=factories.premises(database), start=dt.date(2026, 2, 4))
    with pytest.raises(ValidationError, match="Ingen deltagare"):
        closing_diplomas(database, empty.id)
