"""The count line of a searched list ("Visar 12 av 2340 deltagare"), one size while the user types."""

from PySide6.QtWidgets import QLabel

# The line and font the label was last sized for.
_SIZED_FOR = "countLineSizedFor"


def show_count(label: QLabel, text: str, widest: str) -> None:
    """Show ``text`` in ``label``, fixed at the size of ``widest``: the same line with every row shown,
    which is at least as wide.

    A search changes the first number at each keystroke, and with it, as often as not, the line's width.
    A label that can change its size tells the layouts above it, which all ran again, from the window
    down, at such a keystroke. A label of fixed size tells nobody; it is sized again only when ``widest``
    changes (rows added or removed), or the label's font.
    """
    sized_for = f"{widest}\n{label.font().key()}"
    if label.property(_SIZED_FOR) != sized_for:
        label.setText(widest)
        hint = label.sizeHint()
        # A height set before (as tall as the buttons beside it) is kept.
        label.setFixedSize(hint.width(), max(hint.height(), label.minimumHeight()))
        label.setProperty(_SIZED_FOR, sized_for)
    label.setText(text)
