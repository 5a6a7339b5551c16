"""The follow-up: the report's figures, the agreement, evaluations, communication efforts, meetings and the overview.

The area's public face: the window and the command line import from here only; the modules inside
are the area's own.
"""

from biv_desktop.services.faces import lazy_face

# Each module is imported when one of its names (in __init__.pyi) is first used (services/faces.py).
__getattr__, __all__ = lazy_face(__name__, __file__)
