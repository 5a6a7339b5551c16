"""The vocabularies: stored by their English value, every member shown by a Swedish label."""

import pickle

import pytest

from biv_desktop.domain import enums
from biv_desktop.domain.enums import GroupStatus, Mark, SwedishEnum

VOCABULARIES = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, SwedishEnum) and value is not SwedishEnum
]


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda vocabulary: vocabulary.__name__)
def test_every_member_has_a_label_and_is_found_by_its_value(vocabulary: type[SwedishEnum]) -> None:
    for member in vocabulary:
        assert member.label.strip()
        assert vocabulary(member.value) is member
        assert member == member.value and isinstance(member.value, str)


def test_values_and_labels_are_as_stored_and_shown() -> None:
    assert (GroupStatus.RUNNING.value, GroupStatus.RUNNING.label, str(GroupStatus.RUNNING)) == (
        "running",
        "Pågår",
        "running",
    )
    assert Mark("notified_absence").label == "Anmäld frånvaro"
    assert pickle.loads(pickle.dumps(Mark.ABSENT)) is Mark.ABSENT
