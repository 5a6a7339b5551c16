"""The columns of the participant screens' tables, described once for the generic row model."""

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor

from biv_desktop.domain.enums import Role
from biv_desktop.ui.common.row_model import Column
from biv_desktop.ui.participants.widgets import tr

if (
    TYPE_CHECKING
):  # named in annotations only: the register's columns need not load the waiting list's modules
    from biv_desktop.services.participants import (
        EnrollmentRow,
        EnrolmentGroup,
        FamilyMember,
        FamilyRow,
        MemberGroup,
        ParticipantRow,
        WaitingRow,
    )

MISSING = QBrush(QColor("#b00020"))


def short_role(role: Role) -> str:
    """The role in a narrow column: 'Barn' or 'Förälder'."""
    return tr("Barn") if role is Role.CHILD else tr("Förälder")


def consent_text(has_consent: bool) -> str:
    return tr("Ja") if has_consent else tr("Saknas")


def _consent_colour(has_consent: bool) -> QBrush | None:
    return None if has_consent else MISSING


def member_group_text(group: "MemberGroup") -> str:
    """A group someone has been in, with where they stand: 'BIV Dari …, Ryd, vt 2026 (pågår)'."""
    if group.left_on is not None:
        return tr("{name} (slutade {day})").format(name=group.name, day=group.left_on.isoformat())
    return f"{group.name} ({group.status.label.lower()})"


# Column numbers of the register, for sizing and for tests. The role shows in the gender's words
# (Flicka/Pojke, Kvinna/Man) and in its tooltip; the current groups take the room that is left.
(NAME, NATIVE, FAMILY, AGE, GENDER, LANGUAGE, PROGRAMME, DISTRICT, CONSENT, WAITING, GROUPS) = range(11)


def participant_columns() -> "list[Column[ParticipantRow]]":
    return [
        Column(
            tr("Namn"),
            lambda r: r.name,
            sort=lambda r: f"{r.last_name} {r.first_name}",
            tooltip=lambda r: r.name,
        ),
        Column(tr("Namn på eget språk"), lambda r: r.native_name, tooltip=lambda r: r.native_name or None),
        Column(tr("Familj"), lambda r: r.family_name, tooltip=lambda r: r.family_name or None),
        Column(
            tr("Ålder (född)"),
            lambda r: f"{r.age} ({r.birth_year})",
            sort=lambda r: r.age,
            align_center=True,
            tooltip=lambda r: tr("Född {day}").format(
                day=r.birth_date.isoformat() if r.birth_date else r.birth_year
            ),
        ),
        Column(tr("Kön"), lambda r: r.gender_label, tooltip=lambda r: r.role.label),
        Column(tr("Språk"), lambda r: r.language),
        Column(tr("Program"), lambda r: r.programme.label, tooltip=lambda r: r.programme_status.label),
        Column(tr("Område"), lambda r: r.district),
        Column(
            tr("Samtycke"),
            lambda r: consent_text(r.has_consent),
            tooltip=lambda r: (
                tr("Givet {day}").format(day=r.consent_on.isoformat())
                if r.consent_on
                else tr("Samtycke saknas")
            ),
            foreground=lambda r: _consent_colour(r.has_consent),
        ),
        Column(
            tr("Väntar"),
            lambda r: r.waiting_since.isoformat() if r.waiting_since else "",
            sort=lambda r: r.waiting_since.toordinal() if r.waiting_since else 0,
            tooltip=lambda r: (
                tr("På väntelistan sedan {day}").format(day=r.waiting_since.isoformat())
                if r.waiting_since
                else None
            ),
        ),
        Column(
            tr("Grupp nu"),
            lambda r: ", ".join(r.current_groups),
            tooltip=lambda r: "\n".join(r.current_groups) or None,
        ),
    ]


(
    W_SINCE,
    W_DAYS,
    W_NAME,
    W_NATIVE,
    W_AGE,
    W_BORN,
    W_LANGUAGE,
    W_BAND,
    W_GROUP,
    W_PROGRAMME,
    W_DISTRICT,
    W_FAMILY,
) = range(12)


def _wanted_language_source(row: "WaitingRow") -> str:
    if row.wish.language_id is not None:
        return tr("Valt på väntelistan")
    if row.wish.group_id is not None:
        return tr("Gruppens språk")
    return tr("Deltagarens modersmål")


def _wanted_band_source(row: "WaitingRow") -> str:
    if row.wish.age_band is not None:
        return tr("Valt på väntelistan")
    if row.wish.group_id is not None:
        return tr("Gruppens ålder")
    if row.wanted.parents:
        return tr("En förälder väntar på en föräldragrupp")
    return tr("Efter den ålder deltagaren fyller i år")


