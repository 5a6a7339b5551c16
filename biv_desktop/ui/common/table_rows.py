"""A wrapping table's rows sized to their lines: only the rows in view, measured as they come into view."""

from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView


def fit_rows_in_view(table: QTableView) -> None:
    """Let the rows of a wrapping table grow to show every line, measuring only the rows in view.

    Qt's own ResizeToContents measures every row's every cell whenever the rows change: for the 20-year
    register's 265 groups that was half a second of text layout at each first showing, sort and reload.
    Here the rows in view are sized just before the table is painted, or as they scroll in; a row out of
    view keeps its last height (one line at first) until it scrolls in.
    """
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    RowsInView(table)


class RowsInView(QObject):
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
        # Inside the paint, which then draws the rows at their new heights: quietly (the table's answer to
        # each resized row, from a zero timer, painted the rows a second time), and no repaint asked for.
        self._stale = False
        resize_quietly(self._table, self._table.verticalHeader(), self._fit_heights, repaint=False)

    def fit_if_stale(self) -> None:
        """Fit the rows in view now if they may not be fitted and the view is on screen (else at its paint)."""
        if self._stale and self._table.viewport().isVisible():
            self._fit_now()

    def _fit_now(self) -> bool:
        """Fit the rows in view before the view repaints: the heights resizeRowToContents gives, set with
        the header's signals held back (the table would answer each resized row with a repaint of all rows
        below it, after the paint that draws them already), then the table told once. Whether any changed."""
        self._stale = False
        return resize_quietly(self._table, self._table.verticalHeader(), self._fit_heights)

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


def resize_quietly(
    table: QTableView, header: QHeaderView, resize: Callable[[], bool], *, repaint: bool = True
) -> bool:
    """Resize ``header``'s sections with ``resize`` (which says whether it changed any) while the header's
    signals are held back, then tell the table once: its scroll bars' ranges, and one repaint unless it is
    being painted now (``repaint=False``: that paint draws the new sizes).

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
        if repaint:
            table.viewport().update()
    return resized
