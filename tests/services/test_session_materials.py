"""A session carries its theme's materials: copied from the plan when the group is planned, edited per
session, carried by the export and the import (and an older export without them still reads)."""

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from biv_desktop.domain.enums import GroupKind
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services import groups, register
from biv_desktop.services.register.exchange import export_document, export_json, import_json
from biv_desktop.services.schedule import get_session, update_session
from biv_desktop.services.schedule.reading import read_session
from biv_desktop.store.database import Database
from biv_desktop.store.models import GroupSession
from biv_desktop.store.register import open_register
from support import factories

NOW = dt.datetime(2027, 1, 15, 10, 0, tzinfo=dt.UTC)


def planned_group(database: Database) -> int:
    return factories.group(database, premises_id=factories.premises(database), start=dt.date(2027, 1, 19)).id


def test_planning_copies_each_themes_materials_to_its_session(database: Database) -> None:
    plan = register.default_theme_plan(database, GroupKind.CHILDREN)
    assert plan is not None
    group = planned_group(database)
    materials = [
        get_session(database, sid).materials for sid in factories.session_ids(database, group).values()
    ]
    assert materials == [theme.materials for theme in plan.themes]
    assert materials[0] == "Namnlappar, bollar, stort papper för gruppens regler"


def test_the_session_form_edits_one_sessions_materials(database: Database) -> None:
    group = planned_group(database)
    ids = factories.session_ids(database, group)
    detail = get_session(database, ids[3])
    change = dataclasses.replace(detail.change(), materials="  Lera och vattenfärg \n")
    update_session(database, ids[3], change)

    assert get_session(database, ids[3]).materials == "Lera och vattenfärg"
    assert get_session(database, ids[4]).materials != "Lera och vattenfärg"  # that session only
    with database.transaction() as session:
        assert read_session(session.get_one(GroupSession, ids[3]), 14).materials == "Lera och vattenfärg"
    with pytest.raises(ValidationError) as refused:
        update_session(database, ids[3], dataclasses.replace(change, materials="x" * 2001))
    assert refused.value.field == "materials"


def test_the_export_carries_the_materials_and_an_older_export_still_imports(
    database: Database, tmp_path: Path
) -> None:
    group = planned_group(database)
    first = factories.session_ids(database, group)[1]
    update_session(
        database, first, dataclasses.replace(get_session(database, first).change(), materials="Bollar")
    )
    exported = export_json(database, tmp_path / "export.json", now=NOW)
    rows = json.loads(exported.path.read_text(encoding="utf-8"))["tables"]["group_session"]
    assert "Bollar" in {row["materials"] for row in rows}

    fresh = open_register(tmp_path / "ny.sqlite")
    try:
        import_json(fresh, exported.path)
        names = {row.name: row.id for row in groups.list_groups(fresh)}
        [imported] = names.values()
        assert get_session(fresh, factories.session_ids(fresh, imported)[1]).materials == "Bollar"
    finally:
        fresh.close()

    # An export written before sessions had materials (schema 0001) has no such field.
    older = export_document(database, now=NOW)
    older["schema"] = "0001"
    for row in older["tables"]["group_session"]:
        del row["materials"]
    path = tmp_path / "äldre.json"
    path.write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    oldest = open_register(tmp_path / "äldsta.sqlite")
    try:
        import_json(oldest, path)
        [imported] = [row.id for row in groups.list_groups(oldest)]
        assert get_session(oldest, factories.session_ids(oldest, imported)[1]).materials == ""
    finally:
        oldest.close()
