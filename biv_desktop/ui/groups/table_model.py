"""The groups table: one GroupRow per line, with values for showing and for sorting."""

from typing import Any

from PySide6.QtGui import QBrush, QPalette

from biv_desktop.domain.enums import GroupStatus
from biv_desktop.services.groups import GroupRow
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.text import translator
from biv_desktop.ui.formatting import day_and_time

tr = translator("GroupTableModel")

(
    NAME,
    PROGRAMME,
    KIND,
    LANGUAGE,
    AGE,
    PREMISES,
    START,
    DAY_AND_TIME,
    STATUS,
    LEADERS,
    INTERPRETER,
    PARTICIPANTS,
) = range(12)
COLUMN_COUNT = 12

STATUS_ORDER = {status: position for position, status in enumerate(GroupStatus)}


def _muted(row: GroupRow) -> QBrush | None:
    # A cancelled group stays listed for the record, but toned down so it does not draw the eye;
    # a translucent text colour keeps it readable on light and dark themes alike.
    if row.status is not GroupStatus.CANCELLED:
        return None
    muted = QPalette().color(QPalette.ColorRole.Text)
    muted.setAlpha(150)
    return QBrush(muted)


def _premises(row: GroupRow) -> str:
    return f"{row.premises} ({row.district})" if row.district else row.premises


def _places(row: GroupRow) -> str:
    return tr("{count} deltagare av {capacity} platser").format(
        count=row.participant_count, capacity=row.capacity
    )


def _columns() -> list[Column[GroupRow]]:
    # Sorted by number where text would sort wrongly: ages, dates, weekdays and times, the status order.
    columns = [
        Column(tr("Namn"), lambda r: r.name, tooltip=lambda r: r.name),
        Column(tr("Program"), lambda r: r.programme.label, tooltip=lambda r: r.programme.long_label),
        Column(tr("Typ"), lambda r: r.kind.label),
        Column(tr("Språk"), lambda r: r.language),
        Column(
            tr("Ålder"),
            lambda r: r.age_band_label,
            sort=lambda r: -1 if r.age_min is None else r.age_min * 100 + (r.age_max or 0),
        ),
        Column(tr("Lokal"), lambda r: r.premises, tooltip=_premises),
        Column(tr("Start"), lambda r: r.start_date.isoformat(), sort=lambda r: r.start_date.toordinal()),
        Column(
            tr("Dag och tid"),
            lambda r: day_and_time(r.weekday, r.start_time, r.end_time),
            sort=lambda r: r.weekday * 24 * 60 + r.start_time.hour * 60 + r.start_time.minute,
        ),
        Column(tr("Status"), lambda r: r.status.label, sort=lambda r: STATUS_ORDER[r.status]),
        Column(tr("Gruppledare"), lambda r: "\n".join(r.leader_names)),
        Column(tr("Tolk"), lambda r: r.interpreter_name),
        Column(
            tr("Deltagare"),
            lambda r: f"{r.participant_count}/{r.capacity}",
            sort=lambda r: r.participant_count,
            tooltip=_places,
            align_center=True,
        ),
    ]
    return [Column(c.header, c.display, c.sort, c.tooltip, c.align_center, _muted) for c in columns]


class GroupTableModel(RowTableModel[GroupRow]):
    """Groups as the groups page lists them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(_columns(), parent)
