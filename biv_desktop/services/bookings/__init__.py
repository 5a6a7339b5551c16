"""Interpreter bookings and hours: each session's booking state with the agency, the sessions soon to come whose
interpreter is not confirmed, the booking list per agency, and the hours to check an invoice against.

The area's public face: the window and the command line import from here only.
"""

from biv_desktop.services.faces import lazy_face

# Each module is imported when one of its names (in __init__.pyi) is first used (services/faces.py).
__getattr__, __all__ = lazy_face(__name__, __file__)
