"""A table's column widths: fitted to their contents once, set quietly, one column taking what is left."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView

from biv_desktop.ui.common.column_widths import text_column_widths, text_only_columns
from biv_desktop.ui.common.table_rows import RowsInView, resize_quietly
from biv_desktop.ui.common.window_state import widths_kept


def fit_columns(table: QTableView, limits: dict[int, int], stretch: int | None = None) -> None:
    """Size columns to their contents, capped at ``limits`` (pixels); ``stretch`` takes what is left, and
    keeps at least its own fitted width (at most ``limits`` or STRETCH_FLOOR) when the view is narrower.
    Widths the user set last time (ui/common/window_state) are left as they are.

    Each width is what ``resizeColumnToContents`` gives: the widest of the cells Qt measures and the
    heading. Columns of plain text are measured from their texts (ui/common/column_widths), the others
    by Qt cell by cell.
    """
    if widths_kept(table):
        if stretch is not None:
            stretch_column(table, stretch)
        return
    widths, floor = _fitted_widths(table, limits, stretch)
    set_column_widths(table, widths, stretch, floor)


def set_column_widths(
    table: QTableView, widths: dict[int, int], stretch: int | None = None, floor: int | None = None
) -> None:
    """Give the columns ``widths`` (pixels), and ``stretch`` what the others leave, at least ``floor``.

    Quietly: the header's signals are held back and the table is told once (its scroll bars, one repaint,
    a wrapping table's rows). The table answered each column set one by one from a zero timer, after a
    page's first paint, and painted it again.
    """
    header = table.horizontalHeader()

    def resize() -> bool:
        before = [header.sectionSize(column) for column in range(header.count())]
        for column, width in widths.items():
            header.resizeSection(column, width)
        if stretch is not None:
            _stretched(table, stretch).keep_at_least(floor or 0).fill()
        return [header.sectionSize(column) for column in range(header.count())] != before

    if resize_quietly(table, header, resize):
        rows = table.findChild(RowsInView)
        if rows is not None:
            rows.columns_resized()


def _fitted_widths(
    table: QTableView, limits: dict[int, int], stretch: int | None
) -> tuple[dict[int, int], int | None]:
    """Each column's width fitted to its contents and heading, at most its limit, and the stretched
    column's floor: its texts' width up to its limit, or the limit itself where Qt would measure it (Qt
    measures a column that wraps or has icons by the width it has, not by what it needs)."""
    model = table.model()
    header = table.horizontalHeader()
    heading = (lambda column: 0) if header.isHidden() else header.sectionSizeHint
    widths: dict[int, int] = {}
    measured = []
    for column in range(model.columnCount()):
        limit = limits.get(column)
        if column != stretch and limit is not None and header.sectionSizeHint(column) >= limit:
            widths[column] = limit  # fitted, it would be at least as wide as its heading: unmeasured
        else:
            measured.append(column)
    plain = text_only_columns(model)
    texts = text_column_widths(table, [column for column in measured if column in plain])
    for column in measured:
        if column != stretch:
            # As resizeColumnToContents measures it, where the texts alone do not tell.
            contents = texts[column] if column in texts else table.sizeHintForColumn(column)
            width = max(contents, heading(column))
            widths[column] = min(width, limits.get(column, width))
    if stretch is None:
        return widths, None
    limit = limits.get(stretch, STRETCH_FLOOR)
    return widths, min(max(texts[stretch], heading(stretch)), limit) if stretch in texts else limit


# The widest a stretched column's floor is when fitted: room for a name of some twenty letters (a longer one wraps
# or is cut), without pushing the other columns out of a 1366-pixel window.
STRETCH_FLOOR = 150


def stretch_column(table: QTableView, column: int, floor: int | None = None) -> None:
    """Let ``column`` take the width the other columns leave in the view, and never less than ``floor``
    pixels (its heading's width, or what fit_columns fitted it to): in a narrower view the table scrolls
    sideways. Its width follows the view's and the other columns'; the user cannot drag it.

    Qt's own Stretch mode squeezes such a column to a few pixels when the others fill the view: in a window
    800 pixels wide the list pages' names came down to "B…". It also sets each new width from a zero timer,
    after a page's first paint, which painted the table a second time.
    """
    stretched = _stretched(table, column)
    if floor is not None:
        stretched.keep_at_least(floor)
    stretched.apply()


def _stretched(table: QTableView, column: int) -> "_StretchedColumn":
    stretched = table.findChild(_StretchedColumn)
    if stretched is None:
        stretched = _StretchedColumn(table)
    if stretched.column != column:
        stretched.column, stretched.floor = column, 0
    return stretched


class _StretchedColumn(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self.column = -1
        self.floor = 0
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized)

    def keep_at_least(self, floor: int) -> "_StretchedColumn":
        self.floor = floor
        return self

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()  # before the view takes in its new size, and before it paints
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.column:  # another column, dragged or fitted: this one takes in the difference
            self.apply()

    def apply(self) -> None:
        table = self._table
        if resize_quietly(table, table.horizontalHeader(), self.fill):
            rows = table.findChild(RowsInView)
            if rows is not None:
                rows.columns_resized()

    def fill(self) -> bool:
        """Give the column what the others leave, at least its floor; whether its width changed."""
        header, column = self._table.horizontalHeader(), self.column
        if not 0 <= column < header.count() or header.isSectionHidden(column):
            return False
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Fixed:
            # Fixed: set here only (a saved header of an earlier version may bring back Qt's Stretch).
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        others = header.length() - header.sectionSize(column)
        floor = max(self.floor, header.sectionSizeHint(column))
        width = max(floor, self._table.viewport().width() - others)
        if header.sectionSize(column) == width:
            return False
        header.resizeSection(column, width)
        return True
