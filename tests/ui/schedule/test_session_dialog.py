"""The session form: moving onto a leader's other session shows the conflict, substitutes, cancelling."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt, QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.services.schedule import sessions_between
from biv_desktop.store.models import Group
from biv_desktop.ui.common.row_model import ROW_ROLE
from biv_desktop.ui.schedule import table as columns
from biv_desktop.ui.schedule.page import SchedulePage
from biv_desktop.ui.schedule.session_dialog import SessionDialog

IndexOf = Callable[..., QModelIndex]
SOMALI_CHILDREN = "BIV Somaliska 10–12 år, Berga, vt 2026"
SOMALI_PARENTS = "BIV Somaliska föräldrar, Berga, vt 2026"
DARI = "BIS Dari 13–15 år, Skäggetorp, vt 2026"
LEYLA_CLASH = (
    "Gruppledaren är redan bokad 18:00–20:00 i BIV Somaliska föräldrar, Berga, vt 2026 (träff 6). "
    "Gäller Leyla Samadi."
)


def session_id(page: SchedulePage, index_of: IndexOf, group: str, number: int) -> int:
    return int(index_of(group, number).data(ROW_ROLE).id)


def open_dialog(
    qtbot: QtBot, page: SchedulePage, index_of: IndexOf, group: str, number: int
) -> SessionDialog:
    dialog = SessionDialog(page.database, session_id(page, index_of, group, number), page)
    qtbot.addWidget(dialog)
    return dialog


def save(dialog: SessionDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_moving_a_session_onto_a_leaders_other_session_shows_the_conflict_and_saving_asks(
    page: SchedulePage, index_of: IndexOf, message_boxes: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def move_onto_thursday_evening(dialog: SessionDialog) -> int:
        # Leyla leads the Dari group alone; on Thursday 12 March 18–20 she leads the Somali parents.
        dialog.date.setDate(QDate(2026, 3, 12))
        dialog.start_time.setTime(QTime(18, 0))
        dialog.end_time.setTime(QTime(20, 0))
        seen["panel"] = dialog.problems.lines
        message_boxes.presses = ["Avbryt", "Spara ändå"]
        save(dialog)
        seen["after_cancel"] = dialog.result()
        save(dialog)
        return dialog.result()

    monkeypatch.setattr(SessionDialog, "exec", move_onto_thursday_evening)
    page.table.setCurrentIndex(index_of(DARI, 7))
    page.open_current()

    assert seen["panel"] == [f"⚠ {LEYLA_CLASH}", "⚠ Bara en gruppledare.", "⚠ Ingen tolk."]
    first, second = message_boxes.shown
    assert first["informative"] == f"• {LEYLA_CLASH}"
    assert first["buttons"] == ["Spara ändå", "Avbryt"]
    assert seen["after_cancel"] != QDialog.DialogCode.Accepted
    assert second == first
    moved = index_of(DARI, 7)
    assert moved.data() == "tors 12 mars"
    assert index_of(DARI, 7, columns.TIME).data() == "18:00–20:00"
    assert index_of(DARI, 7, columns.PROBLEMS).data() == "Krock och bemanning"
    assert page.current_session() is not None and page.current_session().number == 7  # type: ignore[union-attr]
    assert page.message_label.text() == f"Träff 7 i {DARI} är sparad."


def test_cancelling_the_question_saves_nothing(
    qtbot: QtBot, page: SchedulePage, index_of: IndexOf, message_boxes: Any
) -> None:
    dialog = open_dialog(qtbot, page, index_of, DARI, 7)
    dialog.date.setDate(QDate(2026, 3, 12))
    dialog.start_time.setTime(QTime(18, 0))
    dialog.end_time.setTime(QTime(20, 0))
    message_boxes.presses = ["Avbryt"]
    save(dialog)
    page.refresh()
    assert index_of(DARI, 7).data() == "ons 11 mars"


def test_a_substitute_interpreter_without_the_language_is_marked_and_flagged(
    qtbot: QtBot, page: SchedulePage, index_of: IndexOf, message_boxes: Any
) -> None:
    dialog = open_dialog(qtbot, page, index_of, DARI, 8)
    texts = [dialog.interpreter.itemText(i) for i in range(dialog.interpreter.count())]
    assert texts == ["– ingen –", "Yusuf Warsame (talar inte dari)"]
    dialog.interpreter.setCurrentIndex(1)
    assert dialog.problems.lines == ["⚠ Bara en gruppledare.", "⚠ Tolken Yusuf Warsame talar inte dari."]
    message_boxes.presses = ["Spara ändå"]
    save(dialog)
    assert message_boxes.shown[0]["informative"] == "• Tolken Yusuf Warsame talar inte dari."
    assert dialog.result() == QDialog.DialogCode.Accepted
    page.refresh()
    assert index_of(DARI, 8, columns.INTERPRETER).data() == "Yusuf Warsame"
    assert index_of(DARI, 7, columns.INTERPRETER).data() == "ingen"  # for that session only


def test_an_end_before_the_start_is_shown_live_and_beside_the_time(
    qtbot: QtBot, page: SchedulePage, index_of: IndexOf
) -> None:
    dialog = open_dialog(qtbot, page, index_of, SOMALI_CHILDREN, 7)
    assert dialog.problems.lines == []
    assert dialog.problems.text() == "Inga krockar, och bemanningen följer regeln."
    dialog.end_time.setTime(QTime(16, 0))
    assert dialog.problems.lines == ["Sluttiden måste vara efter starttiden."]
    save(dialog)
    assert dialog.errors.message_for("end_time") == "Sluttiden måste vara efter starttiden."
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.end_time.time() == QTime(16, 0)  # what was typed stays


def group_dates(page: SchedulePage, group: str) -> dict[int, tuple[dt.date, SessionStatus]]:
    rows = sessions_between(page.database, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    return {row.number: (row.date, row.status) for row in rows if row.group_name == group}


def link_parents(page: SchedulePage) -> None:
    """Make the Somali parents' group the Somali children's group's own (the fixture keeps them apart)."""
    with page.database.transaction() as session:
        groups = {row.name: row for row in session.scalars(select(Group))}
        groups[SOMALI_PARENTS].children_group_id = groups[SOMALI_CHILDREN].id


