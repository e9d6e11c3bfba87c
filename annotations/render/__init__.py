"""The only HTML written in Python, where measurement demands it (docs/benchmarks.md): the
highlighted article text (highlight) and the side panel's items and review rows (panel). Every
other fragment lives in a template partial; each state of these fragments has a snapshot test
under tests/annotations/render/."""
