"""The cycle collector is held back while a printout is built and runs as before afterwards."""

import gc
import threading
from collections.abc import Iterator

import pytest

from biv_desktop.reports.collection import collection_paused


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_held_back_during_the_build_only() -> None:
    gc.enable()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_when_the_build_fails() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("the disk is full")
    assert gc.isenabled()


def test_overlapping_builds_let_it_run_only_when_the_last_is_done() -> None:
    gc.enable()
    first_inside = threading.Event()
    first_may_end = threading.Event()

    def first_build() -> None:
        with collection_paused():
            first_inside.set()
            first_may_end.wait(5)

    thread = threading.Thread(target=first_build)
    thread.start()
    assert first_inside.wait(5)
    with collection_paused():
        first_may_end.set()
        thread.join(5)
        assert not gc.isenabled(), "the other build is still under way"
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collection_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
