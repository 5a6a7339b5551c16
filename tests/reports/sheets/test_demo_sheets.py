"""The sheets on demo data, end to end from the register: a week's print pack and a course sheet, with long
Swedish and Arabic names, turned into the PNG pages a person looks at."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from biv_desktop.domain.enums import GroupKind
from biv_desktop.reports.sheets import write_course_sheet, write_print_pack
from biv_desktop.services.printing.sheets import course_sheet, print_pack
from biv_desktop.store.register import open_register


def test_a_weeks_pack_and_a_course_sheet_from_the_demo_register(
    tmp_path: Path,
    demo_register: Path,
    demo_week: tuple[dt.date, dt.date],
    long_names: tuple[tuple[str, str, int], ...],
    pdf_text: Callable[..., str],
    as_read: Callable[[str], str],
    pdftoppm: Callable[[Path, Path], list[Path]],
) -> None:
    database = open_register(demo_register, None)
    try:
        pack = print_pack(database, *demo_week)
        chosen = next(sheet for sheet in pack.sheets if sheet.group.kind is GroupKind.CHILDREN)
        course = course_sheet(database, chosen.group.id)
    finally:
        database.close()
    assert len(pack.sheets) >= 3
    result = write_print_pack(tmp_path / "vecka.pdf", pack, dt.date(2026, 4, 10))
    assert result.sheets == len(pack.sheets)
    pages = [pdf_text(result.path, page=number) for number in range(1, result.pages + 1)]
    assert sum("Sida 1 av" in page for page in pages) == len(pack.sheets)
    for sheet in pack.sheets:
        assert any(f"Närvarolista – {sheet.group.name}" in page for page in pages)
    text = as_read(" ".join(" ".join(pages).split())).replace("-", "")
    for name, native, _born in long_names[: len(chosen.participants)]:
        assert name.replace("-", "") in text
        assert as_read(native) in text
    filled = write_course_sheet(tmp_path / "kurs.pdf", course, dt.date(2026, 4, 10))
    blank = write_course_sheet(tmp_path / "kurs-tom.pdf", course, dt.date(2026, 4, 10), blank=True)
    assert course.has_marks
    for path, prefix in ((result.path, "vecka"), (filled, "kurs"), (blank, "kurs-tom")):
        pictures = pdftoppm(path, tmp_path / prefix)
        assert len(pictures) == len(PdfReader(path).pages)
        assert all(picture.stat().st_size > 10_000 for picture in pictures), "pages with something on them"
