"""A line drawn again on the same canvas (a name or label on sheet after sheet) is written with the
operators kept from its first drawing: the page gets the same bytes as when every piece is written afresh,
in every script, font and size."""

import gc
import io
from collections.abc import Callable

import pytest
from reportlab.pdfgen.canvas import Canvas

from biv_desktop.reports import drawing
from biv_desktop.reports.drawing import PDF_VERSION, actual_text, draw_line, fit_line
from biv_desktop.reports.shaping import pdf_pieces

# Fictional names in the scripts the sheets print, and a label.
LINES = ["Åsa Öberg-Ängström", "سارة الحسن (Sara)", "ሰላም ተስፋይ", "Олена Коваленко", "Anmäld frånvaro"]
# Each line drawn in several places, sizes and weights: (x, baseline, size, bold).
PLACES = [(40.0, 700.0, 10.0, False), (300.0, 512.25, 10.0, False), (40.0, 300.0, 12.5, False)]
PLACES += [(120.0, 100.0, 10.0, True), (40.0, 700.0, 10.0, False)]


def afresh(canvas: Canvas, x: float, baseline: float, text: str, size: float, bold: bool) -> None:
    """The line written piece by piece with a new text object each, as reportlab writes it."""
    fitted = fit_line(text, 1000.0, size=size, bold=bold)
    for run in fitted.line.runs:
        for piece in pdf_pieces(run.text, run.font_name, run.right_to_left, run.glyphs):
            text_object = canvas.beginText(x, baseline)
            text_object.setFont(run.font_name, fitted.size)
            text_object.textOut(piece.string)
            if piece.actual_text is not None:
                canvas.addLiteral(f"/Span <</ActualText {actual_text(piece.actual_text)}>> BDC")
            canvas.drawText(text_object)
            if piece.actual_text is not None:
                canvas.addLiteral("EMC")
            x += piece.advance * fitted.size / 1000


def kept(canvas: Canvas, x: float, baseline: float, text: str, size: float, bold: bool) -> None:
    draw_line(canvas, x, baseline, fit_line(text, 1000.0, size=size, bold=bold))


Draw = Callable[[Canvas, float, float, str, float, bool], None]


def pdf(draw: Draw, pages: int = 3) -> bytes:
    stream = io.BytesIO()
    canvas = Canvas(stream, pdfVersion=PDF_VERSION, invariant=1)
    for _page in range(pages):
        for text in LINES:
            for x, baseline, size, bold in PLACES:
                draw(canvas, x, baseline, text, size, bold)
        canvas.showPage()
    canvas.save()
    return stream.getvalue()


def test_lines_drawn_again_give_the_same_pdf_as_lines_written_afresh() -> None:
    assert pdf(kept) == pdf(afresh)


def test_the_same_text_in_another_size_or_weight_is_written_with_its_own_operators() -> None:
    stream = io.BytesIO()
    canvas = Canvas(stream, invariant=1)
    for _twice in range(2):
        for size, bold in ((10.0, False), (12.5, False), (10.0, True)):
            kept(canvas, 40.0, 700.0, "Åsa Öberg-Ängström", size, bold)
    code: list[str] = canvas._code  # type: ignore[attr-defined]
    assert code[3:] == code[:3], "drawn again at the same place: the same operators"
    assert len(set(code[:3])) == 3, "another size or weight: other operators"
    assert "12.5 Tf" in code[1] and "10 Tf" in code[0]


@pytest.mark.parametrize("text", LINES)
def test_each_canvas_keeps_its_own(text: str) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    for stream in (first, second):
        canvas = Canvas(stream, invariant=1)
        kept(canvas, 40.0, 700.0, text, 10.0, False)
        canvas.save()
    assert first.getvalue() == second.getvalue()
    del canvas
    gc.collect()
    assert len(drawing._drawn_pieces) == 0, "a canvas's pieces go with it"


@pytest.mark.parametrize("text", LINES)
def test_a_run_is_written_with_the_pieces_its_glyphs_give(text: str) -> None:
    for run in fit_line(text, 1000.0, size=10.0).line.runs:
        assert run.pieces == pdf_pieces(run.text, run.font_name, run.right_to_left, run.glyphs)
        assert run.pieces is run.pieces, "worked out once for the run"


@pytest.mark.parametrize("text", LINES)
def test_a_run_measured_again_is_as_wide_as_its_glyphs_at_every_size(text: str) -> None:
    for size in (10.0, 12.5, 7.3, 10.0):
        for run in fit_line(text, 1000.0, size=10.0).line.runs:
            assert run.width(size) == sum(glyph.x_advance for glyph in run.glyphs) * size / 1000
