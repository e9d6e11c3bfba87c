"""The registry type-ahead (annotations.views.registry, annotations.registry, SourceTerm): what
the search endpoint lists and in which order, who may ask, the Resolve form around it
(creating an entry inline, the alias rules, stale writes refused with 409) and the Link form's
entry picker."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from annotations import registry
from annotations.models import Source, SourceAlias, SourceTerm
from tests.factories import make_annotation, make_article

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
Kind = Source.Kind


@pytest.fixture
def client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def search(client: Client, q: str, **params: str):
    return client.get(
        reverse("annotations:registry_search"), {"q": q, "list": "cb", **params}, headers=HTMX
    )


def names(response) -> list[str]:
    """The entries listed, in order."""
    return [html.unescape(n) for n in re.findall(r'data-name="([^"]*)"', response.content.decode())]


def entry(name: str, kind: str = Kind.ORGANISATION) -> Source:
    return Source.objects.create(name=name, kind=kind)


def alias(source: Source, words: str, *, confirmed: bool = True) -> SourceAlias:
    return SourceAlias.objects.create(
        source=source,
        alias=words,
        confirmed=confirmed,
        confirmed_at=timezone.now() if confirmed else None,
    )


# --- Keys and terms (pure) -------------------------------------------------------------------


def test_search_key_drops_accents_case_and_extra_spaces():
    """ "  Société   GÉNÉRALE " and "societe generale" are the same key."""
    assert registry.search_key("  Société   GÉNÉRALE ") == "societe generale"


def test_terms_start_at_the_name_and_at_each_later_word():
    """A name is found from its start or from any later word, a hyphenated part included."""
    assert registry.terms_of("Moqtada al-Sadr") == ["moqtada al-sadr", "al-sadr", "sadr"]


# --- Search: matching and ranking ------------------------------------------------------------


def test_search_matches_case_and_accent_insensitively(client):
    """Typing "sao paulo" finds "São Paulo State Government"."""
    entry("São Paulo State Government", Kind.GOVERNMENT)
    entry("Reuters", Kind.MEDIA)
    assert names(search(client, "sao paulo")) == ["São Paulo State Government"]


def test_search_ranks_name_prefix_then_alias_then_word_matches(client):
    """Best first: a name starting with the words, then a confirmed alias starting with them,
    then a name with a later word starting with them, then an alias with such a word."""
    alias(entry("Track Safety Office"), "The Rail Regulator")
    entry("Northern Rail Authority")
    by_alias = entry("Network Operator")
    alias(by_alias, "Railtrack")
    entry("Rail Workers Union")
    assert names(search(client, "rail")) == [
        "Rail Workers Union",
        "Network Operator",
        "Northern Rail Authority",
        "Track Safety Office",
    ]


def test_a_space_typed_ends_the_word(client):
    """ "rail " (a space typed after it) finds "Rail Workers Union", not "Railway Gazette"."""
    entry("Railway Gazette", Kind.MEDIA)
    entry("Rail Workers Union")
    assert names(search(client, "rail ")) == ["Rail Workers Union"]
    assert names(search(client, "rail")) == ["Rail Workers Union", "Railway Gazette"]


def test_search_shows_kind_and_the_alias_that_matched(client):
    """An option says the entry's kind and, when an alias matched, which one."""
    alias(entry("Syrian Observatory for Human Rights"), "SOHR")
    body = html.unescape(search(client, "soh").content.decode())
    assert "Organisation" in body
    assert "alias “SOHR”" in body


def test_search_ignores_unconfirmed_aliases(client):
    """A candidate alias (words nobody confirmed) finds nothing: only confirmed ones match."""
    alias(entry("Ministry of Transport", Kind.GOVERNMENT), "Transport Ministry", confirmed=False)
    assert names(search(client, "transport min")) == []


def test_search_does_not_match_inside_a_word(client):
    """ "port" is no word start in "Transport": not listed (that would need a scan)."""
    entry("Ministry of Transport")
    assert names(search(client, "port")) == []


def test_search_is_bounded(client):
    """However many entries match, at most registry.LIMIT are listed."""
    Source.objects.bulk_create(
        Source(name=f"Alpha Group {i:02}", kind=Kind.ORGANISATION) for i in range(30)
    )
    SourceTerm.index(sources=list(Source.objects.all()))
    assert len(names(search(client, "alpha"))) == registry.LIMIT


