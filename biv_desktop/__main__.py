"""Entry point for ``python -m biv_desktop``."""

from biv_desktop.cli import main

raise SystemExit(main())
