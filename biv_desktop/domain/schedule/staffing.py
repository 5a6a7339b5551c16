"""The staffing rule: every session has two trained group leaders and an interpreter in the group's language."""

from collections.abc import Sequence
from dataclasses import dataclass, field

LEADERS_PER_SESSION = 2


@dataclass(frozen=True)
class StaffedPerson:
    """A group leader or interpreter as the staffing rule sees them.

    `name` is optional: without it the sentences speak of "gruppledaren" and "tolken". `trained` matters for
    leaders, `language_ids` for interpreters.
    """

    id: int
    name: str = ""
    trained: bool = False
    language_ids: frozenset[int] = field(default_factory=frozenset)

    def speaks(self, language_id: int) -> bool:
        return language_id in self.language_ids


def _leader_problems(leaders: Sequence[StaffedPerson]) -> list[str]:
    # The same person in both places is one leader, not two.
    distinct = list({leader.id: leader for leader in leaders}.values())
    problems: list[str] = []
    if not distinct:
        problems.append("Inga gruppledare.")
    elif len(distinct) < LEADERS_PER_SESSION:
        problems.append("Bara en gruppledare.")
    untrained = [leader for leader in distinct if not leader.trained]
    named = [leader for leader in untrained if leader.name.strip()]
    problems.extend(f"Gruppledaren {leader.name.strip()} är inte utbildad." for leader in named)
    unnamed = len(untrained) - len(named)
    if unnamed and len(distinct) == 1:
        problems.append("Gruppledaren är inte utbildad.")
    elif unnamed == len(distinct) and unnamed > 1:
        problems.append("Ingen av gruppledarna är utbildad.")
    elif unnamed == 1:
        problems.append("En gruppledare är inte utbildad.")
    elif unnamed > 1:
        problems.append(f"{unnamed} gruppledare är inte utbildade.")
    return problems


def _interpreter_problems(
    interpreter: StaffedPerson | None, language_id: int, language_name: str
) -> list[str]:
    if interpreter is None:
        return ["Ingen tolk."]
    if interpreter.speaks(language_id):
        return []
    who = f"Tolken {interpreter.name.strip()}" if interpreter.name.strip() else "Tolken"
    language = language_name.strip().lower() or "gruppens språk"
    return [f"{who} talar inte {language}."]


def staffing_problems(
    leaders: Sequence[StaffedPerson],
    interpreter: StaffedPerson | None,
    group_language_id: int,
    language_name: str = "",
) -> list[str]:
    """What breaks the staffing rule for one session, as Swedish sentences; empty when it is fully staffed.

    `language_name` (e.g. 'Arabiska') makes the interpreter sentence say which language is missing.
    """
    return _leader_problems(leaders) + _interpreter_problems(interpreter, group_language_id, language_name)
