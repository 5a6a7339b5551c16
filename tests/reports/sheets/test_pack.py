"""The print pack: every sheet of a period in one PDF, each starting on a new page and counting its own
pages, nothing written for an empty period, and nothing left behind when writing fails."""

import datetime as dt
import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from biv_desktop.reports import ReportWriteError
from biv_desktop.reports.sheets import EmptyPackError, pack_file_name, write_print_pack
from biv_desktop.reports.sheets import pack as pack_module
from biv_desktop.reports.sheets.session_sheet import story
from biv_desktop.services.printing.sheets import PrintPack, SessionSheet, SheetParticipant

FIRST, LAST = dt.date(2026, 3, 2), dt.date(2026, 3, 8)


@pytest.fixture
def week(session_sheet: Callable[..., SessionSheet], participants: tuple[SheetParticipant, ...]) -> PrintPack:
    """Three sessions; the middle one has so many children that its sheet takes two pages."""
    crowd = tuple(
        SheetParticipant(100 + index, f"Deltagare {index:02d}", "", 2012, person.role, person.joined_on, None)
        for index, person in enumerate(participants * 5)
    )
    sheets = (
        session_sheet(5, theme="Tiden före flykten"),
        session_sheet(5, id=300, participants=crowd, theme="Familjen", premises="Berga kyrka"),
        session_sheet(6, date=dt.date(2026, 3, 5), theme="Flykten"),
    )
    return PrintPack(FIRST, LAST, None, sheets)


def test_every_sheet_starts_a_page_and_counts_its_own_pages(
    tmp_path: Path, week: PrintPack, printed_on: dt.date, pdf_text: Callable[..., str]
) -> None:
    result = write_print_pack(tmp_path / "vecka.pdf", week, printed_on)
    assert (result.sheets, result.pages) == (3, 4)
    assert len(PdfReader(result.path).pages) == 4
    pages = [pdf_text(result.path, page=number) for number in range(1, 5)]
    # Each sheet's header and page count, in the pack's order.
    assert "Tiden före flykten" in pages[0]
    assert "Sida 1 av 1" in pages[0]
    assert "Berga kyrka" in pages[1]
    assert "Sida 1 av 2" in pages[1]
    assert "Sida 2 av 2" in pages[2]
    assert "Träff 5 av 14 · onsdag 4 mars 2026 · 17:00–19:00 · Berga kyrka" in pages[2]
    assert "Flykten" in pages[3]
    assert "Träff 6 av 14 · torsdag 5 mars 2026" in pages[3]
    assert "Sida 1 av 1" in pages[3]
    # The count of sheets, as a leader sorting the stack would count them: one first page each.
    assert sum("Sida 1 av" in page for page in pages) == 3
    assert all("Konfidentiellt" in page for page in pages)


def test_metadata_and_outline_name_no_one(
    tmp_path: Path, week: PrintPack, printed_on: dt.date, long_names: tuple[tuple[str, str, int], ...]
) -> None:
    reader = PdfReader(write_print_pack(tmp_path / "vecka.pdf", week, printed_on).path)
    metadata = reader.metadata
    assert metadata is not None
    assert metadata.title == "Närvarolistor 2026-03-02 – 2026-03-08"
    assert metadata.author == "BIV Desktop"
    outline: list[Any] = reader.outline
    titles = [entry.title for entry in outline]
    assert titles == [
        "2026-03-04 17:00 Skäggetorps kyrkcenter – BIV Arabiska 10–12 år, Skäggetorp, vt 2026",
        "2026-03-04 17:00 Berga kyrka – BIV Arabiska 10–12 år, Skäggetorp, vt 2026",
        "2026-03-05 17:00 Skäggetorps kyrkcenter – BIV Arabiska 10–12 år, Skäggetorp, vt 2026",
    ]
    everything = " ".join([*map(str, metadata.values()), *titles])
    for name, native, _born in long_names:
        assert not any(part in everything for part in (*name.split(), *native.split()))


def test_an_empty_period_writes_nothing(tmp_path: Path, printed_on: dt.date) -> None:
    target = tmp_path / "tom.pdf"
    with pytest.raises(EmptyPackError) as empty:
        write_print_pack(target, PrintPack(FIRST, LAST, "Berga kyrka", ()), printed_on)
    assert empty.value.message == (
        "Inga träffar äger rum i Berga kyrka från 2026-03-02 till 2026-03-08 (inställda räknas inte). "
        "Ingen fil har skrivits; välj en annan period."
    )
    assert list(tmp_path.iterdir()) == []


def test_a_pack_that_fails_half_way_leaves_the_old_file_and_no_scraps(
    tmp_path: Path, week: PrintPack, printed_on: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vecka.pdf"
    target.write_bytes(b"%PDF-1.4 last week's pack")
    built: list[int] = []
    real = story  # what the pack module calls for each sheet, by the name it imported it under

    def fills_the_disk(sheet: SessionSheet, width: float) -> Any:
        if len(built) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        built.append(sheet.session.id)
        return real(sheet, width)

    monkeypatch.setattr(pack_module, "story", fills_the_disk)
    with pytest.raises(ReportWriteError, match="Disken är full"):
        write_print_pack(target, week, printed_on)
    assert target.read_bytes() == b"%PDF-1.4 last week's pack"
    assert [path.name for path in tmp_path.iterdir()] == ["vecka.pdf"]


def test_pack_file_names_are_plain_and_name_no_one() -> None:
    assert pack_file_name(FIRST, LAST) == "narvarolistor-2026-03-02-2026-03-08.pdf"
    assert pack_file_name(FIRST, LAST, "Skäggetorps kyrkcenter") == (
        "narvarolistor-2026-03-02-2026-03-08-skaggetorps-kyrkcenter.pdf"
    )
