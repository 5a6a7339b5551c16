"""The schema revisions the program ships, read from its migration scripts' text, without loading Alembic.

Opening a register at the newest schema (every start but the first after an update) needs only the head
revision's id, so Alembic, which takes longer to import than the rest of the store, is loaded only when an
upgrade is due. A script not in the plain form Alembic writes (``revision = '0002'``,
``down_revision = '0001'``) gives None, and the caller asks Alembic itself.
"""

import re
from dataclasses import dataclass
from pathlib import Path

_REVISION = re.compile(r"""^revision\s*(?::[^=\n]*)?=\s*['"]([^'"\n]+)['"]\s*$""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=\n]*)?=\s*(?:None|['"]([^'"\n]+)['"])\s*$""", re.MULTILINE
)


@dataclass(frozen=True)
class ShippedRevisions:
    """Every revision the scripts define, and the one no other revision builds on (the head)."""

    known: frozenset[str]
    head: str


def read_revisions(versions: Path) -> ShippedRevisions | None:
    """The revisions of the scripts in ``versions``; None when a script cannot be read this simple way or
    the scripts do not form one line with one head."""
    known: set[str] = set()
    built_on: set[str] = set()
    for script in sorted(versions.glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revisions, downs = _REVISION.findall(text), _DOWN_REVISION.findall(text)
        if len(revisions) != 1 or len(downs) != 1:
            return None
        known.add(revisions[0])
        if downs[0]:
            built_on.add(downs[0])
    heads = known - built_on
    if len(heads) != 1 or not built_on <= known:
        return None
    return ShippedRevisions(frozenset(known), heads.pop())
