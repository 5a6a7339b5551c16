"""The partnership agreement (IOP) period by period: listing, editing, and the one in force on a day.

The history since 2017 stays: a new period is added beside the earlier ones, never over them. The agreement
in force on a day is found by its dates; when two periods overlap (a mistake the editor warns about), the
one that started last wins.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from biv_desktop.domain.errors import NeedsConfirmation, ValidationError
from biv_desktop.domain.followup.period import Period, add_months, agreement_years
from biv_desktop.services.lookup import get_or_missing
from biv_desktop.services.read_models import from_row
from biv_desktop.services.validation import check_count, check_date, clean_text
from biv_desktop.store.database import Database
from biv_desktop.store.models import Agreement, FundingPart

LARGEST_AMOUNT = 100_000_000
DEFAULT_NAME = "IOP Barn i väntan/Barn i start"


def format_sek(amount: int) -> str:
    """An amount in kronor the Swedish way, e.g. '300 500 kr'."""
    return f"{amount:,} kr".replace(",", " ")


@dataclass(frozen=True)
class FundingPartRow:
    """One part of the municipality's amount, e.g. the state grant for parenting support; for_training_places
    marks the money for the municipality's places on the group-leader training (paid back if unused)."""

    source: str
    amount_sek: int
    for_training_places: bool = False


@dataclass(frozen=True)
class AgreementRow:
    """An agreement period as the list and the editor show it."""

    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    public_party: str
    nonprofit_party: str
    municipal_amount_sek: int
    parish_amount_per_year_sek: int
    min_groups_per_year: int
    training_places_per_year: int
    notice_months: int
    signed_on: dt.date | None
    funding_parts: tuple[FundingPartRow, ...]

    @property
    def parts_total_sek(self) -> int:
        return sum(part.amount_sek for part in self.funding_parts)

    def draft(self) -> "AgreementDraft":
        """This agreement as its editor starts."""
        parts = tuple(
            FundingPartDraft(part.source, part.amount_sek, part.for_training_places)
            for part in self.funding_parts
        )
        return from_row(AgreementDraft, self, funding_parts=parts)


@dataclass(frozen=True)
class CurrentAgreement:
    """The agreement in force on a day, with the agreement year (counted from its first day) holding it."""

    agreement: AgreementRow
    year_starts_on: dt.date
    year_ends_on: dt.date

    @property
    def year(self) -> Period:
        return Period(self.year_starts_on, self.year_ends_on)


@dataclass(frozen=True)
class FundingPartDraft:
    source: str
    amount_sek: int
    for_training_places: bool = False  # the money for the municipality's training places


@dataclass(frozen=True)
class AgreementDraft:
    """What the agreement editor edits."""

    name: str
    starts_on: dt.date
    ends_on: dt.date
    public_party: str
    nonprofit_party: str
    municipal_amount_sek: int
    parish_amount_per_year_sek: int
    min_groups_per_year: int = 6
    training_places_per_year: int = 4
    notice_months: int = 6
    signed_on: dt.date | None = None
    funding_parts: tuple[FundingPartDraft, ...] = ()


def _row(agreement: Agreement) -> AgreementRow:
    parts = tuple(
        FundingPartRow(part.source, part.amount_sek, part.for_training_places)
        for part in agreement.funding_parts
    )
    return from_row(AgreementRow, agreement, funding_parts=parts)


def list_agreements(database: Database) -> list[AgreementRow]:
    """Every agreement period, the latest first."""
    with database.transaction() as session:
        agreements = session.scalars(
            select(Agreement)
            .options(selectinload(Agreement.funding_parts))
            .order_by(Agreement.starts_on.desc(), Agreement.id.desc())
        ).all()
        return [_row(agreement) for agreement in agreements]


def get_agreement(database: Database, agreement_id: int) -> AgreementRow:
    """One agreement period; a ValidationError if it was removed meanwhile."""
    with database.transaction() as session:
        return _row(get_or_missing(session, Agreement, agreement_id))


