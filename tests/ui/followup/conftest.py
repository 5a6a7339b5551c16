"""For the follow-up page's tests: the page on the fixture register, and a save dialog that answers itself."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from biv_desktop.ui.followup.page import FollowUpPage
from support import FixtureRegister
from support.qt import shown


@dataclass
class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what it suggested and answers with a file in ``folder``."""

    folder: Path
    suggested: list[str] = field(default_factory=list)
    answer: str | None = None

    def ask(self, _parent: Any, _title: str, suggested: str, _filter: str = "") -> tuple[str, str]:
        self.suggested.append(Path(suggested).name)
        name = self.answer if self.answer is not None else Path(suggested).name
        return (str(self.folder / name) if name else "", "")


@pytest.fixture
def save_dialog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    dialog = SaveDialog(tmp_path / "out")
    dialog.folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog.ask)
    return dialog


@pytest.fixture
def page(qtbot: QtBot, register: FixtureRegister) -> FollowUpPage:
    """The Uppföljning page on the fixture register, on its fixed day."""
    return shown(qtbot, FollowUpPage(register.database, register.today))
