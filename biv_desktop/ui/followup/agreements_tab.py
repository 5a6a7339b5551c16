"""The Avtal tab: every agreement period since the partnership began, the one in force today marked."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QWidget

from biv_desktop.services.followup import (
    AgreementRow,
    current_agreement,
    delete_agreement,
    format_sek,
    list_agreements,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.list_screen import ListTab, ListTexts
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.followup.agreement_dialog import AgreementDialog
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.formatting import period


def agreement_columns(is_current: dict[int, bool]) -> list[Column[AgreementRow]]:
    def parts(row: AgreementRow) -> str | None:
        lines = [f"{part.source}: {format_sek(part.amount_sek)}" for part in row.funding_parts]
        return "\n".join(lines) or None

    return [
        Column(tr("Avtal"), lambda r: r.name),
        Column(
            tr("Period"), lambda r: period(r.starts_on, r.ends_on), sort=lambda r: r.starts_on.isoformat()
        ),
        Column(
            tr("Kommunens belopp"),
            lambda r: format_sek(r.municipal_amount_sek),
            sort=lambda r: r.municipal_amount_sek,
            tooltip=parts,
        ),
        Column(
            tr("Pastoratet per år"),
            lambda r: format_sek(r.parish_amount_per_year_sek),
            sort=lambda r: r.parish_amount_per_year_sek,
        ),
        Column(
            tr("Grupper per år"),
            lambda r: str(r.min_groups_per_year),
            sort=lambda r: r.min_groups_per_year,
            align_center=True,
        ),
        Column(
            tr("Utbildningsplatser"),
            lambda r: str(r.training_places_per_year),
            sort=lambda r: r.training_places_per_year,
            align_center=True,
        ),
        Column(
            tr("Uppsägning"),
            lambda r: tr("{months} mån").format(months=r.notice_months),
            sort=lambda r: r.notice_months,
        ),
        Column(tr("Gäller i dag"), lambda r: tr("Ja") if is_current.get(r.id) else "", align_center=True),
    ]


class AgreementsTab(ListTab[AgreementRow]):
    """The agreement periods, the latest first; a new one starts as the latest extended by a year."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        self._current: dict[int, bool] = {}  # filled by load, read by the "Gäller i dag" column
        super().__init__(database, today, parent)
        self._current_text = ""
        bold = QFont(self.count_label.font())
        bold.setBold(True)
        self.count_label.setFont(bold)
        self.count_label.setWordWrap(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)

    def columns(self) -> list[Column[AgreementRow]]:
        return agreement_columns(self._current)

    def texts(self) -> ListTexts:
        return ListTexts(
            name=tr("Avtal"),
            new=tr("&Nytt avtal…"),
            empty=tr("Inget avtal är registrerat ännu. Lägg in överenskommelsen med kommunen."),
        )

    def load(self) -> list[AgreementRow]:
        current = service_result(self, tr("Avtal"), lambda: current_agreement(self.database, self.today))
        self._current.clear()
        self._current_text = tr("Inget avtal gäller i dag.")
        if current is not None:
            self._current[current.agreement.id] = True
            self._current_text = tr("I dag gäller {name}. Avtalsåret: {year}.").format(
                name=current.agreement.name, year=period(current.year_starts_on, current.year_ends_on)
            )
        return service_result(self, tr("Avtal"), lambda: list_agreements(self.database)) or []

    def count_text(self, count: int) -> str:
        return self.empty_text if count == 0 else self._current_text

    def edit(self, row: AgreementRow | None) -> AgreementRow | None:
        return self.run_editor(AgreementDialog(self.database, row, self.today, self))

    def delete(self, row: AgreementRow) -> bool:
        question = tr("Ta bort avtalet {name}?").format(name=row.name)
        detail = tr(
            "Ta bara bort ett avtal som lagts in av misstag: avtalen sedan 2017 är underlag för uppföljningen. "
            "Rapporter som sparats med möten behåller sina siffror."
        )
        if not ask_to_delete(self, tr("Ta bort avtal"), question, detail):
            return False

        def remove() -> bool:
            delete_agreement(self.database, row.id)
            return True

        return service_result(self, tr("Ta bort avtal"), remove) is True
