"""Crash safety: a process killed with SIGKILL at random moments loses nothing it reported saved.

Each round starts a child process (crash_worker.py beside this file) that edits, backs up or migrates a
register and reports every step over a pipe; the test reads a random number of reports, kills the child
with SIGKILL while it goes on working, and then checks the files: every edit reported saved is there,
``PRAGMA integrity_check`` says ok, and no half-written backup carries a final name. The random moments
come from fixed seeds, so a failure repeats. Children are forked from a server that has already
imported the program (multiprocessing's forkserver), so a round costs milliseconds, not an interpreter
start.
"""

import datetime as dt
import importlib
import multiprocessing
import random
import shutil
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from multiprocessing.context import ForkServerContext
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from biv_desktop.store import cipher, encryption, migrate
from biv_desktop.store.backup import backup_name
from biv_desktop.store.backups import remove_leftovers
from biv_desktop.store.errors import StoreError
from biv_desktop.store.register import open_register
from biv_desktop.store.sealed import read_sealed

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and forking are POSIX")

HERE = Path(__file__).resolve().parent
REGISTER_0001 = HERE.parent / "fixtures" / "register-0001.sqlite"
Edit = tuple[Any, ...]
PASSPHRASE = "Påhittad lösenfras för krascher"


@pytest.fixture(scope="module")
def children() -> Iterator[tuple[ForkServerContext, ModuleType]]:
    """The forkserver context and the worker module the children run."""
    sys.path.insert(0, str(HERE))
    try:
        worker = importlib.import_module("crash_worker")
        context = multiprocessing.get_context("forkserver")
        # The server imports the program once (the worker module itself, outside the package, is then
        # imported by each child cheaply: Python 3.11's server does not take the test's sys.path).
        context.set_forkserver_preload(["biv_desktop.store.register", "biv_desktop.store.models"])
        yield context, worker
    finally:
        sys.path.remove(str(HERE))


def run_and_kill(
    context: ForkServerContext, target: Callable[..., None], args: tuple[Any, ...], kill_after: int
) -> tuple[list[Any], int | None]:
    """Start ``target(*args, connection)``, read ``kill_after`` reports, SIGKILL it; every report and the
    exit code (-9 when killed, 0 when it had finished first)."""
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(*args, sender))
    child.start()
    sender.close()
    reports: list[Any] = []
    try:
        while len(reports) < kill_after:
            reports.append(receiver.recv())
    except EOFError:
        pass  # it finished (or failed) before that many reports
    child.kill()
    child.join()
    # What it sent before it died is still in the pipe; a report cut off by the kill is not there.
    try:
        while True:
            reports.append(receiver.recv())
    except (EOFError, OSError):
        pass
    receiver.close()
    return reports, child.exitcode


REGISTER_PASSPHRASE = "Påhittad registerfras för krascher"


@pytest.fixture(params=[None, REGISTER_PASSPHRASE], ids=["plain", "encrypted"])
def register_key(request: pytest.FixtureRequest) -> str | None:
    """Each kill test runs on a plain register and on one encrypted with SQLCipher (store.cipher)."""
    return request.param  # type: ignore[no-any-return]


def encrypt(path: Path, register_key: str | None) -> None:
    """Encrypt the closed register at ``path`` with ``register_key`` (left plain when None)."""
    if register_key is not None:
        encryption.convert(path, register_key)


def integrity(path: Path) -> str:
    with closing(cipher.connect(path)) as raw:
        return str(raw.execute("PRAGMA integrity_check").fetchone()[0])


def crash_families(path: Path) -> dict[str, str]:
    with closing(cipher.connect(path)) as raw:
        return dict(raw.execute("SELECT uuid, name FROM family WHERE uuid LIKE 'crash-%'").fetchall())


def applied(families: dict[str, str], edit: Edit) -> dict[str, str]:
    after = dict(families)
    if edit[0] == "delete":
        del after[edit[1]]
    else:
        after[edit[1]] = edit[2]
    return after


def test_every_edit_reported_saved_survives_a_kill(
    children: tuple[ForkServerContext, ModuleType], tmp_path: Path, register_key: str | None
) -> None:
    context, worker = children
    path = tmp_path / "register.sqlite"
    open_register(path).close()
    encrypt(path, register_key)
    chance = random.Random(20260331)
    expected: dict[str, str] = {}
    saved = 0
    for round_ in range(20):
        reports, exit_code = run_and_kill(
            context, worker.edit_stream, (str(path), round_, register_key), chance.randrange(1, 80)
        )
        assert exit_code == -signal.SIGKILL
        in_flight: Edit | None = None
        for kind, edit in reports:
            if kind == "intent":
                in_flight = edit
            else:
                expected = applied(expected, edit)
                in_flight = None
                saved += 1
        found = crash_families(path)
        # The edit under way at the kill may or may not have been committed; nothing else may differ.
        assert found == expected or (in_flight is not None and found == applied(expected, in_flight))
        assert integrity(path) == "ok"
        expected = found
    assert saved > 20


