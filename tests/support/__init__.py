"""What the tests share: a register per test and factories that make data through the services.

Importable as ``support`` because tests/conftest.py puts the tests folder on ``sys.path`` (pytest runs with
``--import-mode=importlib``, which adds nothing there, and the checkout itself must stay off the path so the
tests import the installed wheel); mypy finds it through ``mypy_path = "tests"``.
"""

# Import the follow-up face before any other: biv_desktop.services.staff.training and
# biv_desktop.services.followup.overview import each other, so any other face imported first fails.
import biv_desktop.services.followup  # noqa: F401

# isort: split
from support import factories
from support.register import FixtureRegister, language_id, language_ids, new_register, register_in

__all__ = ["FixtureRegister", "factories", "language_id", "language_ids", "new_register", "register_in"]
