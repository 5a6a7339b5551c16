"""What the program remembers per user between runs: the window's place, size and maximised state, each
dialog's size, splitters, column widths and the last folder of each kind of file.

Everything is kept in QSettings (the registry on Windows, an INI file elsewhere). A settings file that
cannot be read, or holds values of another kind (another program's, an older version's), is ignored
value by value: the program then opens as on its first day, never fails.

Splitters and table headers are found by their place in the window (``widget_key``), so a screen need
not do anything to have them remembered: the first time one is shown it gets its saved state, and when
its window closes its state is saved.
"""

import logging
from pathlib import Path
from typing import TypeGuard

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QSplitter, QTableView, QWidget

from biv_desktop.ui.common.screen_fit import fit_shown_window, fit_to_screen, room_for

log = logging.getLogger(__name__)

# Set on a table whose column widths came from the settings: its screen then leaves them as they are.
KEPT_WIDTHS = "bivKeptWidths"
_RESTORED = "bivStateRestored"

_settings: QSettings | None = None


def use_settings(settings: QSettings | None) -> None:
    """Keep the state in ``settings`` (a test's INI file); None goes back to the user's own settings."""
    global _settings
    _settings = settings


def settings() -> QSettings:
    """Where the state is kept: the user's settings for BIV Desktop unless ``use_settings`` chose another."""
    global _settings
    if _settings is None:
        _settings = QSettings()
    return _settings


def _readable() -> bool:
    return settings().status() == QSettings.Status.NoError


def _bytes(key: str) -> QByteArray | None:
    """A saved state, or None if there is none or it is not a state (a foreign or damaged value)."""
    if not _readable():
        return None
    value = settings().value(key)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes) and value:
        return QByteArray(value)
    return None


def _write(key: str, value: object) -> None:
    store = settings()
    if store.isWritable():
        store.setValue(key, value)


def widget_key(widget: QWidget) -> str:
    """A name for ``widget`` that stays the same from one run to the next: its path of class names (or
    object names) from its window, with a number where siblings share a class."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName() or type(current).__name__
        parent = current.parentWidget()
        if parent is not None and not current.isWindow():
            twins = [
                w
                for w in parent.findChildren(type(current), options=Qt.FindChildOption.FindDirectChildrenOnly)
            ]
            if len(twins) > 1 and not current.objectName():
                name += f"[{twins.index(current)}]"
        parts.append(name)
        if current.isWindow():
            break
        current = parent
    return "/".join(reversed(parts))


# The main window.
# Below this available width a first start fills the screen: the pages' tables need all of a laptop's 1366
# pixels (at the default 1280 Grupper, Schema and Deltagare scrolled sideways and cut their last column).
FILL_SCREEN_BELOW_WIDTH = 1600


def restore_main_window(window: QMainWindow) -> None:
    """Give the window its place and size from last time (moved and shrunk onto the screen it now has),
    maximised if it was. The first time (nothing saved), on a laptop's screen it takes the whole screen."""
    name = type(window).__name__
    place = settings().value(f"window/{name}/geometry") if _readable() else None
    if isinstance(place, QRect) and place.isValid():
        window.setGeometry(place)
        fit_to_screen(window)
        if _flag(settings().value(f"window/{name}/maximised")):
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    elif (room := room_for(window)).width() < FILL_SCREEN_BELOW_WIDTH:
        window.resize(room)
        fit_to_screen(window)


def save_main_window(window: QMainWindow) -> None:
    name = type(window).__name__
    # The size it has when not maximised, so that un-maximising next time gives it back.
    _write(f"window/{name}/geometry", window.normalGeometry() if window.isMaximized() else window.geometry())
    _write(f"window/{name}/maximised", window.isMaximized())
    save_inside(window)


def _flag(value: object) -> bool:
    # INI files give text back: "true" / "false".
    return value is True or (isinstance(value, str) and value.lower() == "true")


# Splitters, headers and dialog sizes, found as they are shown.
def restore_widget(widget: QWidget) -> None:
    """Give a splitter or a table's header its saved state, once."""
    if widget.property(_RESTORED):
        return
    widget.setProperty(_RESTORED, True)
    if isinstance(widget, QSplitter):
        state = _bytes(f"splitter/{widget_key(widget)}")
        if state is not None:
            widget.restoreState(state)
    elif isinstance(widget, QTableView) and isinstance(widget.window(), QMainWindow):
        # Only the pages' tables: a dialog's table (the attendance grid) changes its columns with its data.
        header = widget.horizontalHeader()
        state = _bytes(f"columns/{widget_key(widget)}")
        if state is not None and header.count() > 0 and header.restoreState(state):
            widget.setProperty(KEPT_WIDTHS, True)


