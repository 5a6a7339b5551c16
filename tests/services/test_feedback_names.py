"""A feedback quote never names a registered person: refused on entry, masked in the report."""

import datetime as dt

import pytest
from sqlalchemy import update

from biv_desktop.domain.enums import Role
from biv_desktop.reports.followup.sections import report_tables
from biv_desktop.services.followup import MeetingDraft, NameInQuoteError, meeting_report, save_meeting
from biv_desktop.services.followup.feedback import FeedbackEntry, feedback_form, save_feedback
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.store.database import Database
from biv_desktop.store.models import FeedbackQuote
from support import factories

COLLECTED = dt.date(2025, 12, 1)


def add_group(database: Database, name: str, start: dt.date) -> int:
    """A running children's group (an evaluation needs a group that has started)."""
    premises = factories.premises(database)
    return factories.group(database, premises_id=premises, start=start, name=name, running=True).id


def first_options(entry: FeedbackEntry, respondents: int) -> dict[int, int]:
    return {question.options[0].id: respondents for question in entry.questions}


def register_people(database: Database) -> None:
    factories.participant(database, "Amira", 2015, last_name="Haddad", native_name="أميرة حداد")
    factories.participant(database, "Layla", 1985, last_name="Haddad", role=Role.GUARDIAN)
    factories.leader(database, "Karin", "Holmgren")
    factories.interpreter(database, "Yusuf", "Warsame")


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("Jag tyckte om när amira ritade.", ("amira",)),
        ("Tack till tolken Yusuf och KARIN!", ("Yusuf", "KARIN")),
        ("Mamma Layla kom också", ("Layla",)),
        ("شكرا أميره", ("أميره",)),
        ("Tack Jösef… nej, Yusúf!", ("Yusúf",)),
    ],
)
def test_a_quote_with_a_registered_name_is_refused_naming_the_words(
    database: Database, quote: str, words: tuple[str, ...]
) -> None:
    register_people(database)
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    entry = feedback_form(database, group)

    with pytest.raises(NameInQuoteError) as refused:
        save_feedback(database, group, COLLECTED, 5, first_options(entry, 5), ["Bra grupp!", "", quote])

    assert refused.value.field == "quotes"
    assert refused.value.number == 3
    assert refused.value.words == words
    assert all(f"⟦{word}⟧" in refused.value.message for word in words)
    assert "Citat 3" in refused.value.message
    assert not feedback_form(database, group).saved  # nothing was saved


def test_a_quote_without_names_is_saved(database: Database) -> None:
    register_people(database)
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    entry = feedback_form(database, group)
    saved = save_feedback(database, group, COLLECTED, 5, {}, ["Jag bor i Alingsås nu", "Karina var snäll"])
    assert saved.quotes == ("Jag bor i Alingsås nu", "Karina var snäll")
    assert entry.group_id == saved.group_id


def test_an_anonymised_persons_former_name_no_longer_blocks(database: Database) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    saved = save_feedback(database, group, COLLECTED, 5, {}, ["Anonymiserad deltagare sa tack"])
    assert saved.saved


def test_the_report_masks_a_name_that_got_into_a_quote_and_says_so(database: Database) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    save_feedback(database, group, COLLECTED, 5, {}, ["Yusuf tolkade bra", "Roligt"])
    # The interpreter is registered after the quote was saved.
    register_people(database)

    figures = follow_up_figures(
        database, dt.date(2025, 10, 1), dt.date(2026, 3, 31), today=dt.date(2026, 4, 2)
    )

    assert figures.feedback[0].quotes == ("[namn] tolkade bra", "Roligt")
    assert figures.names_masked == 1
    quotes = next(table for table in report_tables(figures) if table.sheet == "Citat")
    assert "1 ord i citaten stämde med ett namn i registret" in quotes.explanation
    assert all("Yusuf" not in str(cell) for row in quotes.rows for cell in row)


def test_a_name_written_into_the_register_directly_is_still_masked(database: Database) -> None:
    register_people(database)
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    save_feedback(database, group, COLLECTED, 5, {}, ["Tack"])
    with database.transaction() as session:
        session.execute(update(FeedbackQuote).values(text="Tack Karin Holmgren och أميرة"))
    figures = follow_up_figures(
        database, dt.date(2025, 10, 1), dt.date(2026, 3, 31), today=dt.date(2026, 4, 2)
    )
    assert figures.feedback[0].quotes == ("Tack [namn] [namn] och [namn]",)
    assert figures.names_masked == 3


def test_the_figures_a_meeting_stores_are_masked_too(database: Database) -> None:
    group = add_group(database, "Arabiska 7–9 år", dt.date(2025, 9, 1))
    save_feedback(database, group, COLLECTED, 5, {}, ["Yusuf tolkade bra"])
    register_people(database)
    draft = MeetingDraft(
        dt.date(2026, 4, 20), period_from=dt.date(2025, 10, 1), period_to=dt.date(2026, 3, 31)
    )
    saved = save_meeting(database, draft, with_report=True, today=dt.date(2026, 4, 20))
    stored = meeting_report(database, saved.id)
    assert stored is not None
    assert stored.feedback[0].quotes == ("[namn] tolkade bra",)
