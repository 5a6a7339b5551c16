"""The Kommunikation tab: what the parish and the municipality did to make the groups known."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from biv_desktop.domain.enums import Channel, Party
from biv_desktop.services.followup import (
    EffortDraft,
    EffortRow,
    delete_effort,
    list_efforts,
    save_effort,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.dates import date_edit, date_of, to_qdate
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.common.list_screen import ListTab
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.common.table import lead_down_to
from biv_desktop.ui.followup.common import one_line, text_box, tr


class EffortDialog(EditorDialog[EffortRow]):
    """Adds or edits a communication effort."""

    def __init__(
        self,
        database: Database,
        effort: EffortRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tr("Ny kommunikationsinsats") if effort is None else tr("Kommunikationsinsats"), database, parent
        )
        self.effort = effort
        self.date = date_edit(today)
        self.party = QComboBox()
        for party in Party:
            self.party.addItem(party.label, party.value)
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.audience = QLineEdit()
        self.audience.setPlaceholderText(tr("t.ex. skolkuratorer, socialsekreterare, allmänheten"))
        self.description = text_box(
            5, tr("Vad gjordes? t.ex. ”Informerade om grupperna på arbetsplatsträff”")
        )
        self.errors.add_row("date", tr("&Datum:"), self.date)
        self.errors.add_row("party", tr("&Part:"), self.party)
        self.errors.add_row("channel", tr("&Kanal:"), self.channel)
        self.errors.add_row("audience", tr("&Målgrupp:"), self.audience)
        self.errors.add_row("description", tr("&Beskrivning:"), self.description)
        if effort is not None:
            self.date.setDate(to_qdate(effort.date))
            self.party.setCurrentIndex(self.party.findData(effort.party.value))
            self.channel.setCurrentIndex(self.channel.findData(effort.channel.value))
            self.audience.setText(effort.audience)
            self.description.setPlainText(effort.description)

    def draft(self) -> EffortDraft:
        return EffortDraft(
            date=date_of(self.date),
            party=Party(self.party.currentData()),
            channel=Channel(self.channel.currentData()),
            audience=self.audience.text(),
            description=self.description.toPlainText(),
        )

    def save(self, override: bool) -> EffortRow:
        return save_effort(self.database, self.draft(), self.effort.id if self.effort else None)


def effort_columns() -> list[Column[EffortRow]]:
    return [
        Column(tr("Datum"), lambda r: r.date.isoformat(), sort=lambda r: f"{r.date.isoformat()} {r.id:09d}"),
        Column(tr("Part"), lambda r: r.party.label),
        Column(tr("Kanal"), lambda r: r.channel.label),
        Column(tr("Målgrupp"), lambda r: r.audience),
        Column(tr("Beskrivning"), lambda r: one_line(r.description), tooltip=lambda r: r.description or None),
    ]


class CommunicationTab(ListTab[EffortRow]):
    """Every effort, the latest first, searchable."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            database,
            effort_columns(),
            name=tr("Kommunikationsinsatser"),
            new_text=tr("&Ny insats…"),
            empty_text=tr("Inga kommunikationsinsatser är registrerade ännu."),
            search_text=lambda r: " ".join((r.party.label, r.channel.label, r.audience, r.description)),
            parent=parent,
        )
        self._today = today
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Sök på part, kanal, målgrupp eller beskrivning"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Sök"))
        self.search.textChanged.connect(self.proxy.set_search)
        self.tools.insertWidget(1, self.search, 2)
        lead_down_to(self.search, self.table)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def load(self) -> list[EffortRow]:
        return service_result(self, tr("Kommunikation"), lambda: list_efforts(self.database)) or []

    def count_text(self, count: int) -> str:
        if count == 0:
            return self.empty_text
        return tr("1 insats") if count == 1 else tr("{count} insatser").format(count=count)

    def edit(self, row: EffortRow | None) -> EffortRow | None:
        dialog = EffortDialog(self.database, row, self._today, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved

    def delete(self, row: EffortRow) -> bool:
        question = tr("Ta bort insatsen {day} ({channel})?").format(
            day=row.date.isoformat(), channel=row.channel.label
        )
        if not ask_to_delete(self, tr("Ta bort insats"), question):
            return False

        def remove() -> bool:
            delete_effort(self.database, row.id)
            return True

        return service_result(self, tr("Ta bort insats"), remove) is True
