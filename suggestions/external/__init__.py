"""Suggestions from other tools (issue 9, deliverable 4): pre-annotations made by another
model, imported as suggestions with that model's name, version and score, stored by the same
`suggestions.store.store` as the rule engine's and reviewed the same way.

- `citron`: BBC Citron's JSON (quotes with cue, sources, contents, confidence).
- `labelstudio`: Label Studio tasks with predictions (labels grouped by relations).
- `records`: what both parsers produce (candidates in the tool's own offsets) and the problems
  they report.
- `textmatch`: how the tool's text is lined up with ours when the two differ only by what
  canonicalisation changes (BOM, CRLF, trailing spaces, blank lines, NFC).
- `placing`: candidates checked against the article's texts and turned into spans of ours.
- `importer`: the Django side: files streamed, articles found in bulk, proposals stored.

The parsers, textmatch and placing are pure Python (no ORM) and unit-tested on their own; the
format rules are in docs/suggestions.md, "Suggestions from other tools".
"""
