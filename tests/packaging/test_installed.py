"""What the installed program needs at run time really ships with it: resources, migrations, the command."""

import os
from importlib import metadata
from pathlib import Path

import pytest

import biv_desktop
from biv_desktop.paths import resource_dir
from biv_desktop.store.migrate import MIGRATIONS, head_revision

CHECKOUT = Path(__file__).resolve().parents[2]


def test_default_data_is_found() -> None:
    defaults = resource_dir() / "defaults"
    for name in ("languages.json", "theme_plans.json", "questionnaires.json"):
        assert (defaults / name).is_file(), name


def test_migrations_are_found() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    assert list((MIGRATIONS / "versions").glob("*.py"))
    assert head_revision()


def test_console_script_points_at_the_command_line() -> None:
    scripts = metadata.entry_points(group="console_scripts", name="biv-desktop")
    assert [script.value for script in scripts] == ["biv_desktop.cli:main"]
    assert metadata.version("biv-desktop") == biv_desktop.__version__


def test_gui_script_opens_the_window_without_a_console() -> None:
    # On Windows a gui-script runs under pythonw: the same command, no console window behind the window.
    scripts = metadata.entry_points(group="gui_scripts", name="biv-desktop-gui")
    assert [script.value for script in scripts] == ["biv_desktop.cli:main"]


@pytest.mark.skipif(
    os.environ.get("BIV_DESKTOP_EXPECT_WHEEL") != "1",
    reason="checks an installed wheel; .ci/run sets BIV_DESKTOP_EXPECT_WHEEL=1 (a dev install is editable)",
)
def test_tests_run_against_the_installed_wheel() -> None:
    package = Path(biv_desktop.__file__).resolve().parent
    assert not package.is_relative_to(CHECKOUT), f"imported from the checkout: {package}"
    assert resource_dir() == package / "resources"
    assert (package / "store" / "migrations" / "script.py.mako").is_file()
