"""BIV Desktop: planning, attendance and follow-up for the Barn i väntan / Barn i start support groups."""

__version__ = "0.1.0"
