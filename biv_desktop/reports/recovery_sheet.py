"""The recovery sheet of an encrypted register: one A4 page to keep locked away.

It says that the register is encrypted, where its file is, when the sheet was printed, and what happens
if the passphrase is lost, and it has a box to write the passphrase in by hand. The program never prints
the passphrase itself (it does not keep it anywhere it could print it from), nor anything from inside the
register: the file's place is the only fact from the computer on it.
"""

import datetime as dt
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from biv_desktop.reports.document import Orientation, Printout
from biv_desktop.reports.sheets.cells import label, value

TITLE = "Återställningsblad"
# Not a list of people, but it tells where children's data is and how it is locked: confidential all the same.
NOTICE = "Konfidentiellt – förvaras inlåst, skilt från datorn"

WARNING = (
    "Databasen är krypterad med en lösenfras. Utan lösenfrasen går den inte att öppna, inte heller dess "
    "automatiska säkerhetskopior, och ingen – inte BIV Desktop, inte it-avdelningen – kan ta fram "
    "uppgifterna igen. En förlorad lösenfras betyder förlorade uppgifter."
)
KEEPING = (
    "Skriv lösenfrasen för hand i rutan nedan, tydligt, med stora och små bokstäver som de ska vara. "
    "Förvara bladet inlåst och skilt från datorn, till exempel i ett låst skåp på kansliet. Byter du "
    "lösenfras (Inställningar, fliken Kryptering), skriv ut ett nytt blad och förstör det här."
)


def write_recovery_sheet(path: Path, register: Path, printed_on: dt.date) -> Path:
    """Save the recovery sheet for the encrypted register at ``register`` as an A4 PDF at ``path``."""
    frame = Printout(
        document_title=TITLE,
        heading="Återställningsblad för krypterad databas",
        subheading="BIV Desktop · Konfidentiellt",
        printed_on=printed_on,
        orientation=Orientation.PORTRAIT,
        notice=NOTICE,
    )
    width = frame.content_width
    facts = Table(
        [
            [label("Databasen"), value(str(register), 10.0)],
            [label("Krypterad med"), value("SQLCipher (AES-256), lösenfras", 10.0)],
            [label("Utskrivet"), value(printed_on.isoformat(), 10.0)],
        ],
        colWidths=[110.0, width - 110.0],
    )
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    box = Table(
        [[label("Lösenfras (skriv för hand):", 10.0)], [""]], colWidths=[width], rowHeights=[22.0, 90.0]
    )
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story: list[Flowable] = [
        label("Konfidentiellt", 16.0),
        Spacer(1, 10),
        label(WARNING, 11.0),
        Spacer(1, 14),
        facts,
        Spacer(1, 14),
        label(KEEPING, 10.0, bold=False),
        Spacer(1, 18),
        box,
        Spacer(1, 18),
        label(
            "Flyttas eller kopieras databasen följer krypteringen med filen: samma lösenfras öppnar den.",
            9.0,
            bold=False,
        ),
    ]
    return frame.save(path, story)
