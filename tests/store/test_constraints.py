"""The data model's rules live in the database itself: SQLite refuses bad rows whoever writes them.

Rows are written with raw SQL, past every check in Python, so only the schema can refuse them.
"""

from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from biv_desktop.store.database import Database

GROUP = {
    "uuid": "group-1",
    "name": "Dari 7–9 år",
    "programme": "biv",
    "kind": "children",
    "language_id": None,  # filled in by the fixture
    "premises_id": None,
    "capacity": 6,
    "start_date": "2025-02-04",
    "weekday": 1,
    "start_time": "16:00:00.000000",
    "end_time": "18:00:00.000000",
    "status": "planned",
}
PREMISES = {"uuid": "premises-1", "name": "Rydsgården", "district": "Ryd", "address": "", "notes": ""}
PARTICIPANT = {
    "uuid": "child-1",
    "first_name": "Parwin",
    "last_name": "Påhittad",
    "native_name": "پروین",
    "birth_year": 2017,
    "gender": "female",
    "role": "child",
    "programme_status": "asylum_seeking",
    "district": "Ryd",
    "guardian_phone": "",
    "consent_by": "",
}
SESSION = {
    "uuid": "session-1",
    "group_id": None,
    "number": 1,
    "date": "2025-02-04",
    "start_time": "16:00:00.000000",
    "end_time": "18:00:00.000000",
    "theme_title": "Vem är jag?",
    "theme_description": "",
    "status": "planned",
    "note": "",
}


def insert(session: Session, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    values = ", ".join(f":{column}" for column in row)
    session.execute(text(f"INSERT INTO {table} ({columns}) VALUES ({values})"), row)
    return int(session.execute(text("SELECT last_insert_rowid()")).scalar_one())


@pytest.fixture
def valid(database: Database) -> dict[str, dict[str, Any]]:
    """Valid rows for a group, its session and an enrollment; the group and a participant are stored."""
    with database.transaction() as session:
        language_id = session.execute(text("SELECT id FROM language WHERE iso_code = 'prs'")).scalar_one()
        premises_id = insert(session, "premises", PREMISES)
        group_id = insert(
            session, "support_group", GROUP | {"language_id": language_id, "premises_id": premises_id}
        )
        participant_id = insert(session, "participant", PARTICIPANT)
    return {
        "support_group": GROUP | {"uuid": "group-2", "language_id": language_id, "premises_id": premises_id},
        "group_session": SESSION | {"group_id": group_id},
        "enrollment": {
            "uuid": "enrollment-1",
            "participant_id": participant_id,
            "group_id": group_id,
            "joined_on": "2025-02-04",
            "leave_reason": "",
        },
    }


def refused(database: Database, table: str, *rows: dict[str, Any]) -> str:
    """Insert the rows in one transaction; return SQLite's reason for refusing (the test fails if it does not)."""
    with pytest.raises(IntegrityError) as caught, database.transaction() as session:
        for row in rows:
            insert(session, table, row)
    return str(caught.value.orig)


def test_the_valid_rows_are_accepted(database: Database, valid: dict[str, dict[str, Any]]) -> None:
    with database.transaction() as session:
        for table, row in valid.items():
            insert(session, table, row)


@pytest.mark.parametrize(
    ("table", "change", "constraint"),
    [
        ("support_group", {"capacity": 0}, "ck_support_group_capacity_positive"),
        ("support_group", {"weekday": 7}, "ck_support_group_weekday_range"),
        ("support_group", {"end_time": "15:00:00.000000"}, "ck_support_group_ends_after_start"),
        ("support_group", {"status": "foo"}, "ck_support_group_status"),
        ("support_group", {"name": "   "}, "ck_support_group_name_not_empty"),
        ("group_session", {"number": 0}, "ck_group_session_number_positive"),
        ("group_session", {"end_time": "16:00:00.000000"}, "ck_group_session_ends_after_start"),
        ("enrollment", {"left_on": "2025-01-01"}, "ck_enrollment_left_after_joined"),
    ],
)
def test_a_check_constraint_refuses_a_bad_value(
    database: Database, valid: dict[str, dict[str, Any]], table: str, change: dict[str, Any], constraint: str
) -> None:
    reason = refused(database, table, valid[table] | change)
    assert constraint in reason


def test_two_sessions_with_the_same_number_in_a_group_are_refused(
    database: Database, valid: dict[str, dict[str, Any]]
) -> None:
    first = valid["group_session"]
    reason = refused(database, "group_session", first, first | {"uuid": "session-2", "date": "2025-02-11"})
    assert "UNIQUE" in reason and "group_session.number" in reason


def test_the_same_participant_enrolled_twice_in_a_group_is_refused(
    database: Database, valid: dict[str, dict[str, Any]]
) -> None:
    first = valid["enrollment"]
    reason = refused(database, "enrollment", first, first | {"uuid": "enrollment-2"})
    assert "UNIQUE" in reason and "enrollment.participant_id" in reason


def test_an_enrollment_in_a_missing_group_is_refused(
    database: Database, valid: dict[str, dict[str, Any]]
) -> None:
    reason = refused(database, "enrollment", valid["enrollment"] | {"group_id": 9999})
    assert "FOREIGN KEY" in reason


def test_a_refused_row_leaves_nothing_of_its_transaction(
    database: Database, valid: dict[str, dict[str, Any]]
) -> None:
    refused(database, "group_session", valid["group_session"], valid["group_session"] | {"uuid": "again"})
    with database.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM group_session")).scalar_one() == 0


def test_every_table_has_a_unique_uuid(database: Database) -> None:
    with database.transaction() as session:
        tables = (
            session.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'")
            )
            .scalars()
            .all()
        )
        assert len(tables) > 25
        for table in tables:
            columns = {row[1]: row for row in session.execute(text(f"PRAGMA table_info('{table}')"))}
            assert "uuid" in columns and columns["uuid"][3] == 1, f"{table}.uuid must be NOT NULL"
            unique_on_uuid = [
                index[1]
                for index in session.execute(text(f"PRAGMA index_list('{table}')"))
                if index[2] == 1
                and [col[2] for col in session.execute(text(f"PRAGMA index_info('{index[1]}')"))] == ["uuid"]
            ]
            assert unique_on_uuid, f"{table} has no unique index on uuid alone"
