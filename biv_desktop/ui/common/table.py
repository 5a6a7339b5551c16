"""The one table set-up: read-only, whole rows, sorting, one line a row (or wrapped), Enter opens."""

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView

from biv_desktop.ui.common.column_widths import text_column_widths, text_only_columns
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.common.window_state import widths_kept


def make_table(
    model: Any,
    accessible_name: str,
    open_row: Callable[[], None] | None = None,
    *,
    wrap: bool = False,
    sortable: bool = True,
) -> QTableView:
    """A read-only table that selects whole rows and sorts; Enter and double-click call ``open_row``.

    Long lists keep one line a row (text too long is cut with … and shown whole in the tooltip); ``wrap``
    lets a short table grow its rows to show every line.
    """
    table = _OpeningTable(open_row)
    table.setModel(model)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(sortable)
    table.setWordWrap(wrap)
    table.verticalHeader().setVisible(False)
    # Sizing thousands of rows to their contents would cost seconds; one line each costs nothing.
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    if wrap:
        fit_rows_in_view(table)
    else:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # Column widths are measured on the rows in view and 200 more, not on thousands: the horizontal
    # header's precision is the one sizeHintForColumn reads (measuring 1,000 rows of the 20-year register's
    # participants took half a second; 200 give the same widths but for a longer name further down).
    table.horizontalHeader().setResizeContentsPrecision(200)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setAccessibleName(accessible_name)
    lay_out_before_painting(table)
    return table


def lay_out_before_painting(view: QAbstractItemView) -> None:
    """Lay ``view`` out (its items, its scroll bars, a wrapping table's rows in view) when the window lays
    out its widgets, before they are painted, not from the zero timer Qt waits for.

    From that timer, the first showing of a page painted its table twice: once before the scroll bar
    appeared and the rows were fitted, and once more, from the window down, after.
    """
    view.installEventFilter(_LayOutFirst(view))


class _LayOutFirst(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        # Rows read anew while the view is on screen (a page's first showing reads them as it is shown) are
        # laid out at once as well: from Qt's zero timer, after the paint, they were painted a second time.
        if view.model() is not None:
            view.model().modelReset.connect(self._lay_out_if_shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._lay_out_if_shown()
        return False

    def _lay_out_if_shown(self) -> None:
        if self._view.isVisible():
            _lay_out_now(self._view)


class _OpeningTable(QTableView):
    """A table where Enter and double-click open the current row."""

    def __init__(self, open_row: Callable[[], None] | None) -> None:
        super().__init__()
        self._open_row = open_row
        if open_row is not None:
            self.doubleClicked.connect(lambda _index: open_row())

    def keyPressEvent(self, event: Any) -> None:
        if self._open_row is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self._open_row()
            return
        super().keyPressEvent(event)


def fit_rows_in_view(table: QTableView) -> None:
    """Let the rows of a wrapping table grow to show every line, measuring only the rows in view.

    Qt's own ResizeToContents measures every row's every cell whenever the rows change: for the 20-year
    register's 265 groups that was half a second of text layout at each first showing, sort and reload.
    Here the rows in view are sized just before the table is painted, or as they scroll in; a row out of
    view keeps its last height (one line at first) until it scrolls in.
    """
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    _RowsInView(table)


class _RowsInView(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._stale = True
        self._keeping_end = False
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self.columns_resized)
        table.verticalScrollBar().valueChanged.connect(self._scrolled)
        model = table.model()
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ):
            signal.connect(self._rows_changed)

    def columns_resized(self, *_args: object) -> None:
        """The header resized a column (or fit_columns, with its signals held back, several)."""
        # A table that cuts its lines (word wrap turned off after all) has rows as high at any width.
        if self._table.wordWrap():
            self._rows_changed()

    def _rows_changed(self, *_args: object) -> None:
        self._stale = True
        self._table.viewport().update()

    def _scrolled(self, _value: int) -> None:
        # A view on screen has its size: the rows scrolled in are fitted now, before the view repaints, so
        # it paints once (fitted at its paint, they would be painted again right after).
        if not self._table.viewport().isVisible():
            self._rows_changed()
            return
        if self._keeping_end:
            return  # moved to the end by the loop below, which fits what came into view
        bar = self._table.verticalScrollBar()
        if bar.value() != bar.maximum():
            self._fit_now()
            return
        # At the end, rows fitted lower than they were move the end further down and bring rows into view
        # at the top: the view stays at the end, and those rows are fitted too, until nothing changes.
        self._keeping_end = True
        try:
            for _round in range(8):
                if not self._fit_now() and bar.value() == bar.maximum():
                    break
                bar.setValue(bar.maximum())
        finally:
            self._keeping_end = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QResizeEvent):
            # A taller view shows rows not fitted yet. A narrower or wider one changes no row's height by
            # itself: its columns' widths do, and those say so (sectionResized).
            if event.size().height() > event.oldSize().height():
                self._stale = True
        elif event.type() == QEvent.Type.Paint and self._stale:
            self._fit_before_paint()  # the paint itself then draws the rows at their new heights
        return False

    def _rows_in_view(self) -> Iterator[int]:
        table = self._table
        row, rows, bottom = max(table.rowAt(0), 0), table.model().rowCount(), table.viewport().height()
        while row < rows and table.rowViewportPosition(row) < bottom:
            yield row  # measured at each step: a row fitted taller pushes the ones below down
            row += 1

    def _fit_before_paint(self) -> None:
        # Inside the paint, which then draws the rows at their new heights: quietly, the scroll bars told at
        # once (the table's answer to each resized row, from a zero timer, painted the rows a second time).
        self._stale = False
        header = self._table.verticalHeader()
        held = header.blockSignals(True)
        try:
            resized = self._fit_heights()
        finally:
            header.blockSignals(held)
        if resized:
            self._table.updateGeometries()

    def fit_if_stale(self) -> None:
        """Fit the rows in view now if they may not be fitted and the view is on screen (else at its paint)."""
        if self._stale and self._table.viewport().isVisible():
            self._fit_now()

    def _fit_now(self) -> bool:
        """Fit the rows in view before the view repaints: the heights resizeRowToContents gives, set with
        the header's signals held back (the table would answer each resized row with a repaint of all rows
        below it, after the paint that draws them already), then the table told once. Whether any changed."""
        self._stale = False
        return _resize_quietly(self._table, self._table.verticalHeader(), self._fit_heights)

    def _fit_heights(self) -> bool:
        """Give each row in view the height resizeRowToContents gives; whether any changed."""
        table, header = self._table, self._table.verticalHeader()
        resized = False
        for row in self._rows_in_view():
            height = max(table.sizeHintForRow(row), header.sectionSizeHint(row))
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
                resized = True
        return resized


