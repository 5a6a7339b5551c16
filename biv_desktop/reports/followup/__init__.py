"""The half-yearly follow-up report, from a FollowUpFigures tree: a PDF with charts and an XLSX workbook.

Modules: model (tables, cells and Swedish number formatting), labels (Swedish words), tables_* and
sections (the figures as titled, explained tables), charts (reportlab graphics), pdf, xlsx.
"""

from biv_desktop.reports.followup.pdf import write_follow_up_pdf
from biv_desktop.reports.followup.xlsx import write_follow_up_xlsx

__all__ = ["write_follow_up_pdf", "write_follow_up_xlsx"]
