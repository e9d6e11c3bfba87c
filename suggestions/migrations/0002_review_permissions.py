"""Give the Editors and Reviewers roles the right to see suggestions and to accept or reject
them (suggestions.services; the admin's actions check it)."""

from django.db import migrations

GRANTS = {
    "Editors": [("suggestions", "view_suggestion"), ("suggestions", "review_suggestion")],
    "Reviewers": [("suggestions", "view_suggestion"), ("suggestions", "review_suggestion")],
}

# Permissions are normally made after all migrations (post_migrate); the roles need them now.
# Made here from the migration state, never from the current models (whose set changes).
CUSTOM = {"review_suggestion": "suggestion"}
NAMES = {"review_suggestion": "Can accept or reject suggestions"}


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
    dependencies = [
        ("suggestions", "0001_initial"),
        ("annotations", "0005_review_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
