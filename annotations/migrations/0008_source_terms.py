"""The registry's search terms (annotations.models.SourceTerm) for the type-ahead, filled for the
entries and aliases already there."""

import django.db.models.deletion
from django.db import migrations, models

import annotations.models
from annotations.registry import terms_of


def fill_terms(apps, schema_editor):
    Source = apps.get_model("annotations", "Source")
    SourceAlias = apps.get_model("annotations", "SourceAlias")
    SourceTerm = apps.get_model("annotations", "SourceTerm")
    rows = [
        SourceTerm(source_id=pk, whole=i == 0, term=term)
        for pk, name in Source.objects.values_list("pk", "name").iterator()
        for i, term in enumerate(terms_of(name))
    ] + [
        SourceTerm(source_id=source_id, alias_id=pk, whole=i == 0, term=term)
        for pk, source_id, alias in SourceAlias.objects.values_list(
            "pk", "source_id", "alias"
        ).iterator()
        for i, term in enumerate(terms_of(alias))
    ]
    SourceTerm.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0007_source_alias_confirmed"),
    ]

    operations = [
        migrations.CreateModel(
            name="SourceTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("whole", models.BooleanField()),
                ("term", annotations.models.CodePointField(max_length=300)),
                (
                    "alias",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="annotations.sourcealias",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="annotations.source",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["whole", "term"], name="source_term_prefix")],
            },
        ),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
    ]
