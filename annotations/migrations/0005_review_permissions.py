"""Give the roles the review, workflow and export permissions of migration 0004's models."""

from django.db import migrations

GRANTS = {
    "Editors": [
        ("annotations", "add_articlereview"),  # mark an article ready for review
        ("annotations", "view_review"),
    ],
    "Reviewers": [
        ("annotations", "add_review"),
        ("annotations", "view_review"),
        ("annotations", "add_articlereview"),
        ("annotations", "view_annotatedset"),
        ("annotations", "add_annotatedset"),
        ("annotations", "change_annotatedset"),
        ("annotations", "delete_annotatedset"),
        ("annotations", "export_annotations"),
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


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in perms:
            group.permissions.add(permission(apps, app_label, codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, perms in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for app_label, codename in perms:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [("annotations", "0004_review_and_sets")]

    operations = [migrations.RunPython(grant, revoke)]
