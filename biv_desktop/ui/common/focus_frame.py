"""Where the keyboard is, on a button: a plain blue frame around the focused push or tool button.

The platform's own mark (a dotted rectangle, or nothing at all) is hard to see. ``FocusFrameStyle`` is the
platform's style with that frame drawn over a focused button once the platform has drawn it. It replaces an
application-wide style sheet that did the same: a style sheet on the application puts every widget of
every screen through Qt's style sheet engine, which took about a third of the time spent building each
page, though the sheet only spoke of buttons.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

FOCUS_BLUE = QColor("#1565c0")
FRAME_WIDTH = 2
CORNER_RADIUS = 4.0


def draw_focus_frame(option: QStyleOption, painter: QPainter, widget: QWidget | None) -> None:
    """The frame along a focused widget's edge, inside it, so the button keeps its size."""
    if widget is None or not option.state & QStyle.StateFlag.State_HasFocus:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(FOCUS_BLUE, FRAME_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = FRAME_WIDTH / 2
    painter.drawRoundedRect(
        widget.rect().toRectF().adjusted(half, half, -half, -half), CORNER_RADIUS, CORNER_RADIUS
    )
    painter.restore()


class FocusFrameStyle(QProxyStyle):
    """The platform's style, with a blue frame on the focused button."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton:
            draw_focus_frame(option, painter, widget)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ToolButton:
            draw_focus_frame(option, painter, widget)
