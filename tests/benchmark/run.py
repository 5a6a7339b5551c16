"""BIV Desktop's speed, measured against bare baselines in the same run: prints medians and ratios.

Run from the checkout, with the project's venv: ``python tests/benchmark/run.py [--runs 5] [--years 20]
[--frozen DIR --frozen-bare DIR]``. Not a test (timings vary with the machine and its load); it prints:

1. start to the first painted window on the demo register, against a bare PySide6 window (bare_window.py:
   a navigation list and a 10-row table, shown and painted once): wall time and peak memory. The window
   paints its first frame before it opens the register (biv_desktop/ui/app.py), so a second line times the
   start to the overview painted with the register's figures; the process ends right after that, so its
   peak memory covers the whole start;
2. the session sheet as a whole command (``biv-desktop report session-sheet``), against a bare reportlab
   one-table A4 PDF (bare_pdf.py);
3. a year's follow-up PDF as a whole command, against the same bare PDF;
4. inside one window (in_window.py): a term's print pack, filtering the participant list per keystroke,
   opening a group's attendance grid, and switching to each page for the first time;
5. the frozen program's start against a frozen bare window, only when both frozen folders are given
   (built with PyInstaller beforehand: this script never builds them).

Each measure is the median of ``--runs`` runs; a measure and its baseline run alternately (ABBA), so a
change in the machine's load hits both alike. The ratio is the median over its limit: the baseline's median
for 1–3 and 5, the target itself for 4. Every run is a fresh process started with ``subprocess``; the first
frame's moment is read from the process itself (``first frame <seconds>`` on the monotonic clock that
``time.perf_counter`` reads in every process), peak memory from ``os.wait4`` (the child's ``ru_maxrss``).
Beside the wall times of 1-3 and 5, the processor time of both whole processes (user and system, to their
exit, from the same ``os.wait4``) is printed with its ratio: a machine busy with other work stretches wall
times far more than processor times, so that line shows what our own code costs.
The demo register is made first with ``biv-desktop demo-data``; everything is written into a temporary
folder (register, backups, settings, PDFs) that is removed at the end. Every name in it is fictional.
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_FRAME = "first frame "
REGISTER_SHOWN = "register shown "


@dataclass(frozen=True)
class Run:
    """One child process: seconds (to its first frame, or to its end), its peak resident memory and the
    processor time it used (user and system, to its end)."""

    seconds: float
    peak_mib: float
    cpu_seconds: float
    shown_seconds: float | None = None  # to the overview painted with the register's figures, if said


@dataclass(frozen=True)
class Line:
    """One printed line: what was measured, its median, its limit and the target for their ratio (None for
    a line that explains the others, such as a floor, with no target of its own)."""

    name: str
    value: str
    limit: str
    ratio: float
    target: float | None

    def cells(self) -> list[str]:
        if self.target is None:
            return [self.name, self.value, self.limit, f"{self.ratio:.2f}×", "–", "–"]
        met = "yes" if self.ratio <= self.target else "NO"
        return [self.name, self.value, self.limit, f"{self.ratio:.2f}×", f"≤ {self.target:g}×", met]


def run_measured(command: Sequence[str], env: dict[str, str], *, first_frame: bool = False) -> Run:
    """Start the command and wait for its end: seconds to its first frame (or to its end), peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(child.pid, 0)
        ended = time.perf_counter()
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, errors = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} ended with {child.returncode}:\n{output}\n{errors}")
    seconds = ended - start
    if first_frame:
        moments = [line for line in output.splitlines() if line.startswith(FIRST_FRAME)]
        if not moments:
            raise SystemExit(f"{' '.join(command)} never said when its first frame was painted:\n{output}")
        seconds = float(moments[0].removeprefix(FIRST_FRAME)) - start
    shown = [line for line in output.splitlines() if line.startswith(REGISTER_SHOWN)]
    shown_seconds = float(shown[0].removeprefix(REGISTER_SHOWN)) - start if shown else None
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    return Run(seconds, usage.ru_maxrss * scale, usage.ru_utime + usage.ru_stime, shown_seconds)


