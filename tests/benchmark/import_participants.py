"""How long a 20,000-row list takes to read, check and import (the target is under 10 seconds).

A script, not a timed test (timings vary with the machine): run it from the checkout with
``python tests/benchmark/import_participants.py [ROWS]``. Every name in the list is fictional.
"""

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from biv_desktop.services.participants import (
    import_participants,
    list_participants,
    preview_import,
    read_spreadsheet,
)
from biv_desktop.store.register import open_register

HEADERS = ["Förnamn", "Efternamn", "Född", "Kön", "Modersmål", "Telefon", "Vårdnadshavare", "Familj", "Stadsdel", "Status", "Samtycke"]  # fmt: skip
FIRST = ["Amal", "Hodan", "Omid", "Parisa", "Rana", "Sami", "Lina", "Abdi", "Nour", "Reza", "Sara", "Karim"]
LAST = ["Testdotter", "Exempelzadeh", "Påhittad", "Provsson", "Exempelsson", "Fiktiva"]
LANGUAGES = ["arabiska", "somaliska", "dari", "pashto", "tigrinja"]
STATUSES = ["asylsökande", "uppehållstillstånd", "väntelista", "BIS", ""]


def rows(count: int) -> list[list[Any]]:
    """``count`` people in families of four: a guardian then three children, every name unique by number."""
    result: list[list[Any]] = []
    for number in range(count):
        family = number // 4
        guardian = number % 4 == 0
        result.append(
            [
                f"{FIRST[number % len(FIRST)]}{number}",
                LAST[family % len(LAST)],
                1980 + family % 15 if guardian else 2008 + number % 12,
                "kvinna" if guardian else ("flicka" if number % 2 else "pojke"),
                LANGUAGES[family % len(LANGUAGES)],
                f"070-{family % 1000:03d} {number % 100:02d} 00" if guardian else "",
                "ja" if guardian else "",
                str(family),
                "Skäggetorp",
                STATUSES[family % len(STATUSES)],
                dt.date(2025, 9, 1) if number % 3 else "",
            ]
        )
    return result


def measure(path: Path, folder: Path) -> None:
    database = open_register(folder / f"{path.suffix[1:]}.sqlite", folder / "backups")
    reports: list[int] = []
    try:
        cpu = time.process_time()
        start = time.perf_counter()
        table = read_spreadsheet(path)
        read = time.perf_counter()
        preview = preview_import(database, table)
        checked = time.perf_counter()
        summary = import_participants(database, table, progress=lambda done, total: reports.append(done))
        written = time.perf_counter()
        cpu_used = time.process_time() - cpu
        assert len(list_participants(database)) == summary.imported
    finally:
        database.close()
    print(
        f"{path.name}: {len(table.rows)} rader; läsa {read - start:.2f} s, förhandsvisa {checked - read:.2f} s, "
        f"importera (kontroll + skrivning) {written - checked:.2f} s; läsa + importera {read - start + written - checked:.2f} s; "
        f"processortid för allt {cpu_used:.2f} s; {len(reports)} förloppsrapporter. {preview.summary} {summary.text}"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        data = rows(count)
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(HEADERS)
        for row in data:
            sheet.append(row)
        xlsx = folder / "lista.xlsx"
        workbook.save(xlsx)
        csv = folder / "lista.csv"
        text = "".join(
            ";".join(v.isoformat() if isinstance(v, dt.date) else str(v) for v in row) + "\r\n"
            for row in [HEADERS, *data]
        )
        csv.write_bytes(text.encode("cp1252"))
        measure(xlsx, folder)
        measure(csv, folder)


if __name__ == "__main__":
    main()
