from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


def user_role(user: User | AnonymousUser) -> str:
    if not user.is_authenticated:
        return ""
    if user.is_superuser or user.is_staff:
        return "Admin"
    names = {g.name for g in user.groups.all()}
    if "Reviewers" in names:
        return "Reviewer"
    return "Editor" if "Editors" in names else ""


def role(request: HttpRequest) -> dict[str, object]:
    """The signed-in user's role for the header, looked up only if a template shows it."""
    return {"role": SimpleLazyObject(lambda: user_role(request.user))}
