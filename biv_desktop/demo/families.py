"""Fictional families: guardians and children with names from their language group, status and consent."""

import datetime as dt
from dataclasses import dataclass, field

from biv_desktop.demo import texts
from biv_desktop.demo.names import NAME_BOOKS, Name, NameBook
from biv_desktop.demo.world import NEIGHBOUR_LANGUAGES, World
from biv_desktop.domain.ages import DEFAULT_AGE_BANDS, OLDEST, YOUNGEST, AgeBand, age_on
from biv_desktop.domain.enums import Gender, Programme, ProgrammeStatus, Role
from biv_desktop.store.models import Family, Participant, WaitingListEntry

# A family that registered long ago has moved on; its children are no longer offered places.
POOL_DAYS = 730


@dataclass(eq=False)
class Household:
    """A family as the demo plans it: who belongs, its language and its asylum situation over time."""

    family: Family
    iso_code: str
    registered_on: dt.date
    initial_status: ProgrammeStatus
    status_changed_on: dt.date | None
    phone: str
    guardians: list[Participant] = field(default_factory=list)
    children: list[Participant] = field(default_factory=list)

    def status_on(self, day: dt.date) -> ProgrammeStatus:
        if self.status_changed_on is not None and day >= self.status_changed_on:
            return ProgrammeStatus.RESIDENCE_PERMIT
        return self.initial_status


@dataclass(eq=False)
class Child:
    """A child who may be offered a place; placed once they have one."""

    participant: Participant
    household: Household
    placed: bool = False

    def fits(self, band: AgeBand, programme: Programme, day: dt.date) -> bool:
        household = self.household
        return (
            not self.placed
            and household.registered_on <= day
            and (day - household.registered_on).days <= POOL_DAYS
            and age_on(self.participant.birth_year, day, self.participant.birth_date) in band
            and household.status_on(day).programme is programme
        )


@dataclass
class Families:
    """Every household made so far, and the children not yet in a group, by mother tongue."""

    households: list[Household] = field(default_factory=list)
    waiting: dict[str, list[Child]] = field(default_factory=dict)

    def candidates(self, iso_code: str, band: AgeBand, programme: Programme, day: dt.date) -> list[Child]:
        """Children not yet placed who fit a group in ``iso_code``, its own speakers first."""
        found: list[Child] = []
        for code in (iso_code, *NEIGHBOUR_LANGUAGES.get(iso_code, ())):
            found.extend(child for child in self.waiting.get(code, []) if child.fits(band, programme, day))
        return found

    def forget_before(self, day: dt.date) -> None:
        """Drop children of families that have moved on, so the search stays short over many years."""
        for code, children in self.waiting.items():
            self.waiting[code] = [
                child
                for child in children
                if not child.placed and (day - child.household.registered_on).days <= POOL_DAYS
            ]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def birth_for_age(world: World, age: int, day: dt.date, full_date: bool) -> tuple[int, dt.date | None]:
    """A birth year, and sometimes a birth date, that make someone ``age`` on ``day``."""
    if not full_date:
        return day.year - age, None
    latest = _years_before(day, age)
    earliest = _years_before(day, age + 1) + dt.timedelta(days=1)
    born = world.day_between(earliest, latest)
    return born.year, born


def _status(
    world: World, programme: Programme, registered_on: dt.date, day: dt.date
) -> tuple[ProgrammeStatus, dt.date | None]:
    """Asylum seekers for BIV (some get a permit later); permit holders for BIS, often recently."""
    if programme is Programme.BIV:
        if world.chance(0.35):
            return ProgrammeStatus.ASYLUM_SEEKING, day + dt.timedelta(days=world.rng.randint(60, 720))
        return ProgrammeStatus.ASYLUM_SEEKING, None
    if world.chance(0.6):
        return ProgrammeStatus.ASYLUM_SEEKING, registered_on - dt.timedelta(days=world.rng.randint(0, 300))
    return ProgrammeStatus.RESIDENCE_PERMIT, None


