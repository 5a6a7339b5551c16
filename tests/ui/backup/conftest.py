"""What the backup screens' tests share: file dialogs that answer as told."""

import pytest

from support.qt import FileDialogs


@pytest.fixture
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    return FileDialogs(monkeypatch)