def test_cancelling_with_the_themes_moving_up_shifts_both_groups_as_the_preview_showed(
    qtbot: QtBot, page: SchedulePage, index_of: IndexOf, message_boxes: Any
) -> None:
    link_parents(page)
    children_before = group_dates(page, SOMALI_CHILDREN)
    parents_before = group_dates(page, SOMALI_PARENTS)
    dialog = open_dialog(qtbot, page, index_of, SOMALI_CHILDREN, 7)
    assert dialog.shift.shift_later.isChecked()  # the default: the themes move up
    assert dialog.shift.follow_parents.isVisibleTo(dialog) and dialog.shift.follow_parents.isChecked()
    assert dialog.shift.follow_parents.text() == f"&Föräldragruppen följer med: {SOMALI_PARENTS}"
    lines = [dialog.shift.preview.item(i).text() for i in range(dialog.shift.preview.count())]
    assert lines[0] == SOMALI_CHILDREN
    assert lines[1].startswith("  Träff 7 ") and lines[1].endswith(
        "tisdag 17 mars 2026 → tisdag 24 mars 2026"
    )
    assert f"{SOMALI_PARENTS} (föräldragruppen följer med)" in lines

    message_boxes.presses = ["Ställ in träffen"]
    qtbot.mouseClick(dialog.shift.cancel_button, Qt.MouseButton.LeftButton)

    assert message_boxes.shown[0]["text"] == "Ställa in träff 7, tisdag 17 mars 2026?"
    assert dialog.result() == QDialog.DialogCode.Accepted
    children = group_dates(page, SOMALI_CHILDREN)
    parents = group_dates(page, SOMALI_PARENTS)
    assert sorted(children) == list(range(1, 15)) and sorted(parents) == sorted(parents_before)
    assert all(
        status is SessionStatus.PLANNED for _day, status in children.values() if _day > dt.date(2026, 3, 16)
    )
    assert children[7][0] == children_before[8][0]  # theme 7 is held the week after
    assert children[14][0] > children_before[14][0]  # the closing session is still last, a week later
    assert [children[n][0] for n in range(1, 15)] == sorted(children[n][0] for n in range(1, 15))
    assert parents[7][0] == parents_before[8][0]
    assert dialog.message.startswith(f"Träff 7 i {SOMALI_CHILDREN} är inställd. 8 träffar flyttades fram;")


def test_a_cancelled_session_can_be_restored_and_a_held_one_not_cancelled(
    qtbot: QtBot, page: SchedulePage, index_of: IndexOf, message_boxes: Any
) -> None:
    dialog = open_dialog(qtbot, page, index_of, SOMALI_CHILDREN, 7)
    dialog.shift.only_this.setChecked(True)
    assert dialog.shift.heading.text() == "Om du ställer in träffen hålls inte dess tema:"
    message_boxes.presses = ["Ställ in träffen"]
    dialog.shift.cancel_button.click()
    page.refresh()
    assert index_of(SOMALI_CHILDREN, 7, columns.STATUS).data() == "Inställd"

    cancelled = open_dialog(qtbot, page, index_of, SOMALI_CHILDREN, 7)
    assert not cancelled.shift.cancel_button.isVisibleTo(cancelled)
    assert cancelled.shift.restore_button.isVisibleTo(cancelled)
    cancelled.shift.restore_button.click()
    assert cancelled.message == f"Träff 7 i {SOMALI_CHILDREN} är återställd."
    page.refresh()
    assert index_of(SOMALI_CHILDREN, 7, columns.STATUS).data() == "Planerad"

    page.period.set_period(dt.date(2026, 2, 2), dt.date(2026, 2, 8))
    held = open_dialog(qtbot, page, index_of, SOMALI_CHILDREN, 1)
    assert not held.shift.cancel_button.isVisibleTo(held)
    assert held.shift.heading.text() == "En genomförd träff kan inte flyttas eller ställas in."
