"""Move the import history (articles.ImportRecord) into Jobs, and back when reversed.

Each ImportRecord becomes an import Job with the same fields; its five *_count columns become
`counts`; `preview_of` is mapped to the new rows. `started` is auto_now_add, so it is set
again after the insert (an insert would stamp the migration's time). articles' next migration
then deletes ImportRecord; reversing it recreates the table before this copies the rows back.
"""

from __future__ import annotations

from django.db import migrations

COUNTS = ("created", "updated", "changed", "skipped", "failed")
FIELDS = ("user_id", "files", "uploads", "format", "options", "dry_run", "status", "total",
          "report", "preview", "finished")  # fmt: skip


def copy_records(apps, schema_editor) -> None:
    ImportRecord = apps.get_model("articles", "ImportRecord")
    Job = apps.get_model("interchange", "Job")
    jobs: dict[int, object] = {}
    for record in ImportRecord.objects.order_by("pk"):
        job = Job.objects.create(
            kind="import",
            counts={name: getattr(record, f"{name}_count") for name in COUNTS},
            **{name: getattr(record, name) for name in FIELDS},
        )
        Job.objects.filter(pk=job.pk).update(started=record.started)
        jobs[record.pk] = job
    for record in ImportRecord.objects.exclude(preview_of=None):
        Job.objects.filter(pk=jobs[record.pk].pk).update(preview_of=jobs[record.preview_of_id])


def copy_jobs_back(apps, schema_editor) -> None:
    ImportRecord = apps.get_model("articles", "ImportRecord")
    Job = apps.get_model("interchange", "Job")
    records: dict[int, object] = {}
    for job in Job.objects.filter(kind="import").order_by("pk"):
        record = ImportRecord.objects.create(
            **{f"{name}_count": int(job.counts.get(name) or 0) for name in COUNTS},
            **{name: getattr(job, name) for name in FIELDS},
        )
        ImportRecord.objects.filter(pk=record.pk).update(started=job.started)
        records[job.pk] = record
    for job in Job.objects.filter(kind="import").exclude(preview_of=None):
        ImportRecord.objects.filter(pk=records[job.pk].pk).update(
            preview_of=records[job.preview_of_id]
        )
    # Moved back, not copied: applying the migration again must not find them twice.
    Job.objects.filter(kind="import").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("interchange", "0001_job"),
        ("articles", "0003_article_url_index"),
    ]

    operations = [migrations.RunPython(copy_records, copy_jobs_back)]
