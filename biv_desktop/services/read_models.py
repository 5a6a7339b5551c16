"""Building a read model from the row it shows: the fields that mean the same, copied by name, once.

A read model (a frozen dataclass) names most of its fields after the ORM attributes it shows; the rest
are computed by the caller and passed as overrides. Shared by the areas only: the window imports an
area's face, never this.
"""

from collections.abc import Callable
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

ReadModel = TypeVar("ReadModel", bound="DataclassInstance")


def from_row(cls: type[ReadModel], source: object, **overrides: Any) -> ReadModel:
    """A ``cls`` whose every field is ``source``'s same-named attribute, unless given in ``overrides``.

    An override that names no field of ``cls`` is a mistake in the caller and raises TypeError.
    """
    names = [item.name for item in fields(cls) if item.init]
    unknown = set(overrides) - set(names)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
    values = {name: overrides[name] if name in overrides else getattr(source, name) for name in names}
    return cast(Callable[..., ReadModel], cls)(**values)
