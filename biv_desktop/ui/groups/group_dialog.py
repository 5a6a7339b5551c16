"""Creating, changing and copying a group in one dialog, with the sessions' dates shown before saving.

Open it with one of the functions at the bottom: ``new_group_dialog``, ``edit_group_dialog``,
``copy_group_dialog`` or ``parents_group_dialog``. After Spara, ``saved`` holds the group's detail.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from enum import Enum, auto

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from biv_desktop.domain.enums import GroupKind, Programme, SessionStatus
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.groups import (
    PARENTS_PREFIX,
    GroupDetail,
    GroupDraft,
    GroupPreview,
    ParentsDraft,
    PreviewSession,
    check_update,
    copy_group,
    create_group,
    create_parents_group,
    default_parents_draft,
    group_form_choices,
    linked_parents_draft,
    preview_group,
    preview_parents_group,
    update_group,
)
from biv_desktop.services.staff import SessionTime, suggest_interpreters_for
from biv_desktop.store.database import Database
from biv_desktop.ui.common.screen_fit import scrolling
from biv_desktop.ui.common.service_call import REFUSED, service_call
from biv_desktop.ui.common.unsaved import AsksBeforeDiscarding
from biv_desktop.ui.groups.fields import InterpreterCombo
from biv_desktop.ui.groups.group_form import GroupForm
from biv_desktop.ui.groups.parents_box import ParentsBox
from biv_desktop.ui.groups.preview_panel import PreviewPanel


class Mode(Enum):
    CREATE = auto()
    EDIT = auto()
    COPY = auto()
    PARENTS = auto()  # a parents' group for a saved children's group


class GroupDialog(AsksBeforeDiscarding, QDialog):
    """The group form on the left, the preview of its sessions on the right."""

    def __init__(
        self,
        database: Database,
        mode: Mode,
        *,
        draft: GroupDraft | None = None,
        parents: ParentsDraft | None = None,
        group: GroupDetail | None = None,
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._mode = mode
        self._group = group  # the group edited, or the children's group a parents' group is for
        self._today = today or dt.date.today()
        self._loading = True
        self.saved: GroupDetail | None = None
        self.preview_shown: GroupPreview | None = None
        keep = (group.leader1, group.leader2) if group and mode is Mode.EDIT else ()
        interpreters = (group.interpreter,) if group and mode is Mode.EDIT else ()
        choices = group_form_choices(
            database,
            keep_leader_ids=[person.id for person in keep if person is not None],
            keep_interpreter_ids=[person.id for person in interpreters if person is not None],
        )
        self.form = GroupForm(choices, self._today)
        self.parents_box = ParentsBox(choices)
        self.preview = PreviewPanel()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        # The form scrolls when the screen is lower than the form and the parents' group together (a
        # laptop's 768 pixels less the taskbar, in a font with tall lines), not the dialog off the screen.
        form_and_parents = QWidget()
        left = QVBoxLayout(form_and_parents)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.form)
        left.addWidget(self.parents_box)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(scrolling(form_and_parents), 5)
        columns.addSpacing(12)
        columns.addWidget(self.preview, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.form.errors.general_label())
        layout.addWidget(self.buttons)
        self.resize(1180, 760)

        self._set_up(draft or self._new_draft(choices.group_capacity, choices.session_minutes), parents)
        self.form.changed.connect(self.refresh_preview)
        self.parents_box.changed.connect(self.refresh_preview)
        self._loading = False
        self.refresh_preview()
        self.form.programme.setFocus()

    def _new_draft(self, capacity: int, minutes: int) -> GroupDraft:
        start = self._today + dt.timedelta(days=7 - self._today.weekday())  # next Monday
        return GroupDraft(
            programme=Programme.BIV,
            kind=GroupKind.CHILDREN,
            language_id=None,
            premises_id=None,
            start_date=start,
            weekday=start.weekday(),
            start_time=dt.time(17, 0),
            length_minutes=minutes,
            capacity=capacity,
            theme_plan_id=self.form.choices.default_plan_id(GroupKind.CHILDREN),
        )

    def _set_up(self, draft: GroupDraft, parents: ParentsDraft | None) -> None:
        self.form.fill(draft)
        group = self._group
        if self._mode is Mode.CREATE:
            self.setWindowTitle(self.tr("Ny grupp"))
            self.intro.setText(
                self.tr(
                    "Programmet planerar gruppens träffar en gång i veckan och hoppar över helgdagar och uppehåll."
                )
            )
        elif self._mode is Mode.COPY:
            self.setWindowTitle(self.tr("Kopiera till nästa termin"))
            self.intro.setText(
                self.tr("Samma upplägg nästa termin. Kontrollera datum, ledare och tolk innan du sparar.")
            )
        elif self._mode is Mode.EDIT and group is not None:
            self.setWindowTitle(self.tr("Redigera {name}").format(name=group.name))
            self.intro.setText(
                self.tr("Ändra gruppens uppgifter. Typen (barn- eller föräldragrupp) går inte att ändra.")
            )
            self.form.kind.setEnabled(False)
            self.form.explain_staffing(
                self.tr(
                    "Nya gruppledare eller ny tolk gäller gruppens planerade träffar från i dag som hade "
                    "den tidigare personen, inte träffar som redan har hållits."
                )
            )
            if group.schedule_locked:
                self.form.lock_schedule(
                    self.tr(
                        "Gruppen har redan haft träffar: datum, tider och teman ändrar du för varje träff "
                        "i schemat."
                    )
                )
        elif self._mode is Mode.PARENTS and group is not None:
            self.setWindowTitle(self.tr("Föräldragrupp till {name}").format(name=group.name))
            self.intro.setText(
                self.tr(
                    "Föräldragruppen får barngruppens språk, lokal och program, och föräldrarnas temaplan "
                    "följer barnens teman vecka för vecka."
                )
            )
            self.form.fix_shared()
            if parents is not None:
                self.form.fill_parents(parents)
        if parents is not None and self._mode is Mode.COPY:
            self.parents_box.fill(parents)
            self.parents_box.setChecked(True)
        self._offer_parents()
        self.form.kind.currentIndexChanged.connect(self._offer_parents)

    def _offer_parents(self) -> None:
        """A new children's group can get its parents' group in the same step."""
        offered = self._mode in (Mode.CREATE, Mode.COPY) and self.form.chosen_kind() is GroupKind.CHILDREN
        self.parents_box.setHidden(not offered)

    # The preview.
    def _reschedules(self, draft: GroupDraft) -> bool:
        group = self._group
        assert group is not None
        return (
            draft.start_date,
            draft.weekday,
            draft.start_time,
            draft.length_minutes,
            draft.theme_plan_id,
        ) != (
            group.start_date,
            group.weekday,
            group.start_time,
            group.length_minutes,
            group.theme_plan_id,
        )

    def refresh_preview(self) -> None:
        """Plan the sessions as the form now stands and show them, or say which field stops it."""
        if self._loading:
            return
        draft = self.form.draft()
        end = draft.start_time.hour * 60 + draft.start_time.minute + draft.length_minutes
        if end < 24 * 60:
            self.parents_box.follow_children(draft.weekday, dt.time(end // 60, end % 60))

        def plan(_override: bool) -> GroupPreview | None:
            if self._mode is Mode.EDIT and not self._reschedules(draft):
                self._show_current_sessions(draft)
                return None
            return self._preview(draft)

        preview = service_call(self, self.windowTitle(), plan, invalid=self._preview_waits)
        if preview is REFUSED or preview is None:
            return
        self.preview_shown = preview
        heading = ""
        if self._mode is Mode.EDIT:
            heading = self.tr("Träffarna planeras om när du sparar: {name}").format(name=preview.name)
        self.preview.show_preview(preview, heading)
        if self._mode is not Mode.PARENTS:
            self.form.name.setPlaceholderText(preview.name)
        self._suggest(self.form.interpreter, preview.sessions)
        if preview.parents is not None:
            self._suggest(self.parents_box.interpreter, preview.parents.sessions)

    def _preview(self, draft: GroupDraft) -> GroupPreview:
        if self._mode is Mode.PARENTS:
            assert self._group is not None
            return preview_parents_group(self._database, self._group.id, self.form.parents_draft())
        group_id = self._group.id if self._mode is Mode.EDIT and self._group else None
        return preview_group(self._database, draft, parents=self.parents_box.draft(), group_id=group_id)

    def _show_current_sessions(self, draft: GroupDraft) -> None:
        group = self._group
        assert group is not None
        warnings = check_update(self._database, group.id, draft, self._today)
        sessions = [
            PreviewSession(s.number, s.date, s.start_time, s.end_time, s.theme_title, conflicts=())
            for s in group.sessions
            if s.status is not SessionStatus.CANCELLED
        ]
        self.preview_shown = None
        self.preview.show_sessions(
            self.tr("Gruppens träffar (de ändras inte av det här)"), sessions, warnings
        )
        self._suggest(self.form.interpreter, [item for item in sessions if item.date >= self._today])

    def _preview_waits(self, error: ValidationError) -> None:
        """Say which field stops the sessions from being planned."""
        self.preview_shown = None
        self.preview.show_waiting(
            self.tr("Förhandsvisningen väntar: {message}").format(message=error.message)
        )

    def _suggest(self, combo: InterpreterCombo, sessions: Sequence[PreviewSession]) -> None:
        language_id = self.form.language.currentData()
        if language_id is None:
            combo.show_for(None, "", None)
            return
        times = [SessionTime(("planned", s.number), s.date, s.start_time, s.end_time) for s in sessions]
        group_id = self._group.id if self._mode is Mode.EDIT and self._group else None
        suggestions = service_call(
            self,
            self.windowTitle(),
            lambda _: suggest_interpreters_for(self._database, language_id, times, group_id=group_id),
            invalid=lambda _error: None,  # no suggestions until the form is whole
        )
        combo.show_for(
            language_id, self.form.language_name(), None if suggestions is REFUSED else suggestions
        )

    # Saving.
    def _save(self, override: bool) -> GroupDetail:
        if self._mode is Mode.EDIT:
            assert self._group is not None
            return update_group(
                self._database, self._group.id, self.form.draft(), override=override, today=self._today
            )
        if self._mode is Mode.PARENTS:
            assert self._group is not None
            return create_parents_group(
                self._database, self._group.id, self.form.parents_draft(), override=override
            )
        return create_group(
            self._database,
            self.form.draft(),
            parents=self.parents_box.draft(),
            override=override,
            today=self._today,
        )

    def _show_error(self, error: ValidationError) -> None:
        if error.field.startswith(PARENTS_PREFIX):
            self.parents_box.errors.show(error)
        else:
            self.form.errors.show(error)

    def accept(self) -> None:
        """Save; a field's fault is shown beside it and the dialog stays open with what was typed."""
        self.form.errors.clear()
        self.parents_box.errors.clear()
        result = service_call(
            self,
            self.tr("Spara trots krockar?"),
            lambda override: self._save(override=override),
            invalid=self._show_error,
        )
        if result is REFUSED:
            return
        self.saved = result
        super().accept()


