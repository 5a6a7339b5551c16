"""Schema migrations: old registers open with their data intact, after a backup, whole or not at all.

One committed fixture per released schema (tests/fixtures/register-NNNN.sqlite, built by the script
beside it) is opened by the current program and its data checked. An upgrade is simulated honestly by
adding a throwaway revision after head in a temporary copy of the migrations (``extra_revision``).
"""

import re
import stat
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import URL
from sqlalchemy.schema import CreateTable

from biv_desktop.domain.enums import GroupStatus, Mark, Programme, SessionStatus
from biv_desktop.store import cipher, migrate
from biv_desktop.store.errors import DamagedDatabaseError, UpgradeFailedError
from biv_desktop.store.models import (
    Agreement,
    AttendanceMark,
    Base,
    Enrollment,
    Group,
    Language,
    Participant,
    Setting,
    ThemePlan,
    WaitingListEntry,
)
from biv_desktop.store.register import open_register

Digest = Callable[[Path], str]
NATIVE_NAMES = {"ليلى مثال", "ሰላም ፈተና", "Оксана Вигадана", "ዮናስ", ""}


def revision_in(path: Path) -> str:
    with closing(cipher.connect(path)) as raw:
        return str(raw.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def native_names_in(path: Path) -> set[str]:
    with closing(cipher.connect(path)) as raw:
        return {row[0] for row in raw.execute("SELECT native_name FROM participant")}


def test_a_register_of_schema_0001_opens_with_its_data_intact(register_0001: Path) -> None:
    assert revision_in(register_0001) == "0001"
    database = open_register(register_0001, register_0001.parent / "backups")
    try:
        with database.transaction() as session:
            names = {(p.first_name, p.last_name): p for p in session.scalars(select(Participant))}
            assert {p.native_name for p in names.values()} == NATIVE_NAMES
            assert names["Örjan", "Exempelsson"].mother_tongue is not None
            assert names["Örjan", "Exempelsson"].mother_tongue.name == "svenska"
            assert (
                names["Selam", "Fetena"].uuid == "15dad5ae-4bf2-5714-ab35-1794935264fa"
            )  # kept, not renewed

            group = session.scalars(select(Group)).one()
            assert group.name == "Barn i väntan – arabiska 10–12 år, våren 2025"
            assert (group.programme, group.status, group.language.name) == (
                Programme.BIV,
                GroupStatus.RUNNING,
                "arabiska",
            )
            assert group.premises.name == "Skäggetorps fritidsgård"
            assert group.leader1 is not None and group.leader1.full_name == "Åsa Påhittad"
            assert [s.number for s in group.sessions] == list(range(1, 15))
            assert [s.status for s in group.sessions[:4]] == [SessionStatus.HELD] * 3 + [
                SessionStatus.PLANNED
            ]
            assert group.sessions[13].date.isoformat() == "2025-05-06"

            enrollments = session.scalars(select(Enrollment).order_by(Enrollment.id)).all()
            assert [e.left_on is None for e in enrollments] == [True, True, True, False]
            assert enrollments[3].leave_reason == "Familjen flyttade till Göteborg"
            marks = session.scalars(select(AttendanceMark)).all()
            assert len(marks) == 3 * 4
            assert {mark.mark for mark in marks} == set(Mark)
            assert session.scalars(select(WaitingListEntry)).one().participant.native_name == "ዮናስ"

            agreement = session.scalars(select(Agreement)).one()
            assert sum(part.amount_sek for part in agreement.funding_parts) == agreement.municipal_amount_sek
            assert [part.source for part in agreement.funding_parts] == [
                "Förvaltningens budget",
                "Statsbidrag för föräldraskapsstöd",
            ]
            # An existing register is not seeded again.
            assert session.scalar(select(func.count()).select_from(ThemePlan)) == 1
            assert session.scalar(select(func.count()).select_from(Language)) == 5
            assert session.scalar(select(func.count()).select_from(Setting)) == 8  # 7 and the register's id
    finally:
        database.close()
    assert revision_in(register_0001) == migrate.head_revision()


def test_an_upgrade_backs_the_register_up_first(
    register_0001: Path, extra_revision: Callable[[str], str]
) -> None:
    revision = extra_revision(
        "op.create_index('ix_test_participant_birth_year', 'participant', ['birth_year'])\n"
    )
    backups = register_0001.parent / "säkerhetskopior"
    open_register(register_0001, backups).close()

    assert revision_in(register_0001) == revision
    [backup] = backups.rglob("*.sqlite")  # in the register's own folder (see store.identity)
    assert backup.name.startswith("register-") and backup.name.endswith("-fore-uppgradering.sqlite")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with closing(cipher.connect(backup)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one standalone file
        indexes = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    # The backup holds the register as it was before the upgrade.
    assert revision_in(backup) == "0001"
    assert "ix_test_participant_birth_year" not in indexes
    assert native_names_in(backup) == NATIVE_NAMES


def test_an_upgrade_that_leaves_a_broken_reference_is_refused_and_undone(
    register_0001: Path, extra_revision: Callable[[str], str], digest: Digest
) -> None:
    """Foreign keys are off while tables are rebuilt; PRAGMA foreign_key_check afterwards must catch this."""
    extra_revision(
        'op.execute("INSERT INTO enrollment (participant_id, group_id, joined_on, leave_reason, uuid) '
        "VALUES (1, 9999, '2025-03-01', '', 'dangling')\")\n"
    )
    before = digest(register_0001)
    backups = register_0001.parent / "backups"
    with pytest.raises(DamagedDatabaseError) as caught:
        open_register(register_0001, backups)
    [backup] = backups.rglob("*.sqlite")  # in the register's own folder (see store.identity)
    assert "trasiga kopplingar" in caught.value.message
    assert str(backup) in caught.value.message
    assert digest(register_0001) == before
    assert revision_in(register_0001) == "0001"


def test_a_failing_upgrade_leaves_the_register_as_it_was(
    register_0001: Path, extra_revision: Callable[[str], str], digest: Digest
) -> None:
    extra_revision(
        "op.create_table('half_done', sa.Column('id', sa.Integer, primary_key=True))\n"
        "op.execute(\"INSERT INTO language (name, iso_code, script, uuid) VALUES ('tomt', '', 'Latn', 'x')\")\n"
    )
    before = digest(register_0001)
    with pytest.raises(UpgradeFailedError) as caught:
        open_register(register_0001, register_0001.parent / "backups")
    assert "lämnas som den var" in caught.value.message
    assert "säkerhetskopian" in caught.value.message
    assert digest(register_0001) == before
    with closing(cipher.connect(register_0001)) as raw:
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half_done" not in tables
    assert revision_in(register_0001) == "0001"


def constraint_names(create_sql: str) -> set[str]:
    return set(re.findall(r"CONSTRAINT (\w+)", create_sql))


def test_the_models_and_the_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite"
    path.touch()
    migrate.upgrade(path, None)
    engine = create_engine(URL.create("sqlite", database=str(path)))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            # Autogenerate does not compare CHECK constraints, so compare every constraint's name.
            rows = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            stored: dict[str, str] = {str(name): str(sql) for name, sql in rows}
            for table in Base.metadata.sorted_tables:
                declared = str(CreateTable(table).compile(dialect=connection.dialect))
                assert constraint_names(stored[table.name]) == constraint_names(declared), table.name
    finally:
        engine.dispose()
