"""Running a management command in a test, its output captured."""

from __future__ import annotations

import io

from django.core.management import call_command


def run_command(*args: str) -> tuple[str, str]:
    """Run the command; (stdout, stderr) as text."""
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()
