"""Export of the whole register as one JSON document, and import of such a document into an empty one.

The document, format version 1 (UTF-8, written readable only by the user)::

    {
      "format": "biv-desktop",          always this: tells the file apart from others' JSON
      "version": 1,                     the document format's version; a newer one is refused
      "exported_at": "2026-03-31T10:15:00+02:00",
      "schema": "0001",                 the register's schema revision when exported
      "tables": {                       every table, referenced tables first
        "language": [
          {"uuid": "…", "name": "arabiska", "iso_code": "ar", "script": "Arab"},
          …
        ],
        "support_group": [
          {"uuid": "…", "name": "…", "programme": "biv", "kind": "children",
           "children_group": null, "language": "<uuid of a language row>", …,
           "start_date": "2026-02-03", "start_time": "17:00:00", …},
          …
        ],
        …
      }
    }

Rows are identified by their uuid, which an import keeps; the integer ids are the register's own and are
not written. A foreign key ``x_id`` is written as ``x`` holding the referenced row's uuid, or null. Dates
and times are ISO 8601, enumerations their stored values (as in ``domain.enums``), booleans true/false.
Rows come in the order they were created (by id), so the export is deterministic, and an import creates
them in that same order: export → import → export gives the same document (given the same
``exported_at``). See ``services.exchange_rows`` for one row's layout.

An import goes only into an empty register: one that has nothing but the defaults a new register is
given (languages, theme plans, questionnaires and settings). Those defaults are replaced by the
document's rows, since the document holds the exported register's own versions of them. The whole
import is one transaction: it happens whole or not at all.

An export leaves the computer, so the window and the command line seal it with a passphrase by default:
the file is then this same document inside an age file (see ``store.sealed``), named '….json.age'.
"""

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register.backup import check_file_name
from biv_desktop.services.register.exchange_rows import FIELD, RowReader, TableSpec, export_row, table_specs
from biv_desktop.services.validation import load_json
from biv_desktop.store import migrate
from biv_desktop.store.database import (
    Database,
    is_special_file,
    special_file_message,
    translate_os_error,
)
from biv_desktop.store.errors import StoreError
from biv_desktop.store.identity import ID_KEY, register_id_in, set_register_id_in
from biv_desktop.store.sealed import is_sealed, read_sealed, seal, write_private_file

FORMAT = "biv-desktop"
VERSION = 1
# The tables a new register fills with defaults (store.defaults); an import replaces their rows.
SEEDED_TABLES = frozenset(
    {"language", "theme_plan", "theme", "questionnaire", "question", "answer_option", "setting"}
)
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExchangeSummary:
    """What an export wrote or an import read: the file and the number of rows per table."""

    path: Path
    counts: tuple[tuple[str, int], ...]

    @property
    def rows(self) -> int:
        return sum(count for _table, count in self.counts)


