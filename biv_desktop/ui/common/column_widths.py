"""A text column's width to fit its contents, as Qt measures it, without laying out every cell.

``QTableView.sizeHintForColumn`` asks the delegate for the size of every cell in up to the header's
``resizeContentsPrecision`` rows (200 here): on the 20-year register's 265 groups that was 2,200 text
layouts, about a hundred milliseconds and most of the groups page's first showing. ``text_column_widths``
gives the same number for a column whose cells differ only in their text (no icon, font, check box, size or
span of their own): it reads the same rows' texts, measures each different text's width with the view's
font, and asks the delegate only for the widest few (within a few pixels, where rounding could differ).
"""

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

# The delegate lays text out with fractional widths and rounds up; a text this much narrower than the widest
# by the font's metrics cannot come out wider.
_SLACK = 4


def text_column_widths(table: QTableView, columns: Iterable[int]) -> dict[int, int]:
    """What ``table.sizeHintForColumn`` returns for each of ``columns``, columns of plain text (see the
    module's note)."""
    model = table.model()
    if model is None:
        return {column: -1 for column in columns}
    table.ensurePolished()
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    metrics = QFontMetrics(option.font)
    rows = measured_rows(table)
    grid = 1 if table.showGrid() else 0
    widths = {}
    for column in columns:
        widest: dict[str, tuple[int, int]] = {}  # each different text: its natural width and a row showing it
        for row in rows:
            text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            text = "" if text is None else str(text)
            if text not in widest:
                widest[text] = (max(metrics.horizontalAdvance(line) for line in text.split("\n")), row)
        hint = 0
        top = max((natural for natural, _row in widest.values()), default=0)
        for natural, row in widest.values():
            if natural >= top - _SLACK:
                index = model.index(row, column)
                hint = max(hint, table.itemDelegateForIndex(index).sizeHint(option, index).width())
        widths[column] = hint + grid
    return widths


def measured_rows(table: QTableView) -> list[int]:
    """The rows ``sizeHintForColumn`` measures: those in view, then alternately below and above them (the
    first one below), until the header's precision is reached or no row is left. Hidden rows are skipped."""
    model: QAbstractItemModel = table.model()
    header = table.verticalHeader()
    limit = table.horizontalHeader().resizeContentsPrecision()
    last = model.rowCount(QModelIndex()) - 1
    top = max(0, header.visualIndexAt(0))
    bottom = header.visualIndexAt(table.viewport().height())
    if not table.isVisible() or bottom == -1:
        bottom = last
    rows: list[int] = []
    position = top
    while position <= bottom:
        logical = header.logicalIndex(position)
        if not header.isSectionHidden(logical):
            rows.append(logical)
            if len(rows) == limit:
                return rows
        position += 1
    above, below = top, position - 1
    if limit == 0:
        return rows
    while len(rows) != limit and (above > 0 or below < last):
        found = -1
        if (len(rows) % 2 and above > 0) or below == last:
            while above > 0:
                above -= 1
                logical = header.logicalIndex(above)
                if not header.isSectionHidden(logical):
                    found = logical
                    break
        else:
            while below < last:
                below += 1
                logical = header.logicalIndex(below)
                if not header.isSectionHidden(logical):
                    found = logical
                    break
        if found >= 0:
            rows.append(found)
    return rows