def _resize_quietly(table: QTableView, header: QHeaderView, resize: Callable[[], bool]) -> bool:
    """Resize ``header``'s sections with ``resize`` (which says whether it changed any) while the header's
    signals are held back, then tell the table once: its scroll bars' ranges, one repaint.

    The table answers each resized section from a zero timer, which runs after the paint that draws the
    new sizes already and paints the table again.
    """
    held = header.blockSignals(True)
    try:
        resized = resize()
    finally:
        header.blockSignals(held)
    if resized:
        table.updateGeometries()
        table.viewport().update()
    return resized


def selected_row(table: QTableView) -> Any:
    """The row object behind the table's current line, or None."""
    index = table.currentIndex()
    if not index.isValid() or not table.selectionModel().isRowSelected(index.row(), index.parent()):
        return None
    return index.siblingAtColumn(0).data(ROW_ROLE)


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

    if _resize_quietly(table, header, resize):
        rows = table.findChild(_RowsInView)
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
        if _resize_quietly(table, table.horizontalHeader(), self.fill):
            rows = table.findChild(_RowsInView)
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


def connect_search(search: QLineEdit, view: QAbstractItemView) -> None:
    """Join a search field to the view of its results, once the field is connected to its filter.

    ↓ in the field moves into the results: to the chosen line, or the first one. And each keystroke's
    filtering lays the view out at once, so that one pass paints the field, the count and the rows: Qt lays
    a view out from a zero timer, which ran after the pass that painted the field, and the window was
    painted a second time for the rows and the scroll bar.
    """
    search.installEventFilter(_DownToResults(search, view))
    search.textChanged.connect(lambda _text: _lay_out_now(view))


def _lay_out_now(view: QAbstractItemView) -> None:
    # A view made from Python may call its protected executeDelayedItemsLayout; nothing pending, it does nothing.
    view.executeDelayedItemsLayout()
    # A wrapping table fits the rows now in view before that pass too, not inside it (which paints again).
    rows = view.findChild(_RowsInView)
    if rows is not None:
        rows.fit_if_stale()


class _DownToResults(QObject):
    def __init__(self, search: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(search)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            view, model = self._view, self._view.model()
            if model is None or model.rowCount() == 0:
                return False
            if not view.currentIndex().isValid():
                view.setCurrentIndex(model.index(0, 0))
                if isinstance(view, QTableView):
                    view.selectRow(0)
            view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False


def on_rows_changed(model: QAbstractItemModel, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the lines a view shows change (a reset, rows in or out, a new order)."""
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
        signal.connect(lambda *_: slot())