def _tell(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _schema(session: Session) -> str:
    return str(session.execute(text("SELECT version_num FROM alembic_version")).scalar_one())


def export_document(
    database: Database, *, now: dt.datetime | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """The whole register as the document described above, read in one transaction."""
    specs = table_specs()
    moment = now or dt.datetime.now().astimezone()
    tables: dict[str, list[dict[str, Any]]] = {}
    with database.transaction() as session:
        uuids = {
            spec.name: {
                row_id: uuid for row_id, uuid in session.execute(select(spec.table.c.id, spec.table.c.uuid))
            }
            for spec in specs
        }
        for done, spec in enumerate(specs):
            rows = session.execute(select(spec.table).order_by(spec.table.c.id)).mappings()
            # Which register a file is stays with the file (see store.identity): not part of the data.
            tables[spec.name] = [export_row(spec, row, uuids) for row in rows if not _is_identity(spec, row)]
            _tell(progress, done + 1, len(specs))
        schema = _schema(session)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": moment.replace(microsecond=0).isoformat(),
        "schema": schema,
        "tables": tables,
    }


def document_text(document: dict[str, Any]) -> str:
    """The document as the file holds it: indented, Swedish letters as they are, one newline at the end."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _is_export(path: Path, passphrase: str | None) -> bool:
    """Whether ``path`` holds an export: a plain one, or a sealed one that ``passphrase`` opens."""
    try:
        if is_sealed(path):
            if passphrase is None:
                return False
            raw = read_sealed(path, passphrase)
        else:
            raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError, StoreError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def export_json(
    database: Database,
    destination: Path,
    *,
    passphrase: str | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
) -> ExchangeSummary:
    """Write the whole register to ``destination`` as a JSON document, readable only by the user.

    With a ``passphrase`` the file is sealed with it (see ``store.sealed``); None writes plain JSON,
    which the window and the command line do only after the user chose it and was warned.

    An earlier export under that name is replaced once the new file is whole (a sealed one only when
    this passphrase opens it); any other existing file is left alone with a ValidationError. A folder
    that cannot be written or a full disk raises a StoreError with a Swedish sentence, and leaves no
    half file.
    """
    check_file_name(destination)
    destination = destination.expanduser().absolute()
    try:
        if destination.is_dir():
            raise ValidationError("destination", f"{destination} är en mapp. Välj ett filnamn i mappen.")
        if is_special_file(destination):
            raise ValidationError("destination", special_file_message(destination))
        existing = destination.exists()
    except OSError as error:
        raise translate_os_error(error, destination) from error
    if existing and not _is_export(destination, passphrase):
        raise ValidationError(
            "destination",
            f"Filen {destination} finns redan och är ingen export från BIV Desktop"
            f"{' som den här lösenfrasen öppnar' if is_sealed(destination) else ''}. Välj ett annat "
            "filnamn; den befintliga filen lämnas orörd.",
        )
    document = export_document(database, now=now, progress=progress)
    data = document_text(document).encode("utf-8")
    try:
        write_private_file(destination, data if passphrase is None else seal(data, passphrase))
    except OSError as error:
        raise translate_os_error(error, destination) from error
    counts = tuple((name, len(rows)) for name, rows in document["tables"].items())
    return ExchangeSummary(destination, counts)


def read_document(source: Path, passphrase: str | None = None) -> dict[str, Any]:
    """Read and check an export file's outer layer: ours, a version this program reads, a known schema.

    A sealed file is opened with ``passphrase`` first: a wrong one or a damaged file raises a StoreError
    (see ``store.sealed``), a missing one a ValidationError.
    """
    if is_special_file(source):
        raise ValidationError(FIELD, special_file_message(source))
    if is_sealed(source):
        if passphrase is None:
            raise ValidationError(FIELD, f"Filen {source} är krypterad. Ange lösenfrasen den sparades med.")
        raw = read_sealed(source, passphrase)
    else:
        raw = _read_plain(source)
    try:
        document = load_json(raw.decode("utf-8"), FIELD, f"Filen {source}")
    except UnicodeDecodeError:
        raise ValidationError(FIELD, f"Filen {source} är ingen JSON-fil i UTF-8.") from None
    return _checked(document, source)


def _read_plain(source: Path) -> bytes:
    try:
        return source.read_bytes()
    except FileNotFoundError:
        raise ValidationError(FIELD, f"Filen {source} finns inte.") from None
    except OSError:
        raise ValidationError(
            FIELD, f"Filen {source} går inte att läsa. Kontrollera behörigheterna."
        ) from None


def _checked(document: Any, source: Path) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(FIELD, f"Filen {source} är ingen export från BIV Desktop.")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ValidationError(FIELD, f"Filen {source} saknar en giltig formatversion.")
    if version > VERSION:
        raise ValidationError(
            FIELD,
            f"Filen {source} är skriven av en nyare version av BIV Desktop (format {version}; det här "
            f"programmet läser format {VERSION}). Uppdatera programmet och försök igen.",
        )
    if version != VERSION:
        raise ValidationError(
            FIELD, f"Filen {source} har formatversion {version}, som programmet inte känner till."
        )
    schema = document.get("schema")
    if not isinstance(schema, str) or schema not in migrate.known_revisions():
        raise ValidationError(
            FIELD,
            f"Filen {source} kommer från en nyare version av BIV Desktop, vars databas det här programmet "
            "inte känner till. Uppdatera programmet och försök igen.",
        )
    tables = document.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(rows, list) for rows in tables.values()):
        raise ValidationError(FIELD, f"Filen {source} saknar tabellerna eller har dem i fel form.")
    unknown = sorted(set(tables) - {spec.name for spec in table_specs()})
    if unknown:
        raise ValidationError(
            FIELD, f"Filen {source} har tabeller som programmet inte känner till: {', '.join(unknown)}."
        )
    return document


def _check_empty(session: Session, specs: tuple[TableSpec, ...], path: Path) -> None:
    for spec in specs:
        if spec.name in SEEDED_TABLES:
            continue
        if session.execute(select(func.count()).select_from(spec.table)).scalar_one():
            raise ValidationError(
                FIELD,
                f"Databasen {path} innehåller redan uppgifter, så ingenting har importerats. Importera till "
                "en ny, tom databas (biv-desktop import json FIL --database NY-FIL).",
            )


def import_json(
    database: Database,
    source: Path,
    *,
    passphrase: str | None = None,
    document: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> ExchangeSummary:
    """Fill an empty register with the document in ``source`` (sealed with ``passphrase``, if it is), in
    one transaction. ``document``, if given, is that file as ``read_document`` already read it (a sealed
    file is then not opened twice).

    Raises ValidationError (field "file") with a Swedish sentence for a file that is not an export, is of
    an unknown version, holds a wrong value, or for a register that is not empty; a StoreError for a wrong
    passphrase or a damaged sealed file. Nothing is changed then.
    """
    source = source.expanduser().absolute()
    if document is None:
        document = read_document(source, passphrase)
    specs = table_specs()
    tables: dict[str, list[Any]] = document["tables"]
    counts = []
    with database.transaction() as session:
        _check_empty(session, specs, database.path)
        own_id = register_id_in(session)
        for spec in reversed(specs):
            if spec.name in SEEDED_TABLES:
                session.execute(delete(spec.table))
        known: dict[str, dict[str, int]] = {}
        for done, spec in enumerate(specs):
            rows = tables.get(spec.name, [])
            known[spec.name] = _insert_table(session, spec, rows, known)
            counts.append((spec.name, len(rows)))
            _tell(progress, done + 1, len(specs))
        if own_id is not None:  # the register stays itself, whatever the document held
            set_register_id_in(session, own_id)
    return ExchangeSummary(source, tuple(counts))


def _is_identity(spec: TableSpec, row: Any) -> bool:
    return spec.name == "setting" and row["key"] == ID_KEY


def _insert_table(
    session: Session, spec: TableSpec, rows: list[Any], known: dict[str, dict[str, int]]
) -> dict[str, int]:
    """Insert one table's rows in the document's order; returns their ids by uuid."""
    reader = RowReader(spec)
    values = [reader.read(number, data, known) for number, data in enumerate(rows, start=1)]
    uuids = [value["uuid"] for value in values]
    if len(set(uuids)) != len(uuids):
        duplicate = next(uuid for uuid in uuids if uuids.count(uuid) > 1)
        raise ValidationError(
            FIELD, f"Filen kan inte importeras: uuid {duplicate} finns två gånger i tabellen {spec.name}."
        )
    try:
        # In the document's order, so each row gets the next id; rows with the same fields go in one batch.
        for _fields, batch in groupby(values, key=_fields_of):
            session.execute(insert(spec.table), list(batch))
        ids = {uuid: row_id for uuid, row_id in session.execute(select(spec.table.c.uuid, spec.table.c.id))}
        known[spec.name] = ids
        for number, data in enumerate(rows, start=1):
            links = reader.self_references(number, data, known)
            if any(link is not None for link in links.values()):
                session.execute(update(spec.table).where(spec.table.c.id == ids[data["uuid"]]).values(links))
    except IntegrityError as error:
        raise ValidationError(
            FIELD,
            f"Filen kan inte importeras: raderna i tabellen {spec.name} bryter mot databasens regler "
            f"({_rule(error)}). Ingenting har importerats.",
        ) from error
    return ids


def _fields_of(value: dict[str, Any]) -> tuple[str, ...]:
    return tuple(value)


def _rule(error: IntegrityError) -> str:
    # SQLite names the broken constraint ("CHECK constraint failed: ck_group_capacity_positive"); no data.
    text_ = str(error.orig) if error.orig is not None else ""
    return text_.split(":", 1)[-1].strip() or "okänd regel"
