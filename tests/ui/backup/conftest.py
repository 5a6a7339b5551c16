"""What the backup screens' tests share: file dialogs that answer as told, and passphrase dialogs that are
typed into and pressed as told."""

from typing import Any

import pytest

from biv_desktop.ui.backup.passphrase import NewPassphraseDialog, PassphraseDialog
from support.qt import FileDialogs


@pytest.fixture
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    return FileDialogs(monkeypatch)


class PassphraseDialogs:
    """Stands in for the passphrase dialogs' exec: for each dialog in turn, a list of steps, each the text
    to type into its fields and the button to press; records what each dialog said after each step."""

    def __init__(self) -> None:
        self.answers: list[list[tuple[str, ...]]] = []
        self.shown: list[dict[str, Any]] = []

    def exec(self, dialog: NewPassphraseDialog | PassphraseDialog) -> int:
        if isinstance(dialog, NewPassphraseDialog):
            fields = [dialog.first, dialog.second]
            buttons = [dialog.seal_button, dialog.plain_button, dialog.cancel_button]
        else:
            fields = [dialog.field]
            buttons = [dialog.open_button, dialog.cancel_button]
        record: dict[str, Any] = {
            "title": dialog.windowTitle(),
            "problem": dialog.error.text() if not dialog.error.isHidden() else "",
            "echo": [field.echoMode() for field in fields],
            "errors": [],
        }
        self.shown.append(record)
        for button_text, *texts in self.answers.pop(0):
            for field, text in zip(fields, texts, strict=False):
                field.setText(text)
            next(button for button in buttons if button.text() == button_text).click()
            record["errors"].append(dialog.error.text() if not dialog.error.isHidden() else "")
        return int(dialog.result())


@pytest.fixture
def passphrases(monkeypatch: pytest.MonkeyPatch) -> PassphraseDialogs:
    dialogs = PassphraseDialogs()
    for kind in (NewPassphraseDialog, PassphraseDialog):
        monkeypatch.setattr(kind, "exec", lambda dialog: dialogs.exec(dialog))
    return dialogs
