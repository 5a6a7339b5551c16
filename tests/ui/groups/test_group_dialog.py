"""Creating a group through the dialog: its dates shown before saving, clashes confirmed, faults beside fields."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from biv_desktop.services.groups.detail import get_group
from biv_desktop.services.groups.listing import list_groups
from biv_desktop.ui.groups import table_model as columns
from biv_desktop.ui.groups.detail_dialog import GroupDetailDialog
from biv_desktop.ui.groups.group_dialog import GroupDialog, edit_group_dialog, new_group_dialog
from biv_desktop.ui.groups.page import GroupsPage

NEW_NAME = "BIV Arabiska 7–9 år, Ryd, vt 2026"


def column(model: Any, number: int) -> list[str]:
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_a_group_created_the_week_before_easter_gets_14_dates_without_easter_monday(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, fill: Callable[..., None], save: Callable[[Any], None]
) -> None:
    seen: dict[str, Any] = {}

    def create(dialog: GroupDialog) -> None:
        fill(dialog)
        seen["name"] = dialog.preview.name.text()
        seen["dates"] = column(dialog.preview.model, 1)
        seen["days"] = column(dialog.preview.model, 2)
        seen["notes"] = column(dialog.preview.model, 5)
        seen["summary"] = dialog.preview.summary.text()
        save(dialog)

    dialogs.on(GroupDialog, create)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    assert seen["name"] == f"Namn: {NEW_NAME}"
    assert seen["summary"] == (
        "14 träffar, 2026-03-30 – 2026-07-06. 1 datum hoppas över (helgdag eller uppehåll)."
    )
    assert seen["days"][:3] == ["måndag 30 mars", "måndag 13 april", "måndag 20 april"]
    assert seen["notes"][1] == "2026-04-06 hoppas över: Annandag påsk"
    assert page.count_label.text() == "Visar 6 av 6 grupper"
    assert page.selected_row() is not None and page.selected_row().name == NEW_NAME  # type: ignore[union-attr]

    # Enter on the new line opens its detail, where the 14 sessions are listed with their dates.
    dialogs.on(GroupDetailDialog, lambda detail: None)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    detail = dialogs.last(GroupDetailDialog)
    assert detail.title.text() == NEW_NAME
    dates = column(detail.sessions, 1)
    assert dates == seen["dates"]
    assert len(dates) == 14
    assert "2026-04-06" not in dates
    assert dates[:2] == ["2026-03-30", "2026-04-13"]
    assert set(column(detail.sessions, 5)) == {"Planerad"}
    assert column(detail.sessions, 4)[0] == "Välkommen – vi lär känna varandra"
    assert detail.tabs.tabText(0) == "&Träffar (14)"


def test_the_new_button_and_the_weekday_following_the_start_date(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, fill: Callable[..., None]
) -> None:
    def look(dialog: GroupDialog) -> None:
        fill(dialog, start=dt.date(2026, 4, 2))
        assert dialog.form.weekday.currentText() == "torsdag"
        assert column(dialog.preview.model, 1)[0] == "2026-04-02"

    dialogs.on(GroupDialog, look)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert isinstance(dialogs.last(GroupDialog), GroupDialog)
    assert page.count_label.text() == "Visar 5 av 5 grupper"  # cancelled: nothing saved


def test_a_clash_is_shown_and_saving_it_needs_spara_anda(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, message_boxes: Any, fill: Callable[..., None],
    save: Callable[[Any], None], register: Any,
) -> None:  # fmt: skip
    # Karin leads the Somali children's group at Berga on Tuesdays 17–19.
    dialog = new_group_dialog(page.database, register.today, page)
    qtbot.addWidget(dialog)
    fill(dialog, start=dt.date(2026, 3, 17), leaders=("Karin Holmgren", "Leyla Samadi"))

    assert column(dialog.preview.model, 5)[0] == "1 krock"
    assert dialog.preview.model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole) == (
        "Gruppledaren är redan bokad 17:00–19:00 i BIV Somaliska 10–12 år, Berga, vt 2026 (träff 7)."
    )
    assert dialog.preview.problems.isVisibleTo(dialog)
    assert "Krockar" in dialog.preview.problems.text()

    message_boxes.presses.append("Avbryt")
    save(dialog)
    assert message_boxes.shown[0]["title"] == "Spara trots krockar?"
    assert message_boxes.shown[0]["buttons"] == ["Spara ändå", "Avbryt"]
    assert dialog.saved is None and not dialog.result()
    assert len(list_groups(page.database)) == 5

    message_boxes.presses.append("Spara ändå")
    save(dialog)
    assert dialog.saved is not None
    assert dialog.saved.name == "BIV Arabiska 7–9 år, Ryd, vt 2026"


def test_a_fault_is_shown_beside_its_field_and_the_dialog_keeps_what_was_typed(
    qtbot: QtBot, page: GroupsPage, fill: Callable[..., None], save: Callable[[Any], None],
    choose: Callable[..., None], register: Any,
) -> None:  # fmt: skip
    dialog = new_group_dialog(page.database, register.today, page)
    qtbot.addWidget(dialog)
    fill(dialog, leaders=("Karin Holmgren", "Karin Holmgren"))
    dialog.form.name.setText("Tisdagsgruppen")
    save(dialog)
    assert dialog.form.errors.message_for("leader2_id") == (
        "Samma person är vald som båda gruppledarna. Välj en annan andra gruppledare."
    )
    assert dialog.saved is None
    assert dialog.form.name.text() == "Tisdagsgruppen"

    choose(dialog.form.language, "(välj språk)")
    assert dialog.preview.name.text() == "Förhandsvisningen väntar: Välj gruppens språk."
    save(dialog)
    assert dialog.form.errors.message_for("language_id") == "Välj gruppens språk."
    assert dialog.form.errors.message_for("leader2_id") == ""


def test_ticking_parents_group_creates_it_at_its_own_time(
    qtbot: QtBot, page: GroupsPage, dialogs: Any, fill: Callable[..., None], save: Callable[[Any], None],
    choose: Callable[..., None],
) -> None:  # fmt: skip
    def create(dialog: GroupDialog) -> None:
        fill(dialog)
        box = dialog.parents_box
        assert not box.isChecked()
        assert (box.weekday.currentText(), box.start_time.time().toString("HH:mm")) == ("måndag", "19:00")
        box.setChecked(True)
        choose(box.leader1, "Leyla Samadi")
        choose(box.leader2, "Johan Ekdal")
        assert dialog.preview.parents.text().startswith(
            "Föräldragruppen: BIV Arabiska föräldrar, Ryd, vt 2026. 14 träffar, 2026-03-30 – 2026-07-06."
        )
        save(dialog)

    dialogs.on(GroupDialog, create)
    page.new_group()
    rows = {row.name: row for row in list_groups(page.database)}
    parents = rows["BIV Arabiska föräldrar, Ryd, vt 2026"]
    assert (parents.start_date, parents.start_time, parents.end_time) == (
        dt.date(2026, 3, 30),
        dt.time(19),
        dt.time(21),
    )
    assert parents.leader_names == ("Leyla Samadi", "Johan Ekdal")
    assert page.count_label.text() == "Visar 7 av 7 grupper"
    assert NEW_NAME in [page.proxy.index(r, columns.NAME).data() for r in range(page.proxy.rowCount())]


def test_the_preview_table_keeps_qts_model_contract(
    qtbot: QtBot, qtmodeltester: ModelTester, page: GroupsPage, fill: Callable[..., None], register: Any
) -> None:
    dialog = new_group_dialog(page.database, register.today, page)
    qtbot.addWidget(dialog)
    fill(dialog)
    assert dialog.preview.model.rowCount() == 14
    qtmodeltester.check(dialog.preview.model)


def test_editing_shows_the_groups_own_age_band_and_keeps_its_sessions(
    qtbot: QtBot, page: GroupsPage, register: Any
) -> None:
    somali = next(row for row in list_groups(page.database) if row.name.startswith("BIV Somaliska 10–12"))
    dialog = edit_group_dialog(page.database, get_group(page.database, somali.id), register.today, page)
    qtbot.addWidget(dialog)
    assert dialog.form.age.combo.currentText() == "10–12 år"
    assert dialog.form.age.low.isHidden()
    assert dialog.preview.name.text() == "Gruppens träffar (de ändras inte av det här)"
    assert dialog.preview.model.rowCount() == 14
