"""One table's rows to and from the export document's JSON objects (see ``services.exchange``).

Every table of the data model takes part, in the order its references need (a referenced table first).
A row becomes an object with ``uuid`` first and then every column but ``id`` in the table's order; a
foreign key ``something_id`` becomes ``something`` holding the referenced row's uuid (or null); dates
and times are ISO text, enumerations their stored value. Reading back checks every value against its
column and says in Swedish which table, row and field is wrong.
"""

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Integer, RowMapping, String, Table, Time

from biv_desktop.domain.characters import without_non_text
from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.models import Base

FIELD = "file"  # the ValidationError field: the problem is in the chosen file


@dataclass(frozen=True)
class Reference:
    """A foreign key as the document writes it: the key, and the table whose uuid it holds."""

    column: str  # e.g. "language_id"
    key: str  # e.g. "language"
    table: str  # e.g. "language"


@dataclass(frozen=True)
class TableSpec:
    """How one table appears in the document."""

    table: Table
    columns: tuple[Column[Any], ...]  # every column but id and uuid, in the table's order
    references: dict[str, Reference]  # by column name

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def self_references(self) -> tuple[Reference, ...]:
        return tuple(ref for ref in self.references.values() if ref.table == self.name)

    def key_of(self, column: Column[Any]) -> str:
        reference = self.references.get(column.name)
        return reference.key if reference is not None else column.name


def table_specs() -> tuple[TableSpec, ...]:
    """Every table of the data model, referenced tables before the tables that refer to them."""
    specs = []
    for table in Base.metadata.sorted_tables:
        references = {}
        for column in table.columns:
            keys = list(column.foreign_keys)
            if keys:
                key = column.name[:-3] if column.name.endswith("_id") else column.name
                references[column.name] = Reference(column.name, key, keys[0].column.table.name)
        columns = tuple(column for column in table.columns if column.name not in ("id", "uuid"))
        specs.append(TableSpec(table, columns, references))
    return tuple(specs)


def to_json(value: Any) -> Any:
    """A column's value as the document writes it."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    return value


def export_row(spec: TableSpec, row: RowMapping, uuids: Mapping[str, Mapping[int, str]]) -> dict[str, Any]:
    """One row as the document's object; ``uuids`` maps each table's ids to uuids."""
    data: dict[str, Any] = {"uuid": row["uuid"]}
    for column in spec.columns:
        value = row[column.name]
        reference = spec.references.get(column.name)
        if reference is not None:
            data[reference.key] = None if value is None else uuids[reference.table][value]
        else:
            data[column.name] = to_json(value)
    return data


class RowReader:
    """Checks one table's objects from a document and turns them into column values."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.keys = {"uuid", *(spec.key_of(column) for column in spec.columns)}

    def problem(self, number: int, text: str) -> ValidationError:
        return ValidationError(
            FIELD, f"Filen kan inte importeras: rad {number} i tabellen {self.spec.name} {text}"
        )

    def read(self, number: int, data: Any, known: Mapping[str, Mapping[str, int]]) -> dict[str, Any]:
        """Column values for a new row; references are looked up in ``known`` (uuid → id per table).

        Self-references are left out here; ``self_references`` gives them for a second pass.
        """
        if not isinstance(data, dict):
            raise self.problem(number, "är inget objekt.")
        unknown = sorted(set(data) - self.keys)
        if unknown:
            raise self.problem(number, f"har fält som programmet inte känner till: {', '.join(unknown)}.")
        uuid = data.get("uuid")
        if not isinstance(uuid, str) or not 1 <= len(uuid) <= 36:
            raise self.problem(number, "saknar ett giltigt uuid.")
        values: dict[str, Any] = {"uuid": uuid}
        for column in self.spec.columns:
            key = self.spec.key_of(column)
            if key not in data:
                if column.nullable or column.default is not None:
                    continue
                raise self.problem(number, f"saknar fältet {key}.")
            reference = self.spec.references.get(column.name)
            if reference is not None:
                if reference.table == self.spec.name:
                    continue
                values[column.name] = self._reference(number, column, reference, data[key], known)
            else:
                values[column.name] = self._value(number, column, data[key])
        return values

    def self_references(
        self, number: int, data: dict[str, Any], known: Mapping[str, Mapping[str, int]]
    ) -> dict[str, Any]:
        """The self-referencing columns' ids, once every row of the table has one."""
        return {
            ref.column: self._reference(number, self.spec.table.c[ref.column], ref, data.get(ref.key), known)
            for ref in self.spec.self_references
        }

    def _reference(
        self,
        number: int,
        column: Column[Any],
        reference: Reference,
        value: Any,
        known: Mapping[str, Mapping[str, int]],
    ) -> int | None:
        if value is None:
            if column.nullable:
                return None
            raise self.problem(number, f"saknar {reference.key}, som måste anges.")
        if not isinstance(value, str) or value not in known[reference.table]:
            raise self.problem(
                number,
                f"pekar i fältet {reference.key} på en rad som inte finns i tabellen {reference.table} i filen.",
            )
        return known[reference.table][value]

    def _value(self, number: int, column: Column[Any], value: Any) -> Any:
        if value is None:
            if column.nullable:
                return None
            raise self.problem(number, f"saknar ett värde i fältet {column.name}.")
        try:
            return _convert(column, value)
        except (TypeError, ValueError) as error:
            raise self.problem(number, f"har ett ogiltigt värde i fältet {column.name} ({error}).") from None


# A text column without a length of its own (notes, quotes, a meeting's stored figures) takes at most this
# much from a file: far more than any the program writes, far less than would stall it.
LONGEST_FREE_TEXT = 1_000_000


def _convert(column: Column[Any], value: Any) -> Any:
    """A JSON value as the column's Python value; TypeError or ValueError (in Swedish) if it does not fit."""
    kind = column.type
    if isinstance(kind, Enum):
        enum_class = kind.enum_class
        if enum_class is None or not isinstance(value, str):
            raise TypeError("ska vara text")
        try:
            return enum_class(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in enum_class)
            raise ValueError(f"ska vara något av {allowed}") from None
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise TypeError("ska vara true eller false")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("ska vara ett heltal")
        return value
    if isinstance(kind, DateTime | Date | Time):
        return _iso(kind, value)
    if isinstance(kind, String):
        if not isinstance(value, str):
            raise TypeError("ska vara text")
        # What is not text (a lone surrogate from a JSON escape, U+FFFE …) is dropped, as when typed.
        value = without_non_text(value)
        longest = kind.length if kind.length is not None else LONGEST_FREE_TEXT
        if len(value) > longest:
            raise ValueError(f"får vara högst {longest} tecken")
        return value
    raise TypeError("har en typ som programmet inte kan läsa")


def _iso(kind: DateTime | Date | Time, value: Any) -> dt.datetime | dt.date | dt.time:
    if isinstance(kind, DateTime):
        parse: Any = dt.datetime.fromisoformat
        form = "en tidpunkt som 2026-03-31T17:00:00"
    elif isinstance(kind, Date):
        parse = dt.date.fromisoformat
        form = "ett datum som 2026-03-31"
    else:
        parse = dt.time.fromisoformat
        form = "en tid som 17:00:00"
    if not isinstance(value, str):
        raise TypeError(f"ska vara {form}")
    try:
        parsed: dt.datetime | dt.date | dt.time = parse(value)
    except ValueError:
        raise ValueError(f"ska vara {form}") from None
    return parsed