def alternate(runs: int, *actions: Callable[[], Run]) -> list[list[Run]]:
    """``runs`` runs of each action, taking turns, the order reversed every other round (ABBA), after one
    unmeasured run of each (files cached, .pyc written); the runs of each action, in the order given."""
    for action in actions:
        action()
    results: list[list[Run]] = [[] for _action in actions]
    for number in range(runs):
        order = list(zip(actions, results, strict=True))
        if number % 2:
            order.reverse()
        for action, into in order:
            into.append(action())
    return results


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def seconds_text(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def compare(
    name: str, measured: list[Run], base: list[Run], target: float | None, what: str, *, cpu: bool = True
) -> list[Line]:
    """The wall-time line with its target; with ``cpu``, also the processor time of both whole processes,
    which a busy machine disturbs less than the wall time (no target: it explains the wall line)."""
    wall, base_wall = median([run.seconds for run in measured]), median([run.seconds for run in base])
    lines = [
        Line(
            f"{name}, wall", seconds_text(wall), f"{seconds_text(base_wall)} {what}", wall / base_wall, target
        )
    ]
    if cpu:
        used, base_used = (
            median([run.cpu_seconds for run in measured]),
            median([run.cpu_seconds for run in base]),
        )
        lines.append(
            Line(
                f"{name}, CPU to exit",
                seconds_text(used),
                f"{seconds_text(base_used)} {what}",
                used / base_used,
                None,
            )
        )
    return lines


def overview_line(part: str, measured: list[Run], base: list[Run], what: str) -> list[Line]:
    """Start to the overview painted with the register's figures (no target: it shows what follows the
    first frame), when the program said when."""
    shown = [run.shown_seconds for run in measured if run.shown_seconds is not None]
    if len(shown) != len(measured):
        return []
    value, base_wall = median(shown), median([run.seconds for run in base])
    return [
        Line(
            f"{part} start to the overview's figures painted, wall",
            seconds_text(value),
            f"{seconds_text(base_wall)} {what}",
            value / base_wall,
            None,
        )
    ]


def memory_line(name: str, measured: list[Run], base: list[Run], target: float | None, what: str) -> Line:
    peak, base_peak = median([run.peak_mib for run in measured]), median([run.peak_mib for run in base])
    return Line(
        f"{name}, peak memory", f"{peak:.0f} MiB", f"{base_peak:.0f} MiB {what}", peak / base_peak, target
    )


def table(lines: Sequence[Line]) -> str:
    rows = [["measure", "median", "limit (same run)", "ratio", "target", "met"]]
    rows += [line.cells() for line in lines]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    )


def child_env(folder: Path) -> dict[str, str]:
    """The environment every child runs in: its data, state and settings inside ``folder``, no screen needed.

    Compiled modules are kept (in ``folder``, not the checkout), as an installed program has them: pip and
    the frozen build compile every module once, so a child compiling them afresh in each run (as
    PYTHONDONTWRITEBYTECODE makes it) would time the compiler, not the program. The unmeasured first run
    of each measure writes them."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / name.lower())
    return env


def program(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "biv_desktop", *arguments]


def newest_group(register: Path, env: dict[str, str]) -> tuple[int, str]:
    """The id and name of the newest group (the first ``groups --json`` lists) that has sessions."""
    listed = subprocess.run(
        program("groups", "--database", str(register), "--json"),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    group = json.loads(listed.stdout)[0]
    return int(group["id"]), str(group["name"])


def last_agreement_year(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last whole year July–June before today: the follow-up's longest period."""
    end_year = today.year if today.month >= 7 else today.year - 1
    return dt.date(end_year - 1, 7, 1), dt.date(end_year, 6, 30)


