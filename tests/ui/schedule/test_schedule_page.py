"""The schedule page: weeks under headings, problems flagged, the period stepped, filters, opening by keyboard."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.domain.schedule.conflicts import Conflict, ConflictKind
from biv_desktop.services.schedule import ScheduleRow
from biv_desktop.ui.common.column_widths import text_column_widths, text_only_columns
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.schedule import table as columns
from biv_desktop.ui.schedule.page import MAX_COLUMN_WIDTH, SchedulePage
from biv_desktop.ui.schedule.session_dialog import SessionDialog
from biv_desktop.ui.schedule.table import ScheduleTableModel, WeekHeading, WeekOrderProxy, lines_by_week

IndexOf = Callable[..., QModelIndex]
SOMALI_CHILDREN = "BIV Somaliska 10–12 år, Berga, vt 2026"
SOMALI_PARENTS = "BIV Somaliska föräldrar, Berga, vt 2026"
DARI = "BIS Dari 13–15 år, Skäggetorp, vt 2026"


def shown(page: SchedulePage) -> list[str]:
    """Each line as the reader sees it: a week heading, or '  day, group, number'."""
    lines = []
    for position in range(page.proxy.rowCount()):
        line = page.proxy.index(position, 0).data(ROW_ROLE)
        if isinstance(line, WeekHeading):
            lines.append(page.proxy.index(position, columns.DAY).data())
        else:
            lines.append(f"  {line.date.isoformat()} {line.group_name} {line.number}")
    return lines


def test_the_period_starts_with_this_week_and_the_next_three_under_week_headings(page: SchedulePage) -> None:
    assert (page.period.first, page.period.last) == (dt.date(2026, 3, 9), dt.date(2026, 4, 5))
    lines = shown(page)
    assert lines[:4] == [
        "Vecka 11 · 9–15 mars 2026 · 3 träffar, 1 att åtgärda",
        f"  2026-03-10 {SOMALI_CHILDREN} 6",
        f"  2026-03-11 {DARI} 7",
        f"  2026-03-12 {SOMALI_PARENTS} 6",
    ]
    assert [line for line in lines if line.startswith("Vecka")] == [
        "Vecka 11 · 9–15 mars 2026 · 3 träffar, 1 att åtgärda",
        "Vecka 12 · 16–22 mars 2026 · 3 träffar, 1 att åtgärda",
        "Vecka 13 · 23–29 mars 2026 · 3 träffar, 1 att åtgärda",
        "Vecka 14 · 30 mars – 5 april 2026 · 3 träffar, 1 att åtgärda",
    ]
    assert page.table.columnSpan(0, 0) == page.model.columnCount()
    assert page.summary_label.text() == "Vecka 11–14: 12 träffar. Inga krockar, 4 med bemanningsproblem."


def test_the_understaffed_session_is_flagged_with_a_marker_and_a_tooltip(
    page: SchedulePage, index_of: IndexOf
) -> None:
    flag = index_of(DARI, 7, columns.PROBLEMS)
    assert flag.data() == "Bemanning"
    assert flag.data(Qt.ItemDataRole.DecorationRole) is not None
    assert flag.data(Qt.ItemDataRole.BackgroundRole).color() == columns.STAFFING_WARNING
    assert flag.data(Qt.ItemDataRole.ToolTipRole).splitlines() == [
        "Bemanning (två utbildade gruppledare och tolk på gruppens språk):",
        "• Bara en gruppledare.",
        "• Ingen tolk.",
    ]
    assert index_of(DARI, 7, columns.LEADERS).data() == "Leyla Samadi"
    assert index_of(DARI, 7, columns.INTERPRETER).data() == "ingen"
    staffed = index_of(SOMALI_CHILDREN, 6, columns.PROBLEMS)
    assert staffed.data() == ""
    assert staffed.data(Qt.ItemDataRole.BackgroundRole) is None


def test_the_week_buttons_step_the_period_and_this_week_brings_it_back(
    page: SchedulePage, qtbot: QtBot
) -> None:
    qtbot.mouseClick(page.period.next_button, Qt.MouseButton.LeftButton)
    assert (page.period.first, page.period.last) == (dt.date(2026, 3, 16), dt.date(2026, 4, 12))
    assert shown(page)[0].startswith("Vecka 12 ·")
    qtbot.mouseClick(page.period.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.period.previous_button, Qt.MouseButton.LeftButton)
    assert page.period.first == dt.date(2026, 3, 2)
    qtbot.mouseClick(page.period.this_week_button, Qt.MouseButton.LeftButton)
    assert (page.period.first, page.period.last) == (dt.date(2026, 3, 9), dt.date(2026, 4, 5))


def test_a_first_day_after_the_last_takes_the_last_along(page: SchedulePage) -> None:
    page.period.first_edit.setDate(page.period.first_edit.date().addDays(40))
    assert page.period.first == page.period.last == dt.date(2026, 4, 18)
    assert shown(page) == ["Vecka 16 · 13–19 april 2026 · inga träffar"]
    assert page.summary_label.text().startswith("Vecka 16: 0 träffar.")


def test_a_week_without_sessions_says_so(page: SchedulePage) -> None:
    page.period.set_period(dt.date(2026, 6, 1), dt.date(2026, 6, 7))
    assert shown(page) == ["Vecka 23 · 1–7 juni 2026 · inga träffar"]


def test_the_person_filter_shows_only_that_persons_sessions(page: SchedulePage) -> None:
    leyla = page.person_filter.findText("Leyla Samadi (gruppledare)")
    assert page.person_filter.findText("Yusuf Warsame (tolk)") > 0
    page.person_filter.setCurrentIndex(leyla)
    groups = {line.split(" ", 3)[-1].rsplit(" ", 1)[0] for line in shown(page) if line.startswith("  ")}
    assert groups == {DARI, SOMALI_PARENTS}
    # The choice stays when the period moves on, so the list keeps answering the same question.
    page.period.shift(1)
    assert page.person_filter.currentText() == "Leyla Samadi (gruppledare)"


def test_the_premises_and_group_filters_narrow_the_list(page: SchedulePage) -> None:
    page.premises_filter.setCurrentIndex(page.premises_filter.findText("Skäggetorps kyrkcenter"))
    assert {line[13:] for line in shown(page) if line.startswith("  ")} == {
        f"{DARI} {n}" for n in (7, 8, 9, 10)
    }
    page.premises_filter.setCurrentIndex(0)
    page.group_filter.setCurrentIndex(page.group_filter.findText(SOMALI_PARENTS))
    assert len([line for line in shown(page) if line.startswith("  ")]) == 4


def test_sorting_by_a_column_sorts_within_each_week(page: SchedulePage) -> None:
    page.table.sortByColumn(columns.GROUP, Qt.SortOrder.DescendingOrder)
    lines = shown(page)
    assert lines[:4] == [
        "Vecka 11 · 9–15 mars 2026 · 3 träffar, 1 att åtgärda",
        f"  2026-03-12 {SOMALI_PARENTS} 6",
        f"  2026-03-10 {SOMALI_CHILDREN} 6",
        f"  2026-03-11 {DARI} 7",
    ]
    assert lines[4].startswith("Vecka 12")
    assert page.table.columnSpan(4, 0) == page.model.columnCount()


def test_enter_on_a_session_opens_its_form(
    page: SchedulePage, index_of: IndexOf, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str, int]] = []

    def fake_exec(dialog: SessionDialog) -> int:
        opened.append((dialog.detail.row.group_name, dialog.detail.row.number))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SessionDialog, "exec", fake_exec)
    page.table.setFocus()
    page.table.setCurrentIndex(index_of(DARI, 7))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [(DARI, 7)]
    # The arrow keys step over the week heading from one week's last session to the next week's first.
    page.table.setCurrentIndex(index_of(SOMALI_PARENTS, 6))
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.current_session() is not None
    assert page.current_session().date == dt.date(2026, 3, 17)  # type: ignore[union-attr]


def schedule_row(number: int, day: dt.date, **extra: Any) -> ScheduleRow:
    fields: dict[str, Any] = {
        "id": number, "group_id": 1, "group_name": "BIV Somaliska 10–12 år, Berga, vt 2026", "number": number,
        "date": day, "start_time": dt.time(17), "end_time": dt.time(19), "theme": "Flykten", "premises_id": 1,
        "premises": "Berga kyrka", "leader_ids": (1, 2), "leader_names": ("Karin Holmgren", "Anders Bergvik"),
        "interpreter_id": 1, "interpreter_name": "Yusuf Warsame", "status": SessionStatus.PLANNED, "note": "",
        "staffing_problems": (), "conflicts": (), "conflict_messages": (),
    }  # fmt: skip
    return ScheduleRow(**{**fields, **extra})


def test_the_table_model_and_its_week_sorting_keep_qts_contract(qtmodeltester: Any) -> None:
    clash = Conflict(
        ConflictKind.HOLIDAY, 2, "Träffen ligger på en helgdag: Kristi himmelsfärdsdag (2026-05-14)."
    )
    rows = [
        schedule_row(1, dt.date(2026, 5, 12)),
        schedule_row(2, dt.date(2026, 5, 14), conflicts=(clash,), conflict_messages=(clash.message,)),
        schedule_row(3, dt.date(2026, 5, 19), status=SessionStatus.CANCELLED),
        schedule_row(4, dt.date(2026, 5, 26), staffing_problems=("Ingen tolk.",)),
    ]
    model = ScheduleTableModel()
    model.set_rows(lines_by_week(rows, dt.date(2026, 5, 11), dt.date(2026, 5, 31)))
    qtmodeltester.check(model)
    proxy = WeekOrderProxy()
    proxy.setSourceModel(model)
    proxy.sort(columns.NUMBER, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    assert [proxy.index(r, columns.NUMBER).data() for r in range(proxy.rowCount())] == [
        "",
        "2",
        "1",
        "",
        "3",
        "",
        "4",
    ]
    assert model.index(2, columns.PROBLEMS).data() == "Krock"
    assert (
        model.index(2, columns.PROBLEMS).data(Qt.ItemDataRole.BackgroundRole).color()
        == columns.CONFLICT_WARNING
    )
    assert model.flags(model.index(0, 0)) == Qt.ItemFlag.NoItemFlags


def test_the_columns_fit_their_contents_as_qt_measures_them(page: SchedulePage) -> None:
    # Measured from their texts where the week headings' bold font leaves them empty; the day column (the
    # headings' text) and the problems column (an icon) are measured by Qt itself.
    plain = text_only_columns(page.table.model())
    assert plain == frozenset(range(page.model.columnCount())) - {columns.DAY, columns.PROBLEMS}
    assert text_column_widths(page.table, plain) == {
        column: page.table.sizeHintForColumn(column) for column in plain
    }
    for column in range(page.model.columnCount()):
        if column != columns.GROUP:
            wanted = max(
                page.table.sizeHintForColumn(column),
                page.table.horizontalHeader().sectionSizeHint(column),
            )
            limit = MAX_COLUMN_WIDTH.get(column, wanted)
            assert page.table.columnWidth(column) == min(wanted, limit)