def _district(world: World, near: str | None) -> str:
    if near is not None and world.chance(0.6):
        return near
    return world.rng.choices(texts.DISTRICTS, weights=texts.DISTRICT_WEIGHTS)[0]


def _child_consent(world: World, age: int, guardians: list[Participant]) -> str:
    if age >= 18:
        return texts.CONSENT_OWN
    if age >= 15 and world.chance(0.5):
        return texts.CONSENT_OWN_AND_GUARDIAN
    genders = {guardian.gender for guardian in guardians}
    options = [
        wording
        for wording in texts.CONSENT_BY_GUARDIANS
        if (wording != "mamma" or Gender.FEMALE in genders)
        and (wording != "pappa" or Gender.MALE in genders)
        and (wording != "båda vårdnadshavarna" or len(guardians) == 2)
    ]
    return world.pick(options)


class _Naming:
    """How one family's members are named, in Latin letters and, for a good share, in their own script."""

    def __init__(self, world: World, book: NameBook, native: bool) -> None:
        self.world, self.book, self.native = world, book, native
        self.surname = world.pick(book.long_family if world.chance(0.04) else book.family)
        self.father = world.pick(book.male)
        self.given = [self.father.latin]

    def _given(self, names: tuple[Name, ...]) -> Name:
        """A given name nobody else in the family has."""
        name = self.world.pick(names)
        for _ in range(10):
            if name.latin not in self.given:
                break
            name = self.world.pick(names)
        self.given.append(name.latin)
        return name

    def full(self, first: Name, last: Name) -> tuple[str, str, str]:
        native = f"{first.native} {last.native}" if self.native and first.native and last.native else ""
        return first.latin, last.latin, native

    def guardian(self, gender: Gender) -> tuple[str, str, str]:
        if gender is Gender.MALE:
            return self.full(self.father, self.surname)
        first = self._given(self.book.female)
        keeps_own = self.book.patronymic or self.world.chance(0.4)
        return self.full(first, self.world.pick(self.book.family) if keeps_own else self.surname)

    def child(self, gender: Gender) -> tuple[str, str, str]:
        first = self._given(self.book.female if gender is Gender.FEMALE else self.book.male)
        return self.full(first, self.father if self.book.patronymic else self.surname)


def new_household(
    world: World,
    families: Families,
    iso_code: str,
    programme: Programme,
    day: dt.date,
    band: AgeBand,
    near: str | None,
    registered_on: dt.date,
) -> tuple[Household, Participant]:
    """A family with one child of an age in ``band`` on ``day`` (returned too) and maybe siblings."""
    language = world.language(iso_code)
    book = NAME_BOOKS[iso_code]
    naming = _Naming(world, book, native=language.script != "Latn" and world.chance(0.7))
    initial, changed_on = _status(world, programme, registered_on, day)
    household = Household(
        family=world.add(Family(name=naming.father.latin if book.patronymic else naming.surname.latin)),
        iso_code=iso_code,
        registered_on=registered_on,
        initial_status=initial,
        status_changed_on=changed_on,
        phone=world.phone(),
    )
    ages = [world.rng.randint(band.low, band.high)]
    for _ in range(world.rng.choices((0, 1, 2, 3), weights=(4, 4, 2, 1))[0]):
        ages.append(world.rng.randint(YOUNGEST, OLDEST))
    two_guardians = world.chance(0.6)
    guardian_genders = (
        [Gender.FEMALE, Gender.MALE] if two_guardians else [world.pick([Gender.FEMALE] * 3 + [Gender.MALE])]
    )
    district = _district(world, near)
    oldest = max(ages)
    for number, gender in enumerate(guardian_genders):
        age = oldest + world.rng.randint(20, 34) + (world.rng.randint(0, 6) if gender is Gender.MALE else 0)
        guardian = _participant(
            world,
            household,
            naming.guardian(gender),
            Role.GUARDIAN,
            gender,
            district,
            birth_for_age(world, age, day, full_date=world.chance(0.3)),
        )
        guardian.guardian_phone = household.phone if number == 0 else world.phone()
        guardian.consent_by = texts.CONSENT_OWN
        household.guardians.append(guardian)
    for age in ages:
        gender = Gender.NOT_STATED if world.chance(0.02) else world.pick([Gender.FEMALE, Gender.MALE])
        child = _participant(
            world,
            household,
            naming.child(Gender.MALE if gender is Gender.NOT_STATED else gender),
            Role.CHILD,
            gender,
            district,
            birth_for_age(world, age, day, full_date=world.chance(0.4)),
        )
        child.guardian_phone = household.phone
        child.consent_by = _child_consent(world, age, household.guardians)
        household.children.append(child)
    families.households.append(household)
    target = household.children[0]
    for child in household.children[1:]:
        families.waiting.setdefault(iso_code, []).append(Child(child, household))
    return household, target


