"""The one table set-up: read-only, whole rows, sorting, one line a row (or wrapped), Enter opens."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView

from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.common.table_rows import RowsInView, fit_rows_in_view


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


def selected_row(table: QTableView) -> Any:
    """The row object behind the table's current line, or None."""
    index = table.currentIndex()
    if not index.isValid() or not table.selectionModel().isRowSelected(index.row(), index.parent()):
        return None
    return index.siblingAtColumn(0).data(ROW_ROLE)


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
    rows = view.findChild(RowsInView)
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
