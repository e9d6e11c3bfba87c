"""Attribution suggestions (issue 9): the pure engine that proposes source–cue–content triples,
and, as it lands, its storage and review path. See docs/suggestions.md."""
