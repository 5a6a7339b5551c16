"""The columns of a group's detail: its sessions and its roster."""

from PySide6.QtGui import QBrush, QColor, QPalette

from biv_desktop.domain.calendar import time_range
from biv_desktop.domain.enums import SessionStatus
from biv_desktop.services.groups import SessionRow
from biv_desktop.services.participants import RosterRow
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.formatting import day_in_words
from biv_desktop.ui.groups.fields import tr

PROBLEM_COLOUR = QColor("#a04000")


def muted() -> QBrush:
    """Text toned down for what is history (a cancelled session, someone who left), readable on any theme."""
    colour = QPalette().color(QPalette.ColorRole.Text)
    colour.setAlpha(140)
    return QBrush(colour)


def _session_colour(row: SessionRow) -> QBrush | None:
    return muted() if row.status is SessionStatus.CANCELLED else None


def staffing_text(row: SessionRow) -> str:
    """The staffing problems of a session still to come, then its note."""
    return "\n".join([*row.staffing_problems, *([row.note] if row.note else [])])


def _staffing_colour(row: SessionRow) -> QBrush | None:
    if row.staffing_problems:
        return QBrush(PROBLEM_COLOUR)
    return _session_colour(row)


def session_columns() -> list[Column[SessionRow]]:
    return [
        Column(tr("Träff"), lambda r: str(r.number), sort=lambda r: r.number, align_center=True,
               foreground=_session_colour),
        Column(tr("Datum"), lambda r: r.date.isoformat(), sort=lambda r: r.date.toordinal(),
               foreground=_session_colour),
        Column(tr("Dag"), lambda r: day_in_words(r.date), sort=lambda r: r.date.toordinal(),
               foreground=_session_colour),
        Column(tr("Tid"), lambda r: time_range(r.start_time, r.end_time), foreground=_session_colour),
        Column(tr("Tema"), lambda r: r.theme_title, tooltip=lambda r: r.theme_title or None,
               foreground=_session_colour),
        Column(tr("Status"), lambda r: r.status.label, sort=lambda r: list(SessionStatus).index(r.status),
               foreground=_session_colour),
        Column(tr("Gruppledare"), lambda r: "\n".join(r.leader_names), foreground=_session_colour),
        Column(tr("Tolk"), lambda r: r.interpreter_name, foreground=_session_colour),
        Column(tr("Bemanning och anteckning"), staffing_text, tooltip=lambda r: staffing_text(r) or None,
               foreground=_staffing_colour),
    ]  # fmt: skip


def _roster_colour(row: RosterRow) -> QBrush | None:
    return None if row.is_active else muted()


def roster_columns() -> list[Column[RosterRow]]:
    return [
        Column(tr("Namn"), lambda r: r.name, foreground=_roster_colour),
        Column(tr("Namn på eget språk"), lambda r: r.native_name, foreground=_roster_colour),
        Column(tr("Ålder"), lambda r: str(r.age), sort=lambda r: r.age, align_center=True,
               foreground=_roster_colour),
        Column(tr("Kön"), lambda r: r.gender_label, foreground=_roster_colour),
        Column(tr("Roll"), lambda r: r.role.label, foreground=_roster_colour),
        Column(tr("Började"), lambda r: r.joined_on.isoformat(), sort=lambda r: r.joined_on.toordinal(),
               foreground=_roster_colour),
        Column(tr("Slutade"), lambda r: r.left_on.isoformat() if r.left_on else "",
               sort=lambda r: r.left_on.toordinal() if r.left_on else 0, foreground=_roster_colour),
        Column(tr("Orsak"), lambda r: r.leave_reason, tooltip=lambda r: r.leave_reason or None,
               foreground=_roster_colour),
        Column(tr("Samtycke"), lambda r: tr("Ja") if r.has_consent else tr("Saknas"),
               foreground=lambda r: None if r.has_consent or not r.is_active else QBrush(PROBLEM_COLOUR)),
    ]  # fmt: skip
