"""What the tests share: a register per test and factories that make data through the services.

Importable as ``support`` because tests/conftest.py puts the tests folder on ``sys.path`` (pytest runs with
``--import-mode=importlib``, which adds nothing there, and the checkout itself must stay off the path so the
tests import the installed wheel); mypy finds it through ``mypy_path = "tests"``.
"""

from support import factories
from support.register import FixtureRegister, language_id, language_ids, new_register, register_in

__all__ = ["FixtureRegister", "factories", "language_id", "language_ids", "new_register", "register_in"]
