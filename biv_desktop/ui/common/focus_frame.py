"""Where the keyboard is, on a button: a plain blue frame around the focused push or tool button.

The platform's own mark (a dotted rectangle, or nothing at all) is hard to see. ``show_focus_on_buttons``
lays a see-through child over whichever push or tool button has the focus, drawing the frame inside the
button's edge (the button keeps its size), and takes it away when the focus moves on.

Two earlier ways cost every screen time: an application-wide style sheet put every widget through Qt's
style sheet engine (about a third of the time spent building each page), and then a Python proxy style
was called back from Qt for every control it drew, every table cell included (about 3 of the 19 ms a
keystroke in the participant list took to paint). This way runs Python only when the focus moves.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QToolButton, QWidget
from shiboken6 import isValid

FOCUS_BLUE = QColor("#1565c0")
FRAME_WIDTH = 2
CORNER_RADIUS = 4.0


class FocusMark(QWidget):
    """The frame: a child of the focused button, as large as the button, that lets the mouse through."""

    def __init__(self, button: QAbstractButton) -> None:
        super().__init__(button)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(button.rect())
        button.installEventFilter(self)  # to follow the button's size
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        button = self.parentWidget()
        if event.type() == QEvent.Type.Resize and button is not None and watched is button:
            self.setGeometry(button.rect())
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(FOCUS_BLUE, FRAME_WIDTH))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = FRAME_WIDTH / 2
        painter.drawRoundedRect(
            self.rect().toRectF().adjusted(half, half, -half, -half), CORNER_RADIUS, CORNER_RADIUS
        )
        painter.end()


class FocusFrame(QObject):
    """Moves the one frame to the push or tool button that gets the focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.mark: FocusMark | None = None
        app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        # A mark is deleted with its button when the button goes first (a closed dialog's).
        if self.mark is not None and isValid(self.mark):
            self.mark.hide()
            self.mark.deleteLater()
        self.mark = FocusMark(new) if isinstance(new, (QPushButton, QToolButton)) else None


def show_focus_on_buttons(app: QApplication) -> None:
    """Frame the focused button from now on in ``app`` (once, however often it is asked)."""
    if app.findChild(FocusFrame) is None:
        FocusFrame(app)
