"""The main window's pages, each built the first time it is shown: the window opens on the overview alone,
and a page's modules (and what they import) are loaded only when the user goes there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStackedWidget, QWidget

from biv_desktop.ui.page import Page

if TYPE_CHECKING:  # the window's first frame comes before the database layer is loaded (ui/app.py)
    from biv_desktop.store.database import Database


@dataclass(frozen=True)
class PageSpec:
    """A page as the navigation lists it: its title, and how to build it on the register (and a fixed day)."""

    title: str
    build: Callable[[Database, dt.date | None], Page]


def _overview(database: Database, today: dt.date | None) -> Page:
    from biv_desktop.ui.overview.page import OverviewPage

    return OverviewPage(database, today)


def _groups(database: Database, today: dt.date | None) -> Page:
    from biv_desktop.ui.groups.page import GroupsPage

    return GroupsPage(database, today=today)


def _schedule(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.schedule.page import SchedulePage

    return SchedulePage(database)


def _participants(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.participants.page import ParticipantsPage

    return ParticipantsPage(database)


def _leaders(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.people.leaders_page import LeadersPage

    return LeadersPage(database)


def _interpreters(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.people.interpreters_page import InterpretersPage

    return InterpretersPage(database)


def _premises(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.premises.page import PremisesPage

    return PremisesPage(database)


def _training(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.training.page import TrainingPage

    return TrainingPage(database)


def _follow_up(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.followup.page import FollowUpPage

    return FollowUpPage(database)


def _settings(database: Database, _today: dt.date | None) -> Page:
    from biv_desktop.ui.settings.page import SettingsPage

    return SettingsPage(database)


def page_specs() -> list[PageSpec]:
    """Every page in the navigation's order; each title is the one its page gives itself."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    return [
        PageSpec(tr("Översikt"), _overview),
        PageSpec(tr("Grupper"), _groups),
        PageSpec(tr("Schema"), _schedule),
        PageSpec(tr("Deltagare"), _participants),
        PageSpec(tr("Gruppledare"), _leaders),
        PageSpec(tr("Tolkar"), _interpreters),
        PageSpec(tr("Lokaler"), _premises),
        PageSpec(tr("Utbildning"), _training),
        PageSpec(tr("Uppföljning"), _follow_up),
        PageSpec(tr("Inställningar"), _settings),
    ]


class PageStack(QStackedWidget):
    """The pages in the navigation's order: an empty stand-in for each until it is first shown."""

    def __init__(
        self,
        specs: list[PageSpec],
        database: Callable[[], Database],
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.specs = specs
        self._database = database
        self._today = today
        self._built: dict[int, Page] = {}
        self._stand_ins = [QWidget() for _spec in specs]
        for stand_in in self._stand_ins:
            self.addWidget(stand_in)

    def page(self, index: int) -> Page:
        """The page at ``index``, built now if it has not been shown yet."""
        built = self._built.get(index)
        if built is not None:
            return built
        page = self.specs[index].build(self._database(), self._today)
        stand_in = self._stand_ins[index]
        self.removeWidget(stand_in)
        stand_in.deleteLater()
        self.insertWidget(index, page)
        self._built[index] = page
        return page

    def show_page(self, index: int) -> Page:
        """Build the page if needed and bring it to the front."""
        page = self.page(index)
        self.setCurrentIndex(index)
        return page

    def built_pages(self) -> list[Page]:
        """The pages built so far (those shown at least once)."""
        return [self._built[index] for index in sorted(self._built)]
