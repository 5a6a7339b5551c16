"""One program per register: a second opener is told who has it, and a crashed holder blocks nobody."""

import getpass
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from biv_desktop.store.errors import ReadOnlyDatabaseError
from biv_desktop.store.lock import RegisterInUseError, RegisterLock, lock_path, open_locked_register
from biv_desktop.store.register import open_register


def test_a_second_lock_on_the_same_register_says_who_holds_it(tmp_path: Path) -> None:
    register = tmp_path / "register.sqlite"
    first = RegisterLock.acquire(register)
    try:
        with pytest.raises(RegisterInUseError) as caught:
            RegisterLock.acquire(register)
    finally:
        first.release()
    message = caught.value.message
    assert message.startswith(f"BIV Desktop har redan databasen {register} öppen")
    assert f"av {getpass.getuser()} på datorn {socket.gethostname()}" in message
    assert f", process {os.getpid()})" in message
    assert caught.value.holder == first.holder


def test_a_released_lock_can_be_taken_again_and_leaves_no_file(tmp_path: Path) -> None:
    register = tmp_path / "register.sqlite"
    lock = RegisterLock.acquire(register)
    assert stat.S_IMODE(lock_path(register).stat().st_mode) == 0o600
    assert json.loads(lock_path(register).read_text(encoding="utf-8"))["pid"] == os.getpid()
    lock.release()
    lock.release()  # twice is harmless
    assert not lock_path(register).exists()
    RegisterLock.acquire(register).release()


def test_a_lock_file_left_behind_by_a_crash_does_not_block(tmp_path: Path) -> None:
    register = tmp_path / "register.sqlite"
    holder = {"user": "någon", "host": "kansliet", "pid": 999_999, "since": "2026-03-01T08:00:00"}
    lock_path(register).write_text(json.dumps(holder), encoding="utf-8")
    lock = RegisterLock.acquire(register)
    try:
        assert lock.holder.pid == os.getpid()
        assert json.loads(lock_path(register).read_text(encoding="utf-8"))["pid"] == os.getpid()
    finally:
        lock.release()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_lock_held_by_a_killed_program_is_free_again(tmp_path: Path) -> None:
    register = tmp_path / "register.sqlite"
    holder_program = textwrap.dedent(
        f"""\
        import sys
        from pathlib import Path
        from biv_desktop.store.lock import RegisterLock
        RegisterLock.acquire(Path({str(register)!r}))
        print("held", flush=True)
        sys.stdin.read()  # holds the lock until killed
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", holder_program], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "held\n"
        with pytest.raises(RegisterInUseError) as caught:
            RegisterLock.acquire(register)
        assert caught.value.holder is not None and caught.value.holder.pid == child.pid
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.stdin is not None and child.stdout is not None
        child.stdin.close()
        child.stdout.close()
    assert lock_path(register).exists()  # left behind by the kill...
    RegisterLock.acquire(register).release()  # ...and blocking nobody


def test_an_open_register_is_locked_until_closed(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    database = open_locked_register(path, tmp_path / "backups")
    with pytest.raises(RegisterInUseError):
        open_locked_register(path, tmp_path / "backups")
    # Reading beside it (a backup, an export) is not stopped by the lock.
    open_register(path).close()
    database.close()
    open_locked_register(path, tmp_path / "backups").close()
    assert not lock_path(path).exists()


def test_a_register_that_cannot_be_opened_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "anteckningar.sqlite"
    path.write_text("Inköpslista\n", encoding="utf-8")
    with pytest.raises(Exception, match="ingen BIV Desktop-databas"):
        open_locked_register(path, tmp_path / "backups")
    assert not lock_path(path).exists()


def test_a_register_in_a_read_only_folder_is_refused_without_a_lock_file(tmp_path: Path) -> None:
    folder = tmp_path / "skrivskyddad"
    folder.mkdir()
    open_register(folder / "register.sqlite").close()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            open_locked_register(folder / "register.sqlite", tmp_path / "backups")
        assert "skrivskyddad" in caught.value.message
        assert sorted(child.name for child in folder.iterdir()) == ["register.sqlite"]
    finally:
        folder.chmod(0o755)
