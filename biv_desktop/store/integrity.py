"""The one check that guards opening, backups and restores: SQLite's own check and the schema's shape.

``PRAGMA quick_check`` finds a damaged b-tree but not an index that disagrees with its table (one flipped
bit in a row does that); ``PRAGMA integrity_check`` finds both, and a register of a few megabytes takes it
in well under a second. Another tool can also leave a file SQLite finds whole but the program cannot use
(a table or a column dropped), so the schema is compared with the program's models: every table and
column they expect must be there. Extra tables and columns are allowed (a newer program's additions are
refused elsewhere, by their revision).
"""

import sqlite3

from biv_desktop.store import cipher


def expected_schema() -> dict[str, frozenset[str]]:
    """The tables of the program's current schema, each with its columns (and Alembic's version table)."""
    from biv_desktop.store.models import Base  # the models import the store's base; import them late

    expected = {name: frozenset(table.columns.keys()) for name, table in Base.metadata.tables.items()}
    expected["alembic_version"] = frozenset({"version_num"})
    return expected


def schema_problems(connection: sqlite3.Connection) -> list[str]:
    """What is missing from the schema, e.g. ['tabellen participant', 'kolumnen family.name']; [] if whole."""
    tables = {
        str(row[0])
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    problems = []
    for table, columns in sorted(expected_schema().items()):
        if table not in tables:
            problems.append(f"tabellen {table}")
            continue
        # The table name comes from our own models, never from the file.
        present = {str(row[1]) for row in connection.execute(f'PRAGMA table_info("{table}")').fetchall()}
        problems.extend(f"kolumnen {table}.{column}" for column in sorted(columns - present))
    return problems


def integrity_problems(connection: sqlite3.Connection, *, limit: int = 5) -> list[str]:
    """SQLite's ``integrity_check`` findings (at most ``limit``); [] for a whole file."""
    rows = connection.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def at_head(connection: sqlite3.Connection) -> bool:
    """Whether the file is at the program's newest schema revision (then its shape can be compared)."""
    from biv_desktop.store import migrate

    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except cipher.OperationalError as error:
        if str(error).startswith("no such table"):
            return False
        raise
    return row is not None and str(row[0]) == migrate.head_revision()


def problems(connection: sqlite3.Connection) -> list[str]:
    """Everything wrong with an open file: SQLite's findings, then (at the newest revision) missing schema.

    An older revision's schema is checked after its upgrade, where it has the newest shape.
    """
    found = integrity_problems(connection)
    if found:
        return found
    return schema_problems(connection) if at_head(connection) else []
