"""The handbook shown inside the program: Hjälp → Handbok and F1, offline, from resources/handbook.

``install_handbook(window, menu, current_page)`` adds the menu entry and F1; F1 opens the section about
the page shown (``sections.section_for``).
"""
