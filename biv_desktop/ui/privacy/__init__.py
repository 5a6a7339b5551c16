"""Privacy in the window: the Gallring dialog (Arkiv → Gallring av personuppgifter…), the register extract
and deleting a participant on request."""
