"""The whole register as one JSON document: deterministic, private, and read back into an empty register
exactly; anything else in the file is refused with a Swedish sentence and changes nothing."""

import copy
import datetime as dt
import json
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from biv_desktop.demo import write_demo_database
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register.exchange import (
    SEEDED_TABLES,
    document_text,
    export_document,
    export_json,
    import_json,
)
from biv_desktop.store import migrate
from biv_desktop.store.database import Database
from biv_desktop.store.models import (
    Base,
    Family,
    Group,
    GroupSession,
    InterpreterBooking,
    Language,
    Setting,
    ThemePlan,
)
from biv_desktop.store.register import open_register

NOW = dt.datetime(2026, 3, 31, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@pytest.fixture(scope="module")
def demo_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One year of fictional demo data: every table has rows."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo_database(path, years=1, seed=4, today=dt.date(2026, 3, 31))
    return path


@pytest.fixture
def demo(demo_register: Path) -> Iterator[Database]:
    database = open_register(demo_register)
    yield database
    database.close()


@pytest.fixture
def write_document(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    def write(document: dict[str, Any]) -> Path:
        path = tmp_path / "import.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return path

    return write


def test_export_then_import_then_export_gives_the_same_document(demo: Database, tmp_path: Path) -> None:
    first = export_json(demo, tmp_path / "första.json", now=NOW)
    fresh = open_register(tmp_path / "ny.sqlite")
    try:
        imported = import_json(fresh, first.path)
        second = export_json(fresh, tmp_path / "andra.json", now=NOW)
    finally:
        fresh.close()
    assert first.path.read_bytes() == second.path.read_bytes()
    assert imported.rows == first.rows == second.rows
    assert all(count > 0 for _table, count in first.counts)  # the demo data fills every table


def test_the_document_is_private_versioned_and_keyed_by_uuid(demo: Database, tmp_path: Path) -> None:
    summary = export_json(demo, tmp_path / "export.json", now=NOW)
    assert stat.S_IMODE(summary.path.stat().st_mode) == 0o600
    document = json.loads(summary.path.read_text(encoding="utf-8"))
    assert {key: document[key] for key in ("format", "version", "exported_at", "schema")} == {
        "format": "biv-desktop",
        "version": 1,
        "exported_at": "2026-03-31T10:15:00+02:00",
        "schema": migrate.head_revision(),
    }
    assert list(document["tables"]) == [table.name for table in Base.metadata.sorted_tables]
    with demo.transaction() as session:
        group = session.scalars(select(Group).where(Group.children_group_id.is_not(None))).first()
        assert group is not None
        expected = {
            "uuid": group.uuid,
            "language": group.language.uuid,
            "children_group": group.children_group.uuid if group.children_group else None,
            "start_date": group.start_date.isoformat(),
            "start_time": group.start_time.isoformat(),
            "programme": group.programme.value,
        }
    [row] = [row for row in document["tables"]["support_group"] if row["uuid"] == expected["uuid"]]
    assert {key: row[key] for key in expected} == expected
    assert next(iter(row)) == "uuid" and "id" not in row and "language_id" not in row


def test_the_export_is_the_same_every_time(demo: Database) -> None:
    assert document_text(export_document(demo, now=NOW)) == document_text(export_document(demo, now=NOW))


def test_an_import_replaces_the_defaults_of_a_new_register(database: Database, tmp_path: Path) -> None:
    with database.transaction() as session:
        session.execute(update(Setting).where(Setting.key == "group_capacity").values(value="8"))
        plan = session.scalars(select(ThemePlan)).first()
        assert plan is not None
        plan.name = "Vår egen temaplan"
        session.add(Family(name="Familjen Påhittad"))
    exported = export_json(database, tmp_path / "export.json", now=NOW)
    fresh = open_register(tmp_path / "ny.sqlite")
    try:
        import_json(fresh, exported.path)
        with fresh.transaction() as session:
            capacity = session.scalars(select(Setting.value).where(Setting.key == "group_capacity")).one()
            plans = session.scalars(select(ThemePlan.name)).all()
            languages = session.scalar(select(func.count()).select_from(Language))
    finally:
        fresh.close()
    assert capacity == "8"
    assert "Vår egen temaplan" in plans and len(plans) == 2  # replaced, not added beside the defaults
    assert languages == 15


def test_an_import_into_a_register_with_data_is_refused(
    demo: Database, database: Database, tmp_path: Path
) -> None:
    exported = export_json(demo, tmp_path / "export.json", now=NOW)
    with database.transaction() as session:
        session.add(Family(name="Familjen Exempelsson"))
    with pytest.raises(ValidationError, match="innehåller redan uppgifter, så ingenting har importerats"):
        import_json(database, exported.path)
    with database.transaction() as session:
        assert session.scalars(select(Family.name)).all() == ["Familjen Exempelsson"]


def small_document(database: Database) -> dict[str, Any]:
    with database.transaction() as session:
        session.add(Family(name="Familjen Påhittad", uuid="family-1"))
    return export_document(database, now=NOW)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="annat-program"), "är ingen export från BIV Desktop"),
        (lambda d: d.update(version=2), "nyare version av BIV Desktop (format 2"),
        (lambda d: d.update(version="1"), "saknar en giltig formatversion"),
        (lambda d: d.update(schema="0099_framtiden"), "vars databas det här programmet inte känner till"),
        (lambda d: d["tables"].update(recept=[]), "tabeller som programmet inte känner till: recept"),
        (lambda d: d["tables"]["family"][0].update(name=7), "rad 1 i tabellen family har ett ogiltigt värde i fältet name"),
        (lambda d: d["tables"]["family"][0].update(name="x" * 161), "får vara högst 160 tecken"),
        (lambda d: d["tables"]["family"][0].update(smeknamn="Påhittad"), "fält som programmet inte känner till: smeknamn"),
        (lambda d: d["tables"]["family"][0].pop("uuid"), "saknar ett giltigt uuid"),
        (lambda d: d["tables"]["family"].append(copy.deepcopy(d["tables"]["family"][0])), "finns två gånger"),
        (lambda d: d["tables"]["waiting_list_entry"].append({"uuid": "w", "participant": "saknas", "added_on": "2026-03-01"}), "pekar i fältet participant på en rad som inte finns"),
        (lambda d: d["tables"]["break_week"].append({"uuid": "b", "name": "Sportlov", "starts_on": "v. 9", "ends_on": "2026-03-01"}), "ska vara ett datum som 2026-03-31"),
        (lambda d: d["tables"]["break_week"].append({"uuid": "b", "name": "Påsklov", "starts_on": "2026-04-10", "ends_on": "2026-04-03"}), "bryter mot databasens regler"),
    ],
)  # fmt: skip
def test_a_wrong_document_is_refused_and_changes_nothing(
    database: Database,
    tmp_path: Path,
    write_document: Callable[[dict[str, Any]], Path],
    change: Callable[[dict[str, Any]], None],
    message: str,
) -> None:
    document = small_document(database)
    change(document)
    source = write_document(document)
    fresh = open_register(tmp_path / "ny.sqlite")
    try:
        with fresh.transaction() as session:
            before = {
                table: session.scalar(select(func.count()).select_from(Base.metadata.tables[table]))
                for table in SEEDED_TABLES
            }
        with pytest.raises(ValidationError) as caught:
            import_json(fresh, source)
        assert message in caught.value.message
        assert caught.value.field == "file"
        with fresh.transaction() as session:
            after = {
                table: session.scalar(select(func.count()).select_from(Base.metadata.tables[table]))
                for table in SEEDED_TABLES
            }
            assert session.scalar(select(func.count()).select_from(Family)) == 0
    finally:
        fresh.close()
    assert after == before  # the defaults are still there: all or nothing


