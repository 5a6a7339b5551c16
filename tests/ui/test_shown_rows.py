"""ShownRows: the rows a long list shows, searched, filtered and sorted in one pass, as SearchProxy does."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from biv_desktop.services.participants.search import SearchQuery, search_key
from biv_desktop.ui.common.row_model import Column, RowTableModel
from biv_desktop.ui.common.shown_rows import ShownRows


@dataclass(frozen=True)
class Group:
    name: str
    size: int


GROUPS = [
    Group("Grupp 10 Ryd", 7),
    Group("grupp 9 Ryd", 5),
    Group("Åby 2", 7),
    Group("Grupp 9 ryd", 9),
    Group("Zebra", 2),
]


def make_rows() -> tuple[RowTableModel[Group], ShownRows]:
    model: RowTableModel[Group] = RowTableModel(
        [Column("Namn", lambda g: g.name), Column("Antal", lambda g: str(g.size), sort=lambda g: g.size)]
    )
    model.set_rows(GROUPS)
    return model, ShownRows(model, search_text=lambda g: g.name)


def names(rows: ShownRows) -> list[str]:
    return [rows.index(line, 0).data() for line in range(rows.rowCount())]


def test_text_sorts_the_swedish_way_numbers_as_numbers_and_alike_rows_keep_their_order() -> None:
    _, rows = make_rows()
    assert names(rows) == [group.name for group in GROUPS]  # unsorted: the source's order
    rows.sort(0, Qt.SortOrder.AscendingOrder)
    # Case does not count, 9 before 10, Å after Z; the two "grupp 9 ryd" keep the order they were read in.
    assert names(rows) == ["grupp 9 Ryd", "Grupp 9 ryd", "Grupp 10 Ryd", "Zebra", "Åby 2"]
    rows.sort(0, Qt.SortOrder.DescendingOrder)
    assert names(rows) == ["Åby 2", "Zebra", "Grupp 10 Ryd", "grupp 9 Ryd", "Grupp 9 ryd"]
    rows.sort(1, Qt.SortOrder.AscendingOrder)
    assert names(rows) == ["Zebra", "grupp 9 Ryd", "Grupp 10 Ryd", "Åby 2", "Grupp 9 ryd"]


def test_the_search_and_the_row_filter_keep_the_sorted_order(qtmodeltester: ModelTester) -> None:
    model, rows = make_rows()
    qtmodeltester.check(rows, force_py=True)
    rows.sort(1, Qt.SortOrder.DescendingOrder)
    rows.set_search("grupp ry")
    assert names(rows) == ["Grupp 9 ryd", "Grupp 10 Ryd", "grupp 9 Ryd"]
    rows.set_row_filter(lambda g: g.size > 5)
    assert names(rows) == ["Grupp 9 ryd", "Grupp 10 Ryd"]
    rows.set_search("")
    assert names(rows) == ["Grupp 9 ryd", "Grupp 10 Ryd", "Åby 2"]
    model.set_rows([*GROUPS, Group("Grupp 11 Ryd", 8)])  # read again: filtered and sorted as chosen
    assert names(rows) == ["Grupp 9 ryd", "Grupp 11 Ryd", "Grupp 10 Ryd", "Åby 2"]
    rows.set_row_filter(None)
    assert rows.rowCount() == 6 and model.rowCount() == 6


def test_an_edited_row_that_keeps_its_place_is_shown_anew(qtbot: QtBot) -> None:
    model, rows = make_rows()
    rows.sort(0)
    line = names(rows).index("Zebra")
    with qtbot.waitSignal(rows.dataChanged):
        model.replace_row(4, Group("Zebra 2", 2))  # still between "grupp 9 Ryd" and "Åby 2"
    assert names(rows).index("Zebra 2") == line


def test_a_letter_typed_on_looks_only_among_the_lines_shown_and_a_letter_erased_at_none() -> None:
    asked: list[str] = []

    def matches(query: SearchQuery, group: Group) -> bool:
        asked.append(group.name)
        return query.matches(search_key(group.name), group.size, -1)

    model: RowTableModel[Group] = RowTableModel([Column("Namn", lambda g: g.name)])
    model.set_rows(GROUPS)
    rows = ShownRows(model, matches=matches)
    typed = []
    for text in ["g", "gr", "gru", "gr", "g", "grupp 9", "grupp 99"]:
        asked.clear()
        rows.set_search(text)
        typed.append((text, names(rows), len(asked)))
    grupp = ["Grupp 10 Ryd", "grupp 9 Ryd", "Grupp 9 ryd"]
    assert typed == [
        ("g", grupp, 5),  # every row
        ("gr", grupp, 3),  # among the three shown
        ("gru", grupp, 3),
        ("gr", grupp, 0),  # erased: the lines "gr" showed
        ("g", grupp, 0),
        ("grupp 9", ["Grupp 9 ryd"], 3),  # a number is the size here: the group of nine
        ("grupp 99", [], 3),  # 99 is another number, not 9 and more: among what "gru" showed
    ]


def test_an_erased_search_shows_rows_edited_or_filtered_since_it_was_typed() -> None:
    model, rows = make_rows()
    for text in ["z", "ze", "zeb"]:
        rows.set_search(text)
    model.replace_row(2, Group("Zeta 2", 3))  # "Åby 2" renamed while "zeb" is typed
    rows.set_search("ze")
    assert names(rows) == ["Zeta 2", "Zebra"]
    rows.set_search("zet")
    rows.set_row_filter(lambda g: g.size > 2)
    rows.set_search("z")
    assert names(rows) == ["Zeta 2"]
    model.set_rows([*GROUPS, Group("Zon", 4)])  # read again
    rows.set_search("zo")
    rows.set_search("z")
    assert names(rows) == ["Zon"]
    rows.sort(0, Qt.SortOrder.DescendingOrder)
    rows.set_row_filter(None)
    rows.set_search("zo")
    rows.set_search("z")
    assert names(rows) == ["Zon", "Zebra"]