def test_a_killed_backup_leaves_no_half_file_under_a_final_name(
    children: tuple[ForkServerContext, ModuleType],
    filled_register: Path,
    tmp_path: Path,
    register_key: str | None,
) -> None:
    context, worker = children
    encrypt(filled_register, register_key)
    folder = tmp_path / "backups"
    # Killed at random steps of the copy, and once not at all.
    kill_points = [*random.Random(7).sample(range(1, 30), 7), 1000]
    finished = 0
    for round_, kill_after in enumerate(kill_points):
        name = backup_name(filled_register, "start", dt.datetime(2026, 3, 1 + round_, 8, 0))
        reports, exit_code = run_and_kill(
            context, worker.backup_run, (str(filled_register), str(folder / name), register_key), kill_after
        )
        assert exit_code in (0, -signal.SIGKILL)
        finished += reports[-1] == ("done",)
        for file in folder.iterdir():
            if file.name == "registers.json":  # which register is which (see store.identity)
                continue
            if file.name.endswith(".sqlite"):
                assert integrity(file) == "ok"
                # A backup of an encrypted register is encrypted with its key (cipher finds it).
                assert file.read_bytes().startswith(b"SQLite format 3") == (register_key is None)
                with closing(cipher.connect(file)) as raw:
                    assert raw.execute("SELECT count(*) FROM family").fetchone()[0] == 300
            else:
                assert ".sqlite.part" in file.name  # a crash's leftover, never taken for a backup
        assert integrity(filled_register) == "ok"
    assert finished >= 1
    assert len(list(folder.glob("*.sqlite"))) == finished


def test_a_killed_sealed_backup_leaves_no_half_file_and_no_plain_copy(
    children: tuple[ForkServerContext, ModuleType],
    filled_register: Path,
    tmp_path: Path,
    register_key: str | None,
) -> None:
    context, worker = children
    encrypt(filled_register, register_key)
    stick = tmp_path / "usb"
    # Killed at random steps of the copy in memory, once after its last step (while it is sealed and
    # written), and once not at all.
    kill_points = [*random.Random(11).sample(range(1, 30), 4), 33, 1000]
    finished = 0
    for round_, kill_after in enumerate(kill_points):
        destination = stick / f"kopia-{round_}.sqlite.age"
        reports, exit_code = run_and_kill(
            context,
            worker.sealed_backup_run,
            (str(filled_register), str(destination), PASSPHRASE, register_key),
            kill_after,
        )
        assert exit_code in (0, -signal.SIGKILL)
        finished += reports[-1] == ("done",)
        for file in stick.iterdir() if stick.exists() else ():
            assert not file.read_bytes().startswith(
                b"SQLite format 3"
            )  # nothing plain ever reaches the stick
            if file.name.endswith(".age"):
                opened = tmp_path / "opened.sqlite"
                opened.write_bytes(read_sealed(file, PASSPHRASE))
                assert integrity(opened) == "ok"
                with closing(sqlite3.connect(opened)) as raw:
                    assert raw.execute("SELECT count(*) FROM family").fetchone()[0] == 300
                opened.unlink()
            else:
                assert file.name.endswith(".age.part")  # a crash's leftover, sealed or empty
        assert integrity(filled_register) == "ok"
    assert finished >= 1
    assert len(list(stick.glob("*.age"))) == finished


UPGRADE = """\
with op.batch_alter_table("participant", recreate="always") as batch:
    batch.add_column(sa.Column("crash_note", sa.String(40), nullable=False, server_default=""))
op.create_index("ix_crash_family_name", "family", ["name"])
op.execute("UPDATE participant SET crash_note = 'uppgraderad'")
"""


def participants(path: Path) -> set[tuple[str, str, str]]:
    with closing(cipher.connect(path)) as raw:
        return set(raw.execute("SELECT uuid, first_name, native_name FROM participant").fetchall())


