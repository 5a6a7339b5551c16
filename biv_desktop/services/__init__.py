"""Use cases: the only way the window and the command line reach the data.

Every public function takes the open ``Database`` first, runs in one transaction, validates its input
(raising ``ValidationError`` with a Swedish sentence) and returns frozen read models, never ORM objects.
"""
