"""Frozen dataclass trees to JSON and back, by their type hints: so stored report figures read back whole.

Handles what report figures are made of: int, float, str, bool, dates (ISO text), enums (their value),
tuples of one type, optional values and nested dataclasses. A field with a default may be missing (stored
before it was added). Decoding checks every value against its hint,
so damaged or foreign JSON raises ValueError rather than giving a tree with wrong types inside.
"""

import dataclasses
import datetime as dt
import enum
import json
import types
import typing
from typing import Any, TypeVar

T = TypeVar("T")


def _encode(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _encode(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def dataclass_to_json(value: object) -> str:
    """A dataclass tree as JSON text (non-ASCII letters kept readable)."""
    return json.dumps(_encode(value), ensure_ascii=False, sort_keys=True)


def _fail(hint: object, value: object) -> ValueError:
    return ValueError(f"expected {hint}, found {type(value).__name__}")


def _decode_union(hint: Any, value: object) -> object:
    options = typing.get_args(hint)
    if value is None and type(None) in options:
        return None
    for option in options:
        if option is type(None):
            continue
        try:
            return _decode(option, value)
        except (ValueError, TypeError):
            continue
    raise _fail(hint, value)


def _decode_scalar(hint: type, value: object) -> object:
    if hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif hint is str:
        if isinstance(value, str):
            return value
    elif hint is dt.date:
        if isinstance(value, str):
            return dt.date.fromisoformat(value)
    elif issubclass(hint, enum.Enum):
        return hint(value)
    raise _fail(hint, value)


def _decode_dataclass(hint: type, value: object) -> object:
    if not isinstance(value, dict):
        raise _fail(hint, value)
    hints = typing.get_type_hints(hint)
    arguments: dict[str, object] = {}
    for field in dataclasses.fields(hint):
        if field.name not in value:
            if field.default is not dataclasses.MISSING:
                continue  # stored before the field was added: it takes its default
            raise ValueError(f"{hint.__name__}.{field.name} is missing")
        arguments[field.name] = _decode(hints[field.name], value[field.name])
    return hint(**arguments)


def _decode(hint: Any, value: object) -> object:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return _decode_union(hint, value)
    if origin is tuple:
        if not isinstance(value, list):
            raise _fail(hint, value)
        item_hint = typing.get_args(hint)[0]
        return tuple(_decode(item_hint, item) for item in value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, value)
    if isinstance(hint, type):
        return _decode_scalar(hint, value)
    raise TypeError(f"cannot read {hint} from JSON")


def dataclass_from_json(cls: type[T], text: str) -> T:
    """The dataclass tree that dataclass_to_json wrote; ValueError if the text does not fit cls."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error}") from error
    result = _decode(cls, data)
    if not isinstance(result, cls):
        raise _fail(cls, data)
    return result
