"""Writing the demo register: repeatable from its seed, never over an existing file, and counted right."""

import datetime as dt
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import biv_desktop.demo.build
from biv_desktop.demo import write_demo_database
from biv_desktop.domain.errors import ValidationError
from biv_desktop.store.models import AttendanceMark, Group, GroupSession, Participant

TODAY = dt.date(2026, 11, 25)
Dump = Callable[[Path], dict[str, list[tuple[object, ...]]]]


def test_the_same_seed_gives_the_same_register_uuids_included(tmp_path: Path, dump_tables: Dump) -> None:
    write_demo_database(tmp_path / "first.sqlite", years=2, seed=11, today=TODAY)
    write_demo_database(tmp_path / "second.sqlite", years=2, seed=11, today=TODAY)

    first, second = dump_tables(tmp_path / "first.sqlite"), dump_tables(tmp_path / "second.sqlite")

    assert first["participant"], "the demo must hold participants"
    assert first == second


def test_another_seed_gives_other_data(tmp_path: Path, dump_tables: Dump) -> None:
    write_demo_database(tmp_path / "first.sqlite", years=2, seed=11, today=TODAY)
    write_demo_database(tmp_path / "second.sqlite", years=2, seed=12, today=TODAY)

    first, second = dump_tables(tmp_path / "first.sqlite"), dump_tables(tmp_path / "second.sqlite")

    assert first["participant"] != second["participant"]
    assert first["support_group"] != second["support_group"]


def test_the_same_seed_gives_the_same_register_in_another_process(tmp_path: Path, dump_tables: Dump) -> None:
    """Python randomises string hashing per process: nothing may depend on the order of a set."""
    script = (
        "import datetime, sys, pathlib\n"
        "from biv_desktop.demo import write_demo_database\n"
        "write_demo_database(pathlib.Path(sys.argv[1]), years=1, seed=5, today=datetime.date(2026, 11, 25))\n"
    )
    digests = []
    for hash_seed in ("1", "2"):
        path = tmp_path / f"process-{hash_seed}.sqlite"
        environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", script, str(path)], check=True, env=environment)
        digests.append(hashlib.sha256(repr(sorted(dump_tables(path).items())).encode()).hexdigest())

    assert digests[0] == digests[1]


def test_an_existing_file_with_content_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    path.write_bytes(b"the coordinator's own notes")

    with pytest.raises(FileExistsError, match="finns redan"):
        write_demo_database(path, today=TODAY)

    assert path.read_bytes() == b"the coordinator's own notes"


def test_a_folder_with_files_in_it_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep me", encoding="utf-8")

    with pytest.raises(FileExistsError):
        write_demo_database(folder, today=TODAY)

    assert (folder / "keep.txt").read_text(encoding="utf-8") == "keep me"


def test_an_existing_empty_file_is_filled(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()

    summary = write_demo_database(path, years=1, today=TODAY)

    assert summary.groups > 0


@pytest.mark.parametrize("years", [0, -1, 41])
def test_a_number_of_years_out_of_range_is_refused_and_writes_nothing(tmp_path: Path, years: int) -> None:
    path = tmp_path / "register.sqlite"

    with pytest.raises(ValidationError) as raised:
        write_demo_database(path, years=years, today=TODAY)

    assert raised.value.field == "years"
    assert not path.exists()


def test_a_build_that_fails_halfway_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(biv_desktop.demo.build, "build_meetings", fail)
    path = tmp_path / "register.sqlite"

    with pytest.raises(RuntimeError):
        write_demo_database(path, years=1, today=TODAY)

    assert sorted(tmp_path.iterdir()) == []


def test_twenty_years_can_be_written(twenty_years: Any) -> None:
    summary = twenty_years.summary

    assert summary.first_day == dt.date(2007, 4, 1)
    assert summary.children_groups >= 6 * 20
    assert summary.sessions == 14 * summary.groups


def test_the_summary_counts_what_is_in_the_register(built: Any) -> None:
    with built.database.transaction() as session:
        groups = session.scalar(select(func.count()).select_from(Group))
        sessions = session.scalar(select(func.count()).select_from(GroupSession))
        participants = session.scalar(select(func.count()).select_from(Participant))
        marks = session.scalar(select(func.count()).select_from(AttendanceMark))

    summary = built.summary
    assert (summary.groups, summary.sessions, summary.participants, summary.attendance_marks) == (
        groups,
        sessions,
        participants,
        marks,
    )
    assert summary.children + summary.guardians == summary.participants
    assert summary.children_groups + summary.parents_groups == summary.groups
    assert summary.lines()[0].startswith("Period: ")
    assert any(line.startswith("Grupper: ") for line in summary.lines())
