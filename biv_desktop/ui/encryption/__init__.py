"""The encrypted register in the window: its passphrase at start, the Kryptering settings tab, the recovery sheet."""
