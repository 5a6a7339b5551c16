"""The schema revisions read from the migration scripts' text agree with Alembic's own reading, so a start
at the newest schema can skip loading Alembic and still refuse a newer file or upgrade an older one."""

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from biv_desktop.store import migrate
from biv_desktop.store.errors import NewerDatabaseError
from biv_desktop.store.register import open_register
from biv_desktop.store.revisions import read_revisions


def alembic_reading() -> tuple[str | None, set[str]]:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    return scripts.get_current_head(), {script.revision for script in scripts.walk_revisions()}


def test_the_shipped_scripts_read_plainly_give_alembics_head_and_revisions() -> None:
    shipped = read_revisions(migrate.MIGRATIONS / "versions")
    assert shipped is not None, "a shipped migration script is not in the plain form revisions.py reads"
    head, known = alembic_reading()
    assert (shipped.head, set(shipped.known)) == (head, known)
    assert (migrate.head_revision(), migrate.known_revisions()) == (head, known)


def test_a_new_revision_becomes_the_head_and_an_older_register_is_upgraded_to_it(
    extra_revision: Callable[[str], str], register_0001: Path, tmp_path: Path
) -> None:
    revision = extra_revision("op.create_table('extra', sa.Column('id', sa.Integer, primary_key=True))\n")
    assert migrate.head_revision() == revision
    assert (migrate.head_revision(), migrate.known_revisions()) == alembic_reading()
    open_register(register_0001, tmp_path / "backups").close()
    assert migrate.current_revision(register_0001) == revision


def test_a_script_in_another_form_is_read_by_alembic_instead(
    extra_revision: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = migrate.head_revision()
    revision = extra_revision("pass\n")
    script = next((migrate.MIGRATIONS / "versions").glob(f"{revision}.py"))
    # A merge revision names its parents as a tuple: not the plain form.
    text = script.read_text(encoding="utf-8")
    assert f'down_revision = "{parent}"' in text
    script.write_text(text.replace(f'down_revision = "{parent}"', f'down_revision = ("{parent}",)'))
    assert read_revisions(migrate.MIGRATIONS / "versions") is None
    assert migrate.head_revision() == revision
    assert revision in migrate.known_revisions()


def test_a_register_at_an_unknown_revision_is_refused_as_newer(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    open_register(path).close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    with pytest.raises(NewerDatabaseError):
        open_register(path)


def test_a_new_file_has_no_revision_yet(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()
    assert migrate.current_revision(path) is None
