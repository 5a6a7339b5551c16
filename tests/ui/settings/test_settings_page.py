"""The settings page: general settings, break weeks and theme plans, each edited by keyboard and mouse."""

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from biv_desktop.domain.enums import GroupKind
from biv_desktop.services.register.break_weeks import BreakWeekDraft, list_break_weeks, save_break_week
from biv_desktop.services.register.settings import load_settings
from biv_desktop.services.register.theme_plans import default_theme_plan, get_theme_plan
from biv_desktop.services.schedule import sessions_between
from biv_desktop.ui.settings.break_week_dialog import BreakWeekDialog
from biv_desktop.ui.settings.page import SettingsPage
from support import FixtureRegister
from support.qt import shown


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> SettingsPage:
    return shown(qtbot, SettingsPage(register.database, register.today))


def test_overlapping_age_bands_are_refused_with_a_message_and_nothing_is_saved(
    qtbot: QtBot, page: SettingsPage
) -> None:
    general = page.general
    general.age_bands.setText("7-9, 8-12")
    general.group_capacity.setValue(8)

    qtbot.mouseClick(general.save_button, Qt.MouseButton.LeftButton)

    assert general.errors.message_for("age_bands") == "Åldersspannen 7–9 år och 8–12 år överlappar."
    assert general.age_bands.text() == "7-9, 8-12"
    assert general.status.text() == ""
    assert load_settings(page.database).group_capacity == 6


