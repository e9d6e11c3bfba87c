"""What a locked-out login answers (django-axes calls `locked_out`, settings.AXES_LOCKOUT_CALLABLE).

The same login page, with a message that says why the attempt was refused and when to try
again, answered 429 with Retry-After: a person sees the reason, a script sees the status. Axes
refuses the attempt before any password is hashed, so repeated attempts cost no CPU beyond the
lockout lookup.
"""

from __future__ import annotations

from typing import Any

from axes.helpers import get_cool_off
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    response = render(
        request,
        "registration/login.html",
        {
            "form": form,
            "locked_minutes": minutes,
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
        status=429,
    )
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
