"""The fixed vocabularies of the activity, stored by their English value and shown by their Swedish label."""

from enum import StrEnum


class Programme(StrEnum):
    """BIV for asylum-seeking families, BIS for families with a recent residence permit."""

    BIV = "biv"
    BIS = "bis"

    @property
    def label(self) -> str:
        return {Programme.BIV: "BIV", Programme.BIS: "BIS"}[self]

    @property
    def long_label(self) -> str:
        return {Programme.BIV: "Barn i väntan", Programme.BIS: "Barn i start"}[self]


class GroupKind(StrEnum):
    CHILDREN = "children"
    PARENTS = "parents"

    @property
    def label(self) -> str:
        return {GroupKind.CHILDREN: "Barngrupp", GroupKind.PARENTS: "Föräldragrupp"}[self]


class GroupStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            GroupStatus.PLANNED: "Planerad",
            GroupStatus.RUNNING: "Pågår",
            GroupStatus.FINISHED: "Avslutad",
            GroupStatus.CANCELLED: "Inställd",
        }[self]


class SessionStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {
            SessionStatus.PLANNED: "Planerad",
            SessionStatus.HELD: "Genomförd",
            SessionStatus.CANCELLED: "Inställd",
        }[self]


class Mark(StrEnum):
    """An attendance mark for one participant at one session."""

    PRESENT = "present"
    ABSENT = "absent"
    NOTIFIED_ABSENCE = "notified_absence"

    @property
    def label(self) -> str:
        return {
            Mark.PRESENT: "Närvarande",
            Mark.ABSENT: "Frånvarande",
            Mark.NOTIFIED_ABSENCE: "Anmäld frånvaro",
        }[self]


class Role(StrEnum):
    CHILD = "child"
    GUARDIAN = "guardian"

    @property
    def label(self) -> str:
        return {Role.CHILD: "Barn", Role.GUARDIAN: "Förälder/vårdnadshavare"}[self]


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


class ProgrammeStatus(StrEnum):
    """A family's situation, which decides BIV or BIS."""

    ASYLUM_SEEKING = "asylum_seeking"
    RESIDENCE_PERMIT = "residence_permit"

    @property
    def label(self) -> str:
        return {
            ProgrammeStatus.ASYLUM_SEEKING: "Asylsökande",
            ProgrammeStatus.RESIDENCE_PERMIT: "Uppehållstillstånd",
        }[self]

    @property
    def programme(self) -> Programme:
        return Programme.BIV if self is ProgrammeStatus.ASYLUM_SEEKING else Programme.BIS


class Organisation(StrEnum):
    """Where a group leader or trainee works."""

    PARISH = "parish"
    MUNICIPALITY = "municipality"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            Organisation.PARISH: "Församling/pastorat",
            Organisation.MUNICIPALITY: "Kommunen",
            Organisation.OTHER: "Annan",
        }[self]

    def label_with(self, name: str) -> str:
        """The label with the organisation's own name when there is one, e.g. 'Annan: Röda korset'."""
        return f"{self.label}: {name}" if name else self.label


class InterpreterEngagement(StrEnum):
    AGENCY = "agency"
    FREELANCE = "freelance"

    @property
    def label(self) -> str:
        return {InterpreterEngagement.AGENCY: "Tolkförmedling", InterpreterEngagement.FREELANCE: "Frilans"}[
            self
        ]


class Party(StrEnum):
    """A party to the partnership agreement."""

    PARISH = "parish"
    MUNICIPALITY = "municipality"

    @property
    def label(self) -> str:
        return {Party.PARISH: "Pastoratet", Party.MUNICIPALITY: "Kommunen"}[self]


class Channel(StrEnum):
    """How a communication effort reached its audience."""

    WEBSITE = "website"
    MEETING = "meeting"
    NETWORK = "network"
    PRINTED = "printed"
    EVENT = "event"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            Channel.WEBSITE: "Webbplats",
            Channel.MEETING: "Möte",
            Channel.NETWORK: "Nätverk",
            Channel.PRINTED: "Trycksak",
            Channel.EVENT: "Evenemang",
            Channel.OTHER: "Annat",
        }[self]
