"""The register's own commands: writing demo data and listing the groups."""

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from biv_desktop.cli.headless import add_database_option, database_path, open_existing
from biv_desktop.cli.parser import CommandError, command

if TYPE_CHECKING:
    from biv_desktop.services.groups import GroupRow

MAX_DEMO_YEARS = 30


def _years(text: str) -> int:
    try:
        years = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"antalet år ska vara ett heltal, inte {text!r}") from None
    if not 1 <= years <= MAX_DEMO_YEARS:
        raise argparse.ArgumentTypeError(f"antalet år ska vara mellan 1 och {MAX_DEMO_YEARS}, inte {years}")
    return years


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"fröet ska vara ett heltal, inte {text!r}") from None


# ---- demo-data ------------------------------------------------------------------------------------


def _demo_data_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="FIL", help="den nya databasfilen (får inte finnas)")
    parser.add_argument(
        "--years",
        type=_years,
        default=3,
        metavar="ÅR",
        help=f"hur många års verksamhet, 1–{MAX_DEMO_YEARS} (standard: 3)",
    )
    parser.add_argument(
        "--seed", type=_seed, default=2026, metavar="FRÖ", help="samma frö ger samma data (standard: 2026)"
    )


@command("demo-data", "skriv en ny databas med påhittade demodata", _demo_data_arguments)
def _demo_data(args: argparse.Namespace) -> int:
    from biv_desktop.demo import write_demo_database

    path: Path = args.path.expanduser()
    # A file where a folder should be would otherwise surface as a puzzling "file exists".
    existing = next(folder for folder in path.absolute().parents if folder.exists())
    if not existing.is_dir():
        raise CommandError(f"{existing} är en fil, inte en mapp. Välj en plats i en mapp där du får skriva.")
    summary = write_demo_database(path, years=args.years, seed=args.seed)
    print(f"Demodatabasen {path} är skriven med påhittade uppgifter ({args.years} år, frö {args.seed}).")
    print("\n".join(summary.lines()))
    return 0


# ---- groups ---------------------------------------------------------------------------------------


def _groups_arguments(parser: argparse.ArgumentParser) -> None:
    add_database_option(parser)
    parser.add_argument(
        "--json", action="store_true", help="skriv grupperna som JSON i stället för en tabell"
    )


@command("groups", "lista grupperna", _groups_arguments)
def _groups(args: argparse.Namespace) -> int:
    from biv_desktop.services.groups import list_groups

    database = open_existing(database_path(args))
    try:
        rows = list_groups(database)
    finally:
        database.close()
    if args.json:
        print(json.dumps([_group_json(row) for row in rows], ensure_ascii=False, indent=2))
    elif not rows:
        print("Det finns inga grupper.")
    else:
        print(_group_table(rows))
    return 0


def _group_table(rows: "Sequence[GroupRow]") -> str:
    lines = [
        (row.start_date.isoformat(), row.status.label, row.name, f"{row.participant_count}/{row.capacity}")
        for row in rows
    ]
    status_width = max(len(line[1]) for line in lines)
    name_width = max(len(line[2]) for line in lines)
    return "\n".join(
        f"{start}  {status:<{status_width}}  {name:<{name_width}}  {places}"
        for start, status, name, places in lines
    )


def _group_json(row: "GroupRow") -> dict[str, Any]:
    return {
        "id": row.id,
        "uuid": row.uuid,
        "name": row.name,
        "programme": row.programme.value,
        "kind": row.kind.value,
        "language": row.language,
        "age_min": row.age_min,
        "age_max": row.age_max,
        "premises": row.premises,
        "district": row.district,
        "start_date": row.start_date.isoformat(),
        "weekday": row.weekday,
        "start_time": row.start_time.strftime("%H:%M"),
        "end_time": row.end_time.strftime("%H:%M"),
        "status": row.status.value,
        "leaders": list(row.leader_names),
        "interpreter": row.interpreter_name or None,
        "participants": row.participant_count,
        "capacity": row.capacity,
    }
