"""After anonymising or deleting: clearing the database's files, a fresh backup, and telling the user what
became of the data, where a name is still written, and how long older backups keep it."""

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from biv_desktop.domain import retention
from biv_desktop.domain.errors import UserError
from biv_desktop.paths import backups_dir
from biv_desktop.services.privacy import CleanUpResult, TraceReport, remove_older_backups, remove_traces
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import warn
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.common.worker import run_with_progress
from biv_desktop.ui.formatting import date_in_words

log = logging.getLogger(__name__)


tr = translator("Privacy")


def _bullets(items: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


def what_anonymising_does(participants: int, staff: int) -> str:
    """The confirmation's explanation: what is removed and what stays, for the kinds of people chosen."""
    parts = []
    if participants:
        parts.append(
            tr("För deltagare tas det här bort:\n{removed}\n\nDet här finns kvar:\n{kept}").format(
                removed=_bullets(retention.PARTICIPANT_REMOVED), kept=_bullets(retention.PARTICIPANT_KEPT)
            )
        )
    if staff:
        parts.append(
            tr("För gruppledare och tolkar tas {removed} bort; kvar finns {kept}.").format(
                removed=", ".join(retention.STAFF_REMOVED), kept=", ".join(retention.STAFF_KEPT)
            )
        )
    parts.append(
        tr(
            "Uppföljningarnas siffror blir desamma som förut. Anonymiseringen går inte att ångra, och "
            "säkerhetskopian som görs efteråt innehåller inte uppgifterna."
        )
    )
    return "\n\n".join(parts)


def _backups_text(report: TraceReport) -> str:
    paragraphs = [
        tr(
            "Databasens filer är rensade och en ny säkerhetskopia utan uppgifterna är sparad ({name})."
        ).format(name=report.fresh_backup.name)
    ]
    older = len(report.older)
    if older:
        lines = [
            tr("{count} äldre säkerhetskopior innehåller fortfarande uppgifterna.").format(count=older)
            if older > 1
            else tr("En äldre säkerhetskopia innehåller fortfarande uppgifterna.")
        ]
        if report.latest_expiry is not None:
            lines.append(
                tr(
                    "Den automatiska rensningen av säkerhetskopior tar bort dem senast {day}, om programmet "
                    "används minst en gång i månaden."
                ).format(day=date_in_words(report.latest_expiry))
            )
        if report.safety_backups:
            lines.append(
                tr(
                    "{count} av dem togs före en uppgradering eller återställning och sparas tills nyare "
                    "sådana ersätter dem."
                ).format(count=report.safety_backups)
            )
        lines.append(tr("Du kan ta bort de äldre säkerhetskopiorna nu; då finns bara den nya kvar."))
        paragraphs.append(" ".join(lines))
    paragraphs.append(
        tr(
            "Kopior på andra ställen, som ett USB-minne, en JSON-export eller en utskrift, når programmet "
            "inte. Radera dem själv."
        )
    )
    return "\n\n".join(paragraphs)


def _mentions_text(result: CleanUpResult) -> str:
    if not result.mentions:
        return ""
    places = [mention.place for mention in result.mentions]
    return tr(
        "Ett borttaget namn står fortfarande i fritext på de här ställena. Ändra texten där:\n{places}"
    ).format(places=_bullets(places))


def _headline(result: CleanUpResult, deleted: bool) -> str:
    if deleted:
        return tr("Deltagaren är borttagen ur registret.")
    if result.people == 1:
        return tr("En person är anonymiserad.")
    return tr("{count} personer är anonymiserade.").format(count=result.people)


def _offer_older_backups(parent: QWidget | None, headline: str, details: str, report: TraceReport) -> bool:
    """Show what was done; True if the user chose to delete the older backups now."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(tr("Gallringen är klar"))
    box.setText(headline)
    box.setInformativeText(details)
    if not report.older:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()
        return False
    remove = box.addButton(tr("Ta bort äldre säkerhetskopior"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(tr("Behåll dem"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is remove


def finish_clean_up(
    parent: QWidget | None,
    database: Database,
    result: CleanUpResult,
    *,
    deleted: bool = False,
    backups: Path | None = None,
    now: dt.datetime | None = None,
) -> TraceReport | None:
    """Clear the removed data out of the database's files and take a fresh backup, then tell the user;
    the report of what was done, or None if the files could not be cleared (the user is told why)."""
    folder = backups if backups is not None else backups_dir()
    headline = _headline(result, deleted)
    mentions = _mentions_text(result)
    try:
        report: TraceReport = run_with_progress(
            parent,
            tr("Gallring"),
            tr("Rensar databasens filer och sparar en ny säkerhetskopia…"),
            lambda _progress: remove_traces(database, folder, now=now),
            cancellable=False,
        )
    except UserError as error:  # the register is cleaned; only its files could not be
        log.warning("Clearing the files after a clean-up failed: %s", type(error).__name__)
        details = "\n\n".join(
            part
            for part in (
                error.message,
                tr("Uppgifterna är ändå borttagna ur registret. Gör en säkerhetskopia senare."),
                mentions,
            )
            if part
        )
        warn(parent, tr("Gallring"), headline, details)
        return None
    details = "\n\n".join(part for part in (mentions, _backups_text(report)) if part)
    if _offer_older_backups(parent, headline, details, report):
        removed = service_call(
            parent,
            tr("Gallring"),
            lambda _: remove_older_backups(report),
            headline=tr("Alla äldre säkerhetskopior kunde inte tas bort."),
        )
        if removed is not REFUSED:
            log.info("Removed %d older backups after a clean-up", removed)
    return report
