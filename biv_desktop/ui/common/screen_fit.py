"""Every window and dialog inside the screen the user has: never larger than the available geometry
(the screen less its taskbar), and placed so that its title bar and buttons can be reached.

The application's one event filter (ui/common/window_state) fits each top-level window as it is shown
(``fit_shown_window``), so a dialog that asks for
1200×760 on a 1366×768 laptop opens at what fits instead of under the taskbar. A dialog whose content
cannot shrink that far must scroll: that is the dialog's job (``scrolling``), and the tests check it.
"""

from PySide6.QtCore import QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# What the window manager adds around a window before it is shown (Windows 10/11: a title bar of about
# 31 px and a thin border). Once shown, the real frame is measured instead.
ASSUMED_FRAME = QMargins(1, 32, 1, 1)
# Windows that are not windows to fit: menus, tool tips, the completer's list.
_FITTED_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (or the primary screen) that windows may use."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around ``window``: measured when it is known, else the assumed one."""
    frame, inner = window.frameGeometry(), window.geometry()
    measured = QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )
    if window.isVisible() and (measured.top() > 0 or measured.left() > 0):
        return measured
    return ASSUMED_FRAME


def room_for(window: QWidget) -> QSize:
    """The largest size ``window`` may have so that it and its frame fit the available geometry."""
    available, margins = available_geometry(window), frame_margins(window)
    return QSize(
        available.width() - margins.left() - margins.right(),
        available.height() - margins.top() - margins.bottom(),
    )


def outer_geometry(window: QWidget) -> QRect:
    """The window with its frame, as the user sees it on the screen."""
    margins = frame_margins(window)
    return window.geometry().marginsAdded(margins)


def fits(window: QWidget) -> bool:
    """Whether the window with its frame lies inside the available geometry."""
    return available_geometry(window).contains(outer_geometry(window))


def fit_to_screen(window: QWidget) -> None:
    """Shrink ``window`` to the available geometry if it is larger, and move it fully onto it."""
    if window.isMaximized() or window.isFullScreen():
        return
    room = room_for(window)
    size = window.size().boundedTo(room).expandedTo(window.minimumSize())
    if size != window.size():
        window.resize(size)
    available, margins = available_geometry(window), frame_margins(window)
    outer = window.geometry().marginsAdded(margins)
    left = min(
        max(outer.left(), available.left()), max(available.left(), available.right() - outer.width() + 1)
    )
    top = min(
        max(outer.top(), available.top()), max(available.top(), available.bottom() - outer.height() + 1)
    )
    if (left, top) != (outer.left(), outer.top()):
        window.move(left, top)  # move() places the frame's top-left corner


def fit_shown_window(watched: QObject) -> None:
    """Fit ``watched``, just shown, if it is a top-level window or dialog (not a menu or a tool tip)."""
    if isinstance(watched, QWidget) and watched.isWindow() and watched.windowType() in _FITTED_TYPES:
        fit_to_screen(watched)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls down only when the screen is too low for it.

    It is as wide as the content needs, with room for the scroll bar: narrower, a layout that shares the
    width out gave a form less than its fields need and cut their arrows off behind a sideways scroll bar.
    """
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(content.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    return area
