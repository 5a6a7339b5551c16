"""The half-yearly follow-up report, from a FollowUpFigures tree: a PDF with charts and an XLSX workbook.

Modules: model (tables, cells and Swedish number formatting), labels (Swedish words), tables_* and
sections (the figures as titled, explained tables), charts (reportlab graphics), pdf, xlsx.
"""

from pathlib import Path

from biv_desktop.domain.followup.figures import FollowUpFigures


def write_follow_up_pdf(figures: FollowUpFigures, path: Path) -> Path:
    """Write the report as a PDF at path, whole or not at all; ReportWriteError if it cannot."""
    # reportlab is imported now, not with this package: the follow-up page shows the report's figures
    # (model.py) long before anything is drawn.
    from biv_desktop.reports.followup import pdf

    return pdf.write_follow_up_pdf(figures, path)


def write_follow_up_xlsx(figures: FollowUpFigures, path: Path) -> Path:
    """Write the report as an XLSX workbook at path, whole or not at all; ReportWriteError if it cannot."""
    # openpyxl is imported now, not with the PDF's writer: it takes longer to import than the PDF to draw.
    from biv_desktop.reports.followup import xlsx

    return xlsx.write_follow_up_xlsx(figures, path)


__all__ = ["write_follow_up_pdf", "write_follow_up_xlsx"]