def test_search_puts_the_suggested_entry_first_while_the_words_are_the_spans(client, editor):
    """For a span whose words a confirmed alias names, that entry leads (marked suggested and
    active) while the input holds the span's words."""
    entry("Ministry of Labour", Kind.GOVERNMENT)
    ministry = entry("Transport Department", Kind.GOVERNMENT)
    alias(ministry, "The Ministry")
    span = make_annotation(
        make_article(body="The Ministry said so."), "Source", quote="The Ministry", author=editor
    )
    response = search(client, "The Ministry", span=str(span.pk))
    assert names(response)[0] == "Transport Department"
    assert re.search(
        rf'id="cb-{ministry.pk}" class="cb-option suggested"[^>]*aria-selected="true"',
        response.content.decode(),
    )


def test_search_ranks_the_suggested_entry_like_any_once_other_words_are_typed(client, editor):
    """Typing other words than the span's: no entry is suggested."""
    ministry = entry("Transport Department", Kind.GOVERNMENT)
    alias(ministry, "The Ministry")
    span = make_annotation(
        make_article(body="The Ministry said so."), "Source", quote="The Ministry", author=editor
    )
    response = search(client, "Transport", span=str(span.pk))
    assert "suggested" not in response.content.decode()


def test_search_never_suggests_for_a_pronoun(client, editor):
    """ "He" resolved elsewhere and even a stored "he" alias suggest nothing for "He"."""
    reporter = entry("Lena Varga", Kind.MEDIA)
    SourceAlias.objects.create(
        source=reporter, alias="he", confirmed=True, confirmed_at=timezone.now()
    )
    span = make_annotation(make_article(body="He said so."), "Source", quote="He", author=editor)
    response = search(client, "He", span=str(span.pk))
    assert "suggested" not in response.content.decode()


def test_renaming_an_entry_reindexes_it(client):
    """After a rename the old name finds nothing and the new one finds the entry."""
    source = entry("Old Name Agency")
    source.name = "New Name Agency"
    source.save()
    assert names(search(client, "old name")) == []
    assert names(search(client, "new name")) == ["New Name Agency"]


def test_deleting_an_alias_drops_its_terms(client):
    """A deleted alias no longer finds its entry."""
    a = alias(entry("Network Operator"), "Railtrack")
    a.delete()
    assert names(search(client, "railtrack")) == []


# --- Search: the "Create" options -------------------------------------------------------------


def test_search_offers_create_with_a_kind_for_new_words(client):
    """Words that are no entry's name get "Create “…” as a new entry" with one option per kind."""
    body = html.unescape(search(client, "Harbour Authority", create="1").content.decode())
    assert "Create “Harbour Authority” as a new entry:" in body
    assert len(re.findall(r'data-kind="(\w+)"', body)) == len(Kind.choices)


def test_search_offers_no_create_for_an_existing_name(client):
    """Typing an entry's exact name (any case or accents) offers that entry, not a duplicate."""
    entry("Société Générale")
    assert "Create “" not in search(client, "societe generale", create="1").content.decode()


def test_search_offers_no_create_without_add_source():
    """A user who may read the registry but not add to it gets no "Create" options."""
    user = get_user_model().objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="view_source"))
    client = Client()
    client.force_login(user)
    response = search(client, "Harbour Authority", create="1")
    assert response.status_code == 200
    assert "data-kind=" not in response.content.decode()


# --- Search: who may ask, and what -----------------------------------------------------------


def test_search_needs_view_source():
    """A signed-in user without the registry's view permission is refused (403)."""
    user = get_user_model().objects.create_user("nobody", password="x")
    client = Client()
    client.force_login(user)
    assert search(client, "rail").status_code == 403


def test_search_needs_a_login():
    """Anonymous: sent to the login page (htmx's client redirect), no registry listed."""
    entry("Rail Workers Union")
    response = search(Client(), "rail")
    assert "/login/" in response["HX-Redirect"]
    assert names(response) == []


def test_search_refuses_a_listbox_id_it_could_not_use(client):
    """The listbox id goes into option ids: anything but a plain id is refused with 400."""
    response = client.get(
        reverse("annotations:registry_search"), {"q": "x", "list": '"><b>'}, headers=HTMX
    )
    assert response.status_code == 400


