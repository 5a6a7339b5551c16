"""No sub-command: open the window, on the user's own database, a chosen file, or fresh demo data."""

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from biv_desktop.cli.parser import CommandError


def _window() -> Callable[..., int]:
    """The window's ``run``, imported only now so headless commands never load Qt."""
    from biv_desktop.ui.qt_libraries import missing_library_hint

    # A missing system library would otherwise end in Qt's English abort; say in Swedish what to install.
    hint = missing_library_hint()
    if hint is not None:
        raise CommandError(hint)
    try:
        from biv_desktop.ui.module_check import answer_without_keeping_source

        # Before the window's modules are imported, so none of their sources is kept in memory.
        answer_without_keeping_source()
        from biv_desktop.ui.app import run
    except ImportError as error:
        raise CommandError(
            f"Programfönstret kunde inte startas ({error}). På Debian och Ubuntu behövs paketen "
            "libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0."
        ) from error
    window: Callable[..., int] = run
    return window


def open_window(args: argparse.Namespace) -> int:
    """Open the window on the user's own database, a chosen file, or fresh demo data."""
    run = _window()
    if args.demo:
        from biv_desktop.demo import write_demo_database

        # A private folder (mode 0700) that disappears with the demo, so fictional data never mixes with real.
        with tempfile.TemporaryDirectory(prefix="biv-desktop-demo-", ignore_cleanup_errors=True) as folder:
            path = Path(folder) / "demo.sqlite"
            write_demo_database(path, years=3)
            return run(path, demo=True)
    if args.window_database is not None:
        return run(args.window_database.expanduser())
    from biv_desktop.paths import default_database

    return run(default_database())
