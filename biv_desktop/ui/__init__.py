"""The Qt window: application start, main window and one module or package per screen.

Only this package imports Qt. Screens get their data from ``biv_desktop.services`` as frozen read models
and never touch SQLAlchemy.
"""