def current_agreement_in(session: Session, today: dt.date) -> CurrentAgreement | None:
    """The agreement in force on ``today``, read inside another service's transaction; None if none is."""
    agreement = session.scalars(
        select(Agreement)
        .where(Agreement.starts_on <= today, Agreement.ends_on >= today)
        .order_by(Agreement.starts_on.desc(), Agreement.id.desc())
        .limit(1)
    ).first()
    if agreement is None:
        return None
    year = next(
        year for year, _length in agreement_years(agreement.starts_on, agreement.ends_on) if today in year
    )
    return CurrentAgreement(_row(agreement), year.first, year.last)


def current_agreement(database: Database, today: dt.date | None = None) -> CurrentAgreement | None:
    """The agreement in force on ``today`` (the real today unless given) and its agreement year."""
    with database.transaction() as session:
        return current_agreement_in(session, today or dt.date.today())


def new_agreement_draft(database: Database, today: dt.date | None = None) -> AgreementDraft:
    """A new period as the editor starts it: the latest period extended by a year on the same terms.

    Agreements are extended period by period, so the parties, amounts and obligations are those of the
    latest period; with none yet, the agreement year starting 1 April of the current year, with the
    obligations the partnership has had since 2017.
    """
    today = today or dt.date.today()
    with database.transaction() as session:
        latest = session.scalars(
            select(Agreement).order_by(Agreement.ends_on.desc(), Agreement.id.desc()).limit(1)
        ).first()
        if latest is None:
            starts_on = dt.date(today.year if today.month >= 4 else today.year - 1, 4, 1)
            return AgreementDraft(
                name=f"{DEFAULT_NAME} {starts_on.year}/{starts_on.year + 1}",
                starts_on=starts_on,
                ends_on=add_months(starts_on, 12) - dt.timedelta(days=1),
                public_party="Social- och omsorgsnämnden, Linköpings kommun",
                nonprofit_party="Svenska kyrkan, Linköpings domkyrkopastorat",
                municipal_amount_sek=0,
                parish_amount_per_year_sek=0,
            )
        starts_on = latest.ends_on + dt.timedelta(days=1)
        return AgreementDraft(
            name=f"{DEFAULT_NAME} {starts_on.year}/{starts_on.year + 1}",
            starts_on=starts_on,
            ends_on=add_months(starts_on, 12) - dt.timedelta(days=1),
            public_party=latest.public_party,
            nonprofit_party=latest.nonprofit_party,
            municipal_amount_sek=latest.municipal_amount_sek,
            parish_amount_per_year_sek=latest.parish_amount_per_year_sek,
            min_groups_per_year=latest.min_groups_per_year,
            training_places_per_year=latest.training_places_per_year,
            notice_months=latest.notice_months,
            funding_parts=tuple(
                FundingPartDraft(part.source, part.amount_sek, part.for_training_places)
                for part in latest.funding_parts
            ),
        )


def _amount(value: int, field: str, label: str) -> int:
    if value < 0:
        raise ValidationError(field, f"{label} kan inte vara negativt. Skriv 0 om inget belopp är avtalat.")
    if value > LARGEST_AMOUNT:
        raise ValidationError(field, f"{label} får vara högst {format_sek(LARGEST_AMOUNT)}.")
    return value


def _clean(draft: AgreementDraft) -> AgreementDraft:
    starts_on = check_date(draft.starts_on, "starts_on", "Avtalets första dag", earliest=2010)
    ends_on = check_date(draft.ends_on, "ends_on", "Avtalets sista dag", earliest=2010)
    if ends_on <= starts_on:
        raise ValidationError(
            "ends_on",
            f"Avtalets sista dag ({ends_on.isoformat()}) måste ligga efter dess första dag "
            f"({starts_on.isoformat()}).",
        )
    signed_on = draft.signed_on
    if signed_on is not None:
        check_date(signed_on, "signed_on", "Undertecknat", earliest=2010)
    parts = []
    for number, part in enumerate(draft.funding_parts, start=1):
        label = f"Finansieringsdel {number}"
        source = clean_text(part.source, "funding_parts", f"{label}: Källan", 200)
        if not source:
            raise ValidationError(
                "funding_parts", f"{label}: skriv varifrån pengarna kommer, eller ta bort raden."
            )
        parts.append(
            FundingPartDraft(
                source,
                _amount(part.amount_sek, "funding_parts", f"{label}: Beloppet"),
                part.for_training_places,
            )
        )
    return AgreementDraft(
        name=clean_text(draft.name, "name", "Namn", 200, required=True),
        starts_on=starts_on,
        ends_on=ends_on,
        public_party=clean_text(draft.public_party, "public_party", "Offentlig part", 200, required=True),
        nonprofit_party=clean_text(
            draft.nonprofit_party, "nonprofit_party", "Idéburen part", 200, required=True
        ),
        municipal_amount_sek=_amount(draft.municipal_amount_sek, "municipal_amount_sek", "Kommunens belopp"),
        parish_amount_per_year_sek=_amount(
            draft.parish_amount_per_year_sek, "parish_amount_per_year_sek", "Pastoratets belopp per år"
        ),
        min_groups_per_year=check_count(
            draft.min_groups_per_year, "min_groups_per_year", "Minsta antal grupper per år", high=100
        ),
        training_places_per_year=check_count(
            draft.training_places_per_year, "training_places_per_year", "Utbildningsplatser per år", high=100
        ),
        notice_months=check_count(draft.notice_months, "notice_months", "Uppsägningstiden", high=60),
        signed_on=signed_on,
        funding_parts=tuple(parts),
    )


