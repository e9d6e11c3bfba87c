"""Seed the four attribution tags and the Editors / Reviewers roles."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

TAGS = [
    # name, role, colour, shortcut, description
    ("Claim", "claim", "#f6c744", "c", "What is asserted, reported or quoted indirectly."),
    ("Source", "source", "#7cc4f5", "s", "Who the claim is attributed to."),
    ("Cue", "cue", "#b79df0", "u", "The attribution verb or phrase: said, according to."),
    ("Quote", "quote", "#8ad6a4", "q", "Words reproduced verbatim in quotation marks."),
]

ROLES = {
    "Editors": [
        ("articles", "view_article"),
        ("articles", "view_imagecaption"),
        ("annotations", "view_tag"),
        ("annotations", "view_source"),
        ("annotations", "add_source"),
        ("annotations", "view_annotation"),
        ("annotations", "add_annotation"),
        ("annotations", "change_annotation"),
        ("annotations", "delete_annotation"),
        ("annotations", "view_attribution"),
        ("annotations", "add_attribution"),
        ("annotations", "delete_attribution"),
    ],
    "Reviewers": [
        ("articles", "view_article"),
        ("articles", "view_imagecaption"),
        ("annotations", "view_tag"),
        ("annotations", "view_source"),
        ("annotations", "add_source"),
        ("annotations", "view_annotation"),
        ("annotations", "change_annotation"),
        ("annotations", "delete_annotation"),
        ("annotations", "change_any_annotation"),
        ("annotations", "view_attribution"),
        ("annotations", "add_attribution"),
        ("annotations", "delete_attribution"),
    ],
}


def seed(apps, schema_editor):
    for app_label in ("articles", "annotations"):
        # Permissions are normally made after all migrations (post_migrate); the roles need them now.
        create_permissions(global_apps.get_app_config(app_label), verbosity=0, apps=apps)
    Tag = apps.get_model("annotations", "Tag")
    for position, (name, role, colour, shortcut, description) in enumerate(TAGS):
        Tag.objects.get_or_create(
            name=name,
            defaults={
                "role": role,
                "colour": colour,
                "shortcut": shortcut,
                "position": position,
                "description": description,
            },
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def unseed(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("annotations", "Tag").objects.filter(name__in=[t[0] for t in TAGS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0001_initial"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
