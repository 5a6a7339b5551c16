"""The fixed vocabularies of the activity, stored by their English value and shown by their Swedish label."""

from enum import StrEnum
from typing import Self


class SwedishEnum(StrEnum):
    """A vocabulary member: stored by its English value, shown by the Swedish label written beside it.

    Members are written ``VALUE = "value", "Etikett"``; looking one up by its value works as for any enum.
    """

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Programme(SwedishEnum):
    """BIV for asylum-seeking families, BIS for families with a recent residence permit."""

    BIV = "biv", "BIV"
    BIS = "bis", "BIS"

    @property
    def long_label(self) -> str:
        return {Programme.BIV: "Barn i väntan", Programme.BIS: "Barn i start"}[self]


class GroupKind(SwedishEnum):
    CHILDREN = "children", "Barngrupp"
    PARENTS = "parents", "Föräldragrupp"


class GroupStatus(SwedishEnum):
    PLANNED = "planned", "Planerad"
    RUNNING = "running", "Pågår"
    FINISHED = "finished", "Avslutad"
    CANCELLED = "cancelled", "Inställd"


class SessionStatus(SwedishEnum):
    PLANNED = "planned", "Planerad"
    HELD = "held", "Genomförd"
    CANCELLED = "cancelled", "Inställd"


class Mark(SwedishEnum):
    """An attendance mark for one participant at one session."""

    PRESENT = "present", "Närvarande"
    ABSENT = "absent", "Frånvarande"
    NOTIFIED_ABSENCE = "notified_absence", "Anmäld frånvaro"


class Role(SwedishEnum):
    CHILD = "child", "Barn"
    GUARDIAN = "guardian", "Förälder/vårdnadshavare"


class Gender(StrEnum):
    """Stored once; shown as girl/boy for children and woman/man for adults."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    NOT_STATED = "not_stated"

    def label_for(self, role: Role) -> str:
        if self is Gender.FEMALE:
            return "Flicka" if role is Role.CHILD else "Kvinna"
        if self is Gender.MALE:
            return "Pojke" if role is Role.CHILD else "Man"
        return "Annat" if self is Gender.OTHER else "Ej angivet"


class ProgrammeStatus(SwedishEnum):
    """A family's situation, which decides BIV or BIS."""

    ASYLUM_SEEKING = "asylum_seeking", "Asylsökande"
    RESIDENCE_PERMIT = "residence_permit", "Uppehållstillstånd"

    @property
    def programme(self) -> Programme:
        return Programme.BIV if self is ProgrammeStatus.ASYLUM_SEEKING else Programme.BIS


class Organisation(SwedishEnum):
    """Where a group leader or trainee works."""

    PARISH = "parish", "Församling/pastorat"
    MUNICIPALITY = "municipality", "Kommunen"
    OTHER = "other", "Annan"

    def label_with(self, name: str) -> str:
        """The label with the organisation's own name when there is one, e.g. 'Annan: Röda korset'."""
        return f"{self.label}: {name}" if name else self.label


class InterpreterEngagement(SwedishEnum):
    AGENCY = "agency", "Tolkförmedling"
    FREELANCE = "freelance", "Frilans"


class Party(SwedishEnum):
    """A party to the partnership agreement."""

    PARISH = "parish", "Pastoratet"
    MUNICIPALITY = "municipality", "Kommunen"


class Channel(SwedishEnum):
    """How a communication effort reached its audience."""

    WEBSITE = "website", "Webbplats"
    MEETING = "meeting", "Möte"
    NETWORK = "network", "Nätverk"
    PRINTED = "printed", "Trycksak"
    EVENT = "event", "Evenemang"
    OTHER = "other", "Annat"
