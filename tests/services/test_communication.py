"""Communication efforts: saved, listed by period, edited, deleted, and counted in the follow-up."""

import datetime as dt

import pytest

from biv_desktop.domain.enums import Channel, Party
from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.followup.communication import EffortDraft, delete_effort, list_efforts, save_effort
from biv_desktop.services.followup.report import follow_up_figures
from biv_desktop.store.database import Database

WEBSITE = EffortDraft(
    dt.date(2026, 4, 20),
    Party.PARISH,
    Channel.WEBSITE,
    "Föräldrar och skolor",
    "Ny text om grupperna på pastoratets webbplats.",
)
MEETING = EffortDraft(
    dt.date(2026, 5, 12),
    Party.MUNICIPALITY,
    Channel.MEETING,
    "Socialsekreterare",
    "Informerade på arbetsplatsträff\noch delade ut broschyrer.",
)


def test_efforts_are_saved_and_listed_latest_first(database: Database) -> None:
    website = save_effort(database, WEBSITE)
    meeting = save_effort(database, MEETING)
    assert list_efforts(database) == [meeting, website]
    assert meeting.description == "Informerade på arbetsplatsträff\noch delade ut broschyrer."
    assert list_efforts(database, dt.date(2026, 5, 1), dt.date(2026, 5, 31)) == [meeting]


def test_an_effort_is_edited_and_deleted(database: Database) -> None:
    effort = save_effort(database, WEBSITE)
    edited = save_effort(
        database,
        EffortDraft(dt.date(2026, 4, 21), Party.PARISH, Channel.PRINTED, "", "Affisch i Berga."),
        effort.id,
    )
    assert (edited.id, edited.channel, edited.audience) == (effort.id, Channel.PRINTED, "")
    delete_effort(database, effort.id)
    assert list_efforts(database) == []
    with pytest.raises(ValidationError, match="finns inte längre"):
        delete_effort(database, effort.id)


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (EffortDraft(dt.date(2026, 4, 20), Party.PARISH, Channel.OTHER, "", "   "), "description"),
        (EffortDraft(dt.date(1926, 4, 20), Party.PARISH, Channel.OTHER, "", "Något"), "date"),
        (EffortDraft(dt.date(2026, 4, 20), Party.PARISH, Channel.OTHER, "x" * 201, "Något"), "audience"),
    ],
)
def test_bad_input_is_refused(database: Database, draft: EffortDraft, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        save_effort(database, draft)
    assert refused.value.field == field


def test_efforts_are_counted_in_the_follow_up_by_party_and_channel(database: Database) -> None:
    save_effort(database, WEBSITE)
    save_effort(database, MEETING)
    save_effort(database, EffortDraft(dt.date(2026, 10, 2), Party.PARISH, Channel.EVENT, "", "Öppet hus."))
    figures = follow_up_figures(database, dt.date(2026, 4, 1), dt.date(2026, 9, 30))
    counts = {
        (line.party, line.channel): line.count for line in figures.communication.by_channel if line.count
    }
    assert counts == {(Party.PARISH, Channel.WEBSITE): 1, (Party.MUNICIPALITY, Channel.MEETING): 1}
