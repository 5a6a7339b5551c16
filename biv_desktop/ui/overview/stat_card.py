"""A card with one figure: a big number, what it counts, and what it is measured against."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


class StatCard(QFrame):
    """One key figure of the overview, e.g. '4 av 6' groups started this agreement year."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setStyleSheet(
            "#StatCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        self.value_label = QLabel()
        big = QFont(self.value_label.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.value_label.setFont(big)
        self.of_label = QLabel()
        larger = QFont(self.of_label.font())
        larger.setPointSizeF(larger.pointSizeF() * 1.3)
        self.of_label.setFont(larger)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        muted = self.detail_label.palette()
        muted.setColor(QPalette.ColorRole.WindowText, muted.color(QPalette.ColorRole.PlaceholderText))
        self.detail_label.setPalette(muted)

        figure = QHBoxLayout()
        figure.setSpacing(8)
        figure.addWidget(self.value_label, 0, Qt.AlignmentFlag.AlignBaseline)
        figure.addWidget(self.of_label, 0, Qt.AlignmentFlag.AlignBaseline)
        figure.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        layout.addWidget(self.caption_label)
        layout.addLayout(figure)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)

    def show_figure(self, value: str, of: str = "", detail: str = "") -> None:
        """Show a number, optionally 'av N', with a line of detail under it."""
        self.value_label.setText(value)
        self.of_label.setText(of)
        self.of_label.setVisible(bool(of))
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.setAccessibleName(" ".join(part for part in (self.caption_label.text(), value, of) if part))
