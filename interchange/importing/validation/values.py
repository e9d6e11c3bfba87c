"""Typed values out of decoded JSON objects, each problem worded for the report.

Pure functions and one collector (`Check`), no Django, no database: what the JSON and CSV
readers use to check an article object field by field. Every problem is collected instead of
raised, so a record's report names all its bad fields at once. Messages name the field by its
path ("annotations[2].start") and say what was expected and what was found.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime

from interchange import native

from ..records import CANONICAL_UUID


class Check:
    """Reads typed values out of JSON objects, collecting every problem instead of raising.

    `native` records are strict (an unknown key is an error: dropping it would break the
    lossless round trip); in the others unknown keys are counted in `ignored` for a note."""

    __slots__ = ("ignored", "native", "problems")

    def __init__(self, problems: list[str], native: bool, ignored: Counter[str] | None) -> None:
        self.problems = problems
        self.native = native
        self.ignored = ignored

    def add(self, problem: str) -> None:
        self.problems.append(problem)

    def unknown(self, data: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
        """Unknown keys: errors in a native record, else counted for a note."""
        if data.keys() <= allowed:
            return
        extra = [key for key in data if key not in allowed]
        if not extra:
            return
        if self.native:
            self.problems.extend(f"{where}{key}: not a key of {native.FORMAT}" for key in extra)
        elif self.ignored is not None:
            group = re.sub(r"\[\d+\]", "[]", where)  # counted per key, not per caption
            self.ignored.update(f"{group}{key}" for key in extra)

    def strict(self, data: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
        """Unknown keys of the native-only objects are always errors: their layout is ours."""
        if data.keys() <= allowed:
            return
        self.problems.extend(
            f"{where}.{key}: not a key of {native.FORMAT}" for key in data if key not in allowed
        )

    def string(
        self, data: Mapping[str, object], key: str, where: str = "", *, required: bool = False
    ) -> str:
        """A string value; null or absent is "" (or "missing" when required)."""
        value = data.get(key)
        if type(value) is str and (not required or value.strip()):
            return value
        name = f"{where}.{key}" if where else key
        if value is None:
            if required:
                self.add(f"{name}: missing")
            return ""
        if not isinstance(value, str):
            self.add(f"{name}: must be a string, not {kind(value)}")
            return ""
        if required and not value.strip():
            self.add(f"{name}: empty")
        return value

    def choice(
        self,
        data: Mapping[str, object],
        key: str,
        allowed: tuple[str, ...],
        where: str = "",
        *,
        default: str,
        required: bool = False,
    ) -> str:
        value = data.get(key)
        if type(value) is str and value in allowed:
            return value
        name = f"{where}.{key}" if where else key
        if value is None:
            if required:
                self.add(f"{name}: missing")
            return default
        if value not in allowed:
            self.add(f"{name}: {show(value)} is not one of {', '.join(allowed)}")
            return default
        return str(value)

    def datetime(self, data: Mapping[str, object], key: str, where: str = "") -> datetime | None:
        """An ISO 8601 date or datetime; naive means UTC; null, absent or blank is None."""
        value = data.get(key)
        if value is None:
            return None
        name = f"{where}.{key}" if where else key
        if not isinstance(value, str):
            self.add(f"{name}: must be an ISO 8601 date or datetime string, not {kind(value)}")
            return None
        parsed = stamp(value)
        if parsed is None:
            if not value.strip():
                return None
            parsed = stamp(value.strip())
            if parsed is None:
                self.add(f"{name}: not an ISO 8601 date or datetime: {show(value)}")
        return parsed

    def integer(self, data: Mapping[str, object], key: str, where: str) -> int | None:
        value = data.get(key)
        if value is None:
            self.add(f"{where}.{key}: missing")
            return None
        if type(value) is not int:
            self.add(f"{where}.{key}: must be a whole number, not {kind(value)}")
            return None
        if value < 0:
            self.add(f"{where}.{key}: must not be negative, got {value}")
            return None
        return value

    def identifier(self, value: object, name: str, *, required: bool = False) -> str:
        """An annotation id: a UUID, returned in its canonical lower-case form."""
        if type(value) is str and CANONICAL_UUID.fullmatch(value):
            return value
        if value is None:
            if required:
                self.add(f"{name}: missing")
            return ""
        if not isinstance(value, str):
            self.add(f"{name}: must be a UUID string, not {kind(value)}")
            return ""
        try:
            return str(uuid.UUID(value))
        except ValueError:
            self.add(f"{name}: not a UUID: {show(value)}")
            return ""


@functools.lru_cache(maxsize=1024)
def stamp(value: str) -> datetime | None:
    """An ISO 8601 string as an aware datetime (naive means UTC), None if it is not one; what
    Check.datetime accepts without a problem. Exported times repeat: parsed once each."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def kind(value: object) -> str:
    """A JSON value's type, as a person would say it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def show(value: object) -> str:
    """A value as a message quotes it: its repr, cut at 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