def _warnings(session: Session, clean: AgreementDraft, agreement_id: int | None) -> tuple[str, ...]:
    warnings = []
    if clean.funding_parts:
        total = sum(part.amount_sek for part in clean.funding_parts)
        if total != clean.municipal_amount_sek:
            warnings.append(
                f"Delarna av kommunens belopp blir tillsammans {format_sek(total)}, men kommunens belopp "
                f"är {format_sek(clean.municipal_amount_sek)}."
            )
    overlapping = select(Agreement).where(
        Agreement.starts_on <= clean.ends_on, Agreement.ends_on >= clean.starts_on
    )
    if agreement_id is not None:
        overlapping = overlapping.where(Agreement.id != agreement_id)
    for other in session.scalars(overlapping.order_by(Agreement.starts_on)):
        warnings.append(
            f"Perioden överlappar avtalet ”{other.name}” ({other.starts_on.isoformat()} – "
            f"{other.ends_on.isoformat()}). Det avtal som börjar senast gäller de dagar de delar."
        )
    return tuple(warnings)


def check_agreement(
    database: Database, draft: AgreementDraft, agreement_id: int | None = None
) -> tuple[str, ...]:
    """What the user should confirm before saving: parts that do not add up, a period overlapping another."""
    clean = _clean(draft)
    with database.transaction() as session:
        return _warnings(session, clean, agreement_id)


def save_agreement(
    database: Database, draft: AgreementDraft, agreement_id: int | None = None, *, override: bool = False
) -> AgreementRow:
    """Create (``agreement_id`` None) or update an agreement period with its funding parts.

    Raises ValidationError for bad input and NeedsConfirmation for parts that do not add up to the
    municipality's amount or a period overlapping another, unless ``override``.
    """
    clean = _clean(draft)
    with database.transaction() as session:
        warnings = _warnings(session, clean, agreement_id)
        if warnings and not override:
            raise NeedsConfirmation(warnings)
        if agreement_id is None:
            agreement = Agreement()
            session.add(agreement)
        else:
            agreement = get_or_missing(session, Agreement, agreement_id)
        agreement.name = clean.name
        agreement.starts_on, agreement.ends_on = clean.starts_on, clean.ends_on
        agreement.public_party, agreement.nonprofit_party = clean.public_party, clean.nonprofit_party
        agreement.municipal_amount_sek = clean.municipal_amount_sek
        agreement.parish_amount_per_year_sek = clean.parish_amount_per_year_sek
        agreement.min_groups_per_year = clean.min_groups_per_year
        agreement.training_places_per_year = clean.training_places_per_year
        agreement.notice_months = clean.notice_months
        agreement.signed_on = clean.signed_on
        agreement.funding_parts = [
            FundingPart(source=p.source, amount_sek=p.amount_sek, for_training_places=p.for_training_places)
            for p in clean.funding_parts
        ]
        session.flush()
        return _row(agreement)


def delete_agreement(database: Database, agreement_id: int) -> None:
    """Remove an agreement period entered by mistake; reports stored with meetings keep their figures."""
    with database.transaction() as session:
        session.delete(get_or_missing(session, Agreement, agreement_id))
