"""What someone on the waiting list waits for: a group, or a language and an age band (each optional;
nothing chosen means their own mother tongue and age)."""

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from biv_desktop.domain.ages import AgeBand
from biv_desktop.domain.enums import GroupKind, Role
from biv_desktop.services.participants import (
    EnrolmentGroup,
    WaitingRow,
    WaitingWish,
    open_groups,
    waiting_age_bands,
)
from biv_desktop.services.staff import list_languages
from biv_desktop.store.database import Database
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.participants.widgets import choice_combo, select_data, tr


def group_choice_text(group: EnrolmentGroup) -> str:
    """'Barngrupp arabiska 10–12 år … (4 av 6 platser)' as the group list of the dialog shows it."""
    return tr("{name} ({taken} av {capacity} platser)").format(
        name=group.name, taken=group.enrolled, capacity=group.capacity
    )


class WaitingWishDialog(EditorDialog[WaitingRow]):
    """Choose a group, or a language and an age band, for one person; ``save(wish, override)`` stores it
    through the service (putting them on the list, or changing what they wait for)."""

    def __init__(
        self,
        database: Database,
        title: str,
        person: str,
        role: Role,
        own_language: str,
        wish: WaitingWish,
        save: Callable[[WaitingWish, bool], WaitingRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, database, parent)
        self._save = save
        kind = GroupKind.PARENTS if role is Role.GUARDIAN else GroupKind.CHILDREN
        self.groups = {g.id: g for g in open_groups(database) if g.kind is kind}
        self.intro = QLabel(
            tr(
                "Vad väntar {name} på? Välj en grupp, eller ett språk och en åldersgrupp. Det som inte "
                "väljs går efter deltagarens eget modersmål och ålder."
            ).format(name=person)
        )
        self.intro.setWordWrap(True)
        self.body.insertWidget(0, self.intro)
        self.group = choice_combo(
            [(group_choice_text(g), g.id) for g in self.groups.values()], tr("Ingen särskild grupp")
        )
        self.group.setAccessibleName(tr("Grupp"))
        self.language = choice_combo(
            [(row.name, row.id) for row in list_languages(database)],
            tr("Deltagarens modersmål ({language})").format(language=own_language or tr("inte angivet")),
        )
        self.language.setAccessibleName(tr("Språk"))
        parents = role is Role.GUARDIAN
        self.band = choice_combo(
            [] if parents else [(band.label, band) for band in waiting_age_bands(database)],
            tr("Föräldragrupp") if parents else tr("Efter deltagarens ålder"),
        )
        self.band.setAccessibleName(tr("Åldersgrupp"))
        self.band.setEnabled(not parents)
        self.errors.add_row("group_id", tr("&Grupp:"), self.group)
        self.errors.add_row("language_id", tr("&Språk:"), self.language)
        self.errors.add_row("age_band", tr("Å&ldersgrupp:"), self.band)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.body.insertWidget(2, self.hint)
        if wish.group_id is not None and wish.group_id not in self.groups:
            self.hint.setText(tr("Den grupp som valts tidigare är inte längre öppen; välj en annan."))
        select_data(self.group, wish.group_id)
        select_data(self.language, wish.language_id)
        select_data(self.band, wish.age_band)
        self.group.currentIndexChanged.connect(self._follow_group)
        self._follow_group()

    def _follow_group(self) -> None:
        """A chosen group decides the language and the ages: the two other fields show them, locked."""
        group = self.groups.get(self.group.currentData())
        self.language.setEnabled(group is None)
        self.band.setEnabled(group is None and self.band.count() > 1)
        if group is not None:
            self.language.setCurrentIndex(0)
            self.band.setCurrentIndex(0)
            ages = group.age_band_label or tr("föräldrar")
            self.hint.setText(
                tr("Gruppen bestämmer språk och ålder: {language}, {ages}.").format(
                    language=group.language, ages=ages
                )
            )
        elif self.hint.text().startswith(tr("Gruppen bestämmer")):
            self.hint.setText("")

    def wish(self) -> WaitingWish:
        """What the form names now."""
        band = self.band.currentData()
        return WaitingWish(
            group_id=self.group.currentData(),
            language_id=self.language.currentData(),
            age_band=band if isinstance(band, AgeBand) else None,
        )

    def save(self, override: bool) -> WaitingRow:
        return self._save(self.wish(), override)
