"""Entry point for ``python -m biv_desktop``: the same as the ``biv-desktop`` command."""

from biv_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
