"""The groups page on the fixture register, with its dialogs run by a script instead of blocking in exec()."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from biv_desktop.ui.common.dates import to_qdate
from biv_desktop.ui.groups.detail_dialog import GroupDetailDialog
from biv_desktop.ui.groups.group_dialog import GroupDialog
from biv_desktop.ui.groups.page import GroupsPage
from biv_desktop.ui.main_window import MainWindow
from biv_desktop.ui.participants.enrol_dialogs import EnrolDialog
from biv_desktop.ui.participants.leave_dialog import LeaveGroupDialog

Step = Callable[[Any], None]


class Dialogs:
    """Stands in for exec() of the groups' dialogs: records each one and runs the next step given for its
    kind (filling fields, pressing buttons) while it is 'open'."""

    def __init__(self) -> None:
        self.shown: list[QDialog] = []
        self._steps: dict[type, list[Step]] = defaultdict(list)

    def on(self, kind: type, step: Step) -> None:
        self._steps[kind].append(step)

    def exec(self, dialog: QDialog) -> int:
        self.shown.append(dialog)
        steps = self._steps[type(dialog)]
        if steps:
            steps.pop(0)(dialog)
        return dialog.result()

    def last(self, kind: type) -> Any:
        return next(dialog for dialog in reversed(self.shown) if isinstance(dialog, kind))


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    script = Dialogs()
    for kind in (GroupDialog, GroupDetailDialog, EnrolDialog, LeaveGroupDialog):
        monkeypatch.setattr(kind, "exec", lambda dialog: script.exec(dialog))
    yield script


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow) -> GroupsPage:
    window.navigation.setCurrentRow(1)
    groups_page = window.current_page()
    assert isinstance(groups_page, GroupsPage)
    window.activateWindow()
    qtbot.waitActive(window)
    return groups_page


def pick(combo: QComboBox, text: str) -> None:
    """Choose the entry whose text starts with ``text``."""
    index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def fill_group(
    dialog: GroupDialog,
    *,
    language: str = "Arabiska",
    premises: str = "Ryds kyrka",
    start: dt.date = dt.date(2026, 3, 30),
    leaders: tuple[str, str] = ("Karin Holmgren", "Anders Bergvik"),
    interpreter: str = "(ingen vald)",
    start_time: str = "17:00",
) -> None:
    """Fill the group form as the coordinator would for a children's group."""
    form = dialog.form
    pick(form.language, language)
    pick(form.premises, premises)
    form.start_date.setDate(to_qdate(start))
    form.start_time.setTime(form.start_time.time().fromString(start_time, "HH:mm"))
    pick(form.leader1, leaders[0])
    pick(form.leader2, leaders[1])
    pick(form.interpreter, interpreter)


def press_save(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


@pytest.fixture
def fill() -> Callable[..., None]:
    return fill_group


@pytest.fixture
def save() -> Callable[[QDialog], None]:
    return press_save


@pytest.fixture
def choose() -> Callable[[QComboBox, str], None]:
    return pick