def measure_start(runs: int, register: Path, env: dict[str, str]) -> list[Line]:
    start_env = dict(env, BIV_DESKTOP_QUIT_AFTER_START="1")
    bare = [sys.executable, str(HERE / "bare_window.py")]
    measured, base, floor = alternate(
        runs,
        lambda: run_measured(program("--database", str(register)), start_env, first_frame=True),
        lambda: run_measured(bare, env, first_frame=True),
        lambda: run_measured([*bare, "--with-store"], env, first_frame=True),
    )
    name = "1 start to first painted window"
    floor_name = "1 floor: bare window + SQLAlchemy ORM and the models"
    return [
        *compare(name, measured, base, 2.0, "bare window"),
        *overview_line("1", measured, base, "bare window"),
        memory_line(name, measured, base, 2.0, "bare window"),
        *compare(floor_name, floor, base, None, "bare window", cpu=False),
        memory_line(floor_name, floor, base, None, "bare window"),
    ]


def measure_pdfs(runs: int, register: Path, folder: Path, env: dict[str, str]) -> list[Line]:
    counter = iter(range(1_000_000))

    def fresh(stem: str) -> str:
        return str(folder / f"{stem}-{next(counter)}.pdf")

    def bare() -> Run:
        return run_measured([sys.executable, str(HERE / "bare_pdf.py"), fresh("bare")], env)

    def floor() -> Run:
        return run_measured([sys.executable, str(HERE / "bare_pdf.py"), fresh("floor"), "--with-store"], env)

    group_id, _name = newest_group(register, env)
    sheet = [
        "report",
        "session-sheet",
        "--database",
        str(register),
        "--group",
        str(group_id),
        "--session",
        "1",
    ]
    measured, base, floors = alternate(
        runs, lambda: run_measured(program(*sheet, "--out", fresh("sheet")), env), bare, floor
    )
    lines = compare("2 session sheet command", measured, base, 1.5, "bare PDF")
    lines += compare(
        "2 floor: bare PDF + SQLAlchemy ORM and the models", floors, base, None, "bare PDF", cpu=False
    )

    first, last = last_agreement_year(dt.date.today())
    follow_up = [
        "report",
        "follow-up",
        "--database",
        str(register),
        "--from",
        first.isoformat(),
        "--to",
        last.isoformat(),
    ]
    measured, base = alternate(
        runs, lambda: run_measured(program(*follow_up, "--out", fresh("follow-up")), env), bare
    )
    lines += compare(
        f"3 follow-up PDF {first.isoformat()} – {last.isoformat()}", measured, base, 3.0, "bare PDF"
    )
    return lines


