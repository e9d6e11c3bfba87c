"""A small, varied, deterministic data set for the backup and upgrade tests.

`populate(apps)` takes an app registry: Django's (the current models) or a migration state's
(the models as a past release had them), so the same rows can be written into a database made
by the previous release's migrations. It uses only fields that existed at that release and sets
every timestamp and id explicitly, so two databases populated this way export the same bytes.

Run in a child process on a scratch database (tests/scripts/scratch_db.py):
    manage.py shell -c "from tests.scripts.sample_data import populate_current; populate_current()"

The sentences are invented for these tests.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

CONTEXT_CHARS = 32  # annotations.anchoring.CONTEXT_CHARS at the previous release
T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

ARTICLES = [
    (
        "Harbour ferry timetable cut for the winter, operator says",
        "The harbour ferry will run every forty minutes from December, the operator said on "
        "Monday.\n\nCommuters' groups said the change would lengthen journeys, according to a "
        "letter sent to the council.",
        "Passengers board the morning ferry at the east pier, the operator said.",
    ),
    (
        "Library extends opening hours after survey",
        "The central library will open until nine on weekdays, its director announced.\n\n"
        "“Students asked for it more than anything else,” she told reporters.",
        "",
    ),
    (
        "Council delays vote on cycle lanes",
        "Councillors postponed the vote, a spokesperson confirmed, citing missing cost figures.",
        "Cyclists on the bridge, where a lane was proposed.",
    ),
]


def _span(text: str, phrase: str, occurrence: int = 0) -> tuple[int, int, str, str, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    prefix = text[max(0, start - CONTEXT_CHARS) : start]
    suffix = text[end : end + CONTEXT_CHARS]
    return start, end, phrase, prefix, suffix


def populate(apps: Any) -> dict[str, int]:
    """Write the data set with the models of `apps`; returns rows made per model."""
    User = apps.get_model("auth", "User")
    Group = apps.get_model("auth", "Group")
    Article = apps.get_model("articles", "Article")
    ImageCaption = apps.get_model("articles", "ImageCaption")
    Tag = apps.get_model("annotations", "Tag")
    Source = apps.get_model("annotations", "Source")
    SourceAlias = apps.get_model("annotations", "SourceAlias")
    Annotation = apps.get_model("annotations", "Annotation")
    Attribution = apps.get_model("annotations", "Attribution")
    Review = apps.get_model("annotations", "Review")
    AnnotatedSet = apps.get_model("annotations", "AnnotatedSet")

    editor = User.objects.create(username="sample-editor", password="!unusable")  # noqa: S106
    reviewer = User.objects.create(username="sample-reviewer", password="!unusable")  # noqa: S106
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    tags = {t.role: t for t in Tag.objects.all()}

    operator = Source.objects.create(name="Harbour Ferries Ltd", kind="organisation")
    director = Source.objects.create(name="Library director", kind="person")
    SourceAlias.objects.create(
        source=operator,
        alias="the operator",
        normalised="the operator",
        confirmed=True,
        confirmed_by=editor,
        confirmed_at=T0,
    )

    made = {"articles": 0, "annotations": 0, "attributions": 0, "reviews": 0}
    n = 0
    for i, (title, body, caption_text) in enumerate(ARTICLES):
        article = Article.objects.create(
            title=title,
            body=body,
            outlet="Sample Gazette",
            byline="By A. Tester",
            url=f"https://example.org/sample/{i}",
            published=T0 - timedelta(days=i),
            external_id=f"sample-{i}",
            content_hash=f"{i:064x}",
            status=["in_annotation", "ready", "approved"][i],
        )
        made["articles"] += 1
        caption = None
        if caption_text:
            caption = ImageCaption.objects.create(
                article=article, position=0, text=caption_text, credit="Photo: tests"
            )

        def annotate(
            phrase: str,
            role: str,
            *,
            target: str = "body",
            status: str = "accepted",
            note: str = "",
            entry: Any = None,
            _a: Any = article,
            _c: Any = caption,
            _body: str = body,
            _cap: str = caption_text,
        ) -> Any:
            nonlocal n
            n += 1
            text = _cap if target == "caption" else _body
            start, end, quote, prefix, suffix = _span(text, phrase)
            made["annotations"] += 1
            return Annotation.objects.create(
                client_id=uuid.UUID(int=n),
                article=_a,
                target=target,
                caption=_c if target == "caption" else None,
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                tag=tags[role],
                note=note,
                source_entry=entry,
                author=editor,
                status=status,
            )

        if i == 0:
            claim = annotate("will run every forty minutes from December", "claim")
            source = annotate("the operator", "source", entry=operator)
            cue = annotate("said", "cue")
            Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=editor)
            second = annotate(
                "the change would lengthen journeys",
                "claim",
                status="pending",
                note="<p>Check the letter.</p>",
            )
            Attribution.objects.create(claim=second, source_entry=operator, author=editor)
            annotate("the operator", "source", target="caption", status="rejected")
            made["attributions"] += 2
        elif i == 1:
            claim = annotate("will open until nine on weekdays", "claim")
            source = annotate("its director", "source", entry=director)
            cue = annotate("announced", "cue")
            Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=editor)
            quote = annotate("Students asked for it more than anything else", "quote")
            Review.objects.create(
                annotation=quote, reviewer=reviewer, action="accept", reason="", before={}
            )
            made["attributions"] += 1
            made["reviews"] += 1
        else:
            claim = annotate("Councillors postponed the vote", "claim", status="accepted")
            cue = annotate("confirmed", "cue")
            source = annotate("a spokesperson", "source")
            Attribution.objects.create(claim=claim, source_span=source, cue=cue, author=editor)
            made["attributions"] += 1

    picked = AnnotatedSet.objects.create(
        name="Sample set", description="", filters={}, created_by=reviewer
    )
    picked.picked.set(Article.objects.all())

    # Every timestamp fixed (auto_now and auto_now_add stamped the present).
    Article.objects.update(created=T0, updated=T0)
    Annotation.objects.update(created=T0, updated=T0)
    Attribution.objects.update(created=T0)
    Review.objects.update(created=T0)
    Source.objects.update(created=T0)
    return made


def populate_current() -> dict[str, int]:
    from django.apps import apps

    return populate(apps)


# The last migration of each of the project's apps at the previous release (the state of main
# before issue 11's changes landed: commit ff19405). Apps that came later (axes, and any added since) are not
# migrated; Django's own apps and django-tasks-db go to their latest, as they were pinned then.
PREVIOUS_RELEASE = {
    "annotations": "0007_source_alias_confirmed",
    "articles": "0004_delete_importrecord",
    "interchange": "0003_job_exports",
    "suggestions": "0002_review_permissions",
}
THIRD_PARTY_AT_LATEST = ("admin", "auth", "contenttypes", "sessions", "django_tasks_database")


def table_counts() -> dict[str, int]:
    """Rows in every table of the database."""
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def build_previous_release() -> None:
    """Migrate an empty database to the previous release's migrations, fill it with the sample
    data through that release's models, and print its table counts as JSON."""
    import json

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    leaves = dict(executor.loader.graph.leaf_nodes())
    targets = [*PREVIOUS_RELEASE.items()] + [(app, leaves[app]) for app in THIRD_PARTY_AT_LATEST]
    executor.migrate(targets)
    executor.loader.build_graph()
    populate(executor.loader.project_state(targets).apps)
    print(json.dumps(table_counts()))
