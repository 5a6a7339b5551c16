"""The garbage collector and what the window's start leaves behind.

By the time the window is built, the program has made a few hundred thousand objects that live as long as
it does: the modules of PySide6, SQLAlchemy and our own, their classes and functions. Python's collector
looks at every one of them again in each full collection; such a pass, which falls at some moment while the
user goes to pages for the first time, took 80-90 ms on the 20-year demo register, landing in whichever
page's first showing happened to cross the threshold. ``keep_start_objects`` moves everything made so far
out of the collector's generations once (``gc.freeze``, the standard library's way to do this), so later
passes look only at what was made after. Freed by reference counting as before; only a reference cycle
among objects made before the window, which later becomes garbage, is no longer reclaimed.
"""

import gc

_kept = False


def keep_start_objects() -> None:
    """Once per process: leave the objects made so far out of the collector's full passes."""
    global _kept
    if _kept:
        return
    _kept = True
    gc.freeze()