def test_a_file_that_is_not_json_is_refused(database: Database, tmp_path: Path) -> None:
    source = tmp_path / "export.json"
    source.write_text('{"format": "biv-desktop",\n "version": 1,,}', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"ingen giltig JSON-fil \(fel på rad 2"):
        import_json(database, source)
    with pytest.raises(ValidationError, match="finns inte"):
        import_json(database, tmp_path / "borta.json")


def test_an_export_replaces_only_an_earlier_export(demo: Database, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    export_json(demo, target, now=NOW)
    export_json(demo, target, now=NOW + dt.timedelta(days=7))  # last week's export is replaced
    assert json.loads(target.read_text(encoding="utf-8"))["exported_at"].startswith("2026-04-07")
    notes = tmp_path / "anteckningar.json"
    notes.write_text('{"inköp": ["mjölk"]}', encoding="utf-8")
    with pytest.raises(ValidationError, match=r"ingen export från BIV Desktop\. Välj ett annat filnamn"):
        export_json(demo, notes)
    assert notes.read_text(encoding="utf-8") == '{"inköp": ["mjölk"]}'
    assert sorted(path.name for path in tmp_path.iterdir()) == ["anteckningar.json", "export.json"]


@pytest.mark.parametrize(
    ("name", "message"), [("a\x00b.json", "tecken som inte får finnas"), ("å" * 200, "för långt")]
)
def test_a_file_name_no_file_system_takes_is_refused(
    demo: Database, tmp_path: Path, name: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        export_json(demo, tmp_path / name)
    assert caught.value.field == "destination"


def test_an_export_from_before_bookings_and_revisions_still_imports(
    demo: Database, tmp_path: Path, write_document: Callable[[dict[str, Any]], Path]
) -> None:
    """A schema-0001 document has no interpreter bookings and no session revisions: sessions start at 0."""
    document = json.loads(export_json(demo, tmp_path / "ny.json", now=NOW).path.read_text(encoding="utf-8"))
    document["schema"] = "0001"
    del document["tables"]["interpreter_booking"]
    for row in document["tables"]["group_session"]:
        del row["revision"]
    fresh = open_register(tmp_path / "gammal.sqlite")
    try:
        imported = import_json(fresh, write_document(document))
        with fresh.transaction() as session:
            revisions = set(session.scalars(select(GroupSession.revision)))
            bookings = session.scalar(select(func.count()).select_from(InterpreterBooking))
    finally:
        fresh.close()
    assert imported.rows > 0
    assert revisions == {0}
    assert bookings == 0
