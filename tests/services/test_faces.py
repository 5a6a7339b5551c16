"""Every area's public face gives each name it lists, whether its modules are loaded yet or not."""

import importlib
import pkgutil
import subprocess
import sys
from types import ModuleType

import biv_desktop.services

FACES = sorted(
    f"biv_desktop.services.{info.name}"
    for info in pkgutil.iter_modules(biv_desktop.services.__path__)
    if info.ispkg
)


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


def test_using_one_name_loads_only_its_own_module_of_the_area() -> None:
    script = (
        "import sys\n"
        "from biv_desktop.services.printing import session_sheet_by_number\n"
        "print(sorted(name for name in sys.modules if name.startswith('biv_desktop.services.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout
    assert "biv_desktop.services.printing.sheets" in loaded
    # The contact list and diplomas (and the attendance area behind the contact list) are not needed.
    assert "biv_desktop.services.printing.contacts" not in loaded
    assert "biv_desktop.services.attendance" not in loaded


def test_star_import_of_a_face_gives_all_its_names() -> None:
    names: dict[str, object] = {}
    exec("from biv_desktop.services.staff import *", names)
    face = importlib.import_module("biv_desktop.services.staff")
    assert set(face.__all__) <= set(names)
