"""Printing a group's evaluation form to hand out, from the Återkoppling tab and the group's printouts.

The preview offers one copy per participant in the group, or a single copy to photocopy, and says
beneath the pages what is missing from the translation into the group's language.
"""

import datetime as dt

from PySide6.QtWidgets import QWidget

from biv_desktop.services.followup import EvaluationForm, evaluation_form
from biv_desktop.store.database import Database
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.printing.preview import SheetPreviewDialog, open_preview
from biv_desktop.ui.printing.sheet_printing import SheetPrinting


def translation_note(form: EvaluationForm) -> str:
    """What the user should know about the form's languages before printing, or ''."""
    if not form.translated:
        return ""
    if form.missing == form.texts:
        return tr(
            "Frågeformuläret är inte översatt till {language}, så blanketten skrivs ut på svenska. Översättningar "
            "läggs in under Inställningar → Frågeformulär → Översättningar…"
        ).format(language=form.language_name)
    if form.missing:
        return tr(
            "{missing} av {texts} texter saknar översättning till {language}; där står ”översättning saknas”. "
            "Översättningar läggs in under Inställningar → Frågeformulär → Översättningar…"
        ).format(missing=form.missing, texts=form.texts, language=form.language_name)
    return ""


def print_evaluation_forms(
    parent: QWidget, database: Database, group_id: int, today: dt.date | None = None
) -> SheetPreviewDialog | None:
    """Preview the group's evaluation form, one copy per participant or one to copy, to print or save."""
    from biv_desktop.reports.evaluation_form import write_evaluation_forms

    form = service_result(parent, tr("Utvärdering att dela ut"), lambda: evaluation_form(database, group_id))
    if form is None:
        return None
    title = tr("Utvärdering att dela ut – {group}").format(group=form.group_name)

    def job(copies: int, file_name: str) -> SheetPrinting:
        return SheetPrinting(
            parent,
            title,
            file_name,
            lambda path, _progress: write_evaluation_forms(path, form, copies, today),
        )

    variants = []
    if form.participants:
        variants.append(
            (
                tr("En per deltagare ({count} st)").format(count=form.participants),
                job(form.participants, f"utvardering-grupp-{group_id}.pdf"),
            )
        )
    variants.append(
        (tr("Ett exemplar att kopiera"), job(1, f"utvardering-grupp-{group_id}-ett-exemplar.pdf"))
    )
    dialog = open_preview(parent, variants)
    if dialog is not None:
        dialog.status.setText(translation_note(form))
    return dialog
