"""A new group starting before today is asked about before it is saved; going on saves it as typed."""

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

from biv_desktop.services.groups import list_groups
from biv_desktop.ui.groups.group_dialog import new_group_dialog
from biv_desktop.ui.groups.page import GroupsPage


def test_a_start_a_year_early_needs_confirming(
    qtbot: QtBot, page: GroupsPage, message_boxes: Any, fill: Callable[..., None],
    save: Callable[[Any], None], register: Any,
) -> None:  # fmt: skip
    dialog = new_group_dialog(page.database, register.today, page)
    qtbot.addWidget(dialog)
    year_early = register.today.replace(year=register.today.year - 1)
    fill(dialog, start=year_early)
    before = len(list_groups(page.database))

    message_boxes.presses.append("Avbryt")
    save(dialog)
    informative = message_boxes.shown[0]["informative"]
    assert f"Gruppen börjar {dialog.form.draft().start_date.isoformat()}, före i dag" in informative
    assert dialog.saved is None and len(list_groups(page.database)) == before

    message_boxes.presses.append("Spara ändå")
    save(dialog)
    assert dialog.saved is not None
    assert dialog.saved.sessions[0].date < register.today
