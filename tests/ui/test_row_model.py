"""The shared table model and its proxy: sorting by Python values and Swedish text, and searching."""

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from biv_desktop.ui.common.row_model import Column, RowTableModel, SearchProxy


@dataclass(frozen=True)
class Person:
    name: str
    next_session: dt.date | None
    rank: tuple[int, str]


PEOPLE = [
    Person("Örjan", dt.date(2026, 3, 2), (2, "b")),
    Person("Anna", None, (1, "z")),
    Person("Åsa", dt.date(2025, 12, 1), (1, "a")),
    Person("Zainab", dt.date(2026, 1, 15), (3, "a")),
]


def make_proxy() -> tuple[RowTableModel[Person], SearchProxy]:
    model: RowTableModel[Person] = RowTableModel(
        [
            Column("Namn", lambda p: p.name),
            Column("Nästa träff", lambda p: str(p.next_session or ""), sort=lambda p: p.next_session),
            Column("Ordning", lambda p: f"{p.rank}", sort=lambda p: p.rank),
        ]
    )
    model.set_rows(PEOPLE)
    proxy = SearchProxy(lambda p: p.name)
    proxy.setSourceModel(model)
    return model, proxy


def names(proxy: SearchProxy) -> list[str]:
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_text_sorts_the_swedish_way_with_a_o_last() -> None:
    _, proxy = make_proxy()
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Anna", "Zainab", "Åsa", "Örjan"]


def test_dates_sort_as_dates_with_empty_first() -> None:
    _, proxy = make_proxy()
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Anna", "Åsa", "Zainab", "Örjan"]


def test_tuples_sort_element_by_element() -> None:
    _, proxy = make_proxy()
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert names(proxy) == ["Zainab", "Örjan", "Anna", "Åsa"]


def test_search_keeps_rows_with_every_word(qtmodeltester: ModelTester) -> None:
    model, proxy = make_proxy()
    qtmodeltester.check(model)
    proxy.set_search("ÅS")
    assert names(proxy) == ["Åsa"]
    proxy.set_search("")
    proxy.set_row_filter(lambda p: p.next_session is not None)
    assert sorted(names(proxy)) == ["Zainab", "Åsa", "Örjan"]


def test_rows_a_search_lets_back_in_take_their_sorted_places() -> None:
    _, proxy = make_proxy()
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    proxy.set_search("zainab")
    assert names(proxy) == ["Zainab"]
    proxy.set_search("")
    assert names(proxy) == ["Anna", "Åsa", "Zainab", "Örjan"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    proxy.set_search("a")
    proxy.set_search("")
    assert names(proxy) == ["Örjan", "Åsa", "Zainab", "Anna"]


def test_an_edited_row_moves_to_its_new_place() -> None:
    model, proxy = make_proxy()
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert names(proxy) == ["Anna", "Zainab", "Åsa", "Örjan"]
    model.replace_row(1, Person("Öberg", None, (1, "z")))  # Anna renamed
    assert names(proxy) == ["Zainab", "Åsa", "Öberg", "Örjan"]
    model.set_rows([*PEOPLE, Person("Bea", None, (0, ""))])
    assert names(proxy) == ["Anna", "Bea", "Zainab", "Åsa", "Örjan"]
