"""What a person may ask for: their register extract as a PDF, and being deleted from the register.

``export_register_extract`` and ``delete_participant_on_request`` are called from the Deltagare page
(a participant, or a family on the Familjer tab); each asks what it needs and tells how it went.
"""

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from biv_desktop.domain.errors import UserError
from biv_desktop.services.participants import get_participant
from biv_desktop.services.privacy import delete_participant, register_extract
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask, warn
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.privacy.aftermath import finish_clean_up

log = logging.getLogger(__name__)


tr = translator("Privacy")


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def export_register_extract(
    parent: QWidget | None,
    database: Database,
    participant_id: int | None = None,
    family_id: int | None = None,
    *,
    today: dt.date | None = None,
    folder: Path | None = None,
) -> Path | None:
    """Registerutdrag…: everything stored about a participant (or each member of a family) as a PDF the
    user saves where she chooses; the file, or None if she cancelled or it could not be made (she is told).

    The suggested file name holds only the date, never a name.
    """
    # Imported now: the extract is drawn with reportlab, which nothing else on this screen needs.
    from biv_desktop.reports.register_extract import default_file_name, write_register_extract

    today = today or dt.date.today()
    title = tr("Registerutdrag")
    suggested = (folder or _documents()) / default_file_name(today)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, tr("Spara registerutdrag"), str(suggested), tr("PDF-filer (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")

    def write(_override: bool) -> Path:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            extract = register_extract(
                database, participant_id=participant_id, family_id=family_id, today=today
            )
            return write_register_extract(extract, path)
        except UserError as error:
            log.warning("A register extract could not be made: %s", type(error).__name__)
            raise
        finally:
            QGuiApplication.restoreOverrideCursor()

    written = service_call(parent, title, write, headline=tr("Registerutdraget kunde inte sparas."))
    if written is REFUSED:
        return None
    warn(
        parent,
        title,
        tr("Registerutdraget är sparat som {name}.").format(name=written.name),
        tr(
            "Det innehåller personuppgifter och är märkt konfidentiellt. Lämna det bara till den det gäller "
            "eller till vårdnadshavaren, och radera filen från datorn när det är överlämnat."
        ),
        QMessageBox.Icon.Information,
    )
    return written


def delete_participant_on_request(
    parent: QWidget | None, database: Database, participant_id: int, *, backups: Path | None = None
) -> bool:
    """Ta bort på begäran…: remove a participant entirely after a confirmation, then clear the files and
    report; True if the participant was deleted."""
    participant = service_call(
        parent,
        tr("Ta bort på begäran"),
        lambda _: get_participant(database, participant_id),
        invalid=lambda _error: None,
    )
    name = tr("deltagaren") if participant is REFUSED else participant.name
    question = tr("Ta bort {name} helt ur registret?").format(name=name)
    details = tr(
        "Personen tas bort med sina grupper, sin närvaro och sin plats på väntelistan, och familjen om "
        "ingen annan finns kvar i den. Uppföljningar som redan har dokumenterats behåller sina siffror. "
        "Det går inte att ångra.\n\nVill personen ha ut sina uppgifter, gör ett registerutdrag först."
    )
    destructive = QMessageBox.ButtonRole.DestructiveRole
    if not ask(parent, tr("Ta bort på begäran"), question, details, tr("Ta bort"), role=destructive):
        return False
    result = service_call(
        parent,
        tr("Ta bort på begäran"),
        lambda _: delete_participant(database, participant_id),
        headline=tr("Ingen togs bort."),
    )
    if result is REFUSED:
        return False
    finish_clean_up(parent, database, result, deleted=True, backups=backups)
    return True
