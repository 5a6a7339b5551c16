"""A text column's width to fit its contents, as Qt measures it, without laying out every cell.

``QTableView.sizeHintForColumn`` asks the delegate for the size of every cell in up to the header's
``resizeContentsPrecision`` rows (200 here): on the 20-year register's 265 groups that was 2,200 text
layouts, about a hundred milliseconds and most of the groups page's first showing. ``text_column_widths``
gives the same number for a column whose cells differ only in their text (no icon, font, check box, size or
span of their own): it reads the same rows' texts (off the row model behind the view, where there is one),
measures each different text's width with the view's font, and asks the delegate only for one text of each
width near the widest (within a pixel, where rounding could differ).
"""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from biv_desktop.ui.common.row_model import RowTableModel
from biv_desktop.ui.common.shown_rows import ShownRows

# The delegate lays text out with fractional widths and rounds up; a text this much narrower than the widest
# by the font's fractional metrics cannot come out wider. (Whole pixels needed a slack of 4, which took in
# every date of a column.)
_SLACK = 1.0
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


def text_column_widths(table: QTableView, columns: Iterable[int]) -> dict[int, int]:
    """What ``table.sizeHintForColumn`` returns for each of ``columns``, columns of plain text (see the
    module's note)."""
    model = table.model()
    if model is None:
        return {column: -1 for column in columns}
    table.ensurePolished()
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    metrics = QFontMetricsF(option.font)
    rows = measured_rows(table)
    behind = row_model_behind(model, rows)
    # The columns whose texts are read off the row model behind the view (its cells as they are shown).
    plain = behind[0].text_only_columns() if behind is not None else frozenset()
    grid = 1 if table.showGrid() else 0
    widths = {}
    for column in columns:
        # Each different text: its natural width and a row showing it.
        widest: dict[str, tuple[float, int]] = {}
        texts = _texts(model, behind if column in plain else None, rows, column)
        for row, text in zip(rows, texts, strict=True):
            if text not in widest:
                widest[text] = (max(metrics.horizontalAdvance(line) for line in text.split("\n")), row)
        top = max((natural for natural, _row in widest.values()), default=0)
        # One text of each natural width near the widest: texts as wide by the font's metrics (dates, times)
        # are laid out as wide.
        near = {natural: row for natural, row in widest.values() if natural >= top - _SLACK}
        hint = 0
        for row in near.values():
            index = model.index(row, column)
            hint = max(hint, table.itemDelegateForIndex(index).sizeHint(option, index).width())
        widths[column] = hint + grid
    return widths


def _texts(
    model: QAbstractItemModel,
    behind: tuple[RowTableModel[Any], list[int]] | None,
    rows: list[int],
    column: int,
) -> list[str]:
    """The texts of ``rows`` in ``column``: read off the row model ``behind`` the view where one is given
    (a call into Python per cell, not a round trip through Qt and the proxies), else asked of the model."""
    if behind is not None:
        source, positions = behind
        texts = [source.cell(position, column, _DISPLAY) for position in positions]
    else:
        texts = [model.index(row, column).data(Qt.ItemDataRole.DisplayRole) for row in rows]
    return ["" if text is None else str(text) for text in texts]


def row_model_behind(
    model: QAbstractItemModel | None, rows: list[int]
) -> tuple[RowTableModel[Any], list[int]] | None:
    """The row model whose cells a view's ``model`` shows unchanged, and where the view's ``rows`` stand in
    it: through sorting and filtering proxies that add nothing of their own (and ``ShownRows``). None for
    any other model. Which of its columns may be measured from their texts, the row model says
    (``text_only_columns``)."""
    while not isinstance(model, RowTableModel):
        if isinstance(model, ShownRows):
            rows = [model.source_position(row) for row in rows]
            model = model.sourceModel()
        elif isinstance(model, QSortFilterProxyModel) and type(model).data is QSortFilterProxyModel.data:
            rows = [model.mapToSource(model.index(row, 0)).row() for row in rows]
            model = model.sourceModel()
        else:
            return None
    return model, rows


def text_only_columns(model: QAbstractItemModel | None) -> frozenset[int]:
    """The columns of a view's model whose cells differ only in their text (measured by
    ``text_column_widths``): those of the row model behind it; none for any other model."""
    behind = row_model_behind(model, [])
    return behind[0].text_only_columns() if behind is not None else frozenset()


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
