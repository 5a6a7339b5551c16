"""Swedish order on paper is the order on screen."""

import functools

import pytest

from biv_desktop.domain.sorting import swedish_sort_key

NAMES = ["Zoe", "Örjan", "Ümit", "Éva", "Yusuf", "Ärla", "Åsa", "Eva", "Evert", "Ulla", "Ylva", "Øyvind"]
SWEDISH_ORDER = [
    "Eva",
    "Éva",
    "Evert",
    "Ulla",
    "Ylva",
    "Ümit",
    "Yusuf",
    "Zoe",
    "Åsa",
    "Ärla",
    "Örjan",
    "Øyvind",
]


def test_names_sort_the_swedish_way() -> None:
    assert sorted(NAMES, key=swedish_sort_key) == SWEDISH_ORDER


def test_case_never_comes_before_the_letters() -> None:
    assert sorted(["Åsa", "åke", "Bo", "ada"], key=swedish_sort_key) == ["ada", "Bo", "åke", "Åsa"]
    assert swedish_sort_key("Eva") != swedish_sort_key("eva")


def test_the_key_agrees_with_the_screens_collation() -> None:
    """The screens sort with Qt's collator for Swedish; printouts and lists sorted by the key must agree."""
    qt_core = pytest.importorskip("PySide6.QtCore")
    collator = qt_core.QCollator(
        qt_core.QLocale(qt_core.QLocale.Language.Swedish, qt_core.QLocale.Country.Sweden)
    )
    names = [
        *NAMES,
        "Ärling",
        "Ödön",
        "Übe",
        "Ya",
        "Søren",
        "Sören",
        "Çelik",
        "Carl",
        "Ñandu",
        "Nils",
        "Ågot",
    ]
    by_qt = sorted(names, key=functools.cmp_to_key(collator.compare))
    assert sorted(names, key=swedish_sort_key) == by_qt
