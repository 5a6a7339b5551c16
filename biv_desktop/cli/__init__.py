"""The ``biv-desktop`` command: no sub-command opens the window; sub-commands run headless.

Every sub-command is one small function registered with ``@command`` (cli.parser); it gets the parsed
arguments and returns the exit status. Heavy imports (Qt, SQLAlchemy, the services) happen inside those
functions, so ``--version`` and ``--help`` start at once and headless commands never load Qt.

Modules: parser (the registry, the Swedish parser, ``main``), window (no sub-command), headless (shared by
the headless commands), commands (demo-data, groups), report (the printed attendance sheets).
"""

# Importing the command modules registers their sub-commands, in the order the help lists them.
from biv_desktop.cli import commands, report
from biv_desktop.cli.parser import COMMANDS, Command, CommandError, build_parser, command, main

__all__ = ["COMMANDS", "Command", "CommandError", "build_parser", "command", "commands", "main", "report"]

# Importing these registers their commands: interpreter bookings and hours (cli.bookings); backup, restore
# and the JSON export and import (cli.data); personal schedules as PDF or .ics (cli.schedules).
from biv_desktop.cli import (
    bookings,  # noqa: F401  (importing it registers the command)
    data,  # noqa: F401  (importing it registers the commands)
    schedules,  # noqa: F401  (importing it registers the command)
)
