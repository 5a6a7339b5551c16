"""The settings page: general settings, break weeks and theme plans."""
