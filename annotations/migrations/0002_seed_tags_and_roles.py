"""Seed the four attribution tags and the Editors / Reviewers roles."""

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

# Permissions are normally made after all migrations (post_migrate); the roles need them now.
# Made here from the migration state, never from the current models (whose set changes).
CUSTOM = {"change_any_annotation": "annotation", "export_annotations": "annotatedset"}
NAMES = {
    "change_any_annotation": "Can change or delete annotations made by anyone",
    "export_annotations": "Can export annotated sets",
}


def permission(apps, app_label, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    action, _, model = codename.partition("_")
    model = CUSTOM.get(codename, model)
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    name = NAMES.get(codename) or f"Can {action} {model}"
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )[0]


def seed(apps, schema_editor):
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
    for group_name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in perms:
            group.permissions.add(permission(apps, app_label, codename))


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
