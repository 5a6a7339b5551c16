"""Every area's public face gives each name it lists, whether its modules are loaded yet or not; a lazy
face lists its names once, in its stub ``__init__.pyi``, and loads a module on a name's first use."""

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import biv_desktop.services
from biv_desktop.services.faces import stub_names

FACES = sorted(
    f"biv_desktop.services.{info.name}"
    for info in pkgutil.iter_modules(biv_desktop.services.__path__)
    if info.ispkg
)
SERVICES = Path(biv_desktop.services.__file__).parent
LAZY_FACES = sorted(f"biv_desktop.services.{stub.parent.name}" for stub in SERVICES.glob("*/__init__.pyi"))


def test_every_listed_name_of_every_face_is_what_its_module_defines() -> None:
    for face_name in FACES:
        face = importlib.import_module(face_name)
        for name in face.__all__:
            value = getattr(face, name)
            assert not isinstance(value, ModuleType), f"{face_name}.{name} is a module"
            assert getattr(value, "__module__", face_name).startswith("biv_desktop"), f"{face_name}.{name}"


def test_a_name_not_listed_is_an_attribute_error() -> None:
    face = importlib.import_module("biv_desktop.services.attendance")
    assert not hasattr(face, "no_such_name")


@pytest.mark.parametrize(
    ("face", "name", "loaded", "not_loaded"),
    [
        # The contact list and diplomas (and the attendance area behind the contact list) are not needed.
        (
            "printing",
            "session_sheet_by_number",
            "printing.sheets",
            ["printing.contacts", "attendance"],
        ),
        # The register's list does not need the spreadsheet import, nor the waiting list or families.
        (
            "participants",
            "list_participants",
            "participants.register",
            ["participants.importing", "participants.waiting", "participants.families"],
        ),
        # Another area reading the settings does not load backups, encryption or the JSON exchange.
        (
            "register",
            "load_settings",
            "register.settings",
            ["register.backup", "register.encryption", "register.exchange"],
        ),
        # The agreement page does not load the questionnaires' translations or the meetings.
        (
            "followup",
            "list_agreements",
            "followup.agreements",
            ["followup.translations", "followup.meetings"],
        ),
    ],
)
def test_using_one_name_loads_only_its_own_module_of_the_area(
    face: str, name: str, loaded: str, not_loaded: list[str]
) -> None:
    script = (
        "import json, sys\n"
        f"from biv_desktop.services.{face} import {name}\n"
        "print(json.dumps(sorted(name for name in sys.modules if name.startswith('biv_desktop.services.'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stdout)
    assert f"biv_desktop.services.{loaded}" in modules
    assert [
        module
        for module in modules
        if module.startswith(tuple(f"biv_desktop.services.{part}" for part in not_loaded))
    ] == []


def test_star_import_of_a_face_gives_all_its_names() -> None:
    names: dict[str, object] = {}
    exec("from biv_desktop.services.staff import *", names)
    face = importlib.import_module("biv_desktop.services.staff")
    assert set(face.__all__) <= set(names)


def test_every_face_is_lazy() -> None:
    # The window's start and each command load only the modules they call (issue 17).
    assert LAZY_FACES == FACES
    assert len(FACES) == 10


def test_a_lazy_face_gives_just_the_names_its_stub_passes_on() -> None:
    for face_name in LAZY_FACES:
        face = importlib.import_module(face_name)
        stub = SERVICES / face_name.rsplit(".", 1)[1] / "__init__.pyi"
        assert face.__all__ == sorted(stub_names(stub)), face_name


def test_importing_the_lazy_faces_loads_none_of_their_modules() -> None:
    script = (
        "import json, sys\n"
        f"for face in {LAZY_FACES!r}:\n"
        "    __import__(face)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    inside = [name for name in loaded if any(name.startswith(f"{face}.") for face in LAZY_FACES)]
    assert inside == []
    assert "biv_desktop.services.staff" in loaded


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("from biv_desktop.services.staff.leaders import LeaderRow\n", "write LeaderRow as LeaderRow"),
        ("from .leaders import LeaderRow as LeaderRow\n", "by the module's full name"),
    ],
)
def test_a_stub_the_type_checker_would_read_otherwise_is_refused(
    tmp_path: Path, line: str, problem: str
) -> None:
    # Without "as", the type checker does not pass the name on; a relative import names no module to load.
    stub = tmp_path / "__init__.pyi"
    stub.write_text(line, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        stub_names(stub)
