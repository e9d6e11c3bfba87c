"""What an import says about each record: its preview row (origin, title, counts, outcome and
message, up to the run's preview limit) and, for updated and changed articles, a notice in the
report. The counts never stop at the limit; the rows do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..records import RecordError
from .pending import CHANGED, DUPLICATE, ERROR, UPDATE, Pending

if TYPE_CHECKING:
    from .run import ImportResult


class Preview:
    def __init__(self, result: ImportResult, limit: int) -> None:
        self.result = result
        self.limit = max(0, limit)

    def row(
        self, origin: str, title: str, captions: int = 0, paragraphs: int = 0, annotations: int = 0
    ) -> dict[str, Any] | None:
        """A new row, its status and message left for later; None past the limit."""
        if len(self.result.preview) >= self.limit:
            return None
        row = {
            "origin": origin,
            "title": title,
            "captions": captions,
            "paragraphs": paragraphs,
            "annotations": annotations,
            "status": "",
            "message": "",
        }
        self.result.preview.append(row)
        return row

    def fail(self, errors: list[RecordError], *, origin: str, title: str) -> None:
        """A record that could not be read or was refused: counted, reported, shown."""
        self.result.failed += 1
        self.result.errors.extend(errors)
        row = self.row(origin, title)
        if row is not None:
            row["status"] = ERROR
            row["message"] = "; ".join(error.message for error in errors)

    def explain(self, p: Pending) -> None:
        """The message of a record that was not simply created; a notice for an update or a
        change not written."""
        article_id = p.article_id
        message = {
            DUPLICATE: f"same text as article {article_id}",
            UPDATE: f"updates article {article_id}: its text changed",
            CHANGED: (
                f"the text of article {article_id} changed, but it is approved: not overwritten"
                " (a reviewer can reopen it)"
                if p.approved
                else f"the text of article {article_id} changed, but it has annotations: "
                "not overwritten"
            ),
        }[p.outcome]
        if p.row is not None:
            p.row["message"] = message
        if p.outcome in (UPDATE, CHANGED):
            file, _, line = p.origin.rpartition(":")
            self.result.notices.append(
                {
                    "level": p.outcome,
                    "file": file if line.isdigit() else p.origin,
                    "line": int(line) if line.isdigit() else 0,
                    "article": article_id,
                    "message": message,
                }
            )
