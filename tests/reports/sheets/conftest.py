"""Read models for the sheet tests, with long Swedish names and names in Arabic, Dari, Tigrinya and Cyrillic
script (all fictional), and a demo register for looking at the sheets as a leader would."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.enums import GroupKind, GroupStatus, Mark, Programme, Role, SessionStatus
from biv_desktop.services.printing.sheets import (
    CourseRow,
    CourseSheet,
    SessionSheet,
    SheetGroup,
    SheetParticipant,
    print_pack,
)
from biv_desktop.services.schedule.reading import BookedPerson, SessionReading
from biv_desktop.store.models import Participant
from biv_desktop.store.register import open_register

START = dt.date(2026, 2, 4)  # a Wednesday
PRINTED_ON = dt.date(2026, 3, 2)
DEMO_WEEK = (dt.date(2026, 4, 13), dt.date(2026, 4, 19))

# (name in Latin letters, name in the person's own script, birth year)
PEOPLE = (
    ("Anna-Karin Östergren-Åkesson Wallenbergsdotter", "", 2014),
    ("Abdulrahman bin Abdulaziz Al-Husseini", "عبد الرحمن الحسيني", 2015),
    ("Fereshta Ahmadi", "فرشته احمدی", 2013),
    ("Xaliimo Cabdiraxmaan Maxamed Cali", "", 2014),
    ("Selam Tesfay", "ሰላም ተስፋይ", 2015),
    ("Olena Kovalenko", "Олена Коваленко", 2013),
)
THEMES = (
    "Välkommen – vi lär känna varandra",
    "Känslor",
    "Känslor i kroppen",
    "Försvar – det som skyddar mig",
    "Tiden före flykten",
    "Flykten",
    "Asylprocessen och att vara ny i Sverige",
    "Det nya landet",
    "Familjen",
    "Risker och val",
    "Du är värdefull",
    "Kommunikation",
    "Framtiden",
    "Fest och avslutning",
)


def session_date(number: int) -> dt.date:
    return START + dt.timedelta(weeks=number - 1)


def reading(group: SheetGroup, number: int, **changes: Any) -> SessionReading:
    """Session ``number`` of the group as the schedule area reads it, with anything replaced as given."""
    fields: dict[str, Any] = {
        "id": 100 + number,
        "group_id": group.id,
        "group_name": group.name,
        "number": number,
        "plan_length": 14,
        "date": session_date(number),
        "start_time": dt.time(17, 0),
        "end_time": dt.time(19, 0),
        "theme": THEMES[(number - 1) % 14],
        "theme_description": "Mitt hemland, mitt hem och det jag minns och saknar.",
        "premises_id": 3,
        "premises": group.premises,
        "premises_address": group.premises_address,
        "district": "Skäggetorp",
        "leaders": tuple(BookedPerson(index, name) for index, name in enumerate(group.leader_names, start=1)),
        "interpreter": BookedPerson(9, group.interpreter_name) if group.interpreter_name else None,
        "status": SessionStatus.PLANNED,
        "group_status": GroupStatus.PLANNED,
    }
    fields.update(changes)
    return SessionReading(**fields)


@pytest.fixture
def group() -> SheetGroup:
    return SheetGroup(
        id=12,
        name="BIV Arabiska 10–12 år, Skäggetorp, vt 2026",
        programme=Programme.BIV,
        kind=GroupKind.CHILDREN,
        language="arabiska",
        age_min=10,
        age_max=12,
        premises="Skäggetorps kyrkcenter",
        premises_address="Skäggetorps centrum 12, 586 62 Linköping",
        weekday=2,
        start_time=dt.time(17, 0),
        end_time=dt.time(19, 0),
        leader_names=("Karin Holmgren", "Anders Bergvik"),
        interpreter_name="Yusuf Warsame",
    )


@pytest.fixture
def participants() -> tuple[SheetParticipant, ...]:
    return tuple(
        SheetParticipant(
            id=index,
            name=name,
            native_name=native,
            birth_year=born,
            role=Role.CHILD,
            joined_on=START,
            left_on=None,
        )
        for index, (name, native, born) in enumerate(PEOPLE, start=1)
    )


@pytest.fixture
def session_sheet(
    group: SheetGroup, participants: tuple[SheetParticipant, ...]
) -> Callable[..., SessionSheet]:
    """A session sheet of session ``number`` (5 unless told), with anything else replaced as given."""

    def make(number: int = 5, **changes: Any) -> SessionSheet:
        """``changes`` replace fields of the session's reading (``theme``, ``leaders``, ``status`` …) or of
        the sheet (``group``, ``participants``)."""
        sheet_fields = {key: changes.pop(key) for key in ("group", "participants") if key in changes}
        return SessionSheet(
            session=reading(sheet_fields.get("group", group), number, **changes),
            group=sheet_fields.get("group", group),
            participants=sheet_fields.get("participants", participants),
        )

    return make


@pytest.fixture
def course_sheet(group: SheetGroup, participants: tuple[SheetParticipant, ...]) -> CourseSheet:
    """Fourteen sessions, the sixth cancelled; marks recorded for the first eight (the rest lie ahead).

    The second child was notified absent at session 2, the fourth absent at session 3, and the last child
    left after session 8 (so sessions 9–14 are not theirs).
    """
    columns = tuple(
        reading(
            group,
            number,
            id=200 + number,
            status=SessionStatus.CANCELLED if number == 6 else SessionStatus.PLANNED,
        )
        for number in range(1, 15)
    )
    rows = []
    for index, person in enumerate(participants):
        marks: list[Mark | None] = []
        for column in columns:
            if not column.takes_place or column.number > 8:
                marks.append(None)
            elif (index, column.number) == (1, 2):
                marks.append(Mark.NOTIFIED_ABSENCE)
            elif (index, column.number) == (3, 3):
                marks.append(Mark.ABSENT)
            else:
                marks.append(Mark.PRESENT)
        enrolled = tuple(index != 5 or column.number <= 8 for column in columns)
        rows.append(CourseRow(person, tuple(marks), enrolled))
    return CourseSheet(group, columns, tuple(rows))


@pytest.fixture
def printed_on() -> dt.date:
    return PRINTED_ON


@pytest.fixture(scope="session")
def demo_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo register (three years up to 8 April 2026) in which one group's children carry long Swedish and
    Arabic names, as the sheets must print them. Shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo_database(path, years=3, seed=2026, today=dt.date(2026, 4, 8))
    database = open_register(path, None)
    try:
        # The first children's group meeting in the week of 13 April gets the long names.
        week = print_pack(database, DEMO_WEEK[0], DEMO_WEEK[1])
        chosen = next(sheet for sheet in week.sheets if sheet.group.kind is GroupKind.CHILDREN)
        with database.transaction() as session:
            for person, (name, native, _born) in zip(chosen.participants, PEOPLE, strict=False):
                row = session.get(Participant, person.id)
                assert row is not None
                row.first_name, _space, row.last_name = name.partition(" ")
                row.native_name = native
    finally:
        database.close()
    return path


@pytest.fixture
def demo_week() -> tuple[dt.date, dt.date]:
    return DEMO_WEEK


@pytest.fixture
def long_names() -> tuple[tuple[str, str, int], ...]:
    return PEOPLE


@pytest.fixture
def pdftoppm() -> Callable[[Path, Path], list[Path]]:
    """Turn a PDF into PNG pages at 60 dpi (as a person looks at them), returning the pictures."""
    import shutil
    import subprocess

    executable = shutil.which("pdftoppm")
    if executable is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed")

    def convert(pdf: Path, prefix: Path) -> list[Path]:
        subprocess.run([executable, "-r", "60", "-png", str(pdf), str(prefix)], check=True)
        return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))

    return convert
