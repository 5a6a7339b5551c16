"""The premises page: where the groups meet, with how much each place is used."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QWidget

from biv_desktop.services.register import PremisesRow, list_premises
from biv_desktop.store.database import Database
from biv_desktop.ui.common.list_page import RecordPage
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.premises.dialog import PremisesDialog

tr = translator("Premises")


def premises_columns() -> list[Column[PremisesRow]]:
    return [
        Column(tr("Namn"), lambda r: r.name),
        Column(tr("Stadsdel"), lambda r: r.district),
        Column(tr("Adress"), lambda r: r.address),
        Column(
            tr("Platser"),
            lambda r: str(r.capacity) if r.capacity else "",
            sort=lambda r: r.capacity or 0,
            align_center=True,
        ),
        Column(
            tr("Grupper nu"),
            lambda r: str(r.active_groups),
            sort=lambda r: r.active_groups,
            align_center=True,
            tooltip=lambda r: tr("Planerade och pågående grupper som träffas här"),
        ),
        Column(
            tr("Träffar framöver"),
            lambda r: str(r.sessions_ahead),
            sort=lambda r: r.sessions_ahead,
            align_center=True,
        ),
        Column(tr("Anteckningar"), lambda r: r.notes.replace("\n", " "), tooltip=lambda r: r.notes or None),
    ]


class PremisesPage(RecordPage[PremisesRow]):
    """The places groups meet in (Ryd, Berga, Skäggetorp …): listed, added and edited."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr("Lokaler"),
            database,
            premises_columns(),
            search_hint=tr("Sök på namn, stadsdel, adress eller anteckningar"),
            new_text=tr("&Ny lokal…"),
            nouns=(tr("lokal"), tr("lokaler")),
            today=today,
            parent=parent,
        )

    def load(self) -> Sequence[PremisesRow]:
        return list_premises(self.database, self.today)

    def search_text(self, row: PremisesRow) -> str:
        return " ".join((row.name, row.district, row.address, row.notes))

    def districts(self) -> list[str]:
        """The districts already in use, offered when adding premises."""
        return sorted({row.district for row in self.model.rows()})

    def edit(self, row: PremisesRow | None) -> PremisesRow | None:
        dialog = PremisesDialog(self.database, row, self.districts(), self.today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved
