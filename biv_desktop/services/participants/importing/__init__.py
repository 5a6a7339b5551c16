"""Importing the coordinator's existing list (XLSX or CSV) of participants, families and the waiting list.

reading (the file, its sheets, its header row) → columns (which column is which field; the words in the
cells) → checking (every row against the register's rules) → preview (what would happen to each row) →
writing (every accepted row in one transaction). The participants face re-exports what the window and the
command line use.
"""

from biv_desktop.services.participants.importing.columns import ImportField, match_columns
from biv_desktop.services.participants.importing.preview import (
    DuplicateChoice,
    ImportPreview,
    PreviewRow,
    preview_import,
)
from biv_desktop.services.participants.importing.reading import (
    ImportFileError,
    SpreadsheetTable,
    read_spreadsheet,
)
from biv_desktop.services.participants.importing.writing import (
    ImportSummary,
    NothingToImport,
    import_participants,
)

__all__ = [
    "DuplicateChoice",
    "ImportField",
    "ImportFileError",
    "ImportPreview",
    "ImportSummary",
    "NothingToImport",
    "PreviewRow",
    "SpreadsheetTable",
    "import_participants",
    "match_columns",
    "preview_import",
    "read_spreadsheet",
]
