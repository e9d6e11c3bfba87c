"""Admin change forms submitted the way a browser would: every field of the rendered form is
read back from the HTML, a few are changed, and the whole form is posted."""

from __future__ import annotations

import html5lib
from django.urls import reverse


def form_data(html: str, form_id: str) -> dict[str, str | list[str]]:
    """What a browser would submit for the form `form_id` of a page, unchanged."""
    document = html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=False)
    form = next(f for f in document.iter("form") if f.get("id") == form_id)
    data: dict[str, list[str]] = {}
    for element in form.iter():
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "input":
            kind = (element.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"} and element.get("checked") is None:
                continue
            default = "on" if kind in {"checkbox", "radio"} else ""
            data.setdefault(name, []).append(element.get("value", default))
        elif element.tag == "textarea":
            # Browsers drop the newline that follows <textarea>; html5lib 1.1 forgets to inside a
            # table cell (tabular inlines), so drop it here.
            data.setdefault(name, []).append((element.text or "").removeprefix("\n"))
        elif element.tag == "select":
            options = list(element.iter("option"))
            chosen = [o for o in options if o.get("selected") is not None] or options[:1]
            if element.get("multiple") is not None:
                chosen = [o for o in options if o.get("selected") is not None]
            for option in chosen:
                value = option.get("value")
                data.setdefault(name, []).append(option.text or "" if value is None else value)
    return {k: v[0] if len(v) == 1 else v for k, v in data.items()}


def change_form(client, model, obj) -> dict[str, str | list[str]]:
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response.content.decode(), f"{opts.model_name}_form")


def post_change(client, model, obj, data):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return client.post(url, data)
