"""The export carries what a waiting-list entry names (group, language, age band), and an export written
before entries could name anything still imports, its entries naming nothing."""

import datetime as dt
import json
from pathlib import Path

from biv_desktop.domain.ages import AgeBand
from biv_desktop.services.participants import WaitingWish, add_to_waiting_list, waiting_list
from biv_desktop.services.register.exchange import export_json, import_json
from biv_desktop.store.database import Database
from biv_desktop.store.register import open_register
from support import factories, language_id

TODAY = dt.date(2026, 3, 10)
NOW = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)


def _waiting(database: Database) -> list[tuple[str, str, str, str]]:
    return [
        (row.first_name, row.group_name, row.wanted.language, row.wanted.kind_label)
        for row in waiting_list(database, today=TODAY)
    ]


def _register_with_wishes(database: Database) -> str:
    """Three children waiting: for a named group, for a named language and band, for nothing named;
    returns the group's name."""
    premises = factories.premises(database)
    group = factories.group(database, premises_id=premises, language="ti", ages=(10, 12), start=TODAY)
    for name, wish in (
        ("Sami", WaitingWish(group_id=group.id)),
        ("Hodan", WaitingWish(language_id=language_id(database, "sv"), age_band=AgeBand(13, 15))),
        ("Omid", WaitingWish()),
    ):
        person = factories.participant(database, name, 2018, mother_tongue="ar", today=TODAY)
        add_to_waiting_list(database, person, TODAY, today=TODAY, wish=wish, override=True)
    return group.name


def test_the_wishes_go_through_an_export_and_an_import(database: Database, tmp_path: Path) -> None:
    group = _register_with_wishes(database)
    before = _waiting(database)
    assert before[:2] == [
        ("Sami", group, "tigrinja", "10–12 år"),
        ("Hodan", "", "svenska", "13–15 år"),
    ]
    exported = export_json(database, tmp_path / "export.json", now=NOW)
    fresh = open_register(tmp_path / "ny.sqlite")
    try:
        import_json(fresh, exported.path)
        assert _waiting(fresh) == before
    finally:
        fresh.close()


def test_an_export_from_before_the_wishes_still_imports(database: Database, tmp_path: Path) -> None:
    _register_with_wishes(database)
    exported = export_json(database, tmp_path / "export.json", now=NOW)
    document = json.loads(exported.path.read_text(encoding="utf-8"))
    document["schema"] = "0005"
    for entry in document["tables"]["waiting_list_entry"]:
        for key in ("group", "language", "age_min", "age_max"):
            del entry[key]
    old = tmp_path / "gammal.json"
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    fresh = open_register(tmp_path / "ny.sqlite")
    try:
        import_json(fresh, old)
        assert _waiting(fresh) == [
            ("Sami", "", "arabiska", "7–9 år"),
            ("Hodan", "", "arabiska", "7–9 år"),
            ("Omid", "", "arabiska", "7–9 år"),
        ]
    finally:
        fresh.close()
