"""Revision 0006: a waiting-list entry can name a group, a language and an age band; entries made before
keep their place and name nothing (the program cannot know what they were waiting for)."""

from contextlib import closing
from pathlib import Path

from alembic import command

from biv_desktop.services.participants import waiting_list
from biv_desktop.store import cipher, migrate
from biv_desktop.store.database import make_engine
from biv_desktop.store.register import open_register


def at_0005(path: Path) -> Path:
    """The committed 0001 register brought to 0005 only, as the program before this revision left it."""
    engine = make_engine(path, migrating=True)  # plain or encrypted, as the fixture made it
    try:
        with engine.begin() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0005")
    finally:
        engine.dispose()
    return path


def entries(path: Path, columns: str) -> list[tuple[object, ...]]:
    with closing(cipher.connect(path)) as raw:
        return raw.execute(f"SELECT {columns} FROM waiting_list_entry ORDER BY id").fetchall()


def test_the_entries_of_a_0005_register_are_kept_and_name_nothing(register_0001: Path) -> None:
    path = at_0005(register_0001)
    with closing(cipher.connect(path)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0005"
    before = entries(path, "id, uuid, participant_id, added_on")
    assert len(before) == 1

    database = open_register(path, path.parent / "backups")
    try:
        [row] = waiting_list(database)
        assert (row.group_name, row.wish.group_id, row.wish.language_id, row.wish.age_band) == (
            "",
            None,
            None,
            None,
        )
        assert row.wanted.language == row.language  # nothing named: the person's own mother tongue
    finally:
        database.close()
    after = entries(path, "id, uuid, participant_id, added_on, group_id, language_id, age_min, age_max")
    assert after == [(*entry, None, None, None, None) for entry in before]
    assert migrate.current_revision(path) == migrate.head_revision()
