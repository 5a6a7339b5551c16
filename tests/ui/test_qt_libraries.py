"""A missing system library gets a Swedish sentence naming the Debian packages, before Qt can abort."""

import builtins
import ctypes
import sys
from pathlib import Path
from typing import Any

import pytest

from biv_desktop.cli import main
from biv_desktop.ui import qt_libraries


def test_nothing_is_missing_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qt_libraries.missing_library_hint() is None


def test_qt_that_cannot_load_names_the_package_in_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def failing_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "PySide6.QtWidgets":
            raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing_import)
    hint = qt_libraries.missing_library_hint()
    assert hint is not None
    assert hint.startswith("BIV Desktop kan inte öppna sitt fönster: systembiblioteket libEGL.so.1 saknas")
    assert "(Debian- och Ubuntu-paketet libegl1)" in hint
    assert hint.endswith(
        "sudo apt-get install libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 "
        "libglib2.0-0 libxkbcommon0"
    )


def test_a_missing_x11_library_names_the_window_packages(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(qt_libraries, "_xcb_plugin", lambda: plugin)

    def failing_load(path: str) -> None:
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(ctypes, "CDLL", failing_load)
    hint = qt_libraries.missing_library_hint()
    assert hint is not None
    assert "systembiblioteket libxcb-cursor.so.0 saknas (Debian- och Ubuntu-paketet libxcb-cursor0)" in hint
    assert "sudo apt-get install libxcb-cursor0 libgl1 " in hint
    assert "libxcb-icccm4" in hint and "libx11-xcb1" in hint


@pytest.mark.parametrize(
    ("platform", "wayland", "checked"),
    [("offscreen", None, False), ("wayland", None, False), ("", "wayland-0", False), ("xcb", None, True)],
)
def test_the_x11_plugin_is_checked_only_when_qt_will_use_it(
    monkeypatch: pytest.MonkeyPatch, platform: str, wayland: str | None, checked: bool
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    if wayland is None:
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    else:
        monkeypatch.setenv("WAYLAND_DISPLAY", wayland)
    found = qt_libraries._xcb_plugin()
    assert (found is not None) == checked
    if found is not None:
        assert found.name == "libqxcb.so"


def test_the_command_line_stops_with_the_sentence_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sentence = "BIV Desktop kan inte öppna sitt fönster: systembiblioteket libxcb-xkb.so.1 saknas."
    monkeypatch.setattr(qt_libraries, "missing_library_hint", lambda: sentence)
    assert main([]) == 1
    assert capsys.readouterr().err == sentence + "\n"
