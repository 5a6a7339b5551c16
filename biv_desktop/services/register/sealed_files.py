"""What the window and the command line need to know about sealed files (see ``store.sealed``): whether a
file is sealed, and whether a new passphrase is good enough."""

from biv_desktop.store.sealed import SHORTEST_PASSPHRASE, SUFFIX, check_new_passphrase, is_sealed

__all__ = ["SHORTEST_PASSPHRASE", "SUFFIX", "check_new_passphrase", "is_sealed"]
