"""This week's sessions as a table, with sessions that lack staff marked."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from biv_desktop.domain.calendar import time_range
from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.schedule.staffing import LEADERS_PER_SESSION
from biv_desktop.services.followup import WeekSession
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.formatting import day_in_words

tr = translator("WeekSessionTableModel")

DAY, TIME, GROUP, NUMBER, THEME, PREMISES, LEADERS, INTERPRETER, STATUS, STAFFING = range(10)
COLUMN_COUNT = 10

# A soft amber: noticeable without alarming, and dark text stays readable on it.
STAFFING_WARNING = QColor(255, 236, 179)


def staffing_text(session: WeekSession) -> str:
    """What a session still lacks, e.g. 'Saknar en gruppledare och tolk'."""
    if session.status is SessionStatus.CANCELLED:
        return ""
    if not session.understaffed:
        return tr("Bemannad")
    # The rule counts trained leaders: a booked leader without the training is why one is missing.
    trained_booked = LEADERS_PER_SESSION - session.missing_leaders
    untrained_booked = len(session.leader_names) > trained_booked
    if untrained_booked:
        wording = {0: "", 1: tr("en utbildad gruppledare"), 2: tr("två utbildade gruppledare")}
    else:
        wording = {0: "", 1: tr("en gruppledare"), 2: tr("två gruppledare")}
    leaders = wording[session.missing_leaders]
    interpreter = tr("tolk") if session.missing_interpreter else ""
    if leaders and interpreter:
        return tr("Saknar {leaders} och {interpreter}").format(leaders=leaders, interpreter=interpreter)
    return tr("Saknar {what}").format(what=leaders or interpreter)


def _leaders(session: WeekSession) -> str:
    return "\n".join(session.leader_names)


def _warning(session: WeekSession, value: Any) -> Any:
    return value if session.understaffed else None


def _columns() -> list[Column[WeekSession]]:
    # Long text is cut in the cell: the group, theme and leaders show whole in the tooltip.
    return [
        Column(tr("Dag"), lambda s: day_in_words(s.date)),
        Column(tr("Tid"), lambda s: time_range(s.start_time, s.end_time)),
        Column(tr("Grupp"), lambda s: s.group_name, tooltip=lambda s: s.group_name),
        Column(tr("Träff"), lambda s: str(s.number), align_center=True),
        Column(tr("Tema"), lambda s: s.theme, tooltip=lambda s: s.theme),
        Column(tr("Lokal"), lambda s: s.premises),
        Column(tr("Gruppledare"), _leaders, tooltip=_leaders),
        Column(tr("Tolk"), lambda s: s.interpreter_name),
        Column(tr("Status"), lambda s: s.status.label),
        Column(
            tr("Bemanning"),
            staffing_text,
            tooltip=lambda s: "\n".join(s.staffing_problems) or None,
            background=lambda s: _warning(s, QBrush(STAFFING_WARNING)),
            foreground=lambda s: _warning(s, QBrush(QColor(Qt.GlobalColor.black))),
            decoration=lambda s: _warning(s, _warning_icon()),
        ),
    ]


def _warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class WeekSessionTableModel(RowTableModel[WeekSession]):
    """The sessions of one week, in the order they take place."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(_columns(), parent)
