"""Revision 0002: a session carries its theme's materials; sessions planned before get them from their plan."""

from pathlib import Path

from sqlalchemy import select

from biv_desktop.store.models import GroupSession
from biv_desktop.store.register import open_register


def test_sessions_of_a_0001_register_get_their_themes_materials(register_0001: Path) -> None:
    database = open_register(register_0001, register_0001.parent / "backups")
    try:
        with database.transaction() as session:
            rows = session.scalars(select(GroupSession).order_by(GroupSession.number)).all()
            assert len(rows) == 14
            assert {row.materials for row in rows} == {"Färg, papper, lera"}
            assert rows[0].note == "Fika i pausen"  # the rest of the row is as it was
    finally:
        database.close()
