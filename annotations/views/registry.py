"""The registry type-ahead (a WAI-ARIA combobox, static/js/registry.js): the options it lists as
the editor types, and the context its partial (annotations/article.html#combobox) is drawn
from, in the Resolve form (a Source span to an entry, or a new entry) and the Link form (a
claim's source as an entry)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from newsroom.http import HtmxHttpRequest, permission_required

from .. import registry
from ..models import Annotation, Source, Tag
from .fragments import PAGE_TEMPLATE

LIST_ID = re.compile(r"[a-z][a-z0-9_-]{0,60}")


@dataclass
class Combobox:
    """What the combobox partial draws: the text input (`text`, posted as `q`), the hidden
    field posted with the picked entry (`name`, `value`), the listbox (`list_id`, `hits`) and,
    when `create` is on, the "Create “…” as a new entry" options and the picked `kind`."""

    input_id: str
    list_id: str
    name: str
    label: str
    text: str = ""
    value: int | None = None
    kind: str = ""
    picked: str = ""
    create: bool = False
    expanded: bool = False
    autofocus: bool = False
    span_id: int | None = None
    hits: list[registry.Hit] = field(default_factory=list)

    @property
    def url(self) -> str:
        params = {"list": self.list_id}
        if self.span_id is not None:
            params["span"] = str(self.span_id)
        if self.create:
            params["create"] = "1"
        return f"{reverse('annotations:registry_search')}?{urlencode(params)}"

    @property
    def active(self) -> str:
        """The option the list opens on: the suggested entry, so that Enter picks it."""
        if self.expanded and self.hits and self.hits[0].suggested:
            return f"{self.list_id}-{self.hits[0].source.pk}"
        return ""

    @property
    def offer_create(self) -> bool:
        """The "Create" options: words typed that are no entry's name already."""
        key = registry.search_key(self.text)
        if not self.create or not key:
            return False
        return not any(registry.search_key(h.source.name) == key for h in self.hits)

    @property
    def kinds(self) -> list[tuple[str, str]]:
        return list(Source.Kind.choices)


def suggested_for(span: Annotation | None, words: str) -> list[Source]:
    """The entries suggested for a Source span (its name, a confirmed alias, the same words
    resolved earlier in the article: never for a pronoun), while `words` are still the span's."""
    if span is None or registry.search_key(words) != registry.search_key(span.quote):
        return []
    return list(Source.objects.matching(span.quote, span.article_id)[:5])


@require_GET
@permission_required("annotations.view_source")
def search(request: HtmxHttpRequest) -> HttpResponse:
    """The combobox's options for the typed words `q` (at most registry.LIMIT, best first),
    for the listbox `list`; `span` (a Source span) puts its suggested entry first; `create=1`
    adds the "Create" options for a user who may add entries."""
    list_id = request.GET.get("list", "")
    if not LIST_ID.fullmatch(list_id):
        raise BadRequest("list must name the listbox")
    text = request.GET.get("q", "")[: registry.MAX_KEY]
    span = None
    if (span_id := request.GET.get("span", "")).isdigit():
        span = (
            Annotation.objects.filter(pk=int(span_id), tag__role=Tag.Role.SOURCE)
            .only("quote", "article_id")
            .first()
        )
    cb = Combobox(
        input_id="",
        list_id=list_id,
        name="",
        label="",
        text=text,
        create=request.GET.get("create") == "1" and request.user.has_perm("annotations.add_source"),
        expanded=True,
    )
    cb.hits = Source.objects.search(text, suggested=suggested_for(span, text))
    return render(request, f"{PAGE_TEMPLATE}#registry_options", {"cb": cb})