def test_search_escapes_the_words_typed(client):
    """Typed markup comes back as text in the "Create" label."""
    body = search(client, "<b>Bold</b>", create="1").content.decode()
    assert "<b>Bold</b>" not in body
    assert "&lt;b&gt;Bold&lt;/b&gt;" in body


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plan wording")
def test_search_query_seeks_the_terms_index():
    """The search reads the terms through their index (a range, in order), never a scan."""
    entry("Rail Workers Union")
    key = registry.search_key("rail")
    queryset = SourceTerm.objects.filter(
        whole=True, term__gte=key, term__lt=registry.upper_bound(key)
    ).order_by("term")[:40]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "USING INDEX source_term_prefix (whole=? AND term>? AND term<?)" in plan
    assert "TEMP B-TREE" not in plan  # the index gives the order: no sort


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan wording")
def test_search_query_can_seek_the_terms_index_on_postgresql():
    """On PostgreSQL the range and its order come from the same index (the "C" collation of
    CodePointField): with sequential scans discouraged, the plan reads the index, no sort."""
    entry("Rail Workers Union")
    key = registry.search_key("rail")
    queryset = SourceTerm.objects.filter(
        whole=True, term__gte=key, term__lt=registry.upper_bound(key)
    ).order_by("term")[:40]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = " ".join(str(row[0]) for row in cursor.fetchall())
    assert "source_term_prefix" in plan
    assert "Sort" not in plan


# --- The Resolve form ------------------------------------------------------------------------


def resolve_url(span) -> str:
    return reverse("annotations:resolve", args=[span.pk])


def post_resolve(client: Client, span, **data):
    data.setdefault("revision", span.article.revision)
    return client.post(resolve_url(span), data, headers=HTMX)


def test_resolve_form_is_a_combobox_prefilled_with_the_spans_words(client, editor):
    """The form opens on an input holding the span's words, a combobox controlling an open
    listbox, with the article revision and the entry the span had."""
    article = make_article(body="Harbour officials said so.")
    span = make_annotation(article, "Source", quote="Harbour officials", author=editor)
    body = client.get(resolve_url(span), headers=HTMX).content.decode()
    assert re.search(
        r'<input type="text" id="resolve\d+-q" name="q" value="Harbour officials"[^>]*role="combobox"[^>]*aria-expanded="true" aria-controls="resolve\d+-list"',
        body,
    )
    assert re.search(r'<div role="listbox" id="resolve\d+-list"', body)
    assert f'name="revision" value="{article.revision}"' in body
    assert 'name="seen"' in body
    assert "<select" not in body


def test_resolve_creates_an_entry_inline_in_one_post(client, editor):
    """The words typed and a kind picked from "Create" make the entry and resolve the span."""
    span = make_annotation(
        make_article(body="The harbour board said so."),
        "Source",
        quote="The harbour board",
        author=editor,
    )
    response = post_resolve(client, span, q="Harbour Board of Eastport", new_kind=Kind.GOVERNMENT)
    assert response.status_code == 200
    span.refresh_from_db()
    assert (span.source_entry.name, span.source_entry.kind) == (
        "Harbour Board of Eastport",
        "government",
    )


def test_resolve_create_refuses_a_name_in_the_registry_keeping_the_words(client, editor):
    """Creating "societe generale" beside "Société Générale": 422 in place, the words kept,
    no second entry."""
    entry("Société Générale")
    span = make_annotation(
        make_article(body="The bank said so."), "Source", quote="The bank", author=editor
    )
    response = post_resolve(client, span, q="societe generale", new_kind=Kind.ORGANISATION)
    assert response.status_code == 422
    body = html.unescape(response.content.decode())
    assert "“Société Générale” is in the registry already: pick it." in body
    assert 'value="societe generale"' in body
    assert Source.objects.count() == 1


def test_resolve_create_needs_add_source(editor):
    """Without annotations.add_source, "Create" is refused (403) and nothing is made."""
    editor.groups.first().permissions.remove(Permission.objects.get(codename="add_source"))
    editor = get_user_model().objects.get(pk=editor.pk)  # drop the permission cache
    client = Client()
    client.force_login(editor)
    span = make_annotation(
        make_article(body="The harbour board said so."),
        "Source",
        quote="The harbour board",
        author=editor,
    )
    response = post_resolve(client, span, q="Harbour Board", new_kind=Kind.GOVERNMENT)
    assert response.status_code == 403
    assert Source.objects.count() == 0


