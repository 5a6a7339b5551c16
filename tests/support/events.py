"""Counting what a widget is sent: paints, shows, paint passes (a test's eyes on what Qt does)."""

from collections import Counter

from PySide6.QtCore import QEvent, QObject


class Events(QObject):
    """Counts the events of one kind that ``objects`` receive, in all and by each one's object name."""

    def __init__(self, kind: QEvent.Type, *objects: QObject) -> None:
        super().__init__()
        self.kind = kind
        self.count = 0
        self.by_name: Counter[str] = Counter()
        for watched in objects:
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self.kind:
            self.count += 1
            self.by_name[watched.objectName()] += 1
        return False
