"""Background exports' files: expiry."""

from __future__ import annotations

import os
import time

from interchange.exporting import jobs


def test_old_exports_are_purged(media, settings):
    """Files older than EXPORT_KEEP_DAYS go when the next export runs; newer ones stay."""
    settings.EXPORT_KEEP_DAYS = 1
    folder = media / "exports"
    folder.mkdir()
    old, new = folder / "old.jsonl", folder / "new.jsonl"
    old.write_text("x")
    new.write_text("y")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    assert jobs.purge_expired() == 1
    assert not old.exists() and new.exists()