def _participant(
    world: World,
    household: Household,
    name: tuple[str, str, str],
    role: Role,
    gender: Gender,
    district: str,
    birth: tuple[int, dt.date | None],
) -> Participant:
    changed_on = household.status_changed_on
    first, last, native = name
    return world.add(
        Participant(
            first_name=first,
            last_name=last,
            native_name=native,
            birth_year=birth[0],
            birth_date=birth[1],
            gender=gender,
            role=role,
            family=household.family,
            mother_tongue=world.language(household.iso_code),
            programme_status=household.status_on(world.today),
            # A change still ahead of today has not happened yet, so it is not recorded.
            status_changed_on=changed_on if changed_on is not None and changed_on <= world.today else None,
            district=district,
            consent_on=household.registered_on,
        )
    )


def pick_mother_tongue(world: World, group_iso: str, allow_neighbour: bool) -> str:
    """Mostly the group's language; now and then a close one whose speakers follow the group well."""
    neighbours = NEIGHBOUR_LANGUAGES.get(group_iso, ())
    if allow_neighbour and neighbours and world.chance(0.15):
        return world.pick(neighbours)
    return group_iso


def build_waiting_list(
    world: World, families: Families, language_weights: dict[str, int], in_groups: set[Participant]
) -> None:
    """Children waiting for a place: newly registered families and siblings of earlier participants."""
    codes = [code for code, weight in language_weights.items() if weight]
    entries: list[tuple[dt.date, Participant]] = []
    for _ in range(world.rng.randint(6, 12)):
        iso_code = world.rng.choices(codes, weights=[language_weights[code] for code in codes])[0]
        programme = Programme.BIS if iso_code == "uk" else world.pick([Programme.BIV, Programme.BIS])
        band = world.pick(DEFAULT_AGE_BANDS)
        registered_on = world.today - dt.timedelta(days=world.rng.randint(5, 240))
        _household, child = new_household(
            world, families, iso_code, programme, world.today, band, None, registered_on
        )
        entries.append((registered_on, child))
    seen: set[Participant] = {participant for _day, participant in entries}
    for children in families.waiting.values():
        for sibling in children:
            participant = sibling.participant
            age = age_on(participant.birth_year, world.today, participant.birth_date)
            if (
                sibling.placed
                or participant in in_groups
                or participant in seen
                or (world.today - sibling.household.registered_on).days > 365
                or not YOUNGEST <= age <= OLDEST
                or not world.chance(0.35)
            ):
                continue
            seen.add(participant)
            entries.append((sibling.household.registered_on, participant))
    entries.sort(key=lambda entry: entry[0])
    pending_consent: dict[Family | None, bool] = {}
    for added_on, participant in entries:
        family = participant.family
        if family not in pending_consent:
            pending_consent[family] = (world.today - added_on).days <= 30 and world.chance(0.5)
        if pending_consent[family]:
            # Registered lately: the guardians have not yet signed the consent.
            participant.consent_on, participant.consent_by = None, ""
        world.add(WaitingListEntry(participant=participant, added_on=added_on))