def new_group_dialog(
    database: Database, today: dt.date | None = None, parent: QWidget | None = None
) -> GroupDialog:
    return GroupDialog(database, Mode.CREATE, today=today, parent=parent)


def edit_group_dialog(
    database: Database, group: GroupDetail, today: dt.date | None = None, parent: QWidget | None = None
) -> GroupDialog:
    return GroupDialog(database, Mode.EDIT, draft=group.draft(), group=group, today=today, parent=parent)


def copy_group_dialog(
    database: Database, group: GroupDetail, today: dt.date | None = None, parent: QWidget | None = None
) -> GroupDialog:
    """The next term's group with the same set-up (and its parents' group, if it had one), to check and save."""
    return GroupDialog(
        database,
        Mode.COPY,
        draft=copy_group(database, group.id),
        parents=linked_parents_draft(database, group.id),
        today=today,
        parent=parent,
    )


def parents_group_dialog(
    database: Database, children: GroupDetail, today: dt.date | None = None, parent: QWidget | None = None
) -> GroupDialog:
    """A parents' group for a saved children's group, suggested at the same day after the children's session."""
    suggestion = default_parents_draft(database, children.id)
    # A children's group under way gets a parents' group from now on, not in weeks already past.
    start = max(children.start_date, today or dt.date.today())
    shared = GroupDraft(
        programme=children.programme,
        kind=GroupKind.PARENTS,
        language_id=children.language_id,
        premises_id=children.premises_id,
        start_date=start,
        weekday=suggestion.weekday,
        start_time=suggestion.start_time,
    )
    return GroupDialog(
        database,
        Mode.PARENTS,
        draft=shared,
        parents=replace(suggestion, start_date=start),
        group=children,
        today=today,
        parent=parent,
    )
