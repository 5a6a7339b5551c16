"""A clean-up in the same second as another backup: the fresh backup (without the removed name) is kept."""

import datetime as dt
from pathlib import Path

from biv_desktop.services.privacy.files import remove_traces
from biv_desktop.services.register.backup import backup_at_start
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family

NOW = dt.datetime(2026, 11, 25, 14, 30)


def test_a_clean_up_in_the_same_second_as_the_start_backup_keeps_the_fresh_backup(
    database: Database, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    with database.transaction() as session:
        session.add(Family(name="Familjen Påhittad"))
    start = backup_at_start(database, backups, now=NOW)
    assert start is not None
    with database.transaction() as session:
        session.query(Family).delete()  # the name leaves the register

    report = remove_traces(database, backups, now=NOW)

    assert report.fresh_backup.exists()
    # The older backup of the same second still holds the removed name: the rotation removes it, or at
    # least it is listed among the older backups the user is told about.
    assert not start.exists() or start in [backup.path for backup in report.older]
