"""Revision 0007: the questionnaires' translations get their own tables; a 0005 register keeps its data."""

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from biv_desktop.services.followup import (
    TranslationDraft,
    get_translation,
    list_questionnaires,
    save_translation,
)
from biv_desktop.store import migrate
from biv_desktop.store.database import APPLICATION_ID
from biv_desktop.store.register import open_register


def register_at_0005(path: Path) -> None:
    """A register at schema 0005 with a language and a questionnaire of one question, in plain SQL."""
    engine = create_engine(URL.create("sqlite", database=str(path)))
    try:
        with engine.connect() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0005")
            connection.commit()
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as raw, raw:
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # as the program marks its files
        raw.execute(
            "INSERT INTO language (id, uuid, name, iso_code, script) VALUES (1, 'l1', 'arabiska', 'ar', 'Arab')"
        )
        raw.execute(
            "INSERT INTO questionnaire (id, uuid, name, kind) VALUES (1, 'q1', 'Utvärdering barngrupp', 'children')"
        )
        raw.execute(
            "INSERT INTO question (id, uuid, questionnaire_id, position, text) VALUES (1, 'f1', 1, 1, 'Trivs du?')"
        )
        for number, label in enumerate(("Ja", "Nej"), start=1):
            raw.execute(
                "INSERT INTO answer_option (id, uuid, question_id, position, label) VALUES (?, ?, 1, ?, ?)",
                (number, f"o{number}", number, label),
            )


def test_a_0005_register_opens_with_its_questionnaire_and_takes_translations(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    register_at_0005(path)
    database = open_register(path, tmp_path / "backups")
    try:
        assert migrate.current_revision(path) == migrate.head_revision()
        (questionnaire,) = list_questionnaires(database)
        assert questionnaire.name == "Utvärdering barngrupp"
        assert [(q.text, [o.label for o in q.options]) for q in questionnaire.questions] == [
            ("Trivs du?", ["Ja", "Nej"])
        ]
        question = questionnaire.questions[0]
        saved = save_translation(
            database,
            questionnaire.id,
            1,
            TranslationDraft({question.id: "هل أنت مرتاح؟"}, {question.options[0].id: "نعم"}),
        )
        assert [text.translation for text in saved.texts] == ["هل أنت مرتاح؟", "نعم", ""]
        assert get_translation(database, questionnaire.id, 1).language.translated == 2
    finally:
        database.close()
    assert list((tmp_path / "backups").rglob("*fore-uppgradering*"))  # backed up before the upgrade
