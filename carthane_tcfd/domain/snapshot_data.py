"""Frozen records as plain JSON data and back, driven by their type hints: a period's snapshot is stored
at approval and read again for the pack, and whatever a record gains later (a new section of the
register) is stored, hashed and read back with it without changes here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")

# What a register snapshot carries only for the report being written, not as the period's content.
PACK_CONTEXT_FIELDS = frozenset({"previous", "prepared_by", "prepared_on", "signoff", "frozen_hash"})


PLAIN = frozenset({str, int, float, bool, type(None)})  # exactly these types (an enum is a subclass) pass as they are


@functools.cache
def _content_fields(cls: type) -> tuple[str, ...] | None:
    """The fields `to_data` writes of a record type; None for a type that is not a dataclass."""
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in PACK_CONTEXT_FIELDS)


def to_data(value: Any) -> Any:
    """JSON-ready data: dataclasses as objects (their pack context left out), decimals as text, dates
    in ISO form, enums as their codes, tuples as lists. (Plain values first and each record type's field
    names once: a 10,000-item snapshot is read in about a third of the time.)"""
    cls = type(value)
    if cls in PLAIN:
        return value
    if cls is tuple or cls is list:
        return [to_data(v) for v in value]
    names = _content_fields(cls)  # type: ignore[arg-type]  # a class is hashable; mypy cannot tell for type[Any]
    if names is not None:
        return {name: to_data(getattr(value, name)) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def shallow_data(value: Any) -> Any:
    """One level of `to_data`, for a JSON encoder's `default` hook: the encoder writes strings, numbers,
    lists, tuples and dicts itself and calls this for the rest, so it makes the same JSON as `to_data`
    without building the nested data in Python (a 10,000-item snapshot's text in about a quarter of
    the time)."""
    names = _content_fields(type(value))  # type: ignore[arg-type]  # as in to_data
    if names is not None:
        return {name: getattr(value, name) for name in names}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not snapshot data")


def from_data(cls: type[T], data: Any) -> T:
    """The record of type `cls` that `to_data` made `data` from. Fields missing from `data` (stored
    before the record gained them) take their defaults."""
    return typing.cast(T, _read(cls, data))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a record type; the records' module imports some of the types they name
    only for type checking, and gives them here."""
    from carthane_tcfd.domain.records import annotation_types

    return typing.get_type_hints(cls, localns=annotation_types())


def _read(tp: Any, data: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _read(options[0], data)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_read(args[0], v) for v in data)
        return tuple(_read(a, v) for a, v in zip(args, data, strict=True))
    if origin is list:
        return [_read(typing.get_args(tp)[0], v) for v in data]
    if origin is dict:
        _key, value_type = typing.get_args(tp)
        return {k: _read(value_type, v) for k, v in data.items()}
    if tp is Any or data is None:
        return data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        values = {
            f.name: _read(hints[f.name], data[f.name]) for f in dataclasses.fields(tp) if f.init and f.name in data
        }
        return tp(**values)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if tp is Decimal:
        return Decimal(data)
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(data)
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    return data
