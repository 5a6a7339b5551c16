"""A group's evaluation form to hand out: each question and its answer options with boxes to tick, in Swedish
and the group's language side by side, one copy per participant (each copy starts on a new A4 page).

Layout of a translated form: Swedish on the left, the translation on the right (right-aligned and read from
the right for a right-to-left language), and between them the question's number and, on each option's
row, the one box to tick, so an answer is one tick whichever language is read. A text with no translation
yet shows "översättning saknas" in grey in its place; a questionnaire with no translation at all into the
group's language (or a Swedish-speaking group) is printed in Swedish only, the boxes before the options.

The form is anonymous: the header names the group, its period and its premises, never a participant, and
the footer asks that it be kept confidential once filled in. All user text is drawn through
``reports.drawing`` (fonts per script, joining and right-to-left order).
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer

from biv_desktop.reports.document import Orientation, Part, Printout, build_parts
from biv_desktop.reports.drawing import BASELINE_RISE, Align, draw_line, fit_line, line_height
from biv_desktop.reports.files import write_pdf_atomically
from biv_desktop.reports.sheets.cells import label
from biv_desktop.reports.sheets.shapes import GREY_TEXT, INK, LINE_GREY, WritingLines, draw_box, wrap_words
from biv_desktop.services.followup import EvaluationForm, FormQuestion

DOCUMENT_TITLE = "Utvärdering att dela ut"
NOTICE = "Anonym · konfidentiell när den är ifylld"
MISSING = "översättning saknas"
QUESTION_SIZE = 11.5
OPTION_SIZE = 11.0
BOX = 13.0
MIDDLE = 34.0  # the column between the languages: the question's number, the options' boxes
ROW_GAP = 3.0
MOST_LINES = 12
LARGEST_COPIES = 200


@dataclass(frozen=True)
class _Cell:
    """A text placed in a column: its lines, and how to draw them."""

    lines: tuple[str, ...]
    size: float
    bold: bool
    align: Align
    grey: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * line_height(self.size)


def _cell(text: str, width: float, size: float, *, bold: bool, align: Align, grey: bool = False) -> _Cell:
    lines = wrap_words(text, width, size, bold=bold, max_lines=MOST_LINES) if text else []
    return _Cell(tuple(lines), size, bold, align, grey)


def _draw_cell(canvas: Canvas, cell: _Cell, x: float, top: float, width: float) -> None:
    canvas.saveState()
    canvas.setFillColor(GREY_TEXT if cell.grey else INK)
    step = line_height(cell.size)
    for index, line in enumerate(cell.lines):
        fitted = fit_line(line, width, size=cell.size, bold=cell.bold, min_size=cell.size * 0.85)
        baseline = top - (index + 1) * step + cell.size * BASELINE_RISE
        draw_line(canvas, x, baseline, fitted, width=width, align=cell.align)
    canvas.restoreState()


class QuestionBlock(Flowable):
    """One question with its options, never split over two pages."""

    def __init__(self, question: FormQuestion, *, side_by_side: bool, right_to_left: bool) -> None:
        super().__init__()
        self.question = question
        self.side_by_side = side_by_side
        self.right_to_left = right_to_left
        self._rows: list[tuple[_Cell, _Cell | None, float]] = []

    def _translation(self, text: str, width: float, size: float, bold: bool) -> _Cell:
        align = Align.RIGHT if self.right_to_left else Align.LEFT
        if not text:
            return _cell(MISSING, width, size * 0.85, bold=False, align=align, grey=True)
        return _cell(text, width, size, bold=bold, align=align)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self._rows = []
        question = self.question
        if self.side_by_side:
            column = (availWidth - MIDDLE) / 2
            rows = [(question.swedish, question.translation, QUESTION_SIZE, True)] + [
                (option.swedish, option.translation, OPTION_SIZE, False) for option in question.options
            ]
            for swedish, translation, size, bold in rows:
                left = _cell(swedish, column, size, bold=bold, align=Align.LEFT)
                right = self._translation(translation, column, size, bold)
                height = max(left.height, right.height, BOX + 4) + ROW_GAP
                self._rows.append((left, right, height))
        else:
            column = availWidth - MIDDLE
            heading = _cell(
                f"{question.number}. {question.swedish}",
                availWidth,
                QUESTION_SIZE,
                bold=True,
                align=Align.LEFT,
            )
            self._rows.append((heading, None, heading.height + ROW_GAP))
            for option in question.options:
                cell = _cell(option.swedish, column, OPTION_SIZE, bold=False, align=Align.LEFT)
                self._rows.append((cell, None, max(cell.height, BOX + 4) + ROW_GAP))
        self.height = sum(height for _left, _right, height in self._rows) + 6
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        column = (self.width - MIDDLE) / 2 if self.side_by_side else self.width - MIDDLE
        for index, (left, right, height) in enumerate(self._rows):
            if self.side_by_side:
                assert right is not None
                # An option's texts sit level with its box; a question's start at the top.
                room = height - ROW_GAP
                _draw_cell(canvas, left, 0, top - (room - left.height) / 2 * (index > 0), column)
                _draw_cell(
                    canvas, right, column + MIDDLE, top - (room - right.height) / 2 * (index > 0), column
                )
                middle = column + MIDDLE / 2
                if index == 0:
                    canvas.setFillColor(INK)
                    _draw_cell(
                        canvas,
                        _Cell((f"{self.question.number}",), QUESTION_SIZE, True, Align.CENTER),
                        middle - MIDDLE / 2,
                        top,
                        MIDDLE,
                    )
                else:
                    draw_box(canvas, middle - BOX / 2, top - (height - ROW_GAP) / 2 - BOX / 2, BOX)
            elif index == 0:
                _draw_cell(canvas, left, 0, top, self.width)
            else:
                draw_box(canvas, 14, top - (height - ROW_GAP) / 2 - BOX / 2, BOX)
                _draw_cell(canvas, left, MIDDLE, top - (height - ROW_GAP - left.height) / 2, column)
            top -= height
        canvas.saveState()
        canvas.setStrokeColor(LINE_GREY)
        canvas.setLineWidth(0.5)
        canvas.line(0, 2, self.width, 2)
        canvas.restoreState()

    def __repr__(self) -> str:
        return f"QuestionBlock(question {self.question.number})"


class ColumnHeads(Flowable):
    """'Svenska' over the left column and the group's language over the right one."""

    def __init__(self, language: str, right_to_left: bool) -> None:
        super().__init__()
        self.language = language
        self.right_to_left = right_to_left

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = line_height(9.5) + 4
        return self.width, self.height

    def draw(self) -> None:
        column = (self.width - MIDDLE) / 2
        align = Align.RIGHT if self.right_to_left else Align.LEFT
        swedish = _Cell(("Svenska",), 9.5, True, Align.LEFT, grey=True)
        language = _Cell((self.language.capitalize(),), 9.5, True, align, grey=True)
        _draw_cell(self.canv, swedish, 0, self.height, column)
        _draw_cell(self.canv, language, column + MIDDLE, self.height, column)
        self.canv.saveState()
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        self.canv.line(0, 1, self.width, 1)
        self.canv.restoreState()


