"""The window's start keeps no module's source in memory: PySide6's look at each imported module (does it use
PySide6?) gives the same answer without holding the file's lines in ``linecache`` (ui/module_check.py)."""

import types
from pathlib import Path

from biv_desktop.ui.module_check import uses_pyside
from support.process import run_fresh

# Started as the program starts its window (cli/window.py), then imports modules the start has not loaded.
START_THEN_IMPORT = """
import json, linecache, sys
from biv_desktop.cli.window import _window
_window()
import shibokensupport.feature as feature
from biv_desktop.ui.module_check import uses_pyside
from biv_desktop.ui.settings.page import SettingsPage
from biv_desktop.reports.followup import write_follow_up_pdf
from sqlalchemy.orm import Session
kept = sorted(name for name in linecache.cache if name.endswith(".py"))
print(json.dumps({"look_replaced": feature._mod_uses_pyside is uses_pyside, "kept": kept,
                  "settings_page_uses_pyside": feature.pyside_feature_dict.get("biv_desktop.ui.settings.page"),
                  "followup_uses_pyside": feature.pyside_feature_dict.get("biv_desktop.reports.followup")}))
"""


def test_the_window_start_keeps_no_source_of_the_modules_it_imports() -> None:
    _lines, found = run_fresh(START_THEN_IMPORT)
    assert found["look_replaced"] is True
    # Only what PySide6 looked at while it loaded, before its look could be replaced: its own and a few of
    # Python's files, and the module that replaces the look.
    assert [name for name in found["kept"] if "sqlalchemy" in name] == []
    assert [Path(name).name for name in found["kept"] if "biv_desktop" in name] == ["module_check.py"]
    assert len(found["kept"]) < 10
    # PySide6's own answers: 0 for a module that uses PySide6, -1 ("ignore") for one that does not.
    assert found["settings_page_uses_pyside"] == 0
    assert found["followup_uses_pyside"] == -1


def test_the_look_answers_as_pyside_does_by_the_file_text(tmp_path: Path) -> None:
    with_qt = tmp_path / "with_qt.py"
    with_qt.write_text("from PySide6.QtWidgets import QLabel\n", encoding="utf-8")
    without_qt = tmp_path / "without_qt.py"
    without_qt.write_text("import datetime  # Å, ä och ö\n", encoding="utf-8")
    assert uses_pyside(module_at(with_qt)) is True
    assert uses_pyside(module_at(without_qt)) is False


def test_a_module_without_a_source_file_does_not_use_pyside(tmp_path: Path) -> None:
    assert uses_pyside(types.ModuleType("inbyggd")) is False  # built in: no file
    assert uses_pyside(module_at(tmp_path / "borttagen.py")) is False  # the file is gone
    assert uses_pyside(module_at(tmp_path / "kompilerad.pyc")) is False


def module_at(path: Path) -> types.ModuleType:
    module = types.ModuleType(path.stem)
    module.__file__ = str(path)
    return module
