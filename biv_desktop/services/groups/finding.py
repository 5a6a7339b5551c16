"""Finding a group or premises from what a user typed on the command line: a number, a uuid or a name."""

from sqlalchemy import select

from biv_desktop.domain.errors import ValidationError
from biv_desktop.domain.sorting import swedish_sort_key
from biv_desktop.services.validation import clean_search
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, Premises


def find_group_id(database: Database, reference: str) -> int:
    """The id of the group a user named by its number (as `groups --json` lists it) or its uuid."""
    text = clean_search(reference)
    # Plain ASCII digits of a size SQLite can hold; anything else is looked up as a uuid.
    is_number = text.isascii() and text.isdigit() and len(text) <= 18
    with database.transaction() as session:
        column = Group.id if is_number else Group.uuid
        value: int | str = int(text) if is_number else text.lower()
        found = session.scalar(select(Group.id).where(column == value))
    if found is None:
        raise ValidationError("group", f"Det finns ingen grupp med id {text[:60]}.")
    return found


def find_premises_id(database: Database, name: str) -> int:
    """The id of the premises with this name (any case); otherwise a ValidationError naming them all."""
    name = clean_search(name)
    wanted = name.casefold()
    with database.transaction() as session:
        everything = session.execute(select(Premises.id, Premises.name)).all()
    for premises_id, premises_name in everything:
        if premises_name.casefold() == wanted:
            return int(premises_id)
    names = sorted((row[1] for row in everything), key=swedish_sort_key)
    if not names:
        raise ValidationError("premises", f"Lokalen ”{name}” finns inte; registret har inga lokaler ännu.")
    raise ValidationError(
        "premises", f"Lokalen ”{name}” finns inte. Lokalerna som finns är: {', '.join(names)}."
    )