def side_by_side(form: EvaluationForm) -> bool:
    """Whether the form prints two languages: the group's is not Swedish and has a translation."""
    return form.translated and form.missing < form.texts


def _story(form: EvaluationForm) -> list[Flowable]:
    two = side_by_side(form)
    story: list[Flowable] = [
        label(
            "Kryssa i en ruta för varje fråga, den som stämmer bäst för dig. Skriv inte ditt namn.",
            10.0,
            bold=False,
        ),
        Spacer(0, 8),
    ]
    if two:
        story.append(ColumnHeads(form.language_name, form.right_to_left))
        story.append(Spacer(0, 6))
    for question in form.questions:
        story.append(QuestionBlock(question, side_by_side=two, right_to_left=form.right_to_left))
        story.append(Spacer(0, 4))
    # The closing lines stay together, so the lines to write on never start a page of their own.
    story.append(
        KeepTogether(
            [
                label("Är det något mer du vill säga om gruppen? (Skriv inga namn.)", 10.0, bold=False),
                Spacer(0, 2),
                WritingLines(2, spacing=20.0),
                Spacer(0, 4),
                label("Tack för att du svarade!", 10.0, bold=True),
            ]
        )
    )
    return story


def _period(form: EvaluationForm) -> str:
    if form.first is None or form.last is None:
        return ""
    return f"{form.first.isoformat()} – {form.last.isoformat()}"


def _printout(form: EvaluationForm, printed_on: dt.date) -> Printout:
    details = [form.programme.long_label, form.kind.label.lower(), _period(form), form.premises]
    return Printout(
        document_title=DOCUMENT_TITLE,
        heading=f"Utvärdering att dela ut – {form.group_name}",
        subheading=" · ".join(part for part in details if part),
        printed_on=printed_on,
        orientation=Orientation.PORTRAIT,
        notice=NOTICE,
    )


def build_evaluation_forms(stream: BinaryIO, form: EvaluationForm, copies: int, printed_on: dt.date) -> int:
    """Write ``copies`` copies of the form to stream, each from a new page; returns the page count."""
    if not 1 <= copies <= LARGEST_COPIES:
        raise ValueError(f"copies must be 1–{LARGEST_COPIES}")
    printout = _printout(form, printed_on)
    parts = [Part(printout, _story(form), f"Exemplar {number}") for number in range(1, copies + 1)]
    return build_parts(stream, parts, DOCUMENT_TITLE)


def write_evaluation_forms(
    path: Path, form: EvaluationForm, copies: int, printed_on: dt.date | None = None
) -> Path:
    """Save ``copies`` copies of the group's evaluation form in one PDF at path."""

    def build(stream: BinaryIO) -> None:
        build_evaluation_forms(stream, form, copies, printed_on or dt.date.today())

    return write_pdf_atomically(path, build)