def save_inside(window: QWidget) -> None:
    """Save the state of every splitter and table in ``window``."""
    for splitter in window.findChildren(QSplitter):
        if splitter.property(_RESTORED):
            _write(f"splitter/{widget_key(splitter)}", splitter.saveState())
    for table in window.findChildren(QTableView) if isinstance(window, QMainWindow) else []:
        if table.property(_RESTORED) and table.horizontalHeader().count() > 0:
            _write(f"columns/{widget_key(table)}", table.horizontalHeader().saveState())


def widths_kept(table: QTableView) -> bool:
    """Whether the table's column widths are the user's own from last time (not to be fitted again)."""
    return bool(table.property(KEPT_WIDTHS))


def _restore_dialog(dialog: QDialog) -> None:
    if not _readable() or dialog.property(_RESTORED):
        return
    dialog.setProperty(_RESTORED, True)
    size = settings().value(f"dialog/{type(dialog).__name__}/size")
    if isinstance(size, QSize) and size.isValid():
        dialog.resize(size.expandedTo(dialog.minimumSizeHint()))
        fit_to_screen(dialog)


# The filter sees every event of the application (thousands while a page is built): the three it acts on
# are read once, not looked up in Qt's enum at each event.
SHOW, HIDE, CLOSE = QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Close


class _StateKeeper(QObject):
    """Restores what is shown and saves what closes; fits each window shown to the screen (ui/common/
    screen_fit). One filter for both, since each application-wide filter is a Python call per event."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind != SHOW and kind != CLOSE and kind != HIDE:
            return False
        try:
            self._keep(watched, kind)
        except RuntimeError:
            # A Qt object PySide no longer wraps (met as a file chooser's own splitter showed): an exception
            # leaving an event filter ends the program (PySide 6.11 crashed on it), and nothing is lost by
            # not remembering that one widget.
            log.warning("Window state not kept for a %s", type(watched).__name__)
        return False

    @staticmethod
    def _keep(watched: QObject, kind: QEvent.Type) -> None:
        # Qt's own file chooser is fitted to the screen like any window, but it and its parts are Qt's to
        # keep. Asked only of the widgets kept here: every widget shown passes through this filter.
        if kind == SHOW:
            if isinstance(watched, QSplitter | QTableView):
                if not isinstance(watched.window(), QFileDialog):
                    restore_widget(watched)
            elif _own_dialog(watched):
                _restore_dialog(watched)
            fit_shown_window(watched)
        elif kind == CLOSE and isinstance(watched, QMainWindow):
            save_main_window(watched)
        elif kind == HIDE and _own_dialog(watched):
            if not watched.isMaximized():
                _write(f"dialog/{type(watched).__name__}/size", watched.size())
            save_inside(watched)


def _own_dialog(watched: QObject) -> TypeGuard[QDialog]:
    """A dialog window of the program's own (not Qt's file chooser)."""
    return isinstance(watched, QDialog) and watched.isWindow() and not isinstance(watched, QFileDialog)


_keeper: _StateKeeper | None = None


def keep_window_state(window: QMainWindow) -> None:
    """The main window's hook: fit every window to the screen and remember the state of everything in
    the application from now on, starting with ``window``'s own place and size."""
    global _keeper
    app = QApplication.instance()
    if _keeper is None and app is not None:
        _keeper = _StateKeeper(app)
        app.installEventFilter(_keeper)
    restore_main_window(window)


# The last folder of each kind of file.
def documents_folder() -> Path:
    """The user's Dokument folder (home if the system names none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def last_folder(kind: str) -> Path:
    """Where a file chooser for ``kind`` (pdf, report, backup, import…) starts: the folder used last
    time if it still exists, else Dokument."""
    value = settings().value(f"folders/{kind}") if _readable() else None
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return documents_folder()


def remember_folder(kind: str, path: Path) -> None:
    """The folder a file of ``kind`` was just saved to or read from, for next time."""
    _write(f"folders/{kind}", str(path if path.is_dir() else path.parent))
