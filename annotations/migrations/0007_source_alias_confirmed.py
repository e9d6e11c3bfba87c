"""Aliases become managed: a `confirmed` flag, who confirmed it and when.

Existing aliases all start unconfirmed. Nothing records who made them: the resolve form wrote
one silently for every resolved span (the source of issue 10's "he" pre-selected in another
article), the admin and imports wrote the rest. A wrong "confirmed" brings the bug back; a
wrong "unconfirmed" costs an admin one bulk action ("Confirm selected aliases"). Aliases that
are only pronouns or determiners ("he", "they", "the") are deleted: they can never be an alias.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# Frozen here (not imported from annotations.aliases, which may change after this migration).
NEVER = frozenset(
    str.split(
        """he she it they we i you him her them us me his hers its their theirs our ours my mine
    your yours who whom whose which himself herself itself themselves ourselves myself yourself
    yourselves one someone somebody everyone everybody anyone anybody nobody the a an this that
    these those"""
    )
)


def drop_pronoun_aliases(apps, schema_editor):
    SourceAlias = apps.get_model("annotations", "SourceAlias")
    doomed = [
        pk
        for pk, normalised in SourceAlias.objects.values_list("pk", "normalised").iterator()
        if normalised.split()
        and all(word.strip(".,;:'’\"") in NEVER for word in normalised.split())
    ]
    SourceAlias.objects.filter(pk__in=doomed).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0006_attribution_fragments_implicit_source"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="sourcealias",
            name="confirmed",
            field=models.BooleanField(
                default=False,
                help_text="Only confirmed aliases pre-select or resolve this entry in other articles.",
            ),
        ),
        migrations.AddField(
            model_name="sourcealias",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="sourcealias",
            name="confirmed_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcealias",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("confirmed", True), ("confirmed_at__isnull", False)),
                    models.Q(
                        ("confirmed", False),
                        ("confirmed_at__isnull", True),
                        ("confirmed_by__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="alias_confirmation_recorded",
            ),
        ),
        migrations.RunPython(drop_pronoun_aliases, migrations.RunPython.noop),
    ]
