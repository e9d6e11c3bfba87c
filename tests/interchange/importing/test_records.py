"""What parsers yield (interchange/importing/records.py)."""

from __future__ import annotations

from interchange.importing.records import (
    RecordError,
)


def test_record_error_string():
    """A RecordError prints as file:line: message."""
    assert str(RecordError("a.txt", 7, "bad")) == "a.txt:7: bad"
