"""The htmx plumbing every app's views share: the typed request, the login check that knows an
htmx request from a page load, and the one way views check permissions.

Permissions, one mechanism in two layers:

1. What a view needs of the user's role is declared on the view with `permission_required`
   (it includes `htmx_login_required`): anonymous visitors are sent to the login page (302, or
   an HX-Redirect for htmx), users without the permissions get 403. A view whose refusal must be
   shown inside the fragment that asked (the annotation toolbar's status line) passes `denied`.
2. What depends on the row or on the request's content (this annotation is someone else's;
   this POST creates a registry entry) is checked after the row is found, by `check_perms` or by
   a helper built on the model's own rule (annotations.views.spans.get_changeable), which
   raise PermissionDenied: 403 as well.

Never hide a control without the view refusing it too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class SignedInRequest(HtmxHttpRequest):
    """The request a view behind `permission_required` (or `htmx_login_required`) receives:
    anonymous visitors were sent to the login page, so `user` is a signed-in User. For the
    type checker only, where a view stores the user on a row."""

    user: User


def htmx_login_required(view: Callable) -> Callable:
    """login_required, but an htmx request whose session expired is sent to the login page as a
    whole-page navigation instead of having the login form swapped into a fragment."""

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated and request.htmx:
            # Back to the page the user was on (not the fragment URL), its query string encoded.
            next_url = request.htmx.current_url_abs_path or request.get_full_path()
            return HttpResponseClientRedirect(redirect_to_login(next_url).url)
        return login_required(view)(request, *args, **kwargs)

    return wrapper


def check_perms(
    user: User | AnonymousUser, *perms: str, any_of: bool = False, message: str = ""
) -> None:
    """PermissionDenied (403) unless `user` has all of `perms` (with `any_of`, one of them)."""
    granted = any if any_of else all
    if not granted(user.has_perm(perm) for perm in perms):
        raise PermissionDenied(message)


def permission_required(
    *perms: str,
    any_of: bool = False,
    message: str = "",
    denied: Callable[[HtmxHttpRequest], HttpResponse] | None = None,
) -> Callable[[Callable], Callable]:
    """A view for signed-in users with `perms` (all of them, or with `any_of` one of them):
    htmx_login_required, then `check_perms`. `denied(request)` answers a refusal instead of
    raising PermissionDenied (it must answer 403 itself)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def checked(request: HtmxHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                check_perms(request.user, *perms, any_of=any_of, message=message)
            except PermissionDenied:
                if denied is None:
                    raise
                return denied(request)
            return view(request, *args, **kwargs)

        return htmx_login_required(checked)

    return decorator