def waiting_columns() -> "list[Column[WaitingRow]]":
    return [
        Column(
            tr("Väntar sedan"),
            lambda r: r.waiting_since.isoformat(),
            sort=lambda r: r.waiting_since.toordinal(),
        ),
        Column(tr("Dagar"), lambda r: str(r.days_waiting), sort=lambda r: r.days_waiting, align_center=True),
        Column(tr("Namn"), lambda r: r.name, sort=lambda r: f"{r.last_name} {r.first_name}"),
        Column(tr("Namn på eget språk"), lambda r: r.native_name),
        Column(tr("Ålder"), lambda r: str(r.age), sort=lambda r: r.age, align_center=True),
        Column(tr("Född"), lambda r: str(r.birth_year), sort=lambda r: r.birth_year, align_center=True),
        # What they wait for: what the entry names, else their own language and age (the tooltip says which).
        Column(tr("Språk"), lambda r: r.wanted.language, tooltip=_wanted_language_source),
        Column(
            tr("Åldersgrupp"),
            lambda r: r.wanted.kind_label,
            # The bands by age, then a child outside every band, then the parents' groups.
            sort=lambda r: 1000 if r.wanted.parents else (r.wanted.band.low if r.wanted.band else 999),
            tooltip=_wanted_band_source,
        ),
        Column(tr("Grupp"), lambda r: r.group_name, tooltip=lambda r: r.group_name or None),
        Column(tr("Program"), lambda r: r.programme.label, tooltip=lambda r: r.programme_status.label),
        Column(tr("Område"), lambda r: r.district),
        Column(tr("Familj"), lambda r: r.family_name),
    ]


def family_columns() -> "list[Column[FamilyRow]]":
    return [
        Column(tr("Familj"), lambda r: r.name, tooltip=lambda r: r.label),
        Column(
            tr("Vuxna"), lambda r: str(r.guardian_count), sort=lambda r: r.guardian_count, align_center=True
        ),
        Column(tr("Barn"), lambda r: str(r.child_count), sort=lambda r: r.child_count, align_center=True),
        Column(tr("Språk"), lambda r: ", ".join(r.languages)),
    ]


(M_ROLE, M_NAME, M_NATIVE, M_AGE, M_GENDER, M_LANGUAGE, M_CONSENT, M_GROUPS) = range(8)


def member_columns() -> "list[Column[FamilyMember]]":
    return [
        Column(tr("Roll"), lambda m: short_role(m.role), sort=lambda m: 0 if m.role is Role.GUARDIAN else 1),
        Column(tr("Namn"), lambda m: m.name),
        Column(tr("Namn på eget språk"), lambda m: m.native_name),
        Column(
            tr("Ålder"),
            lambda m: str(m.age),
            sort=lambda m: m.age,
            align_center=True,
            tooltip=lambda m: tr("Född {year}").format(year=m.birth_year),
        ),
        Column(tr("Kön"), lambda m: m.gender_label),
        Column(tr("Språk"), lambda m: m.language),
        Column(
            tr("Samtycke"),
            lambda m: consent_text(m.has_consent),
            foreground=lambda m: _consent_colour(m.has_consent),
        ),
        Column(
            tr("Grupper"),
            lambda m: "\n".join(member_group_text(g) for g in m.groups) or tr("Inga grupper ännu"),
            sort=lambda m: len(m.groups),
        ),
    ]


def history_columns() -> "list[Column[EnrollmentRow]]":
    return [
        Column(tr("Grupp"), lambda e: e.group_name),
        Column(tr("Status"), lambda e: e.group_status.label),
        Column(tr("Började"), lambda e: e.joined_on.isoformat(), sort=lambda e: e.joined_on.toordinal()),
        Column(
            tr("Slutade"),
            lambda e: e.left_on.isoformat() if e.left_on else "",
            sort=lambda e: e.left_on.toordinal() if e.left_on else 0,
        ),
        Column(tr("Orsak"), lambda e: e.leave_reason, tooltip=lambda e: e.leave_reason or None),
    ]


def places_text(group: "EnrolmentGroup") -> str:
    return f"{group.enrolled}/{group.capacity}"


def group_columns() -> "list[Column[EnrolmentGroup]]":
    return [
        Column(tr("Grupp"), lambda g: g.name),
        Column(tr("Språk"), lambda g: g.language),
        Column(tr("Ålder"), lambda g: g.age_band_label or g.kind.label, sort=lambda g: g.age_min or 0),
        Column(tr("Start"), lambda g: g.start_date.isoformat(), sort=lambda g: g.start_date.toordinal()),
        Column(tr("Status"), lambda g: g.status.label),
        Column(tr("Platser"), places_text, sort=lambda g: g.enrolled - g.capacity, align_center=True),
    ]
