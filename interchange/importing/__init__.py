"""Moving articles in: file → intake (decoding, archives, limits, detection) → a parser per
format (plaintext, jsonl, csvfile, html; their checks in validation/) → the saver (saver/:
checks, matching, inserts, the run). docs/import.md states the rules and the figures."""
