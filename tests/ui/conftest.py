"""A small, fictional register for the window's tests, and the window opened on it.

On the fixed day TODAY (Tuesday 10 March 2026, week 11) the agreement year 2025-04-01 – 2026-03-31 has:
four groups started (three children's, one parents'), one more planned, three running groups with
twelve participants enrolled, three sessions this week of which the Dari group's lacks a leader and an
interpreter, and two of four training places used by the municipality.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.enums import (
    GroupKind,
    GroupStatus,
    Organisation,
    Programme,
    Role,
    SessionStatus,
)
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Agreement,
    Enrollment,
    Group,
    GroupLeader,
    GroupSession,
    Interpreter,
    Language,
    Participant,
    Premises,
    ThemePlan,
    Trainee,
    TrainingCourse,
)
from biv_desktop.ui.main_window import MainWindow
from support.register import FixtureRegister

TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path) -> Iterator[Path]:
    """Each test keeps the window's remembered state in its own settings file, so no test opens at the
    size or column widths another one left behind."""
    from PySide6.QtCore import QSettings

    from biv_desktop.ui.common import window_state

    path = tmp_path / "settings" / "BIV Desktop.ini"
    window_state.use_settings(QSettings(str(path), QSettings.Format.IniFormat))
    yield path
    window_state.use_settings(None)


@pytest.fixture(autouse=True, scope="session")
def swedish_locale() -> None:
    """The window formats days and sorts text the Swedish way, as it does when started by run()."""
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))


def _weekly_sessions(session: Session, group: Group, count: int, held_until: dt.date) -> None:
    plan = session.scalars(
        select(ThemePlan).where(ThemePlan.kind == group.kind, ThemePlan.is_default.is_(True))
    ).first()
    titles = [theme.title for theme in plan.themes] if plan else []
    for number in range(1, count + 1):
        day = group.start_date + dt.timedelta(weeks=number - 1)
        group.sessions.append(
            GroupSession(
                number=number,
                date=day,
                start_time=group.start_time,
                end_time=group.end_time,
                theme_title=titles[number - 1] if number <= len(titles) else "",
                status=SessionStatus.HELD if day < held_until else SessionStatus.PLANNED,
                leader1_id=group.leader1_id,
                leader2_id=group.leader2_id,
                interpreter_id=group.interpreter_id,
            )
        )


def _enrol(session: Session, group: Group, first_names: list[str], role: Role, born: int) -> None:
    for first_name in first_names:
        participant = Participant(first_name=first_name, last_name="Testsson", birth_year=born, role=role)
        session.add(participant)
        session.flush()
        session.add(Enrollment(participant_id=participant.id, group_id=group.id, joined_on=group.start_date))


def build_register(database: Database) -> FixtureRegister:
    """Fill a fresh register with the fictional fixture data described in this module's docstring."""
    with database.transaction() as session:
        language = {row.iso_code: row for row in session.scalars(select(Language))}
        ryd = Premises(name="Ryds kyrka", district="Ryd")
        berga = Premises(name="Berga kyrka", district="Berga")
        skaggetorp = Premises(name="Skäggetorps kyrkcenter", district="Skäggetorp")
        karin = GroupLeader(first_name="Karin", last_name="Holmgren", trained=True)
        anders = GroupLeader(first_name="Anders", last_name="Bergvik", trained=True)
        leyla = GroupLeader(first_name="Leyla", last_name="Samadi", trained=True)
        johan = GroupLeader(first_name="Johan", last_name="Ekdal", trained=True)
        yusuf = Interpreter(first_name="Yusuf", last_name="Warsame", languages=[language["so"]])
        session.add_all([ryd, berga, skaggetorp, karin, anders, leyla, johan, yusuf])
        session.add(
            Agreement(
                name="IOP Barn i väntan/Barn i start 2025–2026",
                starts_on=dt.date(2025, 4, 1),
                ends_on=dt.date(2026, 3, 31),
                public_party="Social- och omsorgsnämnden",
                nonprofit_party="Pastoratet",
                municipal_amount_sek=300_500,
                parish_amount_per_year_sek=160_000,
            )
        )
        session.flush()

        def group(name: str, programme: Programme, kind: GroupKind, lang: str, ages: tuple[int, int] | None,
                  premises: Premises, start: dt.date, status: GroupStatus, leaders: list[GroupLeader],
                  interpreter: Interpreter | None) -> Group:  # fmt: skip
            row = Group(
                name=name,
                programme=programme,
                kind=kind,
                language_id=language[lang].id,
                age_min=ages[0] if ages else None,
                age_max=ages[1] if ages else None,
                premises_id=premises.id,
                leader1_id=leaders[0].id if leaders else None,
                leader2_id=leaders[1].id if len(leaders) > 1 else None,
                interpreter_id=interpreter.id if interpreter else None,
                start_date=start,
                weekday=start.weekday(),
                start_time=dt.time(17, 0) if kind is GroupKind.CHILDREN else dt.time(18, 0),
                end_time=dt.time(19, 0) if kind is GroupKind.CHILDREN else dt.time(20, 0),
                status=status,
            )
            session.add(row)
            session.flush()
            if status is not GroupStatus.PLANNED:
                _weekly_sessions(session, row, 14, TODAY)
            return row

        somali_children = group(
            "BIV Somaliska 10–12 år, Berga, vt 2026", Programme.BIV, GroupKind.CHILDREN, "so", (10, 12),
            berga, dt.date(2026, 2, 3), GroupStatus.RUNNING, [karin, anders], yusuf,
        )  # fmt: skip
        somali_parents = group(
            "BIV Somaliska föräldrar, Berga, vt 2026", Programme.BIV, GroupKind.PARENTS, "so", None,
            berga, dt.date(2026, 2, 5), GroupStatus.RUNNING, [leyla, johan], yusuf,
        )  # fmt: skip
        dari_children = group(
            "BIS Dari 13–15 år, Skäggetorp, vt 2026", Programme.BIS, GroupKind.CHILDREN, "prs", (13, 15),
            skaggetorp, dt.date(2026, 1, 28), GroupStatus.RUNNING, [leyla], None,
        )  # fmt: skip
        arabic_children = group(
            "BIV Arabiska 7–9 år, Ryd, ht 2025", Programme.BIV, GroupKind.CHILDREN, "ar", (7, 9),
            ryd, dt.date(2025, 9, 1), GroupStatus.FINISHED, [karin, johan], None,
        )  # fmt: skip
        arabic_parents = group(
            "BIS Arabiska föräldrar, Ryd, vt 2026", Programme.BIS, GroupKind.PARENTS, "ar", None,
            ryd, dt.date(2026, 3, 24), GroupStatus.PLANNED, [anders, johan], None,
        )  # fmt: skip

        _enrol(session, somali_children, ["Hodan", "Abdi", "Ayaan", "Khadar", "Sagal"], Role.CHILD, 2015)
        _enrol(session, somali_parents, ["Faadumo", "Maryan", "Cabdi"], Role.GUARDIAN, 1985)
        _enrol(session, dari_children, ["Parisa", "Omid", "Nilofar", "Jawid", "Sohrab"], Role.CHILD, 2012)
        _enrol(session, arabic_children, ["Lina", "Karim", "Rana", "Sami"], Role.CHILD, 2018)
        # One child left the Dari group: the group shows 4/6 and the overview counts four there.
        leaver = session.scalars(
            select(Enrollment).where(Enrollment.group_id == dari_children.id).order_by(Enrollment.id)
        ).first()
        assert leaver is not None
        leaver.left_on = dt.date(2026, 2, 20)

        spring_course = TrainingCourse(
            name="Gruppledarutbildning våren 2026",
            starts_on=dt.date(2026, 2, 14),
            ends_on=dt.date(2026, 2, 15),
        )
        spring_course.trainees = [
            Trainee(external_name="Eva Strandberg", organisation=Organisation.MUNICIPALITY),
            Trainee(external_name="Lars Nyholm", organisation=Organisation.MUNICIPALITY),
            Trainee(leader_id=johan.id, organisation=Organisation.PARISH),
        ]
        earlier_course = TrainingCourse(
            name="Gruppledarutbildning våren 2025", starts_on=dt.date(2025, 3, 1), ends_on=dt.date(2025, 3, 2)
        )
        earlier_course.trainees = [
            Trainee(external_name="Per Ålander", organisation=Organisation.MUNICIPALITY)
        ]
        session.add_all([spring_course, earlier_course])
        names = (
            somali_children.name,
            somali_parents.name,
            dari_children.name,
            arabic_children.name,
            arabic_parents.name,
        )
    return FixtureRegister(database=database, today=TODAY, group_names=names, understaffed_group=names[2])


