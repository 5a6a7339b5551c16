"""The staffing rule applied to stored sessions: two trained leaders and an interpreter in the group's language.

Shared by the schedule and the overview, so both flag the same sessions for the same reasons.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from biv_desktop.domain.schedule.staffing import LEADERS_PER_SESSION, StaffedPerson, staffing_problems
from biv_desktop.store.models import GroupLeader, Interpreter, InterpreterLanguage

# A group held in Swedish needs no interpreter, so its sessions are not flagged for lacking one.
NO_INTERPRETER_LANGUAGE = "sv"


@dataclass(frozen=True)
class Staffing:
    """What one session lacks: the domain's sentences, and the same as counts for short summaries.

    `missing_leaders` counts trained leaders short of two; `missing_interpreter` is true when no booked
    interpreter speaks the group's language (never for a group held in Swedish).
    """

    problems: tuple[str, ...]
    missing_leaders: int
    missing_interpreter: bool

    @property
    def understaffed(self) -> bool:
        return bool(self.problems)


FULLY_STAFFED = Staffing((), 0, False)


def staffed_leader(leader: GroupLeader) -> StaffedPerson:
    return StaffedPerson(leader.id, leader.full_name, trained=leader.trained)


def staffed_interpreter(interpreter: Interpreter, language_ids: Iterable[int]) -> StaffedPerson:
    return StaffedPerson(interpreter.id, interpreter.full_name, language_ids=frozenset(language_ids))


def interpreter_languages(
    session: Session, interpreter_ids: Iterable[int] | None = None
) -> dict[int, set[int]]:
    """The languages each interpreter speaks (all interpreters when no ids are given), in one query."""
    query = select(InterpreterLanguage.interpreter_id, InterpreterLanguage.language_id)
    if interpreter_ids is not None:
        query = query.where(InterpreterLanguage.interpreter_id.in_(set(interpreter_ids)))
    spoken: dict[int, set[int]] = {}
    for interpreter_id, language_id in session.execute(query):
        spoken.setdefault(interpreter_id, set()).add(language_id)
    return spoken


def staffed_people(
    session: Session, interpreter_ids: Iterable[int] | None = None
) -> tuple[dict[int, StaffedPerson], dict[int, StaffedPerson]]:
    """Every leader, and the interpreters asked for (all when None), as the staffing rule sees them."""
    leaders = {row.id: staffed_leader(row) for row in session.scalars(select(GroupLeader))}
    query = select(Interpreter)
    wanted = None if interpreter_ids is None else set(interpreter_ids)
    if wanted is not None:
        query = query.where(Interpreter.id.in_(wanted))
    spoken = interpreter_languages(session, wanted)
    interpreters = {
        row.id: staffed_interpreter(row, spoken.get(row.id, ())) for row in session.scalars(query)
    }
    return leaders, interpreters


def assess_staffing(
    leaders: Sequence[StaffedPerson],
    interpreter: StaffedPerson | None,
    language_id: int,
    language_name: str,
    language_code: str,
) -> Staffing:
    """The staffing of one session held in the given language (named, and by its ISO code)."""
    needs_interpreter = language_code != NO_INTERPRETER_LANGUAGE
    if not needs_interpreter:
        # The rule's interpreter half is met by a stand-in, so only the leaders are judged.
        interpreter = StaffedPerson(-1, language_ids=frozenset({language_id}))
    problems = tuple(staffing_problems(leaders, interpreter, language_id, language_name))
    trained = {leader.id for leader in leaders if leader.trained}
    return Staffing(
        problems=problems,
        missing_leaders=max(0, LEADERS_PER_SESSION - len(trained)),
        missing_interpreter=needs_interpreter
        and (interpreter is None or not interpreter.speaks(language_id)),
    )


def assess_booked(
    leader_ids: Iterable[int | None],
    interpreter_id: int | None,
    people: tuple[Mapping[int, StaffedPerson], Mapping[int, StaffedPerson]],
    language_id: int,
    language_name: str,
    language_code: str,
) -> Staffing:
    """The staffing of a session from the ids booked for it, looked up among the people loaded."""
    leaders_by_id, interpreters_by_id = people
    leaders = [leaders_by_id[i] for i in leader_ids if i is not None and i in leaders_by_id]
    interpreter = interpreters_by_id.get(interpreter_id) if interpreter_id is not None else None
    return assess_staffing(leaders, interpreter, language_id, language_name, language_code)