def measure_in_window(runs: int, register: Path, folder: Path, env: dict[str, str]) -> list[Line]:
    results = []
    for run in range(runs + 1):  # the first, unmeasured, writes the compiled modules it needs
        # Settings of its own for each run: a window closed by one run would leave its column widths to
        # the next, which then never fits a column (a first day's work, as the measure means).
        settings = dict(env, XDG_CONFIG_HOME=str(folder / f"window-settings-{run}"))
        done = subprocess.run(
            [sys.executable, str(HERE / "in_window.py"), str(register), str(folder / "backups")],
            env=settings,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(f"in_window.py ended with {done.returncode}:\n{done.stdout}\n{done.stderr}")
        if run:
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first = results[0]

    def with_cpu(wall: float, name: str) -> str:
        used = median([result["cpu"][name] for result in results])
        return f"{seconds_text(wall)} (CPU {seconds_text(used)})"

    pack = median([result["pack"] for result in results])
    lines = [
        Line(
            f"4 print pack {first['pack_term']} ({first['pack_pages']} pages, to its preview)",
            with_cpu(pack, "pack"),
            "target 2 s",
            pack / 2.0,
            1.0,
        )
    ]
    keys = median([median(result["keystrokes"]) for result in results])
    slowest = median([max(result["keystrokes"]) for result in results])
    lines.append(
        Line(
            f"4 filter per keystroke ({first['register_rows']} rows; slowest key {seconds_text(slowest)})",
            seconds_text(keys),
            "target 16 ms",
            keys / 0.016,
            1.0,
        )
    )
    filtering = median([median(result["keystroke_filtering"]) for result in results])
    lines.append(
        Line(
            "4 of which filtering (the rest is Qt painting the table)",
            seconds_text(filtering),
            "target 16 ms",
            filtering / 0.016,
            None,
        )
    )
    grid = median([result["grid"] for result in results])
    lines.append(
        Line(
            f"4 attendance grid ({first['grid_cells']} cells)",
            with_cpu(grid, "grid"),
            "target 50 ms",
            grid / 0.05,
            1.0,
        )
    )
    for title in first["pages"]:
        shown = median([result["pages"][title] for result in results])
        lines.append(
            Line(
                f"4 first showing: {title}",
                with_cpu(shown, f"page {title}"),
                "target 100 ms",
                shown / 0.1,
                1.0,
            )
        )
    return lines


def measure_frozen(
    runs: int, frozen: Path, frozen_bare: Path, register: Path, env: dict[str, str]
) -> list[Line]:
    start_env = dict(env, BIV_DESKTOP_QUIT_AFTER_START="1")
    measured, base = alternate(
        runs,
        lambda: run_measured([str(frozen), "--database", str(register)], start_env, first_frame=True),
        lambda: run_measured([str(frozen_bare)], env, first_frame=True),
    )
    name = "5 frozen start to first painted window"
    return [
        *compare(name, measured, base, 2.0, "frozen bare window"),
        *overview_line("5 frozen", measured, base, "frozen bare window"),
        memory_line(name, measured, base, 2.0, "frozen bare window"),
    ]


def executable(folder: Path, names: Sequence[str]) -> Path:
    for name in names:
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return candidate
    raise SystemExit(f"{folder} holds none of {', '.join(names)}")


def describe_register(register: Path, env: dict[str, str]) -> str:
    listed = subprocess.run(
        program("groups", "--database", str(register), "--json"),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    groups = json.loads(listed.stdout)
    return f"{register.stat().st_size / 1024 / 1024:.1f} MiB, {len(groups)} groups"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="runs of each measure (median); default 5")
    parser.add_argument(
        "--years", type=int, default=20, help="years of demo data in the register; default 20"
    )
    parser.add_argument("--frozen", type=Path, help="the frozen program's folder (with biv-desktop in it)")
    parser.add_argument("--frozen-bare", type=Path, help="a frozen bare_window.py's folder")
    parser.add_argument(
        "--only",
        choices=["start", "pdf", "window", "frozen"],
        action="append",
        help="measure only these parts",
    )
    args = parser.parse_args(argv)
    parts = set(args.only or ["start", "pdf", "window", "frozen"])
    with tempfile.TemporaryDirectory(prefix="biv-benchmark-") as name:
        folder = Path(name)
        env = child_env(folder)
        register = folder / "demo.sqlite"
        made = time.perf_counter()
        subprocess.run(
            program("demo-data", str(register), "--years", str(args.years)),
            env=env,
            check=True,
            capture_output=True,
        )
        made = time.perf_counter() - made
        load = os.getloadavg()
        print(
            f"BIV Desktop benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()} on "
            f"{platform.system()}, {os.cpu_count()} CPU cores, load average {load[0]:.1f} at the start; "
            f"QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}"
        )
        print(
            f"Register: {args.years} years of demo data ({describe_register(register, env)}), made in {made:.1f} s. "
            f"Medians of {args.runs} runs each, measure and baseline alternating."
        )
        lines: list[Line] = []
        if "start" in parts:
            lines += measure_start(args.runs, register, env)
        if "pdf" in parts:
            lines += measure_pdfs(args.runs, register, folder, env)
        if "window" in parts:
            lines += measure_in_window(args.runs, register, folder, env)
        notes = []
        if "frozen" in parts:
            if args.frozen is not None and args.frozen_bare is not None:
                lines += measure_frozen(
                    args.runs,
                    executable(args.frozen, ["biv-desktop"]),
                    executable(args.frozen_bare, ["bare_window", "bare-window"]),
                    register,
                    env,
                )
            else:
                notes.append(
                    "5 frozen start: not measured (give --frozen DIR and --frozen-bare DIR, built beforehand)"
                )
        print()
        print(table(lines))
        for note in notes:
            print(note)
        print(f"Load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
