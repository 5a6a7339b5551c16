"""Before Qt starts: a Swedish sentence naming the Debian packages when a system library Qt needs is missing.

Without this check a missing library ends the program in Qt's own English abort ("Could not load the Qt
platform plugin "xcb"…", then a core dump), which tells a Swedish user nothing. Nothing here creates a
QApplication; the window's start (cli.window) asks first and stops with the sentence and exit status 1.
"""

import ctypes
import os
import re
import sys
from pathlib import Path

# What Qt needs to start at all, even offscreen: the library's file name and its Debian package.
BASE_PACKAGES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libgl1",
    "libGLX.so.0": "libgl1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# What a real window under X11 needs on top (Qt's xcb platform plugin).
WINDOW_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}
_LIBRARY = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*)")


def missing_library_hint() -> str | None:
    """The Swedish sentence for a system library Qt cannot start without, or None when none is missing."""
    try:
        import PySide6.QtWidgets  # noqa: F401  (the import itself is the check: it loads Qt's libraries)
    except ImportError as error:
        return _sentence(str(error), BASE_PACKAGES)
    plugin = _xcb_plugin()
    if plugin is None:
        return None
    try:
        # Loading the plugin resolves every library it links against, as Qt will do in QApplication.
        ctypes.CDLL(str(plugin))
    except OSError as error:
        return _sentence(str(error), {**BASE_PACKAGES, **WINDOW_PACKAGES}, window=True)
    return None


def _xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin when Qt is going to use it here, else None."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if platform not in ("", "xcb") or (platform == "" and os.environ.get("WAYLAND_DISPLAY")):
        return None  # offscreen, wayland, …: the xcb libraries are not needed
    from PySide6.QtCore import QLibraryInfo

    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def _sentence(error: str, packages: dict[str, str], *, window: bool = False) -> str:
    match = _LIBRARY.search(error)
    library = match.group(1) if match else None
    needed = list(dict.fromkeys([*BASE_PACKAGES.values(), *(WINDOW_PACKAGES.values() if window else ())]))
    package = packages.get(library or "")
    if package is not None:
        needed.remove(package)
        needed.insert(0, package)
        what = f"systembiblioteket {library} saknas (Debian- och Ubuntu-paketet {package})"
    elif library is not None:
        what = f"systembiblioteket {library} saknas"
    else:
        what = f"Qt kunde inte läsas in ({error})"
    return (
        f"BIV Desktop kan inte öppna sitt fönster: {what}. På Debian och Ubuntu installerar du det som "
        f"fönstret behöver med: sudo apt-get install {' '.join(needed)}"
    )
