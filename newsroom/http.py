"""The htmx plumbing every app's views share: the typed request and the login check that knows
an htmx request from a page load."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def htmx_login_required(view: Callable) -> Callable:
    """login_required, but an htmx request whose session expired is sent to the login page as a
    whole-page navigation instead of having the login form swapped into a fragment."""

    @wraps(view)
    def wrapper(request: HtmxHttpRequest, *args, **kwargs):
        if not request.user.is_authenticated and request.htmx:
            # Back to the page the user was on (not the fragment URL), its query string encoded.
            next_url = request.htmx.current_url_abs_path or request.get_full_path()
            return HttpResponseClientRedirect(redirect_to_login(next_url).url)
        return login_required(view)(request, *args, **kwargs)

    return wrapper