def test_settings_are_saved_with_ctrl_s_and_survive_a_refresh(qtbot: QtBot, page: SettingsPage) -> None:
    general = page.general
    general.age_bands.setText("7–10, 11–15")
    general.sessions_per_group.setValue(12)
    general.completion_sessions.setValue(9)
    assert general.status.text() == "Ändringarna är inte sparade."

    page.activateWindow()
    qtbot.waitActive(page)
    general.age_bands.setFocus()
    qtbot.keyClick(general.age_bands, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert general.status.text() == "Inställningarna är sparade."
    saved = load_settings(page.database)
    assert (saved.age_bands_text, saved.sessions_per_group, saved.completion_sessions) == (
        "7-10, 11-15",
        12,
        9,
    )
    page.refresh()
    assert general.age_bands.text() == "7-10, 11-15"


def test_unsaved_settings_are_kept_when_the_page_is_shown_again(page: SettingsPage) -> None:
    page.general.retention_staff.setValue(24)
    page.refresh()
    assert page.general.retention_staff.value() == 24
    page.general.undo_button.click()
    assert page.general.retention_staff.value() == 12


def schedule(page: SettingsPage) -> dict[int, tuple[str, int, dt.date]]:
    rows = sessions_between(page.database, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    return {row.id: (row.group_name, row.number, row.date) for row in rows}


def test_a_new_break_across_three_groups_shifts_their_sessions_in_one_step(
    qtbot: QtBot, page: SettingsPage, monkeypatch: pytest.MonkeyPatch, message_boxes: Any, qtmodeltester: Any
) -> None:
    before = schedule(page)
    seen: dict[str, Any] = {}

    def fill_in(dialog: BreakWeekDialog) -> int:
        dialog.name.setText("Påsklov")
        dialog.starts_on.setDate(QDate(2026, 3, 30))  # the end follows, a week on
        seen["heading"] = dialog.preview_heading.text()
        seen["lines"] = [dialog.preview.item(n).text() for n in range(dialog.preview.count())]
        seen["shift"] = dialog.shift
        save_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        seen["button"] = save_button.text()
        qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)
        seen["moved"] = dialog.moved
        return dialog.result()

    monkeypatch.setattr(BreakWeekDialog, "exec", fill_in)
    page.tabs.setCurrentWidget(page.break_weeks)
    page.break_weeks.new_button.click()

    shift = seen["shift"].shift
    names = [group.group_name for group in shift.groups]
    assert sorted(names) == sorted(
        [
            "BIV Somaliska 10–12 år, Berga, vt 2026",
            "BIS Dari 13–15 år, Skäggetorp, vt 2026",
            "BIV Somaliska föräldrar, Berga, vt 2026",
        ]
    )
    count = len(shift.sessions)
    assert seen["heading"].startswith(f"{count} planerade träffar i 3 grupper flyttas när du sparar")
    assert seen["button"] == f"Spara och &flytta {count} träffar"
    assert "BIV Somaliska 10–12 år, Berga, vt 2026" in seen["lines"]
    assert any(line.startswith("  Träff 9 ") and "31 mars" in line for line in seen["lines"])
    assert message_boxes.shown == []  # nothing to confirm: one step
    assert seen["moved"] == count

    after = schedule(page)
    assert {item.session_id: item.date for item in shift.sessions} == {
        item.session_id: after[item.session_id][2] for item in shift.sessions
    }  # saved as previewed
    assert not [row for row in after.values() if dt.date(2026, 3, 30) <= row[2] <= dt.date(2026, 4, 5)]
    for group in names:
        dates = [day for name, _number, day in sorted(after.values(), key=lambda r: r[1]) if name == group]
        assert dates == sorted(dates) and len(dates) == len([r for r in before.values() if r[0] == group])
    [saved] = list_break_weeks(page.database)
    assert (saved.name, saved.starts_on, saved.ends_on) == (
        "Påsklov",
        dt.date(2026, 3, 30),
        dt.date(2026, 4, 5),
    )
    qtmodeltester.check(page.break_weeks.model)
    assert page.break_weeks.current_row() == saved


def test_delete_removes_the_chosen_break_after_asking(
    qtbot: QtBot, page: SettingsPage, message_boxes: Any
) -> None:
    save_break_week(page.database, BreakWeekDraft("Höstlov", dt.date(2026, 10, 26), dt.date(2026, 11, 1)))
    page.tabs.setCurrentWidget(page.break_weeks)
    page.refresh()
    page.break_weeks.table.selectRow(0)
    page.break_weeks.table.setFocus()
    page.activateWindow()
    qtbot.waitActive(page)
    message_boxes.presses = ["Ta bort"]

    qtbot.keyClick(page.break_weeks.table, Qt.Key.Key_Delete)

    assert message_boxes.shown[0]["text"] == "Ta bort uppehållet ”Höstlov”?"
    assert list_break_weeks(page.database) == []
    assert page.break_weeks.model.rowCount() == 0


def test_a_theme_moves_up_with_ctrl_up_and_the_new_order_is_saved(
    qtbot: QtBot, page: SettingsPage, qtmodeltester: Any
) -> None:
    page.tabs.setCurrentWidget(page.theme_plans)
    editor = page.theme_plans.editor
    qtmodeltester.check(page.theme_plans.model)
    qtmodeltester.check(editor.model)
    plan = default_theme_plan(page.database, GroupKind.CHILDREN)
    assert plan is not None and page.theme_plans.current_plan().id == plan.id  # type: ignore[union-attr]
    second, third = plan.themes[1].title, plan.themes[2].title
    editor.themes.selectRow(2)
    editor.themes.setFocus()
    page.activateWindow()
    qtbot.waitActive(page)

    qtbot.keyClick(editor.themes, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)

    assert [editor.model.index(row, 1).data() for row in (1, 2)] == [third, second]
    assert [editor.model.index(row, 0).data() for row in (1, 2)] == ["2", "3"]
    assert editor.current_position() == 1
    assert editor.save_button.isEnabled()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    saved = get_theme_plan(page.database, plan.id)
    assert [theme.title for theme in saved.themes[1:3]] == [third, second]
    assert not editor.save_button.isEnabled()


def test_a_theme_without_a_title_is_shown_beside_its_title_field(qtbot: QtBot, page: SettingsPage) -> None:
    page.tabs.setCurrentWidget(page.theme_plans)
    editor = page.theme_plans.editor
    editor.themes.selectRow(13)
    editor.add_button.click()
    assert editor.model.rowCount() == 15 and editor.current_position() == 14

    editor.save_button.click()

    assert editor.theme_errors.message_for("title") == "Tema 15: Rubriken måste fyllas i."
    assert editor.current_position() == 14
    editor.title.setText("Återträff")
    editor.title.textEdited.emit("Återträff")
    editor.save_button.click()
    assert editor.theme_errors.message_for("title") == ""
    plan = default_theme_plan(page.database, GroupKind.CHILDREN)
    assert plan is not None and plan.themes[-1].title == "Återträff"
    assert editor.count_note.text() == "15 teman, men en grupp har 14 träffar: de sista temana används inte."


def test_choosing_another_plan_with_unsaved_edits_asks_to_save(
    page: SettingsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.tabs.setCurrentWidget(page.theme_plans)
    editor = page.theme_plans.editor
    children_plan = editor.plan_id
    editor.name.setText("Barngrupp – våren")
    editor.name.textEdited.emit("Barngrupp – våren")
    asked: list[str] = []

    def save(box: QMessageBox) -> int:
        asked.append(box.informativeText())
        [button] = [button for button in box.buttons() if button.text() == "&Spara"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", save)

    page.theme_plans.plans.selectRow(1)

    assert children_plan is not None
    assert get_theme_plan(page.database, children_plan).name == "Barngrupp – våren"
    assert editor.name.text() == "Föräldragrupp – standard"
    assert asked == ["Du har ändrat i temaplanen ”Barngrupp – våren” utan att spara."]


def test_a_copy_becomes_the_default_from_the_plan_list(page: SettingsPage) -> None:
    page.tabs.setCurrentWidget(page.theme_plans)
    tab = page.theme_plans
    assert not tab.default_button.isEnabled()
    tab.copy_button.click()
    copy = tab.current_plan()
    assert copy is not None and copy.name == "Kopia av Barngrupp – standard"
    assert tab.default_button.isEnabled()
    tab.default_button.click()
    plan = default_theme_plan(page.database, GroupKind.CHILDREN)
    assert plan is not None and plan.name == "Kopia av Barngrupp – standard"
    assert tab.editor.default_note.text() == "Nya grupper av den här typen får den här planen."


def test_a_capacity_of_0_is_refused_with_a_sentence_and_stays_0(qtbot: QtBot, page: SettingsPage) -> None:
    general = page.general
    saved = load_settings(page.database).group_capacity
    general.group_capacity.setFocus()
    general.group_capacity.lineEdit().selectAll()
    qtbot.keyClicks(general.group_capacity, "0")
    general.age_bands.setFocus()  # leaving the field keeps the 0 (it used to become 6 again)
    assert general.group_capacity.value() == 0
    qtbot.mouseClick(general.save_button, Qt.MouseButton.LeftButton)
    assert (
        general.errors.message_for("group_capacity")
        == "Platser per grupp måste vara ett tal mellan 1 och 40."
    )
    assert general.group_capacity.value() == 0
    assert load_settings(page.database).group_capacity == saved
    general.group_capacity.setValue(8)  # fixed: the refusal goes
    assert general.errors.message_for("group_capacity") == ""


def test_the_settings_hints_are_readable(page: SettingsPage) -> None:
    # Drawn as disabled labels they were light grey on grey (1.6:1), and a screen reader skips them.
    hints = [label for label in page.findChildren(QLabel) if label.text().startswith("Skriv spannen")]
    assert len(hints) == 1
    [hint] = hints
    hint.ensurePolished()
    assert hint.isEnabled()
    text = hint.palette().color(QPalette.ColorRole.WindowText)
    window = page.palette().color(QPalette.ColorRole.Window)
    assert contrast(text, window) >= 4.5


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
