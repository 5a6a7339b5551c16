"""The top of a group's detail: its facts, and its leaders and interpreter with what their staffing lacks."""

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from biv_desktop.domain.enums import SessionStatus
from biv_desktop.services.groups import GroupDetail, StaffMember
from biv_desktop.ui.common.styles import WARNING_STYLE
from biv_desktop.ui.formatting import day_and_time
from biv_desktop.ui.groups.fields import tr


def status_line(detail: GroupDetail) -> str:
    """E.g. 'Planerad · BIV – Barn i väntan · Barngrupp · vt 2026'."""
    parts = (
        detail.status.label,
        f"{detail.programme.label} – {detail.programme.long_label}",
        detail.kind.label,
        detail.term,
    )
    return " · ".join(parts)


def period_text(detail: GroupDetail) -> str:
    held = [s for s in detail.sessions if s.status is not SessionStatus.CANCELLED]
    if not held:
        return tr("Inga träffar")
    counts = tr("{held} hållna, {planned} planerade, {cancelled} inställda").format(
        held=detail.count(SessionStatus.HELD),
        planned=detail.count(SessionStatus.PLANNED),
        cancelled=detail.count(SessionStatus.CANCELLED),
    )
    return f"{held[0].date.isoformat()} – {held[-1].date.isoformat()} ({counts})"


def person_text(person: StaffMember | None) -> str:
    if person is None:
        return tr("(ingen vald)")
    details = [person.note, person.phone] + ([] if person.active else [tr("inaktiv")])
    return f"{person.name} – {', '.join(part for part in details if part)}"


def _label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FactsPanel(QWidget):
    """Facts on the left, staff on the right; ``open_group`` asks to show a linked group instead."""

    open_group = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language, self.ages, self.premises, self.when = _label(), _label(), _label(), _label()
        self.period, self.participants, self.plan = _label(), _label(), _label()
        self.linked = QLabel()
        self.linked.setWordWrap(True)
        self.linked.setTextFormat(Qt.TextFormat.RichText)
        self.linked.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                            | Qt.TextInteractionFlag.LinksAccessibleByMouse)  # fmt: skip
        self.linked.linkActivated.connect(lambda link: self.open_group.emit(int(link)))
        facts = QFormLayout()
        for text, label in (
            (tr("Språk:"), self.language),
            (tr("Ålder:"), self.ages),
            (tr("Lokal:"), self.premises),
            (tr("Dag och tid:"), self.when),
            (tr("Träffar:"), self.period),
            (tr("Deltagare:"), self.participants),
            (tr("Temaplan:"), self.plan),
            (tr("Hör ihop med:"), self.linked),
        ):
            facts.addRow(text, label)
        facts_box = QGroupBox(tr("Fakta"))
        facts_box.setLayout(facts)

        self.leader1, self.leader2, self.interpreter = _label(), _label(), _label()
        self.staffing = QLabel()
        self.staffing.setWordWrap(True)
        self.staffing.setStyleSheet(WARNING_STYLE)
        staff = QFormLayout()
        staff.addRow(tr("Gruppledare 1:"), self.leader1)
        staff.addRow(tr("Gruppledare 2:"), self.leader2)
        staff.addRow(tr("Tolk:"), self.interpreter)
        staff_column = QVBoxLayout()
        staff_column.addLayout(staff)
        staff_column.addWidget(self.staffing)
        staff_column.addStretch(1)
        staff_box = QGroupBox(tr("Gruppledare och tolk"))
        staff_box.setLayout(staff_column)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(facts_box, 1)
        layout.addWidget(staff_box, 1)

    def show_group(self, detail: GroupDetail, today: dt.date) -> None:
        self.language.setText(detail.language[:1].upper() + detail.language[1:])
        self.ages.setText(detail.age_band_label or tr("Vuxna (föräldragrupp)"))
        district = f" ({detail.district})" if detail.district and detail.district != detail.premises else ""
        self.premises.setText(detail.premises + district)
        self.when.setText(day_and_time(detail.weekday, detail.start_time, detail.end_time))
        self.period.setText(period_text(detail))
        text = tr("{enrolled} av {capacity} platser").format(
            enrolled=detail.enrolled, capacity=detail.capacity
        )
        if detail.left:
            text += tr(" ({left} har slutat)").format(left=detail.left)
        self.participants.setText(text)
        self.plan.setText(detail.theme_plan_name or tr("(ingen temaplan)"))
        links = [(tr("Barngrupp"), detail.children_group)] if detail.children_group else []
        links += [(tr("Föräldragrupp"), link) for link in detail.parents_groups]
        self.linked.setText(
            "<br>".join(
                f'{kind}: <a href="{link.id}">{html.escape(link.name)}</a>' for kind, link in links if link
            )
            or tr("–")
        )
        self.leader1.setText(person_text(detail.leader1))
        self.leader2.setText(person_text(detail.leader2))
        self.interpreter.setText(person_text(detail.interpreter))
        ahead = [s for s in detail.planned_from(today) if s.staffing_problems]
        problems = list(detail.staffing_problems)
        if ahead and not problems:
            problems.append(
                tr("{count} träffar framöver saknar bemanning; se Träffar.").format(count=len(ahead))
            )
        self.staffing.setText(tr("Bemanning:") + "".join(f"\n• {problem}" for problem in problems))
        self.staffing.setVisible(bool(problems))
