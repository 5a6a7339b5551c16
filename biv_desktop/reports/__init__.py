"""PDF printouts: fonts for every script users type, one-line text in any script, the shared page frame
(header, confidential footer, page count) and safe writing. No Qt, no SQLAlchemy: reports draw read models.

Modules: fonts (the embedded Noto faces), text (a line's runs of one font and direction, in drawing
order), ordering (the bidirectional algorithm's levels), shaping (HarfBuzz's glyphs and how they are
written), drawing (fitting a line into a width; the ScriptText flowable), document (Printout, the A4 page frame),
files (write_pdf_atomically), errors (ReportWriteError and friends).
"""

from biv_desktop.reports.errors import MissingFontError, ReportError, ReportWriteError

__all__ = ["MissingFontError", "ReportError", "ReportWriteError"]
