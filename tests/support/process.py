"""Running a short script in a fresh Python process, the way the program starts: what a test of the start
or of a page's first showing needs, since this process has long since imported everything."""

import json
import os
import subprocess
import sys
from typing import Any


def run_fresh(script: str, *arguments: str, **environment: str) -> tuple[list[str], Any]:
    """Run ``script`` (``python -c``) with ``arguments``, offscreen and with ``environment`` added; its lines
    of output, and its last line read as JSON. A failing script fails the test with its error output."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **environment)
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments], env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    return lines, json.loads(lines[-1])
