"""Files for the store's tests: registers with data, the committed old-schema fixtures, extra migrations."""

import hashlib
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from biv_desktop.store import encryption, migrate
from biv_desktop.store.register import open_register

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def digest() -> Callable[[Path], str]:
    """The SHA-256 of a file's bytes, to show a refused file was left exactly as it was."""

    def sha256(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    return sha256


@pytest.fixture
def filled_register(tmp_path: Path) -> Path:
    """The path of a closed register (defaults plus 300 families) large enough to have middle pages."""
    path = tmp_path / "filled" / "register.sqlite"
    database = open_register(path, tmp_path / "backups")
    with database.transaction() as session:
        session.execute(
            text("INSERT INTO family (name, uuid) VALUES (:name, :uuid)"),
            [{"name": f"Familjen Påhittad {n} " + "ö" * 100, "uuid": f"family-{n}"} for n in range(300)],
        )
    database.close()
    return path


@pytest.fixture(params=[None, "Påhittad fras för migreringar"], ids=["plain", "encrypted"])
def register_0001(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A copy of the committed register at schema 0001 (see tests/fixtures/make_register_0001.py): plain, and
    encrypted with SQLCipher (its key known to store.cipher), so every migration test runs on both."""
    copy = tmp_path / "old" / "register.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(FIXTURES / "register-0001.sqlite", copy)
    if request.param is not None:
        encryption.convert(copy, request.param)
    return copy


@pytest.fixture
def extra_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], str]:
    """Make the program see one more migration after head, with the given upgrade body; returns its id.

    The shipped migrations are copied to a temporary folder, the new revision is added there, and
    ``migrate.MIGRATIONS`` points at the copy for the rest of the test: the real folder is not touched.
    """

    def add(upgrade_body: str) -> str:
        down = migrate.head_revision()
        folder = tmp_path / "migrations"
        shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
        revision = f"test_after_{down}"
        (folder / "versions" / f"{revision}.py").write_text(
            textwrap.dedent(
                f'''\
                """A revision that exists only in this test."""
                import sqlalchemy as sa
                from alembic import op

                revision = "{revision}"
                down_revision = "{down}"
                branch_labels = None
                depends_on = None


                def upgrade() -> None:
                '''
            )
            + textwrap.indent(textwrap.dedent(upgrade_body), "    "),
            encoding="utf-8",
        )
        monkeypatch.setattr(migrate, "MIGRATIONS", folder)
        return revision

    return add
