"""The training editors: a course (name, dates, place, trainers) and a place on it (a leader or another person)."""

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from biv_desktop.domain.enums import Organisation
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.staff import (
    CourseDraft,
    CourseRow,
    LeaderRow,
    TraineeDraft,
    TraineeRow,
    add_trainee,
    edit_trainee,
    save_course,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.dates import date_edit, date_of
from biv_desktop.ui.common.editor import EditorDialog
from biv_desktop.ui.followup.common import tr


class CourseDialog(EditorDialog[CourseRow]):
    """Adds or edits a group-leader training course."""

    def __init__(
        self,
        database: Database,
        course: CourseRow | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tr("Ny utbildning") if course is None else tr("Utbildning – {name}").format(name=course.name),
            database,
            parent,
        )
        self.course = course
        self.name = QLineEdit(course.name if course else "")
        self.name.setPlaceholderText(tr("t.ex. Gruppledarutbildning våren 2026"))
        self.starts_on = date_edit(course.starts_on if course else today)
        self.ends_on = date_edit(course.ends_on if course else today)
        self.place = QLineEdit(course.place if course else "")
        self.trainers = QLineEdit(course.trainers if course else "")
        self.trainers.setPlaceholderText(tr("Vilka som håller i utbildningen"))
        if course is None:
            # A one-day course unless changed: the last day follows the first until the user sets it.
            self.starts_on.dateChanged.connect(
                lambda day: self.ends_on.setDate(day) if self.ends_on.date() < day else None
            )
        self.errors.add_row("name", tr("&Namn:"), self.name)
        self.errors.add_row("starts_on", tr("&Första dag:"), self.starts_on)
        self.errors.add_row("ends_on", tr("&Sista dag:"), self.ends_on)
        self.errors.add_row("place", tr("&Plats:"), self.place)
        self.errors.add_row("trainers", tr("&Utbildare:"), self.trainers)

    def draft(self) -> CourseDraft:
        return CourseDraft(
            name=self.name.text(),
            starts_on=date_of(self.starts_on),
            ends_on=date_of(self.ends_on),
            place=self.place.text(),
            trainers=self.trainers.text(),
        )

    def save(self, override: bool) -> CourseRow:
        return save_course(self.database, self.draft(), self.course.id if self.course else None)


class TraineeDialog(EditorDialog[TraineeRow]):
    """Gives one of our leaders, or someone from elsewhere (e.g. the municipality), a place on a course."""

    def __init__(
        self,
        database: Database,
        course: CourseRow,
        leaders: Sequence[LeaderRow],
        trainee: TraineeRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = tr("Ny deltagare – {course}") if trainee is None else tr("Deltagare – {course}")
        super().__init__(title.format(course=course.name), database, parent)
        self.course = course
        self.trainee = trainee
        self.leaders = {leader.id: leader for leader in leaders}
        self.is_leader = QRadioButton(tr("En av &gruppledarna"))
        self.is_other = QRadioButton(tr("&Någon annan"))
        kind = QButtonGroup(self)
        kind.addButton(self.is_leader)
        kind.addButton(self.is_other)
        who = QWidget()
        who_layout = QHBoxLayout(who)
        who_layout.setContentsMargins(0, 0, 0, 0)
        who_layout.addWidget(self.is_leader)
        who_layout.addWidget(self.is_other)
        who_layout.addStretch(1)
        self.leader = QComboBox()
        self.leader.setAccessibleName(tr("Gruppledare"))
        taken = {
            t.leader_id
            for t in course.trainees
            if t.leader_id is not None and (trainee is None or t.id != trainee.id)
        }
        for leader in leaders:
            if leader.id in taken or (
                not leader.active and (trainee is None or trainee.leader_id != leader.id)
            ):
                continue
            self.leader.addItem(
                leader.full_name + ("" if not leader.trained else tr(" (utbildad)")), leader.id
            )
        self.external_name = QLineEdit()
        self.external_name.setPlaceholderText(tr("För- och efternamn"))
        self.organisation = QComboBox()
        for organisation in Organisation:
            self.organisation.addItem(organisation.label, organisation.value)
        self.organisation_name = QLineEdit()
        self.organisation_name.setPlaceholderText(tr("t.ex. Socialförvaltningen eller Röda korset"))

        self.form.addRow(tr("Vem:"), who)
        self.errors.add_row("leader_id", tr("G&ruppledare:"), self.leader)
        self.errors.add_row("external_name", tr("Na&mn:"), self.external_name)
        self.errors.add_row("organisation", tr("&Organisation:"), self.organisation)
        self.errors.add_row("organisation_name", tr("Organisationens n&amn:"), self.organisation_name)
        self.is_leader.toggled.connect(self._kind_changed)
        self.leader.currentIndexChanged.connect(self._leader_chosen)

        if trainee is not None:
            self.is_leader.setChecked(trainee.leader_id is not None)
            self.is_other.setChecked(trainee.leader_id is None)
            if trainee.leader_id is not None:
                self.leader.setCurrentIndex(self.leader.findData(trainee.leader_id))
            self.external_name.setText(trainee.external_name)
            self.organisation.setCurrentIndex(self.organisation.findData(trainee.organisation.value))
            self.organisation_name.setText(trainee.organisation_name)
        else:
            # The municipality's places are what the coordinator most often records for others.
            self.is_other.setChecked(True)
            self.organisation.setCurrentIndex(self.organisation.findData(Organisation.MUNICIPALITY.value))
        self._kind_changed()

    def _kind_changed(self) -> None:
        leader = self.is_leader.isChecked()
        self.leader.setEnabled(leader)
        self.external_name.setEnabled(not leader)
        if leader:
            self._leader_chosen()

    def _leader_chosen(self) -> None:
        leader = self.leaders.get(self.leader.currentData())
        if leader is not None and self.is_leader.isChecked() and self.trainee is None:
            self.organisation.setCurrentIndex(self.organisation.findData(leader.organisation.value))
            self.organisation_name.setText(leader.organisation_name)

    def draft(self) -> TraineeDraft:
        leader_id = self.leader.currentData() if self.is_leader.isChecked() else None
        return TraineeDraft(
            leader_id=leader_id,
            external_name="" if leader_id is not None else self.external_name.text(),
            organisation=Organisation(self.organisation.currentData()),
            organisation_name=self.organisation_name.text(),
        )

    def save(self, override: bool) -> TraineeRow:
        draft = self.draft()
        if self.is_leader.isChecked() and draft.leader_id is None:
            raise ValidationError(
                "leader_id", tr("Välj en gruppledare, eller välj Någon annan och skriv namnet.")
            )
        if self.trainee is None:
            return add_trainee(self.database, self.course.id, draft)
        return edit_trainee(self.database, self.trainee.id, draft)
