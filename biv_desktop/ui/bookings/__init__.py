"""Interpreter bookings in the window: a session's booking form, the agency's booking list."""
