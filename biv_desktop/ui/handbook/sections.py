"""The handbook's sections, and which one F1 opens on each page of the window."""

from dataclasses import dataclass
from pathlib import Path

from biv_desktop.paths import resource_dir


@dataclass(frozen=True)
class Section:
    """A chapter of the handbook (an HTML file) or a part of one (``anchor``), with its Swedish title."""

    file: str
    title: str
    anchor: str = ""

    @property
    def target(self) -> str:
        """The file, with '#anchor' when the section is part of a chapter."""
        return f"{self.file}#{self.anchor}" if self.anchor else self.file


CONTENTS = Section("index.html", "Innehåll")
CHAPTERS = (
    Section("kom-igang.html", "Kom igång"),
    Section("planera.html", "Planera en grupp"),
    Section("deltagare.html", "Skriva in deltagare"),
    Section("narvaro.html", "Ta närvaro"),
    Section("utskrifter.html", "Skriva ut"),
    Section("uppfoljning.html", "Uppföljningen"),
    Section("sakerhetskopior.html", "Säkerhetskopior och återställning"),
    Section("gallring.html", "Gallring"),
    Section("kortkommandon.html", "Kortkommandon"),
)

# By the page's class name, so this module needs none of the pages (the window may build them late).
PAGE_SECTIONS = {
    "OverviewPage": Section("kom-igang.html", "Översikten", "oversikten"),
    "GroupsPage": Section("planera.html", "Planera en grupp"),
    "SchedulePage": Section("planera.html", "Schemat", "schemat"),
    "ParticipantsPage": Section("deltagare.html", "Skriva in deltagare"),
    "LeadersPage": Section("kom-igang.html", "Gruppledare", "gruppledare"),
    "InterpretersPage": Section("kom-igang.html", "Tolkar", "tolkar"),
    "PremisesPage": Section("kom-igang.html", "Lokaler", "lokaler"),
    "TrainingPage": Section("kom-igang.html", "Gruppledarutbildningen", "utbildning"),
    "FollowUpPage": Section("uppfoljning.html", "Uppföljningen"),
    "SettingsPage": Section("kom-igang.html", "Inställningar", "installningar"),
}


def handbook_dir() -> Path:
    """Where the handbook's files are: resources/handbook, shipped inside the package."""
    return resource_dir() / "handbook"


def section_for(page: object) -> Section:
    """The section about ``page``; the contents for a page the handbook has no section for."""
    return PAGE_SECTIONS.get(type(page).__name__, CONTENTS)
