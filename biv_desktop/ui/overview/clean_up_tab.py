"""The overview's 'Gallring' tab: how many people are due for clean-up (the privacy rule in
``services.privacy``), who they are by role, and the way into the clean-up view."""

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from biv_desktop.domain.enums import Role
from biv_desktop.services.privacy import due_counts
from biv_desktop.store.database import Database
from biv_desktop.ui.common.styles import ERROR_STYLE
from biv_desktop.ui.common.text import translator

tr = translator("Overview")
# The clean-up view's role names, counted: one and many.
ROLE_FORMS = {
    Role.CHILD.label: ("barn", "barn"),
    Role.GUARDIAN.label: ("förälder/vårdnadshavare", "föräldrar/vårdnadshavare"),
    "Gruppledare": ("gruppledare", "gruppledare"),
    "Tolk": ("tolk", "tolkar"),
}


def _place(role: str) -> int:
    """Where a role comes among roles due in equal numbers: in ROLE_FORMS's order."""
    order = list(ROLE_FORMS)
    return order.index(role) if role in order else len(order)


def counted(role: str, count: int) -> str:
    """'1 tolk', '3 tolkar', '36 föräldrar/vårdnadshavare'."""
    one, many = ROLE_FORMS.get(role, (role.lower(), role.lower()))
    return f"{count} {one if count == 1 else many}"


class CleanUpDue(QWidget):
    """'110 personer ska gallras …' and a button that opens the clean-up view."""

    def __init__(
        self, database: Database, on_change: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.on_change = on_change
        self.today = dt.date.today()
        self.count = 0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.open_button = QPushButton(tr("&Öppna gallringen…"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda _checked=False: self.open_clean_up())
        row = QHBoxLayout()
        row.addWidget(self.detail, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addStretch(1)

    def refresh(self, today: dt.date) -> int:
        self.today = today
        roles = due_counts(self.database, today)
        due = sum(roles.values())
        self.count = due
        self.open_button.setEnabled(bool(due))
        if not due:
            self.summary.setText(tr("Ingen är förfallen till gallring i dag."))
            self.summary.setStyleSheet("")
            self.detail.setText("")
            return 0
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(
            tr("1 person ska gallras: uppgifterna behövs inte längre.")
            if due == 1
            else tr("{count} personer ska gallras: deras uppgifter behövs inte längre.").format(count=due)
        )
        self.detail.setText(
            ", ".join(
                counted(role, count)
                for role, count in sorted(roles.items(), key=lambda item: (-item[1], _place(item[0])))
            )
            + ". "
            + tr("Gallringen anonymiserar dem; statistiken finns kvar.")
        )
        return due

    def open_clean_up(self) -> None:
        """Open the clean-up view: the window's own action (with its backups folder) when there is one."""
        window = self.window()
        actions = getattr(window, "privacy_actions", None)
        if actions is not None:
            actions.open_clean_up()
        else:
            from biv_desktop.ui.privacy.clean_up_dialog import CleanUpDialog  # the view, when it is opened

            CleanUpDialog(self.database, today=self.today, parent=self).exec()
        self.on_change()
