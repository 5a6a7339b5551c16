"""The sheets' labels are parsed once and copied: each copy lays out and prints exactly as a label read
afresh would, whatever width its cell gives it."""

import datetime as dt
import io

from reportlab.platypus import Paragraph, Table

from biv_desktop.reports.document import Printout
from biv_desktop.reports.sheets.cells import label, label_style

PRINTOUT = Printout("Närvarolista", "Rubrik", "Underrubrik", dt.date(2026, 3, 9))
HEADS = ["Nr", "Namn", "Anmäld frånvaro", "Kommentar", "1", "2014"]


def table(make: type[Paragraph] | None) -> Table:
    def cell(text: str, size: float, bold: bool, centred: bool) -> Paragraph:
        if make is None:
            return label(text, size, bold=bold, centred=centred)
        return Paragraph(text, label_style(size, bold=bold, centred=centred))

    # The same words in several sizes and weights, and in a narrow and a wide column.
    rows = [
        [cell(text, size, bold, centred), cell(text, size, bold, centred)]
        for text in HEADS
        for size, bold, centred in ((8.5, True, False), (9.0, False, True), (10.0, True, True))
    ]
    return Table(rows, colWidths=[30.0, 200.0])


def printed(story_table: Table) -> bytes:
    stream = io.BytesIO()
    PRINTOUT.build(stream, [story_table])
    return stream.getvalue()


def test_copied_labels_print_exactly_as_freshly_read_ones() -> None:
    assert printed(table(None)) == printed(table(Paragraph))


def test_each_copy_is_laid_out_on_its_own() -> None:
    narrow, wide = label("Anmäld frånvaro"), label("Anmäld frånvaro")
    assert narrow is not wide
    _width, narrow_height = narrow.wrap(30.0, 100.0)
    _width, wide_height = wide.wrap(200.0, 100.0)
    assert narrow_height > wide_height, "the narrow one wraps, the wide one does not"
    leading = label_style().leading
    assert narrow_height >= 2 * leading and wide_height == leading
    assert narrow.height == narrow_height, "laying out the other copy left this one as it was"


def test_sizes_weights_and_alignments_keep_their_own_styles() -> None:
    plain, bold, bigger, centred = (
        label("Nr", bold=False),
        label("Nr"),
        label("Nr", 10.0),
        label("Nr", centred=True),
    )
    assert plain.style.fontName != bold.style.fontName
    assert (bold.style.fontSize, bigger.style.fontSize) == (8.5, 10.0)
    assert bold.style.alignment != centred.style.alignment
    assert label("Nr").style is bold.style, "one style object for each kind of label"


def test_a_label_laid_out_again_at_a_width_gets_that_width_s_layout() -> None:
    fresh = {width: Paragraph("Anmäld frånvaro", label_style()).wrap(width, 100.0) for width in (30.0, 62.0)}
    for width in (30.0, 62.0, 30.0, 62.0, 62.0, 30.0):  # copies asked in turn for widths laid out before
        assert label("Anmäld frånvaro").wrap(width, 100.0) == fresh[width]
