"""Importing the coordinator's existing list (XLSX or CSV) of participants, families and the waiting list.

reading (the file, its sheets, its header row) → columns (which column is which field; the words in the
cells) → checking (every row against the register's rules) → preview (what would happen to each row) →
writing (every accepted row in one transaction). The participants face re-exports what the window and the
command line use.
"""
