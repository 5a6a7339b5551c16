"""Keeping the groups' statuses in step with the calendar while the window is open.

The window calls ``advance_statuses`` before it shows a page, so a group whose first session has come is
running, and one whose last has passed is finished, on every page and in the overview's counts, whether the
program was started today or left open over the night.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from biv_desktop.domain.errors import UserError
from biv_desktop.services import groups

if TYPE_CHECKING:  # the window's first frame comes before the database layer is loaded (ui/app.py)
    from biv_desktop.store.database import Database

log = logging.getLogger(__name__)


def advance_statuses(database: Database, today: dt.date | None = None) -> None:
    """Move the groups' statuses to ``today`` (the real today unless given). A register that cannot be
    written (read-only, busy) keeps them as they are: the page is still shown, and nobody is interrupted."""
    try:
        changes = groups.advance_group_statuses(database, today)
    except UserError as error:
        log.info("Group statuses not advanced: %s", type(error).__name__)
        return
    if changes:
        log.info("Group statuses advanced by date: %d groups", len(changes))