def test_resolve_refuses_a_stale_revision_with_409_and_the_span_as_it_is(client, editor):
    """A form opened before the article's text changed: 409, the panel item back, nothing
    written."""
    ministry = entry("Ministry of Transport", Kind.GOVERNMENT)
    span = make_annotation(
        make_article(body="The ministry said so."), "Source", quote="The ministry", author=editor
    )
    response = post_resolve(client, span, source=ministry.pk, revision=span.article.revision - 1)
    assert response.status_code == 409
    body = response.content.decode()
    assert f'<li id="ann-{span.pk}"' in body and "changed since the form was opened" in body
    span.refresh_from_db()
    assert span.source_entry is None


def test_resolve_refuses_when_someone_resolved_the_span_meanwhile(client, editor):
    """Two editors on one span: the second form (opened when it had no entry) gets 409 and
    the entry the first one chose stays."""
    first, second = entry("Ministry of Transport"), entry("Transport Department")
    span = make_annotation(
        make_article(body="The ministry said so."), "Source", quote="The ministry", author=editor
    )
    form = client.get(resolve_url(span), headers=HTMX).content.decode()
    assert re.search(r'name="seen"(?! value)', form)  # opened unresolved
    span.source_entry = first
    span.save()
    response = post_resolve(client, span, source=second.pk, seen="")
    assert response.status_code == 409
    assert "Someone else resolved this span meanwhile" in html.unescape(response.content.decode())
    span.refresh_from_db()
    assert span.source_entry == first


def test_resolve_from_a_form_opened_on_the_current_entry_is_accepted(client, editor):
    """Re-resolving a resolved span from a form that saw its entry goes through."""
    first, second = entry("Ministry of Transport"), entry("Transport Department")
    span = make_annotation(
        make_article(body="The ministry said so."),
        "Source",
        quote="The ministry",
        author=editor,
        source_entry=first,
    )
    response = post_resolve(client, span, source=second.pk, seen=first.pk)
    assert response.status_code == 200
    span.refresh_from_db()
    assert span.source_entry == second


def test_resolve_form_offers_no_remember_for_a_generic_word(client, editor):
    """ "officials" names no one: the form says so and has no "remember" box."""
    span = make_annotation(
        make_article(body="Officials said so."), "Source", quote="Officials", author=editor
    )
    body = client.get(resolve_url(span), headers=HTMX).content.decode()
    assert 'name="remember"' not in body
    assert "never remembered as an alias" in body


def test_resolving_with_a_picked_entry_learns_no_confirmed_alias_silently(client, editor):
    """Without "remember", resolving "The Harbour Board" leaves only a candidate, and another
    article's form for the same words suggests nothing."""
    board = entry("Eastport Harbour Board")
    one = make_annotation(
        make_article(body="The Harbour Board said so."),
        "Source",
        quote="The Harbour Board",
        author=editor,
    )
    post_resolve(client, one, source=board.pk, q="Eastport Harbour Board")
    assert SourceAlias.objects.get().confirmed is False
    other = make_annotation(
        make_article(body="The Harbour Board said no."),
        "Source",
        quote="The Harbour Board",
        author=editor,
    )
    body = client.get(resolve_url(other), headers=HTMX).content.decode()
    assert "cb-option suggested" not in body


# --- The Link form ----------------------------------------------------------------------------


def test_link_form_picks_the_entry_in_the_type_ahead(client, editor):
    """The Link form's registry entry is a combobox (no <select> of the whole registry)."""
    entry("Ministry of Transport")
    claim = make_annotation(
        make_article(body="The ministry said the bridge is safe."),
        "Claim",
        quote="the bridge is safe",
        author=editor,
    )
    body = client.get(reverse("annotations:link", args=[claim.pk]), headers=HTMX).content.decode()
    assert 'name="source_entry"' in body
    assert '<select name="source_entry"' not in body
    assert re.search(
        r'role="combobox"[^>]*aria-expanded="false" aria-controls="link\d+-source_entry-list"', body
    )
    assert "create=1" not in body  # picking only: entries are made in Resolve


def test_link_form_keeps_the_picked_entry_after_a_refusal(client, editor):
    """A refused Link POST (entry and implicit both given) comes back with the entry picked."""
    ministry = entry("Ministry of Transport")
    claim = make_annotation(
        make_article(body="The ministry said the bridge is safe."),
        "Claim",
        quote="the bridge is safe",
        author=editor,
    )
    response = client.post(
        reverse("annotations:link", args=[claim.pk]),
        {"source_entry": ministry.pk, "implicit_source": "on"},
        headers=HTMX,
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert f'name="source_entry" value="{ministry.pk}"' in body
    assert 'value="Ministry of Transport"' in body
