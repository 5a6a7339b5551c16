"""Opening a register: a new file is private, marked as ours, safely configured and seeded exactly once."""

import json
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.settings import DEFAULT_SETTINGS
from biv_desktop.paths import resource_dir
from biv_desktop.store import register
from biv_desktop.store.database import APPLICATION_ID, Database
from biv_desktop.store.models import Language, Questionnaire, Setting, Theme, ThemePlan
from biv_desktop.store.register import open_register


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def counts(database: Database) -> dict[str, int]:
    with database.transaction() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (ThemePlan, Theme, Questionnaire, Language, Setting)
        }


def test_a_new_register_is_readable_by_the_user_alone_and_marked_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "register.sqlite"
    database = open_register(path)
    with database.transaction() as session:
        session.execute(text("UPDATE setting SET value = value"))  # a write, so the -wal file exists
        assert mode_of(path) == 0o600
        assert mode_of(path.with_name("register.sqlite-wal")) == 0o600
    database.close()
    assert mode_of(path.parent) == 0o700
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_connection_has_the_safety_settings(database: Database) -> None:
    expected = {"foreign_keys": 1, "synchronous": 2, "secure_delete": 1}
    # Two connections open at once are two different connections from the pool.
    with database.engine.connect() as first, database.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for connection in (first, second):
            for pragma, value in expected.items():
                assert connection.exec_driver_sql(f"PRAGMA {pragma}").scalar() == value, pragma
            assert (connection.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) > 0
    with database.transaction() as session:
        for pragma, value in expected.items():
            assert session.execute(text(f"PRAGMA {pragma}")).scalar() == value, pragma


def test_a_new_register_holds_the_defaults(database: Database) -> None:
    with database.transaction() as session:
        plans = session.scalars(select(ThemePlan).order_by(ThemePlan.kind)).all()
        assert [plan.kind for plan in plans] == [GroupKind.CHILDREN, GroupKind.PARENTS]
        assert all(plan.is_default for plan in plans)
        for plan in plans:
            assert [theme.position for theme in plan.themes] == list(range(1, 15))
            assert all(theme.title.strip() for theme in plan.themes)
        forms = session.scalars(select(Questionnaire)).all()
        assert sorted(form.kind for form in forms) == [GroupKind.CHILDREN, GroupKind.PARENTS]
        assert all(form.questions and form.questions[0].options for form in forms)
        languages = {language.iso_code: language for language in session.scalars(select(Language))}
        shipped = json.loads((resource_dir() / "defaults" / "languages.json").read_text(encoding="utf-8"))
        assert set(languages) == {entry["iso_code"] for entry in shipped}
        assert (languages["ti"].name, languages["ti"].script) == ("tigrinja", "Ethi")
        settings = {setting.key: setting.value for setting in session.scalars(select(Setting))}
        assert len(settings.pop("register_id")) == 32  # which register this is (see store.identity)
        assert settings == DEFAULT_SETTINGS


def test_reopening_keeps_the_users_changes_and_does_not_seed_again(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    database = open_register(path)
    first = counts(database)
    with database.transaction() as session:
        parents_plan = session.scalars(select(ThemePlan).where(ThemePlan.kind == GroupKind.PARENTS)).one()
        session.delete(parents_plan)
    database.close()

    database = open_register(path)
    again = counts(database)
    database.close()
    assert again["theme_plan"] == first["theme_plan"] - 1
    assert again["theme"] == first["theme"] - 14
    assert (again["questionnaire"], again["language"], again["setting"]) == (
        first["questionnaire"],
        first["language"],
        first["setting"],
    )


def test_a_new_register_gets_its_tables_and_defaults_together_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure while seeding (a crash, a full disk) must not leave a register without its defaults."""
    path = tmp_path / "register.sqlite"

    def failing_seed(_session: object) -> None:
        raise RuntimeError("strömavbrott")

    monkeypatch.setattr(register, "seed_defaults", failing_seed)
    with pytest.raises(RuntimeError):
        open_register(path)
    with closing(sqlite3.connect(path)) as raw:
        assert raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    monkeypatch.undo()

    database = open_register(path)
    assert counts(database)["theme_plan"] == 2
    database.close()


def test_an_empty_file_is_taken_as_a_new_register_and_made_private(tmp_path: Path) -> None:
    path = tmp_path / "tom.sqlite"
    path.write_bytes(b"")
    path.chmod(0o644)
    database = open_register(path)
    assert counts(database)["setting"] == len(DEFAULT_SETTINGS) + 1  # and the register's id
    database.close()
    assert mode_of(path) == 0o600


def test_a_register_in_a_folder_with_odd_characters_opens_again(tmp_path: Path) -> None:
    """'#' and '?' end a URI's path: read carelessly, another file would be opened (and created)."""
    folder = tmp_path / "Grupper #2 ?våren 100%"
    path = folder / "register.sqlite"
    database = open_register(path, folder / "backups")
    database.close()
    database = open_register(path, folder / "backups")
    assert counts(database)["theme_plan"] == 2
    database.close()
    assert sorted(child.name for child in tmp_path.iterdir()) == [folder.name]
    # The backups folder holds registers.json, which remembers which register this file is.
    assert sorted(child.name for child in folder.iterdir()) == ["backups", "register.sqlite"]
