"""The bare PDF the printouts are measured against: reportlab alone writes one A4 page with one table
(a heading row and ten rows) to the file named on the command line. Nothing of biv_desktop is imported.

With ``--with-store`` it first loads SQLAlchemy's ORM and the register's models, mapped and configured: the
floor of any command that reads the register before it prints (run.py reports it).
"""

import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle


def main() -> None:
    if "--with-store" in sys.argv[2:]:
        from sqlalchemy.orm import configure_mappers

        import biv_desktop.store.models  # noqa: F401 - imported for its mapped classes

        configure_mappers()
    rows = [["Nr", "Namn", "Född", "Närvarande", "Kommentar"]]
    rows += [[str(number), f"Deltagare {number}", "2015", "", ""] for number in range(1, 11)]
    table = Table(rows, colWidths=[30, 200, 50, 80, 140], rowHeights=24)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(sys.argv[1], pagesize=A4, title="Tabell").build([table])


if __name__ == "__main__":
    main()