class MessageBoxes:
    """Stands in for QMessageBox.exec: records each box and presses the buttons the test chose, in turn."""

    def __init__(self, presses: list[str]) -> None:
        self.presses = presses
        self.shown: list[dict[str, Any]] = []

    def exec(self, box: QMessageBox) -> int:
        self.shown.append(
            {
                "title": box.windowTitle(),
                "text": box.text(),
                "informative": box.informativeText(),
                "buttons": [button.text().replace("&", "") for button in box.buttons()],
            }
        )
        wanted = self.presses.pop(0)
        # Compared without accelerators and case: the platform theme decides between "OK" and "Ok".
        button = next(b for b in box.buttons() if b.text().replace("&", "").casefold() == wanted.casefold())
        button.click()
        return 0


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    boxes = MessageBoxes([])
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.exec(box))
    yield boxes


@pytest.fixture
def type_text(qtbot: QtBot) -> Callable[[QWidget, str], None]:
    """Type text as a user would; letters beyond ASCII arrive as an input method's commit, since
    QTest's key clicks abort on them."""

    def type_into(widget: QWidget, text: str) -> None:
        if text.isascii():
            qtbot.keyClicks(widget, text)
            return
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    return type_into


@pytest.fixture
def register(database: Database) -> FixtureRegister:
    return build_register(database)


@pytest.fixture
def window(qtbot: QtBot, register: FixtureRegister) -> Iterator[MainWindow]:
    """The main window on the fixture register, shown at the size the screenshots use."""
    main_window = MainWindow(register.database, today=register.today)
    qtbot.addWidget(main_window)
    main_window.resize(1280, 800)
    main_window.show()
    qtbot.waitExposed(main_window)
    yield main_window
