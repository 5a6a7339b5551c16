"""Fictional demo data, from a seed, at any size: ``write_demo_database`` fills a new register."""

from biv_desktop.demo.build import DemoSummary, write_demo_database

__all__ = ["DemoSummary", "write_demo_database"]
