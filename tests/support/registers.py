"""Small fictional registers for the data-safety tests: N participants, closed, with the WAL emptied."""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import text

from biv_desktop.store.register import open_register


def make_register(path: Path, participants: int, backups: Path, *, prefix: str = "Påhittad") -> Path:
    """A closed register at ``path`` holding ``participants`` fictional children; returns ``path``."""
    database = open_register(path, backups)
    with database.transaction() as session:
        session.execute(
            text(
                "INSERT INTO participant (first_name, last_name, native_name, birth_year, gender, role, "
                "programme_status, district, guardian_phone, consent_by, uuid) VALUES (:first, :last, '', "
                "2015, 'not_stated', 'child', 'asylum_seeking', 'Ryd', '', '', :uuid)"
            ),
            [
                {"first": f"{prefix}{n}", "last": "Testsson", "uuid": f"{prefix}-{n:05d}-uuid"}
                for n in range(participants)
            ],
        )
    database.close()
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def participant_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as raw:
        return int(raw.execute("SELECT count(*) FROM participant").fetchone()[0])


def flip_bit_in_row(path: Path, marker: bytes) -> None:
    """Flip one bit inside the first place ``marker`` is written (a row's uuid): the row then disagrees
    with the uuid's index, which ``integrity_check`` finds and ``quick_check`` does not."""
    data = bytearray(path.read_bytes())
    at = data.index(marker)
    data[at + len(marker) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def drop_table(path: Path, table: str) -> None:
    """What another tool may do: drop one of the register's tables."""
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute(f"DROP TABLE {table}")
        raw.commit()
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
