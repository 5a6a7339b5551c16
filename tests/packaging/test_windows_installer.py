"""The PyInstaller spec and the NSIS script: the files they name exist, and they agree with each other."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from biv_desktop import __version__, paths

CHECKOUT = Path(__file__).resolve().parents[2]
SPEC = CHECKOUT / "packaging" / "biv-desktop.spec"
NSI = CHECKOUT / "packaging" / "windows" / "biv-desktop.nsi"


def _spec() -> str:
    return SPEC.read_text(encoding="utf-8")


def _nsi() -> str:
    return NSI.read_text(encoding="utf-8-sig")


def _defines() -> dict[str, str]:
    return dict(re.findall(r'^!define (\w+) "([^"]*)"', _nsi(), flags=re.MULTILINE))


def _section(name: str) -> str:
    match = re.search(rf'^Section "{re.escape(name)}".*?^SectionEnd', _nsi(), flags=re.MULTILINE | re.DOTALL)
    assert match is not None, name
    return match.group(0)


def test_every_checkout_path_the_spec_names_exists() -> None:
    named = re.findall(r'(?:CHECKOUT|PACKAGE)((?: / "[^"]+")+)', _spec())
    assert len(named) >= 5
    for parts in named:
        relative = Path(*re.findall(r'"([^"]+)"', parts))
        base = CHECKOUT / "biv_desktop" if f"PACKAGE{parts}" in _spec() else CHECKOUT
        assert (base / relative).exists() or (CHECKOUT / relative).exists(), relative


def test_the_spec_ships_the_migrations_and_the_modules_env_py_imports() -> None:
    spec = _spec()
    assert 'PACKAGE / "store" / "migrations"' in spec
    env = (CHECKOUT / "biv_desktop" / "store" / "migrations" / "env.py").read_text(encoding="utf-8")
    assert "from alembic import context" in env and '"alembic.context"' in spec
    assert "from biv_desktop.store.models import" in env
    assert 'collect_submodules("biv_desktop.store.models")' in spec
    assert '"alembic.op"' in spec  # the migration scripts' import


def test_the_spec_ships_the_lazy_faces_stubs_and_their_areas_modules() -> None:
    # A lazy face reads its names from its __init__.pyi and imports their modules by name (services/faces.py).
    spec = _spec()
    assert list((CHECKOUT / "biv_desktop" / "services").rglob("__init__.pyi"))
    assert '(PACKAGE / "services").rglob("__init__.pyi")' in spec
    assert 'collect_submodules("biv_desktop.services")' in spec


def test_the_spec_leaves_out_qt_modules_the_program_does_not_import() -> None:
    used = set()
    for module in (CHECKOUT / "biv_desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", module.read_text(encoding="utf-8")))
    excluded = set(re.findall(r'"(Qt\w+)"', _spec().split("excludes = [", 1)[1].split("]", 1)[0]))
    assert used == {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
    assert not used & excluded
    assert {"QtNetwork", "QtQml", "QtQuick", "QtSvg"} <= excluded


def test_installer_and_spec_name_the_same_two_programs() -> None:
    programs = re.findall(r'program\("([^"]+)", console=(True|False)\)', _spec())
    assert programs == [("biv-desktop", "True"), ("biv-desktop-gui", "False")]
    defines = _defines()
    assert defines["CONSOLE_EXE"] == "biv-desktop${EXE_SUFFIX}"
    assert defines["WINDOW_EXE"] == "biv-desktop-gui${EXE_SUFFIX}"


def test_installer_is_per_user_without_administrator_rights() -> None:
    nsi = _nsi()
    assert re.search(r"^RequestExecutionLevel user$", nsi, flags=re.MULTILINE)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\\$\{NAME\}"$', nsi, flags=re.MULTILINE)
    assert "HKLM" not in nsi and "$PROGRAMFILES" not in nsi
    assert "WriteRegStr HKCU" in nsi


def test_version_is_in_the_file_name_and_in_programs_and_features() -> None:
    nsi = _nsi()
    assert re.search(r'^OutFile ".*-\$\{VERSION\}-[^"]*\.exe"$', nsi, flags=re.MULTILINE)
    assert 'WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"' in nsi
    assert '"DisplayName" "${NAME}"' in nsi and _defines()["NAME"] == paths.APP_NAME


def test_start_menu_shortcut_always_and_desktop_shortcut_as_an_option() -> None:
    program = _section("${NAME}")
    assert "SectionIn RO" in program
    assert 'CreateShortcut "$SMPROGRAMS\\${NAME}.lnk" "$INSTDIR\\${WINDOW_EXE}"' in program
    desktop = _section("Genväg på skrivbordet")
    assert 'CreateShortcut "$DESKTOP\\${NAME}.lnk" "$INSTDIR\\${WINDOW_EXE}"' in desktop
    assert "MUI_PAGE_COMPONENTS" in _nsi()  # where the user ticks it off


def test_the_data_folder_the_installer_names_is_the_programs() -> None:
    # platformdirs puts the user data of APP_NAME in %LOCALAPPDATA%\<APP_NAME> on Windows.
    assert _defines()["DATA_DIR"] == f"$LOCALAPPDATA\\{paths.APP_NAME}"
    assert not _defines()["DATA_DIR"].startswith("$LOCALAPPDATA\\Programs")


def test_uninstaller_keeps_the_register_and_backups_and_says_where_they_are() -> None:
    uninstall = _section("Uninstall")
    assert 'RMDir /r "$INSTDIR"' not in uninstall
    assert "DATA_DIR" not in "".join(
        line for line in uninstall.splitlines() if line.strip().startswith(("Delete", "RMDir"))
    )
    assert re.search(r"MessageBox .*finns kvar i:.*\$\{DATA_DIR\}", uninstall)
    assert "${DATA_DIR}" in _defines()["MUI_UNCONFIRMPAGE_TEXT_TOP"]


def test_an_upgrade_installs_over_the_old_version_and_keeps_the_data() -> None:
    nsi = _nsi()
    assert 'InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"' in nsi
    program = _section("${NAME}")
    removed = re.findall(r'(?:RMDir|Delete)(?: /r)? "([^"]+)"', program)
    assert removed == ["$INSTDIR\\_internal"]  # only the old program files go


def test_files_the_script_takes_from_the_checkout_exist() -> None:
    for name in re.findall(r'^\s*File (?:/oname=\S+ )?"([^"$]+)"', _nsi(), flags=re.MULTILINE):
        assert (NSI.parent / name.replace("\\", "/")).is_file(), name
    assert _defines()["MUI_ICON"] == "biv-desktop.ico"


@pytest.mark.skipif(
    shutil.which("makensis") is None, reason="makensis is not installed (Debian package nsis)"
)
def test_the_script_compiles_against_a_frozen_folder(tmp_path: Path) -> None:
    dist = tmp_path / "dist" / "biv-desktop"
    (dist / "_internal").mkdir(parents=True)
    for name in ("biv-desktop.exe", "biv-desktop-gui.exe", "_internal/base_library.zip"):
        (dist / name).write_bytes(b"stand-in")
    result = subprocess.run(
        ["makensis", "-V2", "-WX", "-DCHECK_ONLY", f"-DVERSION={__version__}", f"-DDIST={dist}",
         f"-DOUTDIR={tmp_path}", str(NSI)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / f"BIV-Desktop-{__version__}-installation.exe").is_file()

    (dist / "biv-desktop-gui.exe").unlink()  # a file the script names is missing: makensis refuses
    missing = subprocess.run(
        ["makensis", "-V2", "-DCHECK_ONLY", f"-DVERSION={__version__}", f"-DDIST={dist}",
         f"-DOUTDIR={tmp_path}", str(NSI)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert missing.returncode != 0


def test_the_release_workflow_builds_with_this_spec_and_script_on_windows() -> None:
    workflow = (CHECKOUT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in workflow
    assert 'pip install ".[freeze]"' in workflow
    for used in re.findall(r"packaging/[\w/.-]+\.(?:spec|nsi)", workflow):
        assert (CHECKOUT / used).is_file(), used
    assert "packaging/biv-desktop.spec" in workflow and "packaging/windows/biv-desktop.nsi" in workflow
