"""Hostile files and characters at the boundary: lone surrogates, deep or huge JSON, a FIFO for a file."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from biv_desktop.cli import main
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.register.exchange import export_document, import_json, read_document
from biv_desktop.services.validation import clean_multiline, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Family
from support import factories, new_register

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


# ---- characters -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kept"), [("\ud800Ali", "Ali"), ("Ali\udfff Berg", "Ali Berg")])
def test_a_lone_surrogate_is_removed(text: str, kept: str) -> None:
    # Half of a character pair carries nothing: it is sanitised out like U+FFFE, never stored.
    assert clean_text(text, "first_name", "Förnamn", 100) == kept
    assert clean_multiline(f"rad\n{text}", "note", "Anteckning", 100) == f"rad\n{kept}"


def test_text_far_too_long_is_refused_at_once() -> None:
    huge = "a" * 100_000_000
    started = time.perf_counter()
    with pytest.raises(ValidationError, match=r"Citat 1 får vara högst 2000 tecken \(nu 100000000\)"):
        clean_multiline(huge, "quotes", "Citat 1", 2000)
    with pytest.raises(ValidationError, match="högst 100 tecken"):
        clean_text(huge, "name", "Namn", 100)
    assert time.perf_counter() - started < 1.0


def test_characters_xml_cannot_hold_are_removed() -> None:
    assert clean_text("Sara\ufffe \uffffBerg\ufdd0", "name", "Namn", 100) == "Sara Berg"
    assert clean_multiline("rad ett\uffff\nrad två", "note", "Anteckning", 100) == "rad ett\nrad två"


def test_nul_is_refused() -> None:
    with pytest.raises(ValidationError, match="styrtecken"):
        clean_text("Ali\x00Berg", "name", "Namn", 100)


# ---- JSON import ------------------------------------------------------------------------------------


def test_deeply_nested_arrays_are_refused_with_a_sentence(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "djup.json"
    path.write_text('{"format": "biv-desktop", "x": ' + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    with pytest.raises(ValidationError, match="för djupt"):
        read_document(path)
    path.write_text('{"format": "biv-desktop", "x": ' + "[" * 500 + "]" * 500 + "}", encoding="utf-8")
    with pytest.raises(ValidationError, match="för djupt"):
        read_document(path)


def _with_number(database: Database, tmp_path: Path, number: str) -> Path:
    """An export of ``database`` with one more family whose id is ``number``."""
    text = json.dumps(export_document(database)).replace(
        '"tables": {',
        '"tables": {"family": [{"uuid": "family-1", "name": "Familjen Påhittad", "id": ' + number + "}], ",
        1,
    )
    path = tmp_path / "stor.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("number", [str(2**63), str(-(2**63) - 1), "9" * 5000])
def test_integers_too_large_for_the_register_are_refused(
    database: Database, tmp_path: Path, number: str
) -> None:
    with pytest.raises(ValidationError, match="för stort tal"):
        import_json(database, _with_number(database, tmp_path, number))


def test_a_large_integer_in_a_row_is_refused_by_the_command_line(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _with_number(database, tmp_path, str(2**63))
    new = tmp_path / "ny.sqlite"
    assert main(["import", "json", str(path), "--database", str(new)]) == 1
    assert "för stort tal" in capsys.readouterr().err
    assert not new.exists()


def test_what_is_not_text_in_an_imported_file_is_sanitised_out(database: Database, tmp_path: Path) -> None:
    factories.family(database, "Familjen Påhittad")
    document = export_document(database)
    (row,) = document["tables"]["family"]
    row["name"] = "Familjen \ud800P\ufffeåhittad"
    path = tmp_path / "tecken.json"
    # json.dumps writes the lone surrogate and U+FFFE as escapes, as another program's export might.
    path.write_text(json.dumps(document), encoding="utf-8")
    target = new_register(tmp_path / "ny")
    try:
        import_json(target, path)
        with target.transaction() as session:
            assert session.scalars(select(Family.name)).all() == ["Familjen Påhittad"]
    finally:
        target.close()


# ---- files that are not files -----------------------------------------------------------------------


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "biv_desktop", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@fifo_only
@pytest.mark.parametrize(
    "command",
    [
        ["groups", "--database", "{fifo}"],
        ["backup", "--unencrypted", "--out", "{out}", "--database", "{fifo}"],
        ["restore", "{fifo}", "--database", "{out}"],
        ["import", "json", "{fifo}", "--database", "{out}"],
        ["export", "json", "--unencrypted", "--out", "{fifo}", "--database", "{register}"],
        ["backup", "--unencrypted", "--out", "{fifo}", "--database", "{register}"],
    ],
)
def test_a_named_pipe_is_refused_without_hanging(
    command: list[str], tmp_path: Path, database: Database
) -> None:
    fifo = tmp_path / "rör.sqlite"
    os.mkfifo(fifo)
    names = {"fifo": str(fifo), "out": str(tmp_path / "ut.sqlite"), "register": str(database.path)}
    result = _run(*(part.format(**names) for part in command), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "ingen vanlig fil" in result.stderr
    assert "Traceback" not in result.stderr
