"""Python's cycle collector held back while a long printout is built.

Building a term's print pack makes millions of short-lived objects (reportlab's flowables, text objects,
page states). Every so many of them Python's cycle collector runs, and now and then it walks every object
the process holds: in the open window that is the pages, their tables and the register's rows, well over
a hundred thousand objects. In the window those full walks took a fifth to a quarter of the pack's time,
and found almost nothing, as the printout's objects are freed by their reference counts.
``collection_paused`` holds the collector back while the printout is built and lets it run as before
afterwards; nothing is kept longer than the build.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausing = 0  # builds under way that hold the collector back
_was_enabled = False  # whether the collector ran before the first of them


@contextmanager
def collection_paused() -> Iterator[None]:
    """Hold the cycle collector back for the block; as before afterwards, also when builds overlap
    (printouts may be built off the GUI thread) and when the collector was already off."""
    global _pausing, _was_enabled
    with _lock:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _lock:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()
