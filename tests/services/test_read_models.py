"""The helpers the areas share: read models filled by name, and one sentence for a row that is gone."""

import dataclasses
from types import SimpleNamespace

import pytest

from biv_desktop.domain.errors import ValidationError
from biv_desktop.services.lookup import MISSING, check_exists, get_or_missing
from biv_desktop.services.read_models import from_row
from biv_desktop.store.database import Database
from biv_desktop.store.models import Group, Premises


@dataclasses.dataclass(frozen=True)
class _Row:
    id: int
    name: str
    count: int


def test_from_row_copies_same_named_attributes_and_takes_overrides() -> None:
    source = SimpleNamespace(id=3, name="Berga", count=1, unrelated="x")
    assert from_row(_Row, source, count=7) == _Row(3, "Berga", 7)


def test_from_row_refuses_an_override_that_names_no_field() -> None:
    with pytest.raises(TypeError, match="cuont"):
        from_row(_Row, SimpleNamespace(id=1, name="", count=0), cuont=2)


def test_a_row_that_is_gone_is_named_in_one_sentence(database: Database) -> None:
    with database.transaction() as session:
        with pytest.raises(ValidationError) as gone:
            get_or_missing(session, Group, 999, "group_id")
        check_exists(session, Premises, None, "premises_id")
        with pytest.raises(ValidationError) as no_premises:
            check_exists(session, Premises, 999, "premises_id")
    assert (gone.value.field, str(gone.value)) == ("group_id", "Gruppen finns inte längre; uppdatera listan.")
    assert str(no_premises.value) == MISSING[Premises]
