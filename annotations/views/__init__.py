"""The annotation app's views, one module per job (annotations/urls.py maps them):

- spans: the article page (the annotation workspace) and span editing: create, edit, delete,
  restore, link, unlink, resolve to the registry;
- review: the workflow bar, a reviewer's accept / reject / correct, the per-article review page;
- compare: two editors' annotations of an article side by side;
- dashboard: the reviewers' dashboard (its aggregates are in annotations.stats);
- sets: annotated sets (list, create, edit, preview, pick, delete);
- fragments: what the span and review views answer htmx with (no endpoints).

Permissions are checked one way everywhere: see newsroom.http.
"""
