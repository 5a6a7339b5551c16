"""After the window is built, what the start made is out of the garbage collector's full passes (once per
process), and what is made later is collected as before."""

import gc

from biv_desktop.ui.collector import keep_start_objects
from biv_desktop.ui.main_window import MainWindow


class Cycle:
    """An object in a reference cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_the_window_leaves_the_start_out_of_the_collectors_passes_once(window: MainWindow) -> None:
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # the modules, classes and functions of the start, at least
    keep_start_objects()
    assert gc.get_freeze_count() == frozen  # once per process: later windows freeze nothing more


def test_a_cycle_made_after_the_window_is_still_collected(window: MainWindow) -> None:
    made = Cycle()
    kept = id(made)
    del made
    gc.collect()
    assert all(id(item) != kept for item in gc.get_objects() if isinstance(item, Cycle))
