"""The Utbildning page: the group-leader training courses, who took part, and the municipality's places."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from biv_desktop.services.staff import (
    CourseRow,
    MunicipalPlaces,
    TraineeRow,
    complete_trainee,
    delete_course,
    list_courses,
    list_leaders,
    municipal_places,
    remove_trainee,
    undo_completion,
)
from biv_desktop.store.database import Database
from biv_desktop.ui.common.confirm import ask_to_delete
from biv_desktop.ui.common.list_screen import ListTab, ListTexts
from biv_desktop.ui.common.row_model import ROW_ROLE, Column, RowTableModel
from biv_desktop.ui.common.service_call import service_result
from biv_desktop.ui.common.styles import ERROR_STYLE
from biv_desktop.ui.common.table import make_table
from biv_desktop.ui.common.table_columns import fit_columns
from biv_desktop.ui.followup.common import tr
from biv_desktop.ui.formatting import period
from biv_desktop.ui.page import Page, heading


def course_columns() -> list[Column[CourseRow]]:
    return [
        Column(tr("Utbildning"), lambda r: r.name),
        Column(
            tr("Startar"),
            lambda r: r.starts_on.isoformat(),
            sort=lambda r: f"{r.starts_on.isoformat()} {r.id:09d}",
            tooltip=lambda r: period(r.starts_on, r.ends_on),
        ),
        Column(
            tr("Platser"), lambda r: str(len(r.trainees)), sort=lambda r: len(r.trainees), align_center=True
        ),
        Column(
            tr("Kommunen"),
            lambda r: str(r.municipal_places),
            sort=lambda r: r.municipal_places,
            align_center=True,
        ),
    ]


def trainee_columns() -> list[Column[TraineeRow]]:
    def completed(row: TraineeRow) -> str:
        return tr("Genomförd {day}").format(day=row.completed_on.isoformat()) if row.completed_on else ""

    return [
        Column(tr("Namn"), lambda r: r.name),
        Column(tr("Gruppledare"), lambda r: tr("Ja") if r.leader_id is not None else "", align_center=True),
        Column(tr("Organisation"), lambda r: r.organisation_label),
        Column(
            tr("Genomförd"), completed, sort=lambda r: r.completed_on.isoformat() if r.completed_on else ""
        ),
    ]


class CoursesList(ListTab[CourseRow]):
    """The courses, the latest first."""

    def __init__(self, page: "TrainingPage") -> None:
        self.page = page
        super().__init__(page.database)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        # Fitted when the courses are read (not by Qt at every layout, which painted the list twice at the
        # page's first showing); the name takes what is left.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setWordWrap(False)

    def refresh(self) -> None:
        super().refresh()
        fit_columns(self.table, {}, stretch=0)

    def columns(self) -> list[Column[CourseRow]]:
        return course_columns()

    def texts(self) -> ListTexts:
        return ListTexts(
            name=tr("Utbildningar"),
            new=tr("&Ny utbildning…"),
            empty=tr("Inga utbildningar är registrerade ännu."),
        )

    def load(self) -> list[CourseRow]:
        return service_result(self, tr("Utbildning"), lambda: list_courses(self.database)) or []

    def edit(self, row: CourseRow | None) -> CourseRow | None:
        from biv_desktop.ui.training.dialogs import CourseDialog  # loaded when first opened

        return self.run_editor(CourseDialog(self.database, row, self.page.today, self))

    def delete(self, row: CourseRow) -> bool:
        question = tr("Ta bort utbildningen {name}?").format(name=row.name)
        if not ask_to_delete(
            self, tr("Ta bort utbildning"), question, tr("Deltagarna på kursen tas också bort.")
        ):
            return False

        def remove() -> bool:
            delete_course(self.database, row.id)
            return True

        return service_result(self, tr("Ta bort utbildning"), remove) is True

    def show_details(self, row: CourseRow | None) -> None:
        self.page.show_course(row)


class TrainingPage(Page):
    """The group-leader training: courses on the left, the chosen one's trainees on the right."""

    def __init__(
        self, database: Database, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Utbildning"), database, parent)
        self._today = today
        self.course: CourseRow | None = None
        self.places_label = QLabel()
        bold = QFont(self.places_label.font())
        bold.setBold(True)
        self.places_label.setFont(bold)
        self.places_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setStyleSheet(ERROR_STYLE)
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()

        self.courses = CoursesList(self)
        self.course_heading = QLabel()
        self.course_heading.setFont(bold)
        self.course_facts = QLabel()
        self.course_facts.setWordWrap(True)
        self.trainees_model: RowTableModel[TraineeRow] = RowTableModel(trainee_columns(), self)
        self.trainees = make_table(
            self.trainees_model, tr("Deltagare på utbildningen"), wrap=True, sortable=False
        )
        self.trainees.activated.connect(lambda _index: self.edit_trainee())
        self.trainees.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        remove_action = QAction(tr("Ta bort deltagaren"), self.trainees)
        remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove_action.triggered.connect(self.remove_trainee)
        self.trainees.addAction(remove_action)

        self.add_button = QPushButton(tr("&Lägg till deltagare…"))
        self.add_button.clicked.connect(self.add_trainee)
        self.edit_button = QPushButton(tr("&Ändra…"))
        self.edit_button.clicked.connect(self.edit_trainee)
        self.remove_button = QPushButton(tr("&Ta bort"))
        self.remove_button.clicked.connect(self.remove_trainee)
        self.complete_button = QPushButton(tr("&Markera som genomförd"))
        self.complete_button.setToolTip(
            tr("Deltagaren har gått hela utbildningen; en gruppledare blir utbildad.")
        )
        self.complete_button.clicked.connect(self.complete)
        self.undo_button = QPushButton(tr("&Ångra genomförd"))
        self.undo_button.clicked.connect(self.undo)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.undo_button)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(12, 0, 0, 0)
        detail_layout.addWidget(self.course_heading)
        detail_layout.addWidget(self.course_facts)
        detail_layout.addWidget(self.trainees, 1)
        detail_layout.addLayout(buttons)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.setChildrenCollapsible(False)
        body.addWidget(self.courses)
        body.addWidget(detail)
        body.setSizes([560, 520])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        layout.addWidget(self.places_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(body, 1)
        self.show_course(None)

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def set_database(self, database: Database) -> None:
        super().set_database(database)
        self.courses.database = database

    def refresh(self) -> None:
        self.courses.refresh()
        self.show_places(
            service_result(self, tr("Utbildning"), lambda: municipal_places(self.database, self.today))
        )

    def show_places(self, places: MunicipalPlaces | None) -> None:
        if places is None:
            self.places_label.setText(
                tr("Inget avtal gäller i dag, så kommunens utbildningsplatser räknas inte.")
            )
            self.warning_label.hide()
            return
        self.places_label.setText(
            tr("Kommunens utbildningsplatser avtalsåret {year}: {used} av {quota} använda.").format(
                year=period(places.year_starts_on, places.year_ends_on), used=places.used, quota=places.quota
            )
        )
        self.warning_label.setText(places.warning)
        self.warning_label.setVisible(bool(places.warning))

    def show_course(self, course: CourseRow | None) -> None:
        self.course = course
        chosen = self.current_trainee()
        self.trainees_model.set_rows(course.trainees if course else ())
        # The name takes what is left; a long organisation wraps, so that the completion date stays in view.
        fit_columns(self.trainees, {2: 220}, stretch=0)
        if course is None:
            self.course_heading.setText(tr("Välj en utbildning i listan."))
            self.course_facts.setText("")
        else:
            self.course_heading.setText(course.name)
            facts = [period(course.starts_on, course.ends_on)]
            facts += [
                text
                for text in (
                    course.place,
                    course.trainers and tr("Utbildare: {names}").format(names=course.trainers),
                )
                if text
            ]
            facts.append(
                tr("{count} deltagare, varav {municipal} från kommunen; {completed} har genomfört.").format(
                    count=len(course.trainees), municipal=course.municipal_places, completed=course.completed
                )
            )
            self.course_facts.setText(" · ".join(facts))
            if chosen is not None:
                self.select_trainee(chosen.id)
        self._update_buttons()

    def current_trainee(self) -> TraineeRow | None:
        index = self.trainees.currentIndex()
        row: TraineeRow | None = index.data(ROW_ROLE) if index.isValid() else None
        return row

    def select_trainee(self, trainee_id: int) -> None:
        for position, row in enumerate(self.trainees_model.rows()):
            if row.id == trainee_id:
                self.trainees.setCurrentIndex(self.trainees_model.index(position, 0))

    def _update_buttons(self) -> None:
        trainee = self.current_trainee()
        self.add_button.setEnabled(self.course is not None)
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(trainee is not None)
        self.complete_button.setEnabled(trainee is not None and not trainee.completed)
        self.undo_button.setEnabled(trainee is not None and trainee.completed)

    def _after_change(self, trainee_id: int | None) -> None:
        course_id = self.course.id if self.course else None
        self.refresh()
        self.courses.select_id(course_id)
        if trainee_id is not None:
            self.select_trainee(trainee_id)
        self._update_buttons()

    def _open_trainee_dialog(self, trainee: TraineeRow | None) -> None:
        if self.course is None:
            return
        leaders = (
            service_result(self, tr("Utbildning"), lambda: list_leaders(self.database, self.today)) or []
        )
        from biv_desktop.ui.training.dialogs import TraineeDialog  # loaded when first opened

        dialog = TraineeDialog(self.database, self.course, leaders, trainee, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._after_change(dialog.saved.id)

    def add_trainee(self) -> None:
        self._open_trainee_dialog(None)

    def edit_trainee(self) -> None:
        trainee = self.current_trainee()
        if trainee is not None:
            self._open_trainee_dialog(trainee)

    def remove_trainee(self) -> None:
        trainee = self.current_trainee()
        if trainee is None:
            return
        question = tr("Ta bort {name} från utbildningen?").format(name=trainee.name)
        if not ask_to_delete(self, tr("Ta bort deltagare"), question):
            return

        def remove() -> bool:
            remove_trainee(self.database, trainee.id)
            return True

        if service_result(self, tr("Ta bort deltagare"), remove):
            self._after_change(None)

    def complete(self) -> None:
        trainee = self.current_trainee()
        if trainee is None:
            return
        done = service_result(
            self, tr("Markera som genomförd"), lambda: complete_trainee(self.database, trainee.id, self.today)
        )
        if done is not None:
            self._after_change(done.id)

    def undo(self) -> None:
        trainee = self.current_trainee()
        if trainee is None:
            return
        undone = service_result(
            self, tr("Ångra genomförd"), lambda: undo_completion(self.database, trainee.id)
        )
        if undone is not None:
            self._after_change(undone.id)