def revision(path: Path) -> str:
    with closing(cipher.connect(path)) as raw:
        return str(raw.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_a_killed_migration_leaves_the_old_register_or_the_upgraded_one(
    children: tuple[ForkServerContext, ModuleType],
    extra_revision: Callable[[str], str],
    tmp_path: Path,
    register_key: str | None,
) -> None:
    context, worker = children
    new_revision = extra_revision(UPGRADE)
    original = participants(REGISTER_0001)
    # Killed as soon as it starts (in the backup taken first), at random statements of the upgrade, and
    # once not at all (it has about 45 statements).
    kill_points = [1, 2, *sorted(random.Random(11).sample(range(3, 46), 6)), 1000]
    outcomes = set()
    for round_, kill_after in enumerate(kill_points):
        path = tmp_path / f"round-{round_}" / "register.sqlite"
        path.parent.mkdir()
        shutil.copyfile(REGISTER_0001, path)
        encrypt(path, register_key)
        backups = path.parent / "backups"
        reports, exit_code = run_and_kill(
            context,
            worker.migration_run,
            (str(path), str(migrate.MIGRATIONS), str(backups), register_key),
            kill_after,
        )
        assert exit_code in (0, -signal.SIGKILL)
        assert integrity(path) == "ok"
        outcomes.add(revision(path))
        assert revision(path) in ("0001", new_revision)
        if reports[-1] == ("done",):
            assert revision(path) == new_revision  # reported finished, so it is
        assert participants(path) == original
        for file in (f for f in backups.rglob("*") if f.is_file()) if backups.exists() else ():
            if file.name == "registers.json":  # which register is which (see store.identity)
                continue
            if file.name.endswith(".sqlite"):
                assert integrity(file) == "ok" and revision(file) == "0001"
                assert participants(file) == original
            else:
                assert ".sqlite.part" in file.name
        # The next start finishes the job.
        open_register(path, backups).close()
        assert revision(path) == new_revision
        assert participants(path) == original
    assert outcomes == {"0001", new_revision}


def run_until_step(
    context: ForkServerContext, target: Callable[..., None], args: tuple[Any, ...], stop_at: int
) -> tuple[list[Any], int | None]:
    """Start ``target(*args, connection)``, which waits for a go after each step it reports; SIGKILL it when
    it reports its ``stop_at``-th step (so before that step runs), or let it finish."""
    ours, theirs = context.Pipe(duplex=True)
    child = context.Process(target=target, args=(*args, theirs))
    child.start()
    theirs.close()
    steps: list[Any] = []
    try:
        while True:
            steps.append(ours.recv())
            if steps[-1] == ("done",) or len(steps) == stop_at:
                break
            ours.send("go")
    except EOFError:
        pass
    child.kill()
    child.join()
    ours.close()
    return steps, child.exitcode


@pytest.mark.parametrize(
    "old_key", [None, "Påhittad gammal registerfras"], ids=["switching-on", "new-passphrase"]
)
def test_a_kill_while_switching_encryption_on_leaves_the_old_register_or_the_new_one(
    children: tuple[ForkServerContext, ModuleType], filled_register: Path, tmp_path: Path, old_key: str | None
) -> None:
    context, worker = children
    original = tmp_path / "original.sqlite"
    shutil.copyfile(filled_register, original)
    encrypt(original, old_key)
    families_before = crash_or_all_families(original)
    outcomes = []
    # Before each step of the copy, check, flush, second name, swap and overwrite, and once not at all.
    for stop_at in range(1, 12):
        folder = tmp_path / f"round-{stop_at}"
        folder.mkdir()
        path, backups = folder / "register.sqlite", folder / "backups"
        shutil.copyfile(original, path)
        cipher.forget_all()
        steps, exit_code = run_until_step(
            context, worker.switch_run, (str(path), str(backups), old_key, REGISTER_PASSPHRASE), stop_at
        )
        assert exit_code in (0, -signal.SIGKILL)
        try:
            cipher.unlock(path, REGISTER_PASSPHRASE)  # whole, and opens with the new passphrase
            outcomes.append("new")
        except StoreError:  # a plain file, or the old passphrase's
            outcomes.append("old")
            assert steps[-1] != ("done",)
            if old_key is None:
                assert path.read_bytes().startswith(b"SQLite format 3")
            else:
                cipher.unlock(path, old_key)
        assert integrity(path) == "ok"
        assert crash_or_all_families(path) == families_before
        # The next start finds it and clears what the kill left beside it.
        remove_leftovers(backups, path)
        open_register(path, backups).close()
        beside = {file.name for file in folder.iterdir() if file.is_file()} - {
            "register.sqlite-wal",
            "register.sqlite-shm",
        }
        assert beside == {"register.sqlite"}
        if outcomes[-1] == "new":
            assert b"P\xc3\xa5hittad" not in b"".join(
                file.read_bytes() for file in folder.iterdir() if file.is_file()
            )
    assert outcomes[0] == "old" and outcomes[-1] == "new"
    assert "old" in outcomes[3:] and outcomes.count("new") >= 3  # killed on both sides of the swap


def crash_or_all_families(path: Path) -> list[str]:
    with closing(cipher.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM family ORDER BY id")]
