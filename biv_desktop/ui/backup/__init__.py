"""Keeping the data safe from the window: backup, restore and export, and the checks at start-up."""
